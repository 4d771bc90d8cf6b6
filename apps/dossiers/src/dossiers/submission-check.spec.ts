import 'reflect-metadata';

import { type FieldDefinition, FieldType } from '@tps/contracts';

import type { FieldValueEntity } from '../database/field-value.entity';
import { findSubmissionErrors } from './submission-check';

describe('findSubmissionErrors', () => {
  const definition = (
    stableId: string,
    type: FieldType,
    required: boolean,
    position: number,
  ): FieldDefinition => ({
    stableId,
    type,
    label: stableId,
    description: '',
    required,
    options: {},
    position,
  });
  const value = (
    stableId: string,
    stored: FieldValueEntity['value'],
    siretData: FieldValueEntity['siretData'] = null,
  ) =>
    ({
      dossierId: 'd',
      stableId,
      value: stored,
      siretData,
      updatedAt: new Date(),
    }) as FieldValueEntity;

  const fields = [
    definition('section', FieldType.HeaderSection, true, 0),
    definition('name', FieldType.Text, true, 1),
    definition('consent', FieldType.Checkbox, true, 2),
    definition('proof', FieldType.Attachment, true, 3),
    definition('siret', FieldType.Siret, false, 4),
    definition('note', FieldType.Textarea, false, 5),
  ];

  it('lists empty required fields in form order', () => {
    const errors = findSubmissionErrors(fields, [value('consent', false)], []);

    expect(errors.map((error) => error.field)).toEqual([
      'values.name',
      'values.consent',
      'values.proof',
    ]);
  });

  it('accepts a complete dossier', () => {
    const errors = findSubmissionErrors(
      fields,
      [value('name', 'Dupont'), value('consent', true)],
      [{ fieldStableId: 'proof' }],
    );

    expect(errors).toEqual([]);
  });

  it('blocks an unknown SIRET but not a pending one', () => {
    const complete = [value('name', 'Dupont'), value('consent', true)];
    const proof = [{ fieldStableId: 'proof' }];

    const unknown = findSubmissionErrors(
      fields,
      [...complete, value('siret', '00000000000000', { status: 'not_found', company: null })],
      proof,
    );
    const pending = findSubmissionErrors(
      fields,
      [...complete, value('siret', '41816609600069', { status: 'pending', company: null })],
      proof,
    );

    expect(unknown.map((error) => error.field)).toEqual(['values.siret']);
    expect(pending).toEqual([]);
  });
});
