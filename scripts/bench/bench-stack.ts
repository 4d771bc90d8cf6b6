import type { INestApplication } from '@nestjs/common';
import { listeningPort } from '@tps/platform';

import { startDossiersService } from '../../apps/dossiers/src/dossiers.bootstrap';
import { startEnrichmentService } from '../../apps/enrichment/src/enrichment.bootstrap';
import { startApiEntrepriseSandbox } from '../../apps/enrichment/src/sandbox/api-entreprise-sandbox';
import { startGateway } from '../../apps/gateway/src/gateway.bootstrap';
import { startNotificationsService } from '../../apps/notifications/src/notifications.bootstrap';
import { startProceduresService } from '../../apps/procedures/src/procedures.bootstrap';
import { createDatabase, freePort, startNats, startS3, type Started } from './bench-infrastructure';
import { type SmtpSink, startSmtpSink } from './smtp-sink';

/**
 * The five apps in this process, started through their production start functions, over the
 * benchmark's own NATS, database, S3 server, SMTP sink and API Entreprise sandbox.
 */

export type AppName = 'procedures' | 'dossiers' | 'enrichment' | 'notifications' | 'gateway';

type StartFunction = (env: NodeJS.ProcessEnv) => Promise<INestApplication>;

const START_FUNCTIONS: Record<AppName, StartFunction> = {
  procedures: startProceduresService,
  dossiers: startDossiersService,
  enrichment: startEnrichmentService,
  notifications: startNotificationsService,
  gateway: startGateway,
};

/** The gateway starts last, so it never forwards to a service that is not listening yet. */
const START_ORDER: AppName[] = ['procedures', 'dossiers', 'enrichment', 'notifications', 'gateway'];
const SANDBOX_TOKEN = 'bench-sandbox-token';
const READY_TIMEOUT_MS = 60000;

export interface BenchStack {
  gatewayUrl: string;
  databaseUrl: string;
  natsUrl: string;
  smtp: SmtpSink;
  /** Time to start NATS, the database, S3, the SMTP sink and the sandbox, in milliseconds. */
  infrastructureMs: number;
  /** Time from the first start function call to every app returning 200 on /ready, in ms. */
  appsReadyMs: number;
  /** Time from the start of this Node.js process to every app returning 200 on /ready, in ms. */
  processReadyMs: number;
  /** Starts one more notifications replica. */
  startNotificationsReplica(): Promise<void>;
  close(): Promise<void>;
}

export async function startBenchStack(): Promise<BenchStack> {
  const cleanups: (() => Promise<void>)[] = [];
  const apps: INestApplication[] = [];
  const close = async (): Promise<void> => {
    const errors: unknown[] = [];
    for (const app of apps.reverse()) {
      await app.close().catch((error: unknown) => errors.push(error));
    }
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => errors.push(error));
    }
    if (errors.length > 0) {
      throw new Error(`stopping the benchmark stack failed: ${errors.map(String).join('; ')}`);
    }
  };

  try {
    const infrastructureStart = performance.now();
    const track = (started: Started): Started => {
      cleanups.push(() => started.stop());

      return started;
    };
    const database = track(await createDatabase());
    const nats = track(await startNats());
    const s3 = track(await startS3());
    const smtp = await startSmtpSink();
    cleanups.push(() => smtp.close());
    const sandbox = await startApiEntrepriseSandbox({ port: 0, token: SANDBOX_TOKEN });
    cleanups.push(() => sandbox.close());
    const infrastructureMs = performance.now() - infrastructureStart;

    const gatewayPort = await freePort();
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    const env: Record<string, string> = {
      DATABASE_URL: database.url,
      NATS_URL: nats.url,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
      NODE_ENV: 'production',
      PUBLIC_URL: gatewayUrl,
      COOKIE_SECURE: 'false',
      S3_ENDPOINT: s3.url,
      S3_ACCESS_KEY: 'S3RVER',
      S3_SECRET_KEY: 'S3RVER',
      S3_BUCKET: 'tps-bench',
      S3_REGION: 'us-east-1',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'TPS <ne-pas-repondre@tps.localhost>',
      API_ENTREPRISE_URL: sandbox.url,
      API_ENTREPRISE_TOKEN: SANDBOX_TOKEN,
    };

    const appsStart = performance.now();
    for (const name of START_ORDER) {
      const port = name === 'gateway' ? String(gatewayPort) : '0';
      apps.push(await START_FUNCTIONS[name]({ ...env, HTTP_PORT: port }));
    }
    await Promise.all(apps.map((app) => waitUntilReady(app)));
    const appsReadyMs = performance.now() - appsStart;
    // performance.now() counts from the start of the process, module loading included.
    const processReadyMs = performance.now();

    return {
      gatewayUrl,
      databaseUrl: database.url,
      natsUrl: nats.url,
      smtp,
      infrastructureMs,
      appsReadyMs,
      processReadyMs,
      startNotificationsReplica: async () => {
        const app = await startNotificationsService({ ...env, HTTP_PORT: '0' });
        apps.push(app);
        await waitUntilReady(app);
      },
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/** Polls the app's /ready until it returns 200. */
async function waitUntilReady(app: INestApplication): Promise<void> {
  const url = `http://127.0.0.1:${listeningPort(app)}/ready`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const status = await fetch(url)
      .then((response) => response.status)
      .catch(() => 0);
    if (status === 200) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${url} did not return 200 within ${READY_TIMEOUT_MS} ms (last status ${status})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
