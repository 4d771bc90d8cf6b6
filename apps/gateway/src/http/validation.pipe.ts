import { ValidationPipe } from '@nestjs/common';
import { ErrorCode } from '@tps/contracts';
import { DomainError } from '@tps/platform';

import { summarizeFieldErrors, toFrenchFieldErrors } from './validation-messages';

/**
 * Creates the global pipe. Unknown properties are errors, values are converted to the DTO's
 * types, and every failure becomes a VALIDATION_FAILED domain error naming each field in French.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = toFrenchFieldErrors(errors);

      return new DomainError(ErrorCode.ValidationFailed, summarizeFieldErrors(fields), { fields });
    },
  });
}
