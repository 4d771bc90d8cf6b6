import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A bearer token for API clients. Only the SHA-256 of the token is stored. */
@Entity({ name: 'api_token' })
export class ApiTokenEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @Column('text')
  name: string;

  /** Hex SHA-256 of the whole `tps_…` token. */
  @Column('text', { name: 'token_sha256', unique: true })
  tokenSha256: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}
