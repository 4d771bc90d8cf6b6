import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import S3rver from 's3rver';

import { startApiEntrepriseSandbox } from '../../apps/enrichment/src/sandbox/api-entreprise-sandbox';
import { startMailCatcher } from './mail-catcher';

/**
 * Local equivalents of the external parts that `npm start` runs in its own process when they are
 * not configured: an S3 server (s3rver), an SMTP catcher with a web page, and the API Entreprise
 * sandbox. Each one is started only when its variable is unset.
 */

export interface StandIn {
  name: string;
  /** Address to print, e.g. the mail catcher's web page. */
  url: string;
  close(): Promise<void>;
}

export interface StandIns {
  /** Variables to give the apps so they use the stand-ins. */
  env: Record<string, string>;
  started: StandIn[];
  close(): Promise<void>;
}

export const STAND_IN_PORTS = { s3: 9000, smtp: 1025, mailWeb: 1080, sandbox: 3005 } as const;

const S3RVER_CREDENTIALS = 'S3RVER';
const SANDBOX_TOKEN = 'tps-local-sandbox-token';

export async function startStandIns(env: NodeJS.ProcessEnv, rootDir: string): Promise<StandIns> {
  const overrides: Record<string, string> = {};
  const started: StandIn[] = [];
  const close = async (): Promise<void> => {
    for (const standIn of [...started].reverse()) {
      await standIn
        .close()
        .catch((error: unknown) =>
          console.error(`stopping ${standIn.name} failed: ${String(error)}`),
        );
    }
  };

  try {
    if (!env.S3_ENDPOINT) {
      const directory = join(rootDir, 'var', 's3');
      mkdirSync(directory, { recursive: true });
      const server = new S3rver({
        port: STAND_IN_PORTS.s3,
        address: '127.0.0.1',
        directory,
        silent: true,
      });
      await server.run().catch((error: Error) => {
        throw new Error(
          `the embedded S3 server cannot listen on port ${STAND_IN_PORTS.s3}: ${error.message}`,
        );
      });
      const url = `http://127.0.0.1:${STAND_IN_PORTS.s3}`;
      started.push({
        name: 'S3 (s3rver)',
        url: `${url} (files in var/s3)`,
        close: () => server.close(),
      });
      Object.assign(overrides, {
        S3_ENDPOINT: url,
        S3_ACCESS_KEY: S3RVER_CREDENTIALS,
        S3_SECRET_KEY: S3RVER_CREDENTIALS,
      });
    }

    if (!env.SMTP_URL) {
      const catcher = await startMailCatcher({
        smtpPort: STAND_IN_PORTS.smtp,
        httpPort: STAND_IN_PORTS.mailWeb,
      });
      started.push({
        name: 'Mail catcher',
        url: `${catcher.webUrl} (SMTP ${catcher.smtpUrl})`,
        close: () => catcher.close(),
      });
      overrides.SMTP_URL = catcher.smtpUrl;
    }

    if (!env.API_ENTREPRISE_URL) {
      const token = env.API_ENTREPRISE_TOKEN || SANDBOX_TOKEN;
      const sandbox = await startApiEntrepriseSandbox({
        port: STAND_IN_PORTS.sandbox,
        token,
      }).catch((error: Error) => {
        throw new Error(
          `the API Entreprise sandbox cannot listen on port ${STAND_IN_PORTS.sandbox}: ${error.message}`,
        );
      });
      started.push({
        name: 'API Entreprise sandbox',
        url: sandbox.url,
        close: () => sandbox.close(),
      });
      Object.assign(overrides, { API_ENTREPRISE_URL: sandbox.url, API_ENTREPRISE_TOKEN: token });
    }
  } catch (error) {
    await close();
    throw error;
  }

  return { env: overrides, started, close };
}
