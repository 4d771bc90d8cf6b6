import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import type { Actor, FieldError } from '@tps/contracts';

import { DomainError } from './domain-error';

/** A command whose payload passed its DTO's validation. */
export interface ValidatedCommand<T> {
  actor: Actor;
  correlationId?: string;
  payload: T;
}

/** Flattens class-validator errors into `field: message` pairs with dotted paths. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const fields: FieldError[] = [];
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      fields.push({ field: path, message: translateConstraint(message, path) });
    }
    fields.push(...flattenValidationErrors(error.children ?? [], path));
  }

  return fields;
}

/** class-validator speaks English; users read French. Known patterns are translated. */
function translateConstraint(message: string, path: string): string {
  if (message.startsWith('property ') && message.endsWith(' should not exist')) {
    return `le champ ${path} n’est pas attendu : retirez-le`;
  }

  return message;
}

/** A NUL character or a UTF-16 surrogate without its pair: PostgreSQL text and jsonb reject both. */
const UNSTORABLE_TEXT =
  /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Returns the path of the first string or key that cannot be stored, or of a `__proto__` key
 * (which class-transformer would turn into a prototype), or null when the value is clean.
 */
export function findUnstorableValue(value: unknown, path = ''): string | null {
  if (typeof value === 'string') {
    return UNSTORABLE_TEXT.test(value) ? path : null;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findUnstorableValue(value[index], `${path}[${index}]`);
      if (found !== null) {
        return found;
      }
    }

    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      const keyPath = path ? `${path}.${key}` : key;
      if (key === '__proto__' || UNSTORABLE_TEXT.test(key)) {
        return keyPath;
      }
      const found = findUnstorableValue((value as Record<string, unknown>)[key], keyPath);
      if (found !== null) {
        return found;
      }
    }
  }

  return null;
}

/**
 * Validates a raw NATS command: the actor must be present, no text may hold a character that
 * PostgreSQL cannot store, and the payload must satisfy `dto` with no unknown property. Throws a
 * VALIDATION_FAILED domain error naming each bad field.
 */
export function parseCommand<T extends object>(
  dto: new () => T,
  raw: unknown,
): ValidatedCommand<T> {
  const command = (raw ?? {}) as { actor?: Actor; correlationId?: string; payload?: unknown };
  const actor = command.actor;
  if (!actor || typeof actor.accountId !== 'string' || typeof actor.email !== 'string') {
    throw DomainError.invalid([{ field: 'actor', message: 'utilisateur manquant' }]);
  }
  const unstorable = findUnstorableValue(command.payload ?? {});
  if (unstorable !== null) {
    throw DomainError.invalid([
      {
        field: unstorable || 'payload',
        message:
          'contient un caractère invalide (caractère nul ou caractère Unicode incomplet) : ' +
          'retirez-le ou saisissez le texte à nouveau',
      },
    ]);
  }
  const payload = plainToInstance(dto, command.payload ?? {});
  const errors = validateSync(payload, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw DomainError.invalid(flattenValidationErrors(errors));
  }

  return { actor, correlationId: command.correlationId, payload };
}
