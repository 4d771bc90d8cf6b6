import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Link between an account and an external identity provider (FranceConnect, OpenID Connect).
 * NOTE: no provider is wired yet; the table exists so that adding one needs no account migration.
 */
@Entity({ name: 'account_identity' })
export class AccountIdentityEntity {
  @PrimaryColumn('text')
  provider: string;

  /** The provider's `sub` claim. */
  @PrimaryColumn('text')
  subject: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
