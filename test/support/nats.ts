import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, waitForPort } from './ports';

export interface TestNats {
  url: string;
  stop(): Promise<void>;
}

const NATS_BINARY = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

/**
 * Starts a private nats-server with JetStream for one test file, so that test runs never share
 * queue groups or streams. Falls back to NATS_URL (or the local server) when no binary exists.
 */
export async function startTestNats(): Promise<TestNats> {
  if (!existsSync(NATS_BINARY)) {
    return { url: process.env.NATS_URL ?? 'nats://127.0.0.1:4222', stop: async () => undefined };
  }
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), 'tps-nats-'));
  const child: ChildProcess = spawn(
    NATS_BINARY,
    ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir],
    {
      stdio: 'ignore',
    },
  );
  await waitForPort(port);

  return {
    url: `nats://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}
