import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Client } from 'pg';

/**
 * Checks of the two servers `npm start` does not run itself, PostgreSQL and NATS with
 * JetStream. Each check returns null when the server is usable, or a message saying what failed
 * and how to get one.
 */

const CONNECT_TIMEOUT_MS = 3000;

const POSTGRES_HELP = [
  'Start a PostgreSQL server, or point DATABASE_URL at one:',
  '  Debian/Ubuntu: apt-get install postgresql && pg_ctlcluster 15 main start',
  '                 (the version is the one `pg_lsclusters` lists)',
  '  Docker:        docker compose up -d postgres',
].join('\n');

const NATS_HELP = [
  'Start a NATS server with JetStream, or point NATS_URL at one:',
  '  Debian/Ubuntu: apt-get install nats-server && nats-server -js -a 127.0.0.1 -p 4222 -sd /var/lib/nats-server &',
  '  Docker:        docker compose up -d nats',
].join('\n');

/** Connects to DATABASE_URL, creating its database when the server is up but the database is missing. */
export async function checkPostgres(databaseUrl: string): Promise<string | null> {
  const client = new Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');

    return null;
  } catch (error) {
    if ((error as { code?: string }).code === '3D000') {
      return createDatabase(databaseUrl);
    }

    return `PostgreSQL is not reachable at ${redact(databaseUrl)}: ${describe(error)}\n${POSTGRES_HELP}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function createDatabase(databaseUrl: string): Promise<string | null> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new Client({
    connectionString: url.toString(),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    console.log(`Created the PostgreSQL database "${name}".`);

    return null;
  } catch (error) {
    return `The PostgreSQL database "${name}" does not exist and could not be created: ${describe(error)}`;
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/** Connects to NATS_URL and checks that JetStream is enabled, since domain events need it. */
export async function checkNats(natsUrl: string): Promise<string | null> {
  let connection;
  try {
    connection = await connect({
      servers: [natsUrl],
      timeout: CONNECT_TIMEOUT_MS,
      reconnect: false,
    });
  } catch (error) {
    return `NATS is not reachable at ${natsUrl}: ${describe(error)}\n${NATS_HELP}`;
  }
  try {
    const manager = await jetstreamManager(connection);
    await manager.getAccountInfo();

    return null;
  } catch (error) {
    return (
      `NATS at ${natsUrl} is reachable but JetStream is not enabled (${describe(error)}). ` +
      `Restart nats-server with -js (or jetstream {} in its configuration).\n${NATS_HELP}`
    );
  } finally {
    await connection.close().catch(() => undefined);
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;

  return message || code || 'unknown error';
}

/** Hides the password of a connection string before it is printed. */
export function redact(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) {
      url.password = '***';
    }

    return url.toString();
  } catch {
    return '(unparsable connection string)';
  }
}
