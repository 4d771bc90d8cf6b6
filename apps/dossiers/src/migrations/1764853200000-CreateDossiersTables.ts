import type { MigrationInterface, QueryRunner } from 'typeorm';
import { OUTBOX_TABLE_SQL } from '@tps/platform';

/** Dossiers, their field values, attachments and history, the revision cache and the outbox. */
export class CreateDossiersTables1764853200000 implements MigrationInterface {
  name = 'CreateDossiersTables1764853200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SEQUENCE dossier_number_seq AS bigint START WITH 1`);
    await runner.query(`CREATE TABLE dossier (
      id uuid PRIMARY KEY,
      number bigint NOT NULL DEFAULT nextval('dossier_number_seq') UNIQUE,
      procedure_id uuid NOT NULL,
      revision_id uuid NOT NULL,
      procedure_title text NOT NULL,
      organisation text NOT NULL,
      applicant_account_id uuid NOT NULL,
      applicant_email text NOT NULL,
      state text NOT NULL CHECK (state IN
        ('brouillon', 'en_construction', 'en_instruction', 'accepte', 'refuse', 'sans_suite')),
      archived boolean NOT NULL DEFAULT false,
      version int NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      submitted_at timestamptz,
      instruction_started_at timestamptz,
      decided_at timestamptz,
      motivation text
    )`);
    await runner.query(`ALTER SEQUENCE dossier_number_seq OWNED BY dossier.number`);
    // Instructor list filtered by state: keyset on (updated_at, id), newest first.
    await runner.query(`CREATE INDEX dossier_instructor_list_idx
      ON dossier (procedure_id, state, archived, updated_at DESC, id DESC)`);
    // Instructor list of every submitted state: the same keyset without a state filter.
    await runner.query(`CREATE INDEX dossier_instructor_all_states_idx
      ON dossier (procedure_id, archived, updated_at DESC, id DESC) WHERE state <> 'brouillon'`);
    await runner.query(`CREATE INDEX dossier_applicant_idx
      ON dossier (applicant_account_id, updated_at DESC)`);

    await runner.query(`CREATE TABLE field_value (
      dossier_id uuid NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
      stable_id uuid NOT NULL,
      value jsonb,
      siret_data jsonb,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (dossier_id, stable_id)
    )`);
    // The company-resolved consumer finds pending SIRET values by their number.
    await runner.query(`CREATE INDEX field_value_pending_siret_idx ON field_value ((value #>> '{}'))
      WHERE siret_data ->> 'status' = 'pending'`);

    await runner.query(`CREATE TABLE attachment (
      id uuid PRIMARY KEY,
      dossier_id uuid NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
      field_stable_id uuid NOT NULL,
      object_key text NOT NULL UNIQUE,
      filename text NOT NULL,
      content_type text NOT NULL,
      size_bytes bigint NOT NULL,
      sha256 text NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      uploaded_by uuid NOT NULL
    )`);
    await runner.query(
      `CREATE INDEX attachment_dossier_idx ON attachment (dossier_id, uploaded_at)`,
    );

    await runner.query(`CREATE TABLE transition (
      id uuid PRIMARY KEY,
      dossier_id uuid NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
      from_state text NOT NULL,
      to_state text NOT NULL,
      action text NOT NULL,
      actor_account_id uuid NOT NULL,
      actor_email text NOT NULL,
      motivation text,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE INDEX transition_dossier_idx ON transition (dossier_id, at)`);

    await runner.query(`CREATE TABLE revision_cache (
      revision_id uuid PRIMARY KEY,
      content jsonb NOT NULL,
      fetched_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE processed_event (
      event_id text PRIMARY KEY,
      processed_at timestamptz NOT NULL DEFAULT now()
    )`);
    for (const statement of OUTBOX_TABLE_SQL) {
      await runner.query(statement);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'outbox',
      'processed_event',
      'revision_cache',
      'transition',
      'attachment',
      'field_value',
      'dossier',
    ]) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
