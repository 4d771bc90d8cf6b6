/** Kind of principal behind a request. `system` is used by services acting on their own (retries, relays). */
export type ActorKind = 'user' | 'system';

/**
 * The authenticated principal that every command carries. The gateway sets it from the session
 * or bearer token; services authorize from it and never trust any other identity field.
 */
export interface Actor {
  accountId: string;
  /** Lower-cased e-mail address, verified by the gateway's sign-in. */
  email: string;
  kind: ActorKind;
}

/** Envelope of every NATS command: the acting user and the command's own payload. */
export interface Command<T> {
  actor: Actor;
  /** Correlation id propagated from the HTTP request into logs, events and e-mails. */
  correlationId?: string;
  payload: T;
}

export const SYSTEM_ACTOR: Actor = {
  accountId: '00000000-0000-0000-0000-000000000000',
  email: 'system@tps.local',
  kind: 'system',
};
