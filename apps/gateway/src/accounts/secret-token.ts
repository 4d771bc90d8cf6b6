import { createHash, randomBytes } from 'node:crypto';

/** Prefix of API tokens, so that leaked tokens are easy to recognise and scan for. */
export const API_TOKEN_PREFIX = 'tps_';

/** 32 random bytes, base64url-encoded: the value of a session cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** `tps_` followed by 32 random bytes, base64url-encoded. */
export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Hex SHA-256: the only form in which session cookies and API tokens are stored. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
