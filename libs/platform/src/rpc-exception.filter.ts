import { randomUUID } from 'node:crypto';

import { type ArgumentsHost, Catch, Logger, type RpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import type { Response } from 'express';
import { type Observable, of, throwError } from 'rxjs';
import {
  type DomainErrorBody,
  ERROR_HTTP_STATUS,
  ErrorCode,
  isDomainErrorBody,
} from '@tps/contracts';

import { DomainError } from './domain-error';

/**
 * Turns every error thrown by a message handler into a `{ code, message, details }` body that
 * the requesting side receives. Unexpected errors get an error id, logged with the stack. On the
 * services' own HTTP port (probes only) the same body is sent with the mapped status.
 */
@Catch()
export class DomainRpcExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger(DomainRpcExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): Observable<never | undefined> {
    if (host.getType() === 'http') {
      const status = (exception as { getStatus?: () => number }).getStatus?.();
      const body: DomainErrorBody =
        status !== undefined
          ? {
              code: status === 404 ? ErrorCode.NotFound : ErrorCode.Internal,
              message: String((exception as Error).message),
            }
          : this.toBody(exception, host);
      host
        .switchToHttp()
        .getResponse<Response>()
        .status(status ?? ERROR_HTTP_STATUS[body.code])
        .json(body);

      return of(undefined);
    }

    return throwError(() => this.toBody(exception, host));
  }

  private toBody(exception: unknown, host: ArgumentsHost): DomainErrorBody {
    if (exception instanceof DomainError) {
      return exception.toBody();
    }
    if (exception instanceof RpcException && isDomainErrorBody(exception.getError())) {
      return exception.getError() as DomainErrorBody;
    }
    const errorId = randomUUID();
    const subject =
      host.getType() === 'rpc' ? host.switchToRpc().getContext()?.getSubject?.() : undefined;
    this.logger.error({ err: exception, errorId, subject }, 'unhandled error in message handler');

    return {
      code: ErrorCode.Internal,
      message: `Une erreur interne est survenue (référence ${errorId}). Réessayez plus tard.`,
      details: { errorId },
    };
  }
}
