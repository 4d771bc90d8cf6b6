import type { NextFunction, Request, Response } from 'express';
import { type DomainErrorBody, ErrorCode } from '@tps/contracts';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ACCEPTED_TYPE = /^(application\/(?:[\w.+-]+\+)?json|multipart\/form-data)\s*(?:;|$)/i;

/**
 * Rejects with 415 a request body in a format the API does not read, such as text/plain or
 * form-urlencoded. Express would otherwise drop the body, and the caller would get misleading
 * "missing field" errors.
 */
export function contentTypeMiddleware(
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  const hasBody =
    Number(request.headers['content-length'] ?? 0) > 0 ||
    request.headers['transfer-encoding'] !== undefined;
  const contentType = request.headers['content-type'] ?? '';
  if (!METHODS_WITH_BODY.has(request.method) || !hasBody || ACCEPTED_TYPE.test(contentType)) {
    next();

    return;
  }
  const shown = contentType.slice(0, 100) || 'absent';
  const body: DomainErrorBody = {
    code: ErrorCode.UnsupportedMediaType,
    message:
      'Envoyez le corps de la requête en JSON avec l’en-tête Content-Type: application/json ' +
      '(ou en multipart/form-data pour un fichier).',
    details: { fields: [{ field: 'Content-Type', message: `« ${shown} » n’est pas accepté` }] },
  };
  response.status(415).json(body);
}
