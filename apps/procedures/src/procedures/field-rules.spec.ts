import 'reflect-metadata';

import { FieldType } from '@tps/contracts';

import { checkFieldDraft, cleanOptions } from './field-rules';

const fieldsOf = (errors: { field: string }[]): string[] => errors.map((error) => error.field);

describe('checkFieldDraft', () => {
  it('accepts a list with distinct choices', () => {
    const errors = checkFieldDraft({
      type: FieldType.DropDownList,
      label: 'Discipline',
      required: true,
      options: { choices: ['Football', 'Rugby'] },
    });
    expect(errors).toEqual([]);
  });

  it('rejects a list without choices or with duplicates', () => {
    const empty = { type: FieldType.DropDownList, label: 'Liste', required: false, options: {} };
    const duplicated = { ...empty, options: { choices: ['a', 'b', 'a'] } };
    expect(fieldsOf(checkFieldDraft(empty))).toEqual(['options.choices']);
    expect(checkFieldDraft(duplicated)[0].message).toContain('(a)');
  });

  it('rejects choices on a text field', () => {
    const errors = checkFieldDraft({
      type: FieldType.Text,
      label: 'Nom',
      required: false,
      options: { choices: ['a'] },
    });
    expect(fieldsOf(errors)).toEqual(['options.choices']);
  });

  it('rejects a required header section', () => {
    const errors = checkFieldDraft({
      type: FieldType.HeaderSection,
      label: 'Titre',
      required: true,
      options: {},
    });
    expect(fieldsOf(errors)).toEqual(['required']);
  });

  it('rejects options that do not fit the type', () => {
    const errors = checkFieldDraft({
      type: FieldType.Date,
      label: 'Date',
      required: false,
      options: { maxLength: 3, maxFileSizeBytes: 10, min: 1 },
    });
    expect(fieldsOf(errors)).toEqual([
      'options.maxLength',
      'options.maxFileSizeBytes',
      'options.min',
    ]);
  });

  it('rejects inverted number bounds and non-numeric bounds', () => {
    const base = { type: FieldType.Integer, label: 'Âge', required: false };
    expect(fieldsOf(checkFieldDraft({ ...base, options: { min: 10, max: 1 } }))).toEqual([
      'options.min',
    ]);
    expect(
      fieldsOf(checkFieldDraft({ ...base, options: { max: 'dix' as unknown as number } })),
    ).toEqual(['options.max']);
  });

  it('rejects a blank label', () => {
    const errors = checkFieldDraft({
      type: FieldType.Text,
      label: '  ',
      required: false,
      options: {},
    });
    expect(fieldsOf(errors)).toEqual(['label']);
  });
});

describe('cleanOptions', () => {
  it('keeps only known keys', () => {
    const options = { choices: ['a'], extra: true } as unknown as Parameters<
      typeof cleanOptions
    >[0];
    expect(cleanOptions(options)).toEqual({ choices: ['a'] });
    expect(cleanOptions(undefined)).toEqual({});
  });
});
