import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DossierState } from '@tps/contracts';

/** One application to a procedure, pinned to the revision it was started on. */
@Entity({ name: 'dossier' })
export class DossierEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Number shown to users as « n° », drawn from `dossier_number_seq`. */
  @Column({ type: 'bigint', insert: false, update: false })
  number: string;

  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId: string;

  @Column({ name: 'revision_id', type: 'uuid' })
  revisionId: string;

  @Column({ name: 'procedure_title', type: 'text' })
  procedureTitle: string;

  @Column({ type: 'text' })
  organisation: string;

  @Column({ name: 'applicant_account_id', type: 'uuid' })
  applicantAccountId: string;

  @Column({ name: 'applicant_email', type: 'text' })
  applicantEmail: string;

  @Column({ type: 'text' })
  state: DossierState;

  @Column({ type: 'boolean', default: false })
  archived: boolean;

  /** Incremented by every change; instructors send it back as `expectedVersion`. */
  @Column({ type: 'int', default: 0 })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'instruction_started_at', type: 'timestamptz', nullable: true })
  instructionStartedAt: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  motivation: string | null;
}
