import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mails sent to applicants, one per dossier event (`event_id` is unique, which makes the
 * consumer idempotent), and every SMTP attempt with its outcome.
 */
export class CreateNotificationsTables1764864000000 implements MigrationInterface {
  name = 'CreateNotificationsTables1764864000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE email (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        kind text NOT NULL,
        dossier_id uuid NOT NULL,
        dossier_number integer NOT NULL,
        procedure_id uuid NOT NULL,
        recipient text NOT NULL,
        subject text,
        html text,
        text text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        lease_until timestamptz,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        message_id text
      )
    `);
    await runner.query(`CREATE INDEX email_dossier_id_idx ON email (dossier_id, created_at)`);
    await runner.query(`
      CREATE TABLE email_attempt (
        id bigserial PRIMARY KEY,
        email_id uuid NOT NULL REFERENCES email (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        outcome text NOT NULL CHECK (outcome IN ('sent', 'failed')),
        error text,
        smtp_response text
      )
    `);
    await runner.query(`CREATE INDEX email_attempt_email_id_idx ON email_attempt (email_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE email_attempt');
    await runner.query('DROP TABLE email');
  }
}
