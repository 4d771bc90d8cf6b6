import { OUTBOX_TABLE_SQL } from '@tps/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates the company cache, the pending lookups, the API call log and the outbox. */
export class CreateEnrichmentTables1764842400000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE company_cache (
      siret char(14) PRIMARY KEY,
      status text NOT NULL CHECK (status IN ('found', 'not_found', 'unavailable_for_legal_reasons')),
      company jsonb,
      fetched_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`);
    await queryRunner.query(`CREATE TABLE pending_lookup (
      siret char(14) PRIMARY KEY,
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      last_error text,
      procedure_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      gave_up_at timestamptz
    )`);
    await queryRunner.query(
      'CREATE INDEX pending_lookup_due_idx ON pending_lookup (next_attempt_at) WHERE gave_up_at IS NULL',
    );
    await queryRunner.query(`CREATE TABLE api_call_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      path text NOT NULL,
      status int NOT NULL,
      duration_ms int NOT NULL,
      request_id text
    )`);
    await queryRunner.query('CREATE INDEX api_call_log_at_idx ON api_call_log (at)');
    for (const statement of OUTBOX_TABLE_SQL) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE outbox');
    await queryRunner.query('DROP TABLE api_call_log');
    await queryRunner.query('DROP TABLE pending_lookup');
    await queryRunner.query('DROP TABLE company_cache');
  }
}
