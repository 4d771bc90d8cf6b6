import { randomUUID } from 'node:crypto';

import type { NextFunction, Response } from 'express';

import type { GatewayRequest } from './request-context';

export const CORRELATION_HEADER = 'x-correlation-id';
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Takes the caller's X-Correlation-Id when it is a short token, or makes a new UUID, and returns
 * it in the response header. Services receive it in every command.
 */
export function correlationIdMiddleware(
  request: GatewayRequest,
  response: Response,
  next: NextFunction,
): void {
  const provided = request.headers[CORRELATION_HEADER];
  const correlationId =
    typeof provided === 'string' && ACCEPTED_ID.test(provided) ? provided : randomUUID();
  request.correlationId = correlationId;
  // The request logger reads the header, so a generated id appears in the logs too.
  request.headers[CORRELATION_HEADER] = correlationId;
  response.setHeader('X-Correlation-Id', correlationId);
  next();
}
