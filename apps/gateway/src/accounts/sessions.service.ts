import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@tps/contracts';
import { DataSource } from 'typeorm';

import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG, GATEWAY_DATA_SOURCE } from '../gateway.tokens';
import type { RequestMeta } from './request-meta';
import { newSessionToken, sha256Hex } from './secret-token';

/** Minimum gap between two `last_seen_at` writes for one session, in milliseconds. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** Browser sessions: a random cookie value whose SHA-256 is the lookup key. */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(GATEWAY_DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  get ttlMs(): number {
    return this.config.SESSION_TTL_HOURS * 3600 * 1000;
  }

  /** Opens a session and returns the cookie value, which is not stored. */
  async open(accountId: string, meta: RequestMeta): Promise<string> {
    const token = newSessionToken();
    const now = new Date();
    // Expired sessions are useless; each account's are removed when it opens a new one.
    await this.dataSource.query(
      'DELETE FROM session WHERE account_id = $1 AND expires_at <= now()',
      [accountId],
    );
    await this.dataSource.query(
      `INSERT INTO session (id, token_sha256, account_id, created_at, expires_at, last_seen_at, user_agent, ip)
       VALUES ($1, $2, $3, $4, $5, $4, $6, $7)`,
      [
        randomUUID(),
        sha256Hex(token),
        accountId,
        now,
        new Date(now.getTime() + this.ttlMs),
        meta.userAgent?.slice(0, 500) ?? null,
        meta.ip,
      ],
    );

    return token;
  }

  /** Resolves a cookie value to its actor; null when the session is unknown or expired. */
  async resolve(token: string): Promise<Actor | null> {
    const rows: Array<{ id: string; account_id: string; email: string; last_seen_at: Date }> =
      await this.dataSource.query(
        `SELECT s.id, s.account_id, a.email, s.last_seen_at
           FROM session s JOIN accounts a ON a.id = s.account_id
          WHERE s.token_sha256 = $1 AND s.expires_at > now()`,
        [sha256Hex(token)],
      );
    if (rows.length === 0) {
      return null;
    }
    const row = rows[0];
    if (Date.now() - row.last_seen_at.getTime() > LAST_SEEN_RESOLUTION_MS) {
      await this.dataSource.query('UPDATE session SET last_seen_at = now() WHERE id = $1', [
        row.id,
      ]);
    }

    return { accountId: row.account_id, email: row.email, kind: 'user' };
  }

  async close(token: string): Promise<void> {
    await this.dataSource.query('DELETE FROM session WHERE token_sha256 = $1', [sha256Hex(token)]);
  }
}
