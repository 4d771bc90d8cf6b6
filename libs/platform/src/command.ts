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

/**
 * Validates a raw NATS command: the actor must be present and the payload must satisfy `dto`
 * with no unknown property. Throws a VALIDATION_FAILED domain error naming each bad field.
 */
export function parseCommand<T extends object>(dto: new () => T, raw: unknown): ValidatedCommand<T> {
  const command = (raw ?? {}) as { actor?: Actor; correlationId?: string; payload?: unknown };
  const actor = command.actor;
  if (!actor || typeof actor.accountId !== 'string' || typeof actor.email !== 'string') {
    throw DomainError.invalid([{ field: 'actor', message: 'utilisateur manquant' }]);
  }
  const payload = plainToInstance(dto, command.payload ?? {});
  const errors = validateSync(payload, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw DomainError.invalid(flattenValidationErrors(errors));
  }

  return { actor, correlationId: command.correlationId, payload };
}
