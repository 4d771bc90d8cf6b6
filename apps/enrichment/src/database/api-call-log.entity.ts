import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One call to API Entreprise, for quota checks and for quoting X-Request-ID to its support. */
@Entity({ name: 'api_call_log' })
export class ApiCallLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** Path without the query string, e.g. `/v3/insee/sirene/etablissements/13002526500013`. */
  @Column('text')
  path: string;

  /** HTTP status, or 0 when no response came (timeout, network error). */
  @Column('int')
  status: number;

  @Column({ name: 'duration_ms', type: 'int' })
  durationMs: number;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;
}
