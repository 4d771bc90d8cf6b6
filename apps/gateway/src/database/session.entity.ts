import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A browser session. Only the SHA-256 of the cookie value is stored. */
@Entity({ name: 'session' })
export class SessionEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Hex SHA-256 of the `tps_session` cookie value. */
  @Column('text', { name: 'token_sha256', unique: true })
  tokenSha256: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'last_seen_at' })
  lastSeenAt: Date;

  @Column('text', { name: 'user_agent', nullable: true })
  userAgent: string | null;

  @Column('text', { nullable: true })
  ip: string | null;
}
