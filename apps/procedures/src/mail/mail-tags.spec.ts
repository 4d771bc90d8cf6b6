import 'reflect-metadata';

import { type FieldDefinition, FieldType, MAIL_TEMPLATE_KINDS } from '@tps/contracts';

import { DEFAULT_MAIL_TEMPLATES } from './default-mail-templates';
import { availableTags, checkTags, extractTags } from './mail-tags';

const field = (type: FieldType, label: string, stableId: string): FieldDefinition => ({
  stableId,
  type,
  label,
  description: '',
  required: false,
  options: {},
  position: 0,
});

const FIELDS = [
  field(FieldType.Text, 'Nom de l’association', 'a'),
  field(FieldType.Attachment, 'Statuts', 'b'),
  field(FieldType.HeaderSection, 'Identité', 'c'),
];

describe('extractTags', () => {
  it('finds every --tag-- in order, accents and spaces included', () => {
    expect(extractTags('Dossier n° --numéro du dossier-- (--libellé démarche--)')).toEqual([
      'numéro du dossier',
      'libellé démarche',
    ]);
  });

  it('does not join tags across lines', () => {
    expect(extractTags('a --b\nc-- d')).toEqual([]);
  });
});

describe('availableTags', () => {
  it('adds one tag per fillable, non-attachment field', () => {
    const fieldTags = availableTags(FIELDS).filter((tag) => tag.fieldStableId);
    expect(fieldTags).toEqual([
      { tag: 'Nom de l’association', description: expect.any(String), fieldStableId: 'a' },
    ]);
  });
});

describe('checkTags', () => {
  it('accepts built-in and field tags, case-insensitively', () => {
    expect(
      checkTags('--Numéro du dossier-- --nom de l’association--', 'dossier_submitted', FIELDS),
    ).toEqual({
      unknown: [],
      notInKind: [],
    });
  });

  it('accepts a tag typed in decomposed Unicode', () => {
    expect(checkTags('--nume\u0301ro du dossier--', 'dossier_submitted', FIELDS)).toEqual({
      unknown: [],
      notInKind: [],
    });
  });

  it('reports unknown tags and tags of attachments or sections', () => {
    expect(
      checkTags('--inconnue-- --Statuts-- --Identité--', 'dossier_submitted', FIELDS).unknown,
    ).toEqual(['inconnue', 'Statuts', 'Identité']);
  });

  it('keeps decision tags to decision kinds', () => {
    expect(checkTags('--motivation--', 'dossier_submitted', FIELDS).notInKind).toEqual([
      'motivation',
    ]);
    expect(checkTags('--motivation--', 'dossier_refused', FIELDS).notInKind).toEqual([]);
    expect(
      checkTags('--date de passage en instruction--', 'dossier_submitted', FIELDS).notInKind,
    ).toEqual(['date de passage en instruction']);
    expect(
      checkTags('--date de passage en instruction--', 'dossier_instruction_started', FIELDS)
        .notInKind,
    ).toEqual([]);
  });

  it('allows motivation and instruction date when returned', () => {
    const kind = 'dossier_returned_to_construction';

    expect(checkTags('--motivation--', kind, FIELDS).notInKind).toEqual([]);
    expect(checkTags('--date de passage en instruction--', kind, FIELDS).notInKind).toEqual([]);
    expect(checkTags('--date de décision--', kind, FIELDS).notInKind).toEqual(['date de décision']);
  });
});

describe('DEFAULT_MAIL_TEMPLATES', () => {
  it.each(MAIL_TEMPLATE_KINDS)('%s uses only tags with a value in it', (kind) => {
    const { subject, body } = DEFAULT_MAIL_TEMPLATES[kind];

    expect(checkTags(`${subject}\n${body}`, kind, [])).toEqual({ unknown: [], notInKind: [] });
  });
});
