import type { Actor } from '@tps/contracts';
import type { Request } from 'express';

/** Actor and correlation id of one HTTP request, sent with every command it causes. */
export interface RequestContext {
  actor: Actor;
  correlationId: string;
}

/** Authentication method of a request. Cookie-authenticated writes get the CSRF origin check. */
export type AuthMethod = 'cookie' | 'bearer';

/** Express request with what the gateway's middleware and guard attach to it. */
export interface GatewayRequest extends Request {
  correlationId?: string;
  actor?: Actor;
  authMethod?: AuthMethod;
  /** Value of the session cookie, kept for sign-out. */
  sessionToken?: string;
}
