import { Client } from 'pg';
import { DataSource, type DataSourceOptions, type EntitySchema, type MixedList } from 'typeorm';

export interface ServiceDatabaseOptions {
  url: string;
  /** PostgreSQL schema owned by the service; created if missing. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/**
 * TypeORM options for one service: its own schema as the default and as the search path, so
 * migrations may use unqualified table names. `synchronize` stays off: migrations are the only
 * way the schema changes.
 */
export function buildDataSourceOptions(options: ServiceDatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { options: `-c search_path=${options.schema}`, max: 10 },
  };
}

/** Creates the service's schema when it does not exist yet. */
export async function ensureSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`Invalid schema name: ${schema}`);
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    // Two replicas starting together may race on CREATE SCHEMA; the loser gets 23505 or 42P06.
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '42P06') {
      throw error;
    }
  } finally {
    await client.end();
  }
}

/**
 * Opens the service's data source and runs its pending migrations under a PostgreSQL advisory
 * lock, so replicas that start together apply each migration once.
 */
export async function openServiceDataSource(options: ServiceDatabaseOptions): Promise<DataSource> {
  await ensureSchema(options.url, options.schema);
  const dataSource = new DataSource(buildDataSourceOptions(options));
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [
      `tps-migrations-${options.schema}`,
    ]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [
      `tps-migrations-${options.schema}`,
    ]);
    await runner.release();
  }

  return dataSource;
}
