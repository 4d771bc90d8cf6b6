import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates accounts, external identities, sessions, API tokens and sign-in attempts. */
export class CreateGatewayTables1764849600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE accounts (
      id uuid PRIMARY KEY,
      email text NOT NULL UNIQUE CHECK (email = lower(email)),
      password_hash text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await queryRunner.query(`CREATE TABLE account_identity (
      provider text NOT NULL,
      subject text NOT NULL,
      account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (provider, subject)
    )`);
    await queryRunner.query(
      'CREATE INDEX account_identity_account_idx ON account_identity (account_id)',
    );
    await queryRunner.query(`CREATE TABLE session (
      id uuid PRIMARY KEY,
      token_sha256 text NOT NULL UNIQUE,
      account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      user_agent text,
      ip text
    )`);
    await queryRunner.query('CREATE INDEX session_account_idx ON session (account_id)');
    await queryRunner.query('CREATE INDEX session_expires_idx ON session (expires_at)');
    await queryRunner.query(`CREATE TABLE api_token (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      name text NOT NULL,
      token_sha256 text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      last_used_at timestamptz,
      revoked_at timestamptz
    )`);
    await queryRunner.query(
      'CREATE INDEX api_token_account_idx ON api_token (account_id, created_at)',
    );
    await queryRunner.query(`CREATE TABLE sign_in_attempt (
      id bigserial PRIMARY KEY,
      email text NOT NULL,
      ip text,
      at timestamptz NOT NULL,
      success boolean NOT NULL
    )`);
    await queryRunner.query(
      'CREATE INDEX sign_in_attempt_email_failures_idx ON sign_in_attempt (email, at) WHERE NOT success',
    );
    await queryRunner.query(
      'CREATE INDEX sign_in_attempt_ip_failures_idx ON sign_in_attempt (ip, at) WHERE NOT success',
    );
    await queryRunner.query('CREATE INDEX sign_in_attempt_at_idx ON sign_in_attempt (at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE sign_in_attempt');
    await queryRunner.query('DROP TABLE api_token');
    await queryRunner.query('DROP TABLE session');
    await queryRunner.query('DROP TABLE account_identity');
    await queryRunner.query('DROP TABLE accounts');
  }
}
