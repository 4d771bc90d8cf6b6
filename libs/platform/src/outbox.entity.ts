import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An event written in the same transaction as the state change it describes. The relay
 * publishes unpublished rows to JetStream and stamps `publishedAt`. Each service has its own
 * `outbox` table in its schema (see `OUTBOX_TABLE_SQL`).
 */
@Entity({ name: 'outbox' })
@Index('outbox_unpublished_idx', ['createdAt'], { where: '"published_at" IS NULL' })
export class OutboxEventEntity {
  /** CloudEvents id, also the `Nats-Msg-Id` header. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  subject: string;

  /** The whole CloudEvents envelope as published. */
  @Column('jsonb')
  envelope: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}

/** DDL of the outbox table, for each service's first migration (search path = service schema). */
export const OUTBOX_TABLE_SQL = [
  `CREATE TABLE outbox (
    id uuid PRIMARY KEY,
    subject text NOT NULL,
    envelope jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    attempts int NOT NULL DEFAULT 0,
    last_error text
  )`,
  `CREATE INDEX outbox_unpublished_idx ON outbox (created_at) WHERE published_at IS NULL`,
];
