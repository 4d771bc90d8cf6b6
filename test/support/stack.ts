import type { INestApplication } from '@nestjs/common';
import { listeningPort } from '@tps/platform';

import { startDossiersService } from '../../apps/dossiers/src/dossiers.bootstrap';
import { startEnrichmentService } from '../../apps/enrichment/src/enrichment.bootstrap';
import {
  type ApiEntrepriseSandbox,
  startApiEntrepriseSandbox,
} from '../../apps/enrichment/src/sandbox/api-entreprise-sandbox';
import { startGateway } from '../../apps/gateway/src/gateway.bootstrap';
import { startNotificationsService } from '../../apps/notifications/src/notifications.bootstrap';
import { startProceduresService } from '../../apps/procedures/src/procedures.bootstrap';
import { createTestDatabase, type TestDatabase } from './database';
import { startTestNats, type TestNats } from './nats';
import { freePort } from './ports';
import { startTestS3, type TestS3 } from './s3';
import { startTestSmtp, type TestSmtp } from './smtp';

/**
 * The whole platform in one process for end-to-end tests: a fresh database, a private NATS, an
 * S3 server, an SMTP server, the API Entreprise sandbox, then the five apps started through the
 * same start functions as production. Apps log at TEST_LOG_LEVEL (default `error`).
 */

export type ServiceName = 'gateway' | 'procedures' | 'dossiers' | 'notifications' | 'enrichment';

export interface ServiceInstanceOptions {
  /** Replica number; 1 is the replica `startStack` starts. Another number runs one more instance. */
  replica?: number;
}

export interface StackOptions {
  /** Extra variables given to every app, e.g. `{ MAX_UPLOAD_BYTES: '1048576' }`. */
  env?: Record<string, string>;
}

export interface Stack {
  gatewayUrl: string;
  smtp: TestSmtp;
  sandbox: ApiEntrepriseSandbox;
  s3: TestS3;
  databaseUrl: string;
  natsUrl: string;
  /** Variables every app was started with. */
  env: Record<string, string>;
  startService(name: ServiceName, options?: ServiceInstanceOptions): Promise<INestApplication>;
  /** Stops one replica, or every replica of the service when none is given. */
  stopService(name: ServiceName, options?: ServiceInstanceOptions): Promise<void>;
  close(): Promise<void>;
}

type StartFunction = (env: NodeJS.ProcessEnv) => Promise<INestApplication>;

const START_FUNCTIONS: Record<ServiceName, StartFunction> = {
  procedures: startProceduresService,
  dossiers: startDossiersService,
  enrichment: startEnrichmentService,
  notifications: startNotificationsService,
  gateway: startGateway,
};

/** Order of start: the gateway last, so it never forwards to a service that is not listening. */
const START_ORDER: ServiceName[] = [
  'procedures',
  'dossiers',
  'enrichment',
  'notifications',
  'gateway',
];

const SANDBOX_TOKEN = 'stack-sandbox-token';

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const cleanups: (() => Promise<void>)[] = [];
  const running = new Map<string, INestApplication>();

  const stopAll = async (): Promise<void> => {
    for (const name of [...START_ORDER].reverse()) {
      for (const key of [...running.keys()].filter((candidate) =>
        candidate.startsWith(`${name}#`),
      )) {
        await closeApp(running, key);
      }
    }
    for (const cleanup of cleanups.reverse()) {
      await cleanup();
    }
  };

  try {
    const database: TestDatabase = await createTestDatabase();
    cleanups.push(() => database.drop());
    const nats: TestNats = await startTestNats();
    cleanups.push(() => nats.stop());
    const s3 = await startTestS3();
    cleanups.push(() => s3.stop());
    const smtp = await startTestSmtp();
    cleanups.push(() => smtp.stop());
    const sandbox = await startApiEntrepriseSandbox({ port: 0, token: SANDBOX_TOKEN });
    cleanups.push(() => sandbox.close());

    const gatewayPort = await freePort();
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    const env = buildEnv({ database, nats, s3, smtp, sandbox, gatewayUrl }, options.env ?? {});

    const startService = async (
      name: ServiceName,
      instance: ServiceInstanceOptions = {},
    ): Promise<INestApplication> => {
      const key = `${name}#${instance.replica ?? 1}`;
      if (running.has(key)) {
        throw new Error(`${key} is already running`);
      }
      const port = name === 'gateway' ? String(gatewayPort) : '0';
      const app = await START_FUNCTIONS[name]({ ...env, HTTP_PORT: port });
      running.set(key, app);

      return app;
    };

    for (const name of START_ORDER) {
      const app = await startService(name);
      if (name === 'gateway' && listeningPort(app) !== gatewayPort) {
        throw new Error(
          `the gateway listens on ${listeningPort(app)} instead of HTTP_PORT=${gatewayPort}`,
        );
      }
    }

    return {
      gatewayUrl,
      smtp,
      sandbox,
      s3,
      databaseUrl: database.url,
      natsUrl: nats.url,
      env,
      startService,
      stopService: async (name, instance) => {
        const keys = instance?.replica
          ? [`${name}#${instance.replica}`]
          : [...running.keys()].filter((key) => key.startsWith(`${name}#`));
        for (const key of keys) {
          await closeApp(running, key);
        }
      },
      close: stopAll,
    };
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
}

async function closeApp(running: Map<string, INestApplication>, key: string): Promise<void> {
  const app = running.get(key);
  running.delete(key);
  await app?.close();
}

interface StackParts {
  database: TestDatabase;
  nats: TestNats;
  s3: TestS3;
  smtp: TestSmtp;
  sandbox: ApiEntrepriseSandbox;
  gatewayUrl: string;
}

function buildEnv(parts: StackParts, extra: Record<string, string>): Record<string, string> {
  return {
    DATABASE_URL: parts.database.url,
    NATS_URL: parts.nats.url,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    NODE_ENV: 'test',
    REQUEST_TIMEOUT_MS: '5000',
    PUBLIC_URL: parts.gatewayUrl,
    COOKIE_SECURE: 'false',
    MAX_UPLOAD_BYTES: String(2 * 1024 * 1024),
    S3_ENDPOINT: parts.s3.endpoint,
    S3_ACCESS_KEY: parts.s3.accessKey,
    S3_SECRET_KEY: parts.s3.secretKey,
    S3_BUCKET: 'tps-e2e',
    S3_REGION: 'us-east-1',
    SMTP_URL: parts.smtp.url,
    MAIL_FROM: 'TPS <ne-pas-repondre@tps.localhost>',
    NOTIFICATIONS_RETRY_BASE_MS: '100',
    API_ENTREPRISE_URL: parts.sandbox.url,
    API_ENTREPRISE_TOKEN: SANDBOX_TOKEN,
    API_ENTREPRISE_TIMEOUT_MS: '2000',
    ENRICHMENT_RETRY_BASE_MS: '50',
    ...extra,
  };
}
