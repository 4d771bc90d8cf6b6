import type { Company, SiretLookupStatus } from '@tps/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Final result of a SIRET lookup (found, not found or 451), kept until `expiresAt`. */
@Entity({ name: 'company_cache' })
export class CompanyCacheEntity {
  @PrimaryColumn({ type: 'char', length: 14 })
  siret: string;

  @Column('text')
  status: Exclude<SiretLookupStatus, 'pending'>;

  @Column({ type: 'jsonb', nullable: true })
  company: Company | null;

  @Column({ name: 'fetched_at', type: 'timestamptz' })
  fetchedAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
