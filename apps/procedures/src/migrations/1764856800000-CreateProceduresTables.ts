import type { MigrationInterface, QueryRunner } from 'typeorm';
import { OUTBOX_TABLE_SQL } from '@tps/platform';

/** Procedures, their administrators, form revisions, instructors, mail templates and the outbox. */
export class CreateProceduresTables1764856800000 implements MigrationInterface {
  name = 'CreateProceduresTables1764856800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE procedure (
      id uuid PRIMARY KEY,
      path text NOT NULL UNIQUE,
      title text NOT NULL,
      description text NOT NULL,
      organisation text NOT NULL,
      contact_email text NOT NULL,
      state text NOT NULL CHECK (state IN ('brouillon', 'publiee', 'close')),
      draft_revision_id uuid,
      published_revision_id uuid,
      published_at timestamptz,
      closed_at timestamptz,
      created_by_account_id uuid NOT NULL,
      -- Per-procedure settings to come (declarative mode, routing…) go here, keyed by name.
      settings jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 0
    )`);
    await runner.query(`CREATE TABLE procedure_administrator (
      procedure_id uuid NOT NULL REFERENCES procedure (id) ON DELETE CASCADE,
      email text NOT NULL,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (procedure_id, email)
    )`);
    await runner.query(
      `CREATE INDEX procedure_administrator_email_idx ON procedure_administrator (email)`,
    );
    await runner.query(`CREATE TABLE revision (
      id uuid PRIMARY KEY,
      procedure_id uuid NOT NULL REFERENCES procedure (id) ON DELETE CASCADE,
      number int NOT NULL,
      published_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (procedure_id, number)
    )`);
    await runner.query(`CREATE TABLE field_definition (
      revision_id uuid NOT NULL REFERENCES revision (id) ON DELETE CASCADE,
      stable_id uuid NOT NULL,
      type text NOT NULL,
      label text NOT NULL,
      description text NOT NULL DEFAULT '',
      required boolean NOT NULL DEFAULT false,
      options jsonb NOT NULL DEFAULT '{}',
      position int NOT NULL,
      PRIMARY KEY (revision_id, stable_id)
    )`);
    await runner.query(`CREATE TABLE instructor_group (
      id uuid PRIMARY KEY,
      procedure_id uuid NOT NULL UNIQUE REFERENCES procedure (id) ON DELETE CASCADE,
      label text NOT NULL
    )`);
    await runner.query(`CREATE TABLE group_instructor (
      group_id uuid NOT NULL REFERENCES instructor_group (id) ON DELETE CASCADE,
      email text NOT NULL CHECK (email = lower(email)),
      added_at timestamptz NOT NULL DEFAULT now(),
      added_by_email text NOT NULL,
      PRIMARY KEY (group_id, email)
    )`);
    await runner.query(`CREATE INDEX group_instructor_email_idx ON group_instructor (email)`);
    await runner.query(`CREATE TABLE mail_template (
      procedure_id uuid NOT NULL REFERENCES procedure (id) ON DELETE CASCADE,
      kind text NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (procedure_id, kind)
    )`);
    for (const statement of OUTBOX_TABLE_SQL) {
      await runner.query(statement);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'outbox',
      'mail_template',
      'group_instructor',
      'instructor_group',
      'field_definition',
      'revision',
      'procedure_administrator',
      'procedure',
    ]) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
