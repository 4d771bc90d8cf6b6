import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RevisionView } from '@tps/contracts';

/** A published revision copied from the procedures service. Published revisions never change. */
@Entity({ name: 'revision_cache' })
export class RevisionCacheEntity {
  @PrimaryColumn({ name: 'revision_id', type: 'uuid' })
  revisionId: string;

  @Column({ type: 'jsonb' })
  content: RevisionView;

  @Column({ name: 'fetched_at', type: 'timestamptz' })
  fetchedAt: Date;
}
