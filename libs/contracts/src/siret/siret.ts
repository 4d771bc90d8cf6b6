/**
 * SIRET and SIREN normalisation and checks. A SIRET (or SIREN) is 14 (or 9) digits whose Luhn sum
 * is a multiple of 10. La Poste (SIREN 356000000) is the exception: its SIRETs only need a digit
 * sum that is a multiple of 5, and its head office 35600000000048 is valid as well.
 */
const LA_POSTE_SIREN = '356000000';
const LA_POSTE_HEAD_OFFICE_SIRET = '35600000000048';

/** Removes every Unicode space (including NBSP U+00A0 and narrow NBSP U+202F), dots and hyphens. */
export function normalizeSiret(raw: string): string {
  return raw.replace(/[\s.\-]/gu, '');
}

export function hasValidLuhnChecksum(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) {
        digit -= 9;
      }
    }
    sum += digit;
  }

  return sum % 10 === 0;
}

export type SiretCheck =
  | { valid: true; siret: string }
  | { valid: false; reason: 'format' | 'checksum' };

/** Checks a raw SIRET, returning the normalised value when it is valid. */
export function checkSiret(raw: string): SiretCheck {
  const siret = normalizeSiret(raw);
  if (!/^\d{14}$/.test(siret)) {
    return { valid: false, reason: 'format' };
  }
  if (siret.startsWith(LA_POSTE_SIREN)) {
    const digitSum = [...siret].reduce((total, char) => total + Number(char), 0);
    const valid = siret === LA_POSTE_HEAD_OFFICE_SIRET || digitSum % 5 === 0;

    return valid ? { valid, siret } : { valid: false, reason: 'checksum' };
  }

  return hasValidLuhnChecksum(siret)
    ? { valid: true, siret }
    : { valid: false, reason: 'checksum' };
}

export function isValidSiret(raw: string): boolean {
  return checkSiret(raw).valid;
}

export function isValidSiren(raw: string): boolean {
  const siren = normalizeSiret(raw);

  return /^\d{9}$/.test(siren) && hasValidLuhnChecksum(siren);
}

/** French messages for an invalid SIRET, the same wording in every service. */
export const SIRET_ERROR_MESSAGES = {
  format: 'Le numéro SIRET doit comporter exactement 14 chiffres. Exemple : 130 025 265 00013',
  checksum: 'Le numéro SIRET comporte une erreur de saisie : vérifiez les chiffres.',
} as const;

/** Formats a SIRET for display as `130 025 265 00013`. */
export function formatSiret(siret: string): string {
  return `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
}
