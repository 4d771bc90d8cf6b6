import { buildDataSourceOptions, openServiceDataSource, OutboxEventEntity } from '@tps/platform';
import { DataSource } from 'typeorm';

import {
  DOSSIERS_ENTITIES,
  DOSSIERS_MIGRATIONS,
} from '../../apps/dossiers/src/database/dossiers-database';
import {
  ENRICHMENT_ENTITIES,
  ENRICHMENT_MIGRATIONS,
} from '../../apps/enrichment/src/database/enrichment-database';
import {
  GATEWAY_ENTITIES,
  GATEWAY_MIGRATIONS,
} from '../../apps/gateway/src/database/gateway-database';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * Entities and migrations are written by hand; when they drift apart, TypeORM's schema builder
 * finds statements to run against a freshly migrated database. Migrations may declare more than
 * the entities (indexes, foreign keys, checks, defaults, sequences), because the entities only map
 * rows, so statements that only drop such extras are allowed. Any other statement (a missing
 * table or column, another type or nullability) fails.
 */
const EXTRAS_ONLY_IN_MIGRATIONS = [
  /^DROP INDEX /,
  /^ALTER TABLE "\w+" DROP CONSTRAINT /,
  /^ALTER TABLE "\w+" ALTER COLUMN "\w+" DROP DEFAULT$/,
  /^DROP SEQUENCE /,
];

function driftingStatements(queries: Array<{ query: string }>): string[] {
  return queries
    .map((query) => query.query)
    .filter((query) => !EXTRAS_ONLY_IN_MIGRATIONS.some((pattern) => pattern.test(query)));
}

const SERVICES = [
  { schema: 'dossiers', entities: DOSSIERS_ENTITIES, migrations: DOSSIERS_MIGRATIONS },
  { schema: 'enrichment', entities: ENRICHMENT_ENTITIES, migrations: ENRICHMENT_MIGRATIONS },
  { schema: 'gateway', entities: GATEWAY_ENTITIES, migrations: GATEWAY_MIGRATIONS },
];

describe('schema drift', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  it.each(SERVICES)(
    '$schema entities match migrations',
    async ({ schema, entities, migrations }) => {
      const migrated = await openServiceDataSource({
        url: database.url,
        schema,
        entities,
        migrations,
      });
      const pending = await migrated.driver.createSchemaBuilder().log();
      await migrated.destroy();

      expect(driftingStatements(pending.upQueries)).toEqual([]);
    },
  );

  it('detects a column missing from the migrations', async () => {
    const options = buildDataSourceOptions({
      url: database.url,
      schema: 'drift_probe',
      entities: [OutboxEventEntity],
      migrations: [],
    });
    const probe = new DataSource(options);
    await probe.initialize();
    await probe.query('CREATE SCHEMA drift_probe');
    await probe.query(
      'CREATE TABLE drift_probe.outbox (id uuid PRIMARY KEY, subject text NOT NULL)',
    );
    const pending = await probe.driver.createSchemaBuilder().log();
    await probe.destroy();

    expect(driftingStatements(pending.upQueries)).toContainEqual(
      expect.stringContaining('ADD "envelope"'),
    );
  });
});
