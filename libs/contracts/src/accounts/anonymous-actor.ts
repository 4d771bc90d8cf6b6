import type { Actor } from '../common/actor';

/**
 * Actor the gateway sends for requests without a session on public routes (a procedure's start
 * page). Its account id belongs to no account, so it has no role anywhere.
 */
export const ANONYMOUS_ACTOR: Actor = {
  accountId: '00000000-0000-0000-0000-000000000001',
  email: 'anonymous@tps.local',
  kind: 'user',
};
