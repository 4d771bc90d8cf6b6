import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';
import S3rver from 's3rver';

/**
 * The external parts the benchmark starts for itself, each on a free port: a private nats-server
 * with JetStream, a fresh PostgreSQL database and an S3 server (s3rver).
 */

export const ADMIN_DATABASE_URL =
  process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS_BINARY = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

export interface Started {
  url: string;
  stop(): Promise<void>;
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
}

/** Starts nats-server as a child process with JetStream in a temporary store directory. */
export async function startNats(): Promise<Started> {
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), 'tps-bench-nats-'));
  const child: ChildProcess = spawn(
    NATS_BINARY,
    ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir],
    {
      stdio: 'ignore',
    },
  );
  const failed = new Promise<never>((_resolve, reject) => {
    child.once('error', (error) =>
      reject(new Error(`${NATS_BINARY} failed to start: ${error.message}`)),
    );
  });
  await Promise.race([waitForPort(port, 10000), failed]);

  return {
    url: `nats://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}

/** Creates the database `tps_bench_<random hex>`; `stop` drops it, closing its connections. */
export async function createDatabase(): Promise<Started> {
  const name = `tps_bench_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;

  return {
    url: url.toString(),
    stop: async () => {
      const client = new Client({ connectionString: ADMIN_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Starts s3rver on a free port over a temporary directory (credentials `S3RVER`). */
export async function startS3(): Promise<Started> {
  const port = await freePort();
  const directory = mkdtempSync(join(tmpdir(), 'tps-bench-s3-'));
  const server = new S3rver({ port, address: '127.0.0.1', directory, silent: true });
  await server.run();

  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
