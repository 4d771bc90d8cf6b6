import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Lookup without a final result yet. The retry worker tries it again at `nextAttemptAt`. */
@Entity({ name: 'pending_lookup' })
export class PendingLookupEntity {
  @PrimaryColumn({ type: 'char', length: 14 })
  siret: string;

  /** Failed attempts so far, the first lookup included. */
  @Column('int')
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** Procedure of the first lookup, sent as API Entreprise's `object` on retries. */
  @Column({ name: 'procedure_id', type: 'uuid', nullable: true })
  procedureId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Set when the worker stopped retrying after the maximum number of attempts. */
  @Column({ name: 'gave_up_at', type: 'timestamptz', nullable: true })
  gaveUpAt: Date | null;
}
