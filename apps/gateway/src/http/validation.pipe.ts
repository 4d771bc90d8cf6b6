import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { ErrorCode } from '@tps/contracts';
import { DomainError, findUnstorableValue } from '@tps/platform';

import { summarizeFieldErrors, toFrenchFieldErrors } from './validation-messages';

/**
 * Rejects text that PostgreSQL cannot store (NUL, unpaired surrogates) and `__proto__` keys in
 * bodies and query strings before class-validator runs, so they give a 400 and never a 500.
 */
class StorableValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const path = findUnstorableValue(value);
      if (path !== null) {
        throw DomainError.invalid([
          {
            field: path || metadata.type,
            message:
              'contient un caractère invalide (caractère nul ou caractère Unicode incomplet) : ' +
              'retirez-le ou saisissez le texte à nouveau',
          },
        ]);
      }
    }

    return super.transform(value, metadata);
  }
}

/**
 * Creates the global pipe. Unknown properties are errors, values are converted to the DTO's
 * types, and every failure becomes a VALIDATION_FAILED domain error naming each field in French.
 */
export function createValidationPipe(): ValidationPipe {
  return new StorableValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = toFrenchFieldErrors(errors);

      return new DomainError(ErrorCode.ValidationFailed, summarizeFieldErrors(fields), { fields });
    },
  });
}
