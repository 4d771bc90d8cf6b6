import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NormalizedFieldValue, SiretFieldData } from '@tps/contracts';

/** The value of one field of a dossier, keyed by the field's stable id. */
@Entity({ name: 'field_value' })
export class FieldValueEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @PrimaryColumn({ name: 'stable_id', type: 'uuid' })
  stableId: string;

  @Column({ type: 'jsonb', nullable: true })
  value: NormalizedFieldValue;

  /** Company lookup result of a SIRET field. */
  @Column({ name: 'siret_data', type: 'jsonb', nullable: true })
  siretData: SiretFieldData | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
