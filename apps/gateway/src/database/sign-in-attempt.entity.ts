import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One sign-in attempt, kept for the per-address and per-IP failure limits. */
@Entity({ name: 'sign_in_attempt' })
export class SignInAttemptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  /** Lower-cased e-mail address as typed, whether an account exists or not. */
  @Column('text')
  email: string;

  @Column('text', { nullable: true })
  ip: string | null;

  @Column('timestamptz')
  at: Date;

  @Column('boolean')
  success: boolean;
}
