import { randomUUID } from 'node:crypto';

import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import {
  type DomainErrorBody,
  ERROR_HTTP_STATUS,
  ErrorCode,
  isDomainErrorBody,
} from '@tps/contracts';
import { DomainError } from '@tps/platform';

import type { GatewayRequest } from './request-context';

/** Codes for the HTTP statuses that Nest or Express raise on their own. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.RateLimited,
  503: ErrorCode.ServiceUnavailable,
  504: ErrorCode.Timeout,
};

/** Errors raised by Express's body parsers (`type` is set by the body-parser package). */
interface BodyParserError {
  type: string;
  status?: number;
  message: string;
}

/**
 * The gateway's single exception filter. Domain errors, thrown here or relayed from a service,
 * get the status of `ERROR_HTTP_STATUS`. Framework errors get a body of the same shape. Anything
 * else is a 500 with an error id, logged with the stack; the stack is never sent.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<GatewayRequest>();
    const { status, body } = this.toResponse(exception, request);
    if (response.headersSent) {
      // A download failed mid-stream: the status is gone, so cut the connection.
      this.logger.error({ err: exception, path: request.path }, 'error after the response started');
      response.destroy();

      return;
    }
    if (
      body.code === ErrorCode.RateLimited &&
      typeof body.details?.retryAfterSeconds === 'number'
    ) {
      response.setHeader('Retry-After', String(body.details.retryAfterSeconds));
    }
    response.status(status).json(body);
  }

  private toResponse(
    exception: unknown,
    request: GatewayRequest,
  ): { status: number; body: DomainErrorBody } {
    if (exception instanceof DomainError) {
      return { status: ERROR_HTTP_STATUS[exception.code] ?? 500, body: exception.toBody() };
    }
    if (isDomainErrorBody(exception) && exception.code in ERROR_HTTP_STATUS) {
      return { status: ERROR_HTTP_STATUS[exception.code], body: exception };
    }
    // Express's adapter wraps body-parser errors in a BadRequestException; the original is the cause.
    const parserError = exception instanceof HttpException ? exception.cause : exception;
    if (isBodyParserError(parserError)) {
      return this.fromBodyParser(parserError);
    }
    if (exception instanceof HttpException) {
      return this.fromHttpException(exception, request);
    }

    return this.internal(exception, request);
  }

  private fromBodyParser(error: BodyParserError): { status: number; body: DomainErrorBody } {
    switch (error.type) {
      case 'entity.parse.failed':
        return {
          status: 400,
          body: {
            code: ErrorCode.ValidationFailed,
            // The parser's own text is English and, in strict mode, calls `null` or `[1]` invalid
            // JSON; the French message states what is expected instead.
            message:
              'Le corps de la requête doit être un objet JSON valide, par exemple {"values": {}} : ' +
              'vérifiez les guillemets, les virgules et les accolades.',
            details: {
              fields: [{ field: 'body', message: 'doit être un objet JSON valide' }],
            },
          },
        };
      case 'entity.too.large':
        return {
          status: 413,
          body: {
            code: ErrorCode.PayloadTooLarge,
            message:
              'Le corps de la requête est trop volumineux : envoyez moins de données à la fois ' +
              '(les fichiers passent par l’envoi de pièces jointes).',
          },
        };
      default:
        return {
          status: error.status === 415 ? 415 : 400,
          body: {
            code:
              error.status === 415 ? ErrorCode.UnsupportedMediaType : ErrorCode.ValidationFailed,
            message: `Le corps de la requête n’a pas pu être lu (${error.message}).`,
          },
        };
    }
  }

  private fromHttpException(
    exception: HttpException,
    request: GatewayRequest,
  ): { status: number; body: DomainErrorBody } {
    const status = exception.getStatus();
    const code = CODE_BY_STATUS[status];
    if (status === 404) {
      return {
        status,
        body: {
          code: ErrorCode.NotFound,
          message: `Aucune route ne correspond à ${request.method} ${request.path}.`,
        },
      };
    }
    if (!code) {
      return status >= 500
        ? this.internal(exception, request)
        : {
            status,
            body: {
              code: ErrorCode.ValidationFailed,
              message: `Requête refusée (${exception.message}).`,
            },
          };
    }

    return { status, body: { code, message: `Requête refusée (${exception.message}).` } };
  }

  private internal(
    exception: unknown,
    request: GatewayRequest,
  ): { status: number; body: DomainErrorBody } {
    const errorId = randomUUID();
    this.logger.error(
      {
        err: exception,
        errorId,
        method: request.method,
        path: request.path,
        correlationId: request.correlationId,
      },
      'unhandled error',
    );

    return {
      status: 500,
      body: {
        code: ErrorCode.Internal,
        message: `Une erreur interne est survenue (référence ${errorId}). Réessayez plus tard.`,
        details: { errorId },
      },
    };
  }
}

function isBodyParserError(value: unknown): value is BodyParserError {
  const type = (value as { type?: unknown } | null)?.type;

  return (
    value instanceof Error &&
    typeof type === 'string' &&
    /^(entity|encoding|charset|request)\./.test(type)
  );
}
