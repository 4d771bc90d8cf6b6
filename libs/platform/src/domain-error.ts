import { type DomainErrorBody, ErrorCode, type FieldError } from '@tps/contracts';

/** An expected failure with a code the gateway maps to an HTTP status and a French message. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: DomainErrorBody['details'],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(message: string): DomainError {
    return new DomainError(ErrorCode.NotFound, message);
  }

  static forbidden(message: string): DomainError {
    return new DomainError(ErrorCode.Forbidden, message);
  }

  static invalid(fields: FieldError[], message?: string): DomainError {
    const summary = fields
      .map((field) => `${field.label ? `« ${field.label} »` : field.field} : ${field.message}`)
      .join(' ; ');

    return new DomainError(ErrorCode.ValidationFailed, message ?? `Données invalides. ${summary}`, {
      fields,
    });
  }

  toBody(): DomainErrorBody {
    return { code: this.code, message: this.message, details: this.details };
  }
}
