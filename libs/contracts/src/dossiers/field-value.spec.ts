import { FieldType } from '../procedures/field-type';
import { FieldDefinition } from '../procedures/procedure.dto';
import { SIRET_ERROR_MESSAGES } from '../siret/siret';
import {
  acceptsDirectValue,
  displayFieldValue,
  FieldValueResult,
  isEmptyFieldValue,
  NormalizedFieldValue,
  normalizeFieldValue,
} from './field-value';

function field(type: FieldType, options: FieldDefinition['options'] = {}): FieldDefinition {
  return {
    stableId: 'f1',
    type,
    label: 'Champ',
    description: '',
    required: true,
    options,
    position: 0,
  };
}

function messageOf(result: FieldValueResult): string {
  if (result.ok) {
    throw new Error(`expected a rejection, got ${JSON.stringify(result.value)}`);
  }

  return result.message;
}

const FRUITS = ['Pomme', 'Poire', 'Cerise'];

type AcceptCase = [FieldType, unknown, NormalizedFieldValue, FieldDefinition['options']?];
type RejectCase = [FieldType, unknown, RegExp, FieldDefinition['options']?];

describe('normalizeFieldValue', () => {
  const directTypes = Object.values(FieldType).filter(acceptsDirectValue);

  describe.each(directTypes)('clearing a %s field', (type) => {
    it.each([null, undefined, '', '   ', '\u00a0'])('clears %p', (raw) => {
      expect(normalizeFieldValue(field(type, { choices: FRUITS }), raw)).toEqual({
        ok: true,
        value: null,
      });
    });
  });

  const accepted: AcceptCase[] = [
    // text
    [FieldType.Text, 'Bonjour', 'Bonjour'],
    [FieldType.Text, '  Bonjour  ', 'Bonjour'],
    [FieldType.Text, 'a'.repeat(2000), 'a'.repeat(2000)],
    [FieldType.Text, 'abcde', 'abcde', { maxLength: 5 }],
    [FieldType.Text, '😀'.repeat(5), '😀'.repeat(5), { maxLength: 5 }],
    // textarea
    [FieldType.Textarea, 'ligne 1\nligne 2\r\nligne 3', 'ligne 1\nligne 2\r\nligne 3'],
    [FieldType.Textarea, 'a'.repeat(50000), 'a'.repeat(50000)],
    // integer_number
    [FieldType.Integer, 42, 42],
    [FieldType.Integer, -7, -7],
    [FieldType.Integer, 0, 0],
    [FieldType.Integer, '1200', 1200],
    [FieldType.Integer, '1 200', 1200],
    [FieldType.Integer, '1\u00a0200', 1200],
    [FieldType.Integer, '1\u202f200\u202f000', 1200000],
    [FieldType.Integer, '+15', 15],
    [FieldType.Integer, '-15', -15],
    [FieldType.Integer, '-0', 0],
    [FieldType.Integer, '007', 7],
    [FieldType.Integer, 12.0, 12],
    [FieldType.Integer, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    [FieldType.Integer, 10, 10, { min: 10, max: 20 }],
    [FieldType.Integer, '20', 20, { min: 10, max: 20 }],
    // decimal_number
    [FieldType.Decimal, '12,5', 12.5],
    [FieldType.Decimal, '12.5', 12.5],
    [FieldType.Decimal, 12.5, 12.5],
    [FieldType.Decimal, 12, 12],
    [FieldType.Decimal, '12', 12],
    [FieldType.Decimal, '-0,125', -0.125],
    [FieldType.Decimal, '+3,1', 3.1],
    [FieldType.Decimal, '1 234,567', 1234.567],
    [FieldType.Decimal, '1\u00a0234,5', 1234.5],
    [FieldType.Decimal, '1\u202f234.5', 1234.5],
    [FieldType.Decimal, 12.345, 12.345],
    [FieldType.Decimal, '0,000', 0],
    [FieldType.Decimal, '-0', 0],
    [FieldType.Decimal, '0.5', 0.5, { min: 0.5, max: 1.5 }],
    [FieldType.Decimal, '1,5', 1.5, { min: 0.5, max: 1.5 }],
    // date
    [FieldType.Date, '2024-03-15', '2024-03-15'],
    [FieldType.Date, ' 2024-03-15 ', '2024-03-15'],
    [FieldType.Date, '2024-02-29', '2024-02-29'],
    [FieldType.Date, '2000-02-29', '2000-02-29'],
    [FieldType.Date, '15/03/2024', '2024-03-15'],
    [FieldType.Date, '5/3/2024', '2024-03-05'],
    [FieldType.Date, '29/02/2024', '2024-02-29'],
    [FieldType.Date, '1900-01-01', '1900-01-01'],
    [FieldType.Date, '2200-12-31', '2200-12-31'],
    [FieldType.Date, '2023-12-31', '2023-12-31'],
    [FieldType.Date, '2023-04-30', '2023-04-30'],
    // yes_no
    [FieldType.YesNo, true, true],
    [FieldType.YesNo, false, false],
    [FieldType.YesNo, 'true', true],
    [FieldType.YesNo, 'false', false],
    [FieldType.YesNo, 'oui', true],
    [FieldType.YesNo, 'non', false],
    [FieldType.YesNo, 'OUI', true],
    [FieldType.YesNo, ' Non ', false],
    [FieldType.YesNo, 'TRUE', true],
    // checkbox
    [FieldType.Checkbox, true, true],
    [FieldType.Checkbox, false, false],
    [FieldType.Checkbox, 'Oui', true],
    [FieldType.Checkbox, 'False', false],
    // civilite
    [FieldType.Civility, 'M.', 'M.'],
    [FieldType.Civility, 'M', 'M.'],
    [FieldType.Civility, 'Mme', 'Mme'],
    [FieldType.Civility, ' Mme ', 'Mme'],
    // drop_down_list
    [FieldType.DropDownList, 'Poire', 'Poire', { choices: FRUITS }],
    [FieldType.DropDownList, '  Poire ', 'Poire', { choices: FRUITS }],
    // multiple_drop_down_list
    [FieldType.MultipleDropDownList, ['Poire', 'Pomme'], ['Poire', 'Pomme'], { choices: FRUITS }],
    [
      FieldType.MultipleDropDownList,
      ['Poire', 'Pomme', 'Poire'],
      ['Poire', 'Pomme'],
      { choices: FRUITS },
    ],
    [FieldType.MultipleDropDownList, [' Cerise '], ['Cerise'], { choices: FRUITS }],
    [FieldType.MultipleDropDownList, [], [], { choices: FRUITS }],
    [FieldType.MultipleDropDownList, 'Cerise', ['Cerise'], { choices: FRUITS }],
    // email
    [FieldType.Email, 'prenom.nom@exemple.fr', 'prenom.nom@exemple.fr'],
    [FieldType.Email, '  Prenom.Nom@Exemple.FR ', 'Prenom.Nom@exemple.fr'],
    [FieldType.Email, 'a+tag@sous.domaine.gouv.fr', 'a+tag@sous.domaine.gouv.fr'],
    [
      FieldType.Email,
      `${'a'.repeat(64)}@${'b'.repeat(185)}.fr`,
      `${'a'.repeat(64)}@${'b'.repeat(185)}.fr`,
    ],
    // phone
    [FieldType.Phone, '0612345678', '0612345678'],
    [FieldType.Phone, '06 12 34 56 78', '0612345678'],
    [FieldType.Phone, '06.12.34.56.78', '0612345678'],
    [FieldType.Phone, '06-12-34-56-78', '0612345678'],
    [FieldType.Phone, '06\u00a012\u202f34 56 78', '0612345678'],
    [FieldType.Phone, '(01) 23 45 67 89', '0123456789'],
    [FieldType.Phone, '+33612345678', '0612345678'],
    [FieldType.Phone, '+33 6 12 34 56 78', '0612345678'],
    [FieldType.Phone, '+33 (0)6 12 34 56 78', '0612345678'],
    [FieldType.Phone, '0033 6 12 34 56 78', '0612345678'],
    [FieldType.Phone, '0262 12 34 56', '0262123456'],
    [FieldType.Phone, '+262 692 12 34 56', '+262692123456'],
    [FieldType.Phone, '+590 590 12 34 56', '+590590123456'],
    [FieldType.Phone, '+594 594 12 34 56', '+594594123456'],
    [FieldType.Phone, '+596 596 12 34 56', '+596596123456'],
    [FieldType.Phone, '+269 639 12 34', '+2696391234'],
    [FieldType.Phone, '+687 12 34 56', '+687123456'],
    [FieldType.Phone, '+689 40 12 34 56', '+68940123456'],
    [FieldType.Phone, '+32 2 123 45 67', '+3221234567'],
    [FieldType.Phone, '0049 30 1234567', '+49301234567'],
    [FieldType.Phone, '+1 (202) 555-0123', '+12025550123'],
    // siret
    [FieldType.Siret, '13002526500013', '13002526500013'],
    [FieldType.Siret, '130 025 265 00013', '13002526500013'],
    [FieldType.Siret, '130\u00a0025\u202f265 00013', '13002526500013'],
    [FieldType.Siret, '35600000000048', '35600000000048'],
  ];

  it.each(accepted)('accepts %s %p', (...[type, raw, expected, options]: AcceptCase) => {
    expect(normalizeFieldValue(field(type, options), raw)).toEqual({ ok: true, value: expected });
  });

  const rejected: RejectCase[] = [
    // text
    [FieldType.Text, 12, /attend du texte.*un nombre/],
    [FieldType.Text, { a: 1 }, /attend du texte.*un objet/],
    [FieldType.Text, ['a'], /attend du texte.*une liste/],
    [FieldType.Text, true, /attend du texte.*un booléen/],
    [FieldType.Text, 'ligne 1\nligne 2', /une seule ligne.*Texte long/],
    [FieldType.Text, 'ligne 1\rligne 2', /une seule ligne/],
    [FieldType.Text, 'a'.repeat(2001), /2001 caractères, pour 2000 au maximum/],
    [
      FieldType.Text,
      'abcdef',
      /6 caractères, pour 5 au maximum.*de 1 caractères/,
      { maxLength: 5 },
    ],
    // textarea
    [FieldType.Textarea, 12, /attend du texte/],
    [FieldType.Textarea, 'a'.repeat(50001), /50001 caractères, pour 50000 au maximum/],
    [FieldType.Textarea, 'abcdef', /pour 5 au maximum/, { maxLength: 5 }],
    // integer_number
    [FieldType.Integer, '12.5', /« 12\.5 » n’est pas un nombre entier/],
    [FieldType.Integer, '12,0', /« 12,0 » n’est pas un nombre entier/],
    [FieldType.Integer, 'abc', /n’est pas un nombre entier/],
    [FieldType.Integer, '1e5', /n’est pas un nombre entier/],
    [FieldType.Integer, '0x10', /n’est pas un nombre entier/],
    [FieldType.Integer, '--5', /n’est pas un nombre entier/],
    [FieldType.Integer, 12.5, /12,5 n’est pas un nombre entier/],
    [FieldType.Integer, Number.NaN, /n’est pas un nombre entier/],
    [FieldType.Integer, Number.POSITIVE_INFINITY, /n’est pas un nombre entier/],
    [FieldType.Integer, Number.MAX_SAFE_INTEGER + 1, /trop grand/],
    [FieldType.Integer, '99999999999999999999', /trop grand/],
    [FieldType.Integer, true, /attend un nombre entier.*un booléen/],
    [FieldType.Integer, 9, /supérieur ou égal à 10/, { min: 10 }],
    [FieldType.Integer, '21', /inférieur ou égal à 20/, { max: 20 }],
    // decimal_number
    [FieldType.Decimal, '12,5,3', /« 12,5,3 » n’est pas un nombre valide/],
    [FieldType.Decimal, '12.5.3', /n’est pas un nombre valide/],
    [FieldType.Decimal, '1e5', /n’est pas un nombre valide/],
    [FieldType.Decimal, 'abc', /n’est pas un nombre valide/],
    [FieldType.Decimal, ',5', /n’est pas un nombre valide/],
    [FieldType.Decimal, '12,', /n’est pas un nombre valide/],
    [FieldType.Decimal, '-', /n’est pas un nombre valide/],
    [FieldType.Decimal, Number.NaN, /nombre fini/],
    [FieldType.Decimal, Number.POSITIVE_INFINITY, /nombre fini/],
    [FieldType.Decimal, Number.NEGATIVE_INFINITY, /nombre fini/],
    [FieldType.Decimal, 1e21, /n’est pas un nombre valide/],
    [FieldType.Decimal, '12,3456', /4 décimales, pour 3 au maximum/],
    [FieldType.Decimal, 0.1 + 0.2, /décimales, pour 3 au maximum/],
    [FieldType.Decimal, '1234567890123456', /trop de chiffres/],
    [FieldType.Decimal, { value: 1 }, /attend un nombre.*un objet/],
    [FieldType.Decimal, '0,4', /0,4 est trop petit.*supérieur ou égal à 0,5/, { min: 0.5 }],
    [FieldType.Decimal, 1.501, /trop grand.*inférieur ou égal à 1,5/, { max: 1.5 }],
    // date
    [FieldType.Date, '2023-02-31', /31\/02\/2023 n’existe pas/],
    [FieldType.Date, '31/02/2023', /31\/02\/2023 n’existe pas/],
    [FieldType.Date, '2023-02-29', /29\/02\/2023 n’existe pas/],
    [FieldType.Date, '1900-02-29', /n’existe pas/],
    [FieldType.Date, '2023-04-31', /n’existe pas/],
    [FieldType.Date, '2023-13-01', /n’existe pas/],
    [FieldType.Date, '2023-00-10', /n’existe pas/],
    [FieldType.Date, '2023-01-00', /n’existe pas/],
    [FieldType.Date, '1899-12-31', /année 1899.*entre 1900 et 2200/],
    [FieldType.Date, '2201-01-01', /année 2201/],
    [FieldType.Date, '2024-3-15', /AAAA-MM-JJ, par exemple 2024-03-15/],
    [FieldType.Date, '15-03-2024', /n’est pas une date reconnue/],
    [FieldType.Date, '2024-03-15T10:00:00Z', /n’est pas une date reconnue/],
    [FieldType.Date, 'demain', /n’est pas une date reconnue/],
    [FieldType.Date, 20240315, /date écrite en texte.*un nombre/],
    // yes_no and checkbox
    [FieldType.YesNo, 'peut-être', /Répondez par oui ou par non/],
    [FieldType.YesNo, 1, /Répondez par oui ou par non/],
    [FieldType.YesNo, 'o', /true, false, « oui » et « non »/],
    [FieldType.Checkbox, 'coché', /Cochez ou décochez la case/],
    [FieldType.Checkbox, 0, /Cochez ou décochez la case/],
    // civilite
    [FieldType.Civility, 'Mlle', /« Mlle » n’est pas une civilité acceptée/],
    [FieldType.Civility, 'Monsieur', /« M\. » ou « Mme »/],
    [FieldType.Civility, 'mme', /n’est pas une civilité acceptée/],
    [FieldType.Civility, 1, /« M\. » ou « Mme »/],
    // drop_down_list
    [
      FieldType.DropDownList,
      'Banane',
      /« Banane » ne fait pas partie des choix.*« Pomme », « Poire », « Cerise »/,
      { choices: FRUITS },
    ],
    [FieldType.DropDownList, 'poire', /ne fait pas partie des choix/, { choices: FRUITS }],
    [FieldType.DropDownList, ['Poire'], /écrit en texte.*une liste/, { choices: FRUITS }],
    [FieldType.DropDownList, 'Poire', /aucun choix/, {}],
    // multiple_drop_down_list
    [
      FieldType.MultipleDropDownList,
      ['Poire', 'Banane'],
      /« Banane » ne fait pas partie des choix/,
      { choices: FRUITS },
    ],
    [
      FieldType.MultipleDropDownList,
      ['Poire', 3],
      /la liste contient un nombre/,
      { choices: FRUITS },
    ],
    [FieldType.MultipleDropDownList, ['Poire', ''], /contient un choix vide/, { choices: FRUITS }],
    [
      FieldType.MultipleDropDownList,
      { 0: 'Poire' },
      /attend une liste de choix.*un objet/,
      { choices: FRUITS },
    ],
    [FieldType.MultipleDropDownList, 'Banane', /ne fait pas partie des choix/, { choices: FRUITS }],
    // email
    [FieldType.Email, 'prenom.nom.exemple.fr', /ne contient pas de @/],
    [FieldType.Email, 'a@b@exemple.fr', /contient plusieurs @/],
    [FieldType.Email, 'prenom nom@exemple.fr', /contient des espaces/],
    [FieldType.Email, '@exemple.fr', /avant le @.*vide ou trop longue/],
    [FieldType.Email, `${'a'.repeat(65)}@exemple.fr`, /avant le @.*vide ou trop longue/],
    [FieldType.Email, 'prenom@exemple', /domaine.*doit contenir un point/],
    [FieldType.Email, 'prenom@', /domaine.*invalide/],
    [FieldType.Email, 'prenom@.fr', /domaine.*invalide/],
    [FieldType.Email, 'prenom@exemple.', /domaine.*invalide/],
    [FieldType.Email, 'prenom@exemple..fr', /domaine.*invalide/],
    [FieldType.Email, `a@${'b'.repeat(250)}.fr`, /dépasse 254 caractères/],
    [FieldType.Email, 42, /attend une adresse électronique.*un nombre/],
    // phone
    [FieldType.Phone, '061234567', /n’est pas un numéro de téléphone valide/],
    [FieldType.Phone, '06123456789', /n’est pas un numéro de téléphone valide/],
    [FieldType.Phone, '00123', /n’est pas un numéro de téléphone valide/],
    [FieldType.Phone, '6123456789', /n’est pas un numéro de téléphone valide/],
    [FieldType.Phone, '+33 6 12 34 56', /n’est pas un numéro de téléphone valide/],
    [FieldType.Phone, '+33 6 12 34 56 78 9', /n’est pas un numéro de téléphone valide/],
    [FieldType.Phone, '+1234567', /n’est pas un numéro de téléphone valide/],
    [FieldType.Phone, '+1234567890123456', /n’est pas un numéro de téléphone valide/],
    [FieldType.Phone, '+0612345678', /n’est pas un numéro de téléphone valide/],
    [FieldType.Phone, '06 12 34 56 7A', /par exemple 06 12 34 56 78/],
    [FieldType.Phone, '06/12/34/56/78', /n’est pas un numéro de téléphone valide/],
    [FieldType.Phone, 612345678, /écrit en texte.*un nombre/],
    // siret
    [FieldType.Siret, '1300252650001', new RegExp(escapeRegExp(SIRET_ERROR_MESSAGES.format))],
    [FieldType.Siret, '130025265000131', new RegExp(escapeRegExp(SIRET_ERROR_MESSAGES.format))],
    [FieldType.Siret, '1300252650001A', new RegExp(escapeRegExp(SIRET_ERROR_MESSAGES.format))],
    [FieldType.Siret, '13002526500014', new RegExp(escapeRegExp(SIRET_ERROR_MESSAGES.checksum))],
    [FieldType.Siret, 13002526500013, /écrit en texte.*un nombre/],
  ];

  it.each(rejected)('rejects %s %p', (...[type, raw, pattern, options]: RejectCase) => {
    expect(messageOf(normalizeFieldValue(field(type, options), raw))).toMatch(pattern);
  });

  it('uses the exact SIRET format message', () => {
    expect(normalizeFieldValue(field(FieldType.Siret), '1300252650001')).toEqual({
      ok: false,
      message: SIRET_ERROR_MESSAGES.format,
    });
  });

  it('uses the exact SIRET checksum message', () => {
    expect(normalizeFieldValue(field(FieldType.Siret), '13002526500014')).toEqual({
      ok: false,
      message: SIRET_ERROR_MESSAGES.checksum,
    });
  });

  it.each([
    [FieldType.Attachment, /dépôt de pièces jointes/],
    [FieldType.HeaderSection, /ne contient pas de valeur/],
    [FieldType.Explanation, /ne contient pas de valeur/],
  ])('rejects any value for %s', (type, pattern) => {
    expect(messageOf(normalizeFieldValue(field(type), 'x'))).toMatch(pattern);
    expect(messageOf(normalizeFieldValue(field(type), null))).toMatch(pattern);
  });

  it('rejects an unknown field type', () => {
    const unknown = field('signature' as FieldType);
    expect(messageOf(normalizeFieldValue(unknown, 'x'))).toMatch(/« signature » est inconnu/);
  });

  // The shared SIRET format message ends with an example instead of a period.
  it('ends every own message with a period', () => {
    for (const [type, raw, , options] of rejected.filter(([type]) => type !== FieldType.Siret)) {
      expect(messageOf(normalizeFieldValue(field(type, options), raw))).toMatch(/\.$/);
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('isEmptyFieldValue', () => {
  const cases: [FieldType, NormalizedFieldValue | undefined, boolean][] = [
    [FieldType.Text, null, true],
    [FieldType.Text, undefined, true],
    [FieldType.Text, '', true],
    [FieldType.Text, '  ', true],
    [FieldType.Text, 'a', false],
    [FieldType.Integer, 0, false],
    [FieldType.Decimal, 0, false],
    [FieldType.MultipleDropDownList, [], true],
    [FieldType.MultipleDropDownList, ['Poire'], false],
    [FieldType.Checkbox, false, true],
    [FieldType.Checkbox, true, false],
    [FieldType.YesNo, false, false],
    [FieldType.YesNo, true, false],
    [FieldType.Attachment, undefined, true],
  ];

  it.each(cases)('for %s %p returns %p', (type, value, expected) => {
    expect(isEmptyFieldValue(field(type), value)).toBe(expected);
  });
});

describe('displayFieldValue', () => {
  const cases: [FieldType, NormalizedFieldValue | undefined, string][] = [
    [FieldType.Text, null, ''],
    [FieldType.Text, undefined, ''],
    [FieldType.Text, 'Bonjour', 'Bonjour'],
    [FieldType.Textarea, 'a\nb', 'a\nb'],
    [FieldType.Date, '2024-03-15', '15/03/2024'],
    [FieldType.Decimal, 12.5, '12,5'],
    [FieldType.Decimal, -0.125, '-0,125'],
    [FieldType.Decimal, 12, '12'],
    [FieldType.Integer, 1200, '1200'],
    [FieldType.Integer, 1234567, '1234567'],
    [FieldType.YesNo, true, 'Oui'],
    [FieldType.YesNo, false, 'Non'],
    [FieldType.Checkbox, true, 'Oui'],
    [FieldType.Checkbox, false, 'Non'],
    [FieldType.Civility, 'Mme', 'Mme'],
    [FieldType.DropDownList, 'Poire', 'Poire'],
    [FieldType.MultipleDropDownList, ['Poire', 'Pomme'], 'Poire, Pomme'],
    [FieldType.MultipleDropDownList, [], ''],
    [FieldType.Email, 'a@exemple.fr', 'a@exemple.fr'],
    [FieldType.Phone, '0612345678', '06 12 34 56 78'],
    [FieldType.Phone, '+3221234567', '+3221234567'],
    [FieldType.Siret, '13002526500013', '130 025 265 00013'],
    [FieldType.HeaderSection, null, ''],
    [FieldType.Explanation, null, ''],
  ];

  it.each(cases)('shows %s %p as %p', (type, value, expected) => {
    expect(displayFieldValue(field(type), value)).toBe(expected);
  });

  it('joins attachment names', () => {
    const attachment = field(FieldType.Attachment);
    expect(displayFieldValue(attachment, undefined, { attachmentNames: ['a.pdf', 'b.png'] })).toBe(
      'a.pdf, b.png',
    );
  });

  it('shows no attachment as empty', () => {
    expect(displayFieldValue(field(FieldType.Attachment), undefined)).toBe('');
  });

  it('shows normalised values back in French', () => {
    const date = field(FieldType.Date);
    const normalized = normalizeFieldValue(date, '2024-02-29');
    expect(normalized.ok).toBe(true);
    expect(displayFieldValue(date, normalized.ok ? normalized.value : null)).toBe('29/02/2024');
  });
});

describe('acceptsDirectValue', () => {
  it.each([
    [FieldType.Text, true],
    [FieldType.Textarea, true],
    [FieldType.Integer, true],
    [FieldType.Decimal, true],
    [FieldType.Date, true],
    [FieldType.YesNo, true],
    [FieldType.Checkbox, true],
    [FieldType.Civility, true],
    [FieldType.DropDownList, true],
    [FieldType.MultipleDropDownList, true],
    [FieldType.Email, true],
    [FieldType.Phone, true],
    [FieldType.Siret, true],
    [FieldType.Attachment, false],
    [FieldType.HeaderSection, false],
    [FieldType.Explanation, false],
  ])('for %s returns %p', (type, expected) => {
    expect(acceptsDirectValue(type)).toBe(expected);
  });
});
