import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Actor, ApiTokenView, CreatedApiTokenView } from '@tps/contracts';
import { DomainError } from '@tps/platform';
import { DataSource, IsNull } from 'typeorm';

import { ApiTokenEntity } from '../database/api-token.entity';
import { GATEWAY_DATA_SOURCE } from '../gateway.tokens';
import { API_TOKEN_PREFIX, newApiToken, sha256Hex } from './secret-token';

const LAST_USED_RESOLUTION_MS = 60_000;

/** Bearer tokens for API clients. The token is shown once; only its SHA-256 is stored. */
@Injectable()
export class ApiTokensService {
  private readonly logger = new Logger(ApiTokensService.name);

  constructor(@Inject(GATEWAY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async create(accountId: string, name: string): Promise<CreatedApiTokenView> {
    const token = newApiToken();
    const entity = this.repository().create({
      id: randomUUID(),
      accountId,
      name: name.trim(),
      tokenSha256: sha256Hex(token),
      createdAt: new Date(),
      lastUsedAt: null,
      revokedAt: null,
    });
    await this.repository().insert(entity);
    this.logger.log({ accountId, tokenId: entity.id }, 'API token created');

    return { token, ...toApiTokenView(entity) };
  }

  async list(accountId: string): Promise<ApiTokenView[]> {
    const tokens = await this.repository().find({
      where: { accountId, revokedAt: IsNull() },
      order: { createdAt: 'ASC' },
    });

    return tokens.map(toApiTokenView);
  }

  /** Revokes one of the account's tokens; another account's token id is a 404. */
  async revoke(accountId: string, tokenId: string): Promise<void> {
    const result = await this.repository().update(
      { id: tokenId, accountId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    if (!result.affected) {
      throw DomainError.notFound('Jeton d’API introuvable.');
    }
    this.logger.log({ accountId, tokenId }, 'API token revoked');
  }

  /** Resolves a bearer token to its actor; null when the token is unknown or revoked. */
  async resolve(token: string): Promise<Actor | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) {
      return null;
    }
    const rows: Array<{
      id: string;
      account_id: string;
      email: string;
      last_used_at: Date | null;
    }> = await this.dataSource.query(
      `SELECT t.id, t.account_id, a.email, t.last_used_at
           FROM api_token t JOIN accounts a ON a.id = t.account_id
          WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL`,
      [sha256Hex(token)],
    );
    if (rows.length === 0) {
      return null;
    }
    const row = rows[0];
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.dataSource.query('UPDATE api_token SET last_used_at = now() WHERE id = $1', [
        row.id,
      ]);
    }

    return { accountId: row.account_id, email: row.email, kind: 'user' };
  }

  private repository() {
    return this.dataSource.getRepository(ApiTokenEntity);
  }
}

function toApiTokenView(entity: ApiTokenEntity): ApiTokenView {
  return {
    id: entity.id,
    name: entity.name,
    createdAt: entity.createdAt.toISOString(),
    lastUsedAt: entity.lastUsedAt?.toISOString() ?? null,
  };
}
