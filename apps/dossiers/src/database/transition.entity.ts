import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DossierState, TransitionView } from '@tps/contracts';

/** One entry of a dossier's history: a submission, an instructor decision or an archiving. */
@Entity({ name: 'transition' })
export class TransitionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @Column({ name: 'from_state', type: 'text' })
  fromState: DossierState;

  @Column({ name: 'to_state', type: 'text' })
  toState: DossierState;

  @Column({ type: 'text' })
  action: TransitionView['action'];

  @Column({ name: 'actor_account_id', type: 'uuid' })
  actorAccountId: string;

  @Column({ name: 'actor_email', type: 'text' })
  actorEmail: string;

  @Column({ type: 'text', nullable: true })
  motivation: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}
