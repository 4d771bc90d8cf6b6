import type { FieldDefinition } from '../procedures/procedure.dto';
import { FieldType } from '../procedures/field-type';
import { checkSiret, formatSiret, SIRET_ERROR_MESSAGES } from '../siret/siret';

/**
 * Rules for the value of each form field type: what an applicant may send, how it is stored and
 * how it is shown. Pure functions without dependencies, shared by the dossiers service and the
 * web front.
 */

export type NormalizedFieldValue = string | number | boolean | string[] | null;

export type FieldValueResult =
  | { ok: true; value: NormalizedFieldValue }
  | { ok: false; message: string };

const DEFAULT_TEXT_MAX_LENGTH = 2000;
const DEFAULT_TEXTAREA_MAX_LENGTH = 50000;
const MAX_DECIMAL_PLACES = 3;
/** A double keeps 15 significant decimal digits exactly, so longer numbers would be altered. */
const MAX_SIGNIFICANT_DIGITS = 15;
const MIN_DATE_YEAR = 1900;
const MAX_DATE_YEAR = 2200;
/** RFC 5321 limits: 254 characters for a whole address, 64 for the part before the @. */
const MAX_EMAIL_LENGTH = 254;
const MAX_EMAIL_LOCAL_PART_LENGTH = 64;
/** Choices are listed in an error message only when they are this few. */
const MAX_CHOICES_IN_MESSAGE = 10;

const NO_DIRECT_VALUE_TYPES: ReadonlySet<FieldType> = new Set([
  FieldType.Attachment,
  FieldType.HeaderSection,
  FieldType.Explanation,
]);

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, false: false, oui: true, non: false };

/** Types whose value is set through the values map (not header_section, explication, piece_justificative). */
export function acceptsDirectValue(type: FieldType): boolean {
  return !NO_DIRECT_VALUE_TYPES.has(type);
}

/**
 * Checks and normalises a raw value sent by an applicant. null, undefined and '' (after trim for
 * text-like types) clear the value (ok, value null). A string of only spaces also clears it, for
 * every type that accepts a direct value, numbers included.
 */
export function normalizeFieldValue(definition: FieldDefinition, raw: unknown): FieldValueResult {
  const type = definition.type;
  if (!acceptsDirectValue(type)) {
    return reject(noDirectValueMessage(type));
  }
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    return accept(null);
  }

  switch (type) {
    case FieldType.Text:
      return normalizeText(raw, definition.options.maxLength ?? DEFAULT_TEXT_MAX_LENGTH, false);
    case FieldType.Textarea:
      return normalizeText(raw, definition.options.maxLength ?? DEFAULT_TEXTAREA_MAX_LENGTH, true);
    case FieldType.Integer:
      return checkBounds(normalizeInteger(raw), definition);
    case FieldType.Decimal:
      return checkBounds(normalizeDecimal(raw), definition);
    case FieldType.Date:
      return normalizeDate(raw);
    case FieldType.YesNo:
      return normalizeBoolean(raw, 'Répondez par oui ou par non');
    case FieldType.Checkbox:
      return normalizeBoolean(raw, 'Cochez ou décochez la case');
    case FieldType.Civility:
      return normalizeCivility(raw);
    case FieldType.DropDownList:
      return normalizeChoice(raw, definition.options.choices ?? []);
    case FieldType.MultipleDropDownList:
      return normalizeChoices(raw, definition.options.choices ?? []);
    case FieldType.Email:
      return normalizeEmail(raw);
    case FieldType.Phone:
      return normalizePhone(raw);
    case FieldType.Siret:
      return normalizeSiretValue(raw);
    default:
      return reject(
        `Le type de champ « ${String(type)} » est inconnu : ce champ ne peut pas être rempli.`,
      );
  }
}

/**
 * True when a required field would count as not filled (null, '', [], checkbox false).
 * For piece_justificative the value is always undefined, so the caller checks attachments itself.
 */
export function isEmptyFieldValue(
  definition: FieldDefinition,
  value: NormalizedFieldValue | undefined,
): boolean {
  if (value === null || value === undefined) {
    return true;
  }
  if (typeof value === 'string') {
    return value.trim() === '';
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }

  return definition.type === FieldType.Checkbox && value === false;
}

/**
 * French human-readable rendering for e-mails, exports and tags; '' for empty. attachmentNames is
 * used for piece_justificative. An unchecked checkbox is shown as "Non", not ''.
 */
export function displayFieldValue(
  definition: FieldDefinition,
  value: NormalizedFieldValue | undefined,
  extras?: { attachmentNames?: string[] },
): string {
  if (definition.type === FieldType.Attachment) {
    return (extras?.attachmentNames ?? []).join(', ');
  }
  if (!acceptsDirectValue(definition.type) || value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'boolean') {
    return value ? 'Oui' : 'Non';
  }
  if (Array.isArray(value)) {
    return value.join(', ');
  }

  switch (definition.type) {
    case FieldType.Decimal:
      return String(value).replace('.', ',');
    case FieldType.Date:
      return displayDate(String(value));
    case FieldType.Siret:
      return /^\d{14}$/.test(String(value)) ? formatSiret(String(value)) : String(value);
    case FieldType.Phone:
      return displayPhone(String(value));
    default:
      return String(value);
  }
}

function accept(value: NormalizedFieldValue): FieldValueResult {
  return { ok: true, value };
}

function reject(message: string): FieldValueResult {
  return { ok: false, message };
}

function noDirectValueMessage(type: FieldType): string {
  if (type === FieldType.Attachment) {
    return 'Une pièce justificative ne se saisit pas comme une valeur : envoyez le fichier par le dépôt de pièces jointes.';
  }

  return 'Ce champ sert seulement à présenter le formulaire et ne contient pas de valeur : retirez-le des valeurs envoyées.';
}

/** French name of the JavaScript type of a rejected value, for error messages. */
function describeType(raw: unknown): string {
  if (Array.isArray(raw)) {
    return 'une liste';
  }
  switch (typeof raw) {
    case 'number':
      return 'un nombre';
    case 'boolean':
      return 'un booléen';
    case 'string':
      return 'du texte';
    default:
      return 'un objet';
  }
}

function expectedTextMessage(raw: unknown): string {
  return `Ce champ attend du texte, mais la valeur reçue est ${describeType(raw)}. Envoyez une chaîne de caractères.`;
}

/** Formats a number the French way (decimal comma, no grouping) for messages and display. */
function formatFrenchNumber(value: number): string {
  return String(value).replace('.', ',');
}

function normalizeText(raw: unknown, maxLength: number, multiline: boolean): FieldValueResult {
  if (typeof raw !== 'string') {
    return reject(expectedTextMessage(raw));
  }
  const text = raw.trim();
  if (!multiline && /[\r\n]/.test(text)) {
    return reject(
      'Un texte court tient sur une seule ligne : retirez les retours à la ligne, ou demandez un champ « Texte long » pour plusieurs lignes.',
    );
  }
  // Length in Unicode code points, as PostgreSQL counts characters, so an emoji counts once.
  const length = Array.from(text).length;
  if (length > maxLength) {
    return reject(
      `Le texte comporte ${length} caractères, pour ${maxLength} au maximum : raccourcissez-le de ${length - maxLength} caractères.`,
    );
  }

  return accept(text);
}

/** Removes every Unicode space, including NBSP (U+00A0) and narrow NBSP (U+202F). */
function stripSpaces(text: string): string {
  return text.replace(/\s/gu, '');
}

function normalizeInteger(raw: unknown): FieldValueResult {
  const example = 'Saisissez un nombre entier, sans décimales ni lettres, par exemple 1200 ou -15.';
  let value: number;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw)) {
      return reject(`La valeur ${formatFrenchNumber(raw)} n’est pas un nombre entier. ${example}`);
    }
    value = raw;
  } else if (typeof raw === 'string') {
    const digits = stripSpaces(raw);
    if (!/^[+-]?\d+$/.test(digits)) {
      return reject(`« ${raw.trim()} » n’est pas un nombre entier. ${example}`);
    }
    value = Number(digits);
  } else {
    return reject(
      `Ce champ attend un nombre entier, mais la valeur reçue est ${describeType(raw)}. ${example}`,
    );
  }
  if (!Number.isSafeInteger(value)) {
    return reject(
      `Le nombre est trop grand : saisissez un nombre entre -${Number.MAX_SAFE_INTEGER} et ${Number.MAX_SAFE_INTEGER}.`,
    );
  }

  // Number('-0') returns -0, so it is replaced by 0 to keep equality checks simple.
  return accept(value === 0 ? 0 : value);
}

function normalizeDecimal(raw: unknown): FieldValueResult {
  const example =
    'Saisissez un nombre avec une virgule ou un point comme séparateur décimal, par exemple 12,5.';
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) {
      return reject(`Ce champ attend un nombre fini. ${example}`);
    }
    // String() writes very large or very small numbers with an exponent, rejected just below.
    text = String(raw);
  } else if (typeof raw === 'string') {
    text = stripSpaces(raw);
  } else {
    return reject(
      `Ce champ attend un nombre, mais la valeur reçue est ${describeType(raw)}. ${example}`,
    );
  }

  const match = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!match) {
    return reject(
      `« ${typeof raw === 'string' ? raw.trim() : text} » n’est pas un nombre valide. ${example}`,
    );
  }
  const [, sign, integerPart, decimalPart = ''] = match;
  if (decimalPart.length > MAX_DECIMAL_PLACES) {
    return reject(
      `Le nombre comporte ${decimalPart.length} décimales, pour ${MAX_DECIMAL_PLACES} au maximum : arrondissez-le, par exemple à 12,345.`,
    );
  }
  const significantDigits = integerPart.replace(/^0+/, '').length + decimalPart.length;
  if (significantDigits > MAX_SIGNIFICANT_DIGITS) {
    return reject(
      `Le nombre comporte trop de chiffres : saisissez au plus ${MAX_SIGNIFICANT_DIGITS} chiffres, décimales comprises.`,
    );
  }
  const value = Number(`${sign}${integerPart}.${decimalPart || '0'}`);

  return accept(value === 0 ? 0 : value);
}

function checkBounds(result: FieldValueResult, definition: FieldDefinition): FieldValueResult {
  if (!result.ok || typeof result.value !== 'number') {
    return result;
  }
  const { min, max } = definition.options;
  const formattedValue = formatFrenchNumber(result.value);
  if (min !== undefined && result.value < min) {
    return reject(
      `${formattedValue} est trop petit : saisissez un nombre supérieur ou égal à ${formatFrenchNumber(min)}.`,
    );
  }
  if (max !== undefined && result.value > max) {
    return reject(
      `${formattedValue} est trop grand : saisissez un nombre inférieur ou égal à ${formatFrenchNumber(max)}.`,
    );
  }

  return result;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

    return leap ? 29 : 28;
  }

  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function normalizeDate(raw: unknown): FieldValueResult {
  const example =
    'Saisissez une date valide au format AAAA-MM-JJ, par exemple 2024-03-15, ou JJ/MM/AAAA, par exemple 15/03/2024.';
  if (typeof raw !== 'string') {
    return reject(
      `Ce champ attend une date écrite en texte, mais la valeur reçue est ${describeType(raw)}. ${example}`,
    );
  }
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  let year: number;
  let month: number;
  let day: number;
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (french) {
    [day, month, year] = [Number(french[1]), Number(french[2]), Number(french[3])];
  } else {
    return reject(`« ${text} » n’est pas une date reconnue. ${example}`);
  }

  const displayed = `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return reject(
      `La date ${displayed} n’existe pas dans le calendrier : vérifiez le jour et le mois.`,
    );
  }
  if (year < MIN_DATE_YEAR || year > MAX_DATE_YEAR) {
    return reject(
      `L’année ${year} est hors limites : saisissez une année entre ${MIN_DATE_YEAR} et ${MAX_DATE_YEAR}.`,
    );
  }

  return accept(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function displayDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);

  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

function normalizeBoolean(raw: unknown, instruction: string): FieldValueResult {
  if (typeof raw === 'boolean') {
    return accept(raw);
  }
  if (typeof raw === 'string') {
    const word = raw.trim().toLowerCase();
    if (word in BOOLEAN_WORDS) {
      return accept(BOOLEAN_WORDS[word]);
    }
  }

  return reject(`${instruction} : les valeurs acceptées sont true, false, « oui » et « non ».`);
}

function normalizeCivility(raw: unknown): FieldValueResult {
  const message = 'Choisissez la civilité « M. » ou « Mme ».';
  if (typeof raw !== 'string') {
    return reject(message);
  }
  const civility = raw.trim();
  if (civility === 'M.' || civility === 'M') {
    return accept('M.');
  }

  return civility === 'Mme'
    ? accept('Mme')
    : reject(`« ${civility} » n’est pas une civilité acceptée. ${message}`);
}

function unknownChoiceMessage(choice: string, choices: string[]): string {
  if (choices.length === 0) {
    return 'Ce champ ne propose aucun choix : la démarche doit être corrigée par son administrateur.';
  }
  const listed =
    choices.length <= MAX_CHOICES_IN_MESSAGE
      ? ` : ${choices.map((entry) => `« ${entry} »`).join(', ')}`
      : '';

  return `« ${choice} » ne fait pas partie des choix proposés. Choisissez l’une des valeurs de la liste${listed}.`;
}

function normalizeChoice(raw: unknown, choices: string[]): FieldValueResult {
  if (typeof raw !== 'string') {
    return reject(
      `Ce champ attend l’un des choix proposés, écrit en texte, mais la valeur reçue est ${describeType(raw)}.`,
    );
  }
  const choice = raw.trim();

  return choices.includes(choice) ? accept(choice) : reject(unknownChoiceMessage(choice, choices));
}

function normalizeChoices(raw: unknown, choices: string[]): FieldValueResult {
  const entries = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(entries)) {
    return reject(
      `Ce champ attend une liste de choix, mais la valeur reçue est ${describeType(raw)}.`,
    );
  }
  const selected: string[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'string') {
      return reject(
        `Chaque choix doit être écrit en texte, mais la liste contient ${describeType(entry)}.`,
      );
    }
    const choice = entry.trim();
    if (choice === '') {
      return reject(
        'La liste contient un choix vide : retirez-le ou choisissez une valeur de la liste.',
      );
    }
    if (!choices.includes(choice)) {
      return reject(unknownChoiceMessage(choice, choices));
    }
    if (!selected.includes(choice)) {
      selected.push(choice);
    }
  }

  return accept(selected);
}

function normalizeEmail(raw: unknown): FieldValueResult {
  const example = 'Saisissez une adresse électronique complète, par exemple prenom.nom@exemple.fr.';
  if (typeof raw !== 'string') {
    return reject(
      `Ce champ attend une adresse électronique, mais la valeur reçue est ${describeType(raw)}. ${example}`,
    );
  }
  const email = raw.trim();
  if (email.length > MAX_EMAIL_LENGTH) {
    return reject(`L’adresse électronique dépasse ${MAX_EMAIL_LENGTH} caractères. ${example}`);
  }
  if (/\s/u.test(email)) {
    return reject(
      `L’adresse électronique « ${email} » contient des espaces : retirez-les. ${example}`,
    );
  }
  const parts = email.split('@');
  if (parts.length !== 2) {
    const problem = parts.length < 2 ? 'ne contient pas de @' : 'contient plusieurs @';

    return reject(`L’adresse électronique « ${email} » ${problem}. ${example}`);
  }
  const [localPart, domain] = parts;
  if (localPart === '' || localPart.length > MAX_EMAIL_LOCAL_PART_LENGTH) {
    return reject(`La partie avant le @ de « ${email} » est vide ou trop longue. ${example}`);
  }
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((label) => label === '')) {
    return reject(
      `Le domaine après le @ de « ${email} » est invalide : il doit contenir un point, comme exemple.fr. ${example}`,
    );
  }

  return accept(`${localPart}@${domain.toLowerCase()}`);
}

/**
 * Accepts French national numbers, +33 and 0033 forms (stored as the 10-digit national form) and
 * any international number in E.164 form (+ then 8 to 15 digits), which covers the overseas codes
 * +262, +269, +590, +594, +596, +687 and +689.
 */
function normalizePhone(raw: unknown): FieldValueResult {
  const example =
    'Saisissez 10 chiffres commençant par 0, par exemple 06 12 34 56 78, ou un numéro international commençant par +, par exemple +32 2 123 45 67.';
  if (typeof raw !== 'string') {
    return reject(
      `Ce champ attend un numéro de téléphone écrit en texte, mais la valeur reçue est ${describeType(raw)}. ${example}`,
    );
  }
  const compact = raw.replace(/[\s.\-()]/gu, '');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;

  if (/^0[1-9]\d{8}$/.test(international)) {
    return accept(international);
  }
  // "+33 (0)6 …" is a common way of writing French numbers: the 0 after 33 is optional.
  const french = /^\+330?([1-9]\d{8})$/.exec(international);
  if (french) {
    return accept(`0${french[1]}`);
  }
  if (!international.startsWith('+33') && /^\+[1-9]\d{7,14}$/.test(international)) {
    return accept(international);
  }

  return reject(`« ${raw.trim()} » n’est pas un numéro de téléphone valide. ${example}`);
}

function displayPhone(value: string): string {
  return /^0\d{9}$/.test(value) ? value.replace(/(\d{2})(?=\d)/g, '$1 ') : value;
}

function normalizeSiretValue(raw: unknown): FieldValueResult {
  if (typeof raw !== 'string') {
    return reject(
      `Ce champ attend un numéro SIRET écrit en texte, mais la valeur reçue est ${describeType(raw)}. ${SIRET_ERROR_MESSAGES.format}`,
    );
  }
  const check = checkSiret(raw);

  return check.valid ? accept(check.siret) : reject(SIRET_ERROR_MESSAGES[check.reason]);
}
