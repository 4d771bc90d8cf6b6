import type { ValidationError } from 'class-validator';
import type { FieldError } from '@tps/contracts';

type Translator = (path: string, english: string) => string;

const numberIn = (english: string): string => /(-?\d+(?:\.\d+)?)/.exec(english)?.[1] ?? '?';
const listIn = (english: string): string => english.split(': ').slice(1).join(': ');

/** French text for class-validator's built-in constraints, keyed by constraint name. */
const TRANSLATIONS: Record<string, Translator> = {
  whitelistValidation: (path) => `le champ ${path} n’est pas attendu : retirez-le`,
  isString: (path) => `${path} doit être une chaîne de caractères`,
  isInt: (path) => `${path} doit être un nombre entier`,
  isNumber: (path) => `${path} doit être un nombre`,
  isBoolean: (path) => `${path} doit valoir true ou false`,
  isEmail: (path) => `${path} doit être une adresse électronique valide`,
  isUuid: (path) => `${path} doit être un identifiant UUID`,
  isUUID: (path) => `${path} doit être un identifiant UUID`,
  isEnum: (path, english) => `${path} doit être l’une des valeurs suivantes : ${listIn(english)}`,
  isIn: (path, english) => `${path} doit être l’une des valeurs suivantes : ${listIn(english)}`,
  minLength: (path, english) => `${path} doit comporter au moins ${numberIn(english)} caractère(s)`,
  maxLength: (path, english) => `${path} doit comporter au plus ${numberIn(english)} caractères`,
  min: (path, english) => `${path} doit être supérieur ou égal à ${numberIn(english)}`,
  max: (path, english) => `${path} doit être inférieur ou égal à ${numberIn(english)}`,
  isObject: (path) => `${path} doit être un objet JSON`,
  isArray: (path) => `${path} doit être une liste`,
  arrayMinSize: (path, english) => `${path} doit contenir au moins ${numberIn(english)} élément(s)`,
  arrayMaxSize: (path, english) => `${path} doit contenir au plus ${numberIn(english)} éléments`,
  matches: (path) => `${path} n’a pas le format attendu`,
  isNotEmpty: (path) => `${path} ne doit pas être vide`,
  isDefined: (path) => `${path} est obligatoire`,
  nestedValidation: (path) => `${path} doit être un objet`,
  isUrl: (path) => `${path} doit être une URL valide`,
};

const TYPE_OF_NUMBER = new Set(['isInt', 'isNumber']);
const BOUNDS = new Set(['min', 'max']);

/** class-validator's default messages are English sentences with "must" or "should". */
const ENGLISH_DEFAULT = /\b(must|should)\b/;

/**
 * Flattens class-validator errors into `{ field, message }` with dotted paths and French
 * messages. Custom messages written in the DTOs (already French) are kept as they are.
 */
export function toFrenchFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const fields: FieldError[] = [];
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    // A bound check on a value that is not a number is no help ("3" is not "< 0").
    const notANumber = constraints.some(([constraint]) => TYPE_OF_NUMBER.has(constraint));
    for (const [constraint, message] of constraints) {
      if (notANumber && BOUNDS.has(constraint)) {
        continue;
      }
      const translate = TRANSLATIONS[constraint];
      const english = ENGLISH_DEFAULT.test(message);
      let french = message;
      if (english) {
        french = translate ? translate(path, message) : `${path} est invalide`;
      }
      fields.push({ field: path, message: french });
    }
    fields.push(...toFrenchFieldErrors(error.children ?? [], path));
  }

  return fields;
}

/** Builds the error's `message`: one sentence listing every invalid field. */
export function summarizeFieldErrors(fields: FieldError[]): string {
  return `Données invalides : ${fields.map((field) => field.message).join(' ; ')}.`;
}
