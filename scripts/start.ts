// The contracts' DTO decorators need the Reflect metadata API before they load.
import 'reflect-metadata';

import { join } from 'node:path';

import { APP_NAMES, APP_PORTS, AppProcess } from './embedded/app-processes';
import { checkNats, checkPostgres, redact } from './embedded/prerequisites';
import { startStandIns, type StandIns } from './embedded/stand-ins';
import { DEMO_PASSWORD } from './fixtures/procedures';
import { seed, type SeedResult } from './seed';

/**
 * `npm start`: runs the whole platform on this machine. Checks PostgreSQL and NATS, starts the
 * stand-ins of the external parts that are not configured (S3, SMTP, API Entreprise), runs the
 * five apps as child processes, seeds the demo data through the API and prints where to go.
 * SIGINT or SIGTERM stops everything.
 */

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/tps';
const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
const READY_TIMEOUT_MS = 60000;
/** dist/scripts/start.js → repository root. */
const ROOT_DIR = join(__dirname, '..', '..');

const apps: AppProcess[] = [];
let standIns: StandIns | null = null;
let shuttingDown = false;

async function main(): Promise<void> {
  const startedAt = Date.now();
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const natsUrl = process.env.NATS_URL || DEFAULT_NATS_URL;

  const problems = (await Promise.all([checkPostgres(databaseUrl), checkNats(natsUrl)])).filter(
    (problem): problem is string => problem !== null,
  );
  if (problems.length > 0) {
    console.error(`\nTPS cannot start:\n\n${problems.join('\n\n')}\n`);
    process.exit(1);
  }

  standIns = await startStandIns(process.env, ROOT_DIR);
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV || 'development',
    DATABASE_URL: databaseUrl,
    NATS_URL: natsUrl,
    ...standIns.env,
  };

  for (const name of APP_NAMES) {
    const app = new AppProcess(name, APP_PORTS[name], ROOT_DIR);
    apps.push(app);
    app.start(env, (code) => {
      console.error(`\n${name} exited unexpectedly (code ${code}); stopping TPS.`);
      void shutDown(1);
    });
  }
  await Promise.all(apps.map((app) => app.waitUntilReady(READY_TIMEOUT_MS)));
  const readyAt = Date.now();

  const gatewayUrl = `http://localhost:${APP_PORTS.gateway}`;
  const seeded = await seed(gatewayUrl);
  printSummary(
    gatewayUrl,
    databaseUrl,
    natsUrl,
    seeded,
    readyAt - startedAt,
    Date.now() - startedAt,
  );
}

function printSummary(
  gatewayUrl: string,
  databaseUrl: string,
  natsUrl: string,
  seeded: SeedResult,
  readyMs: number,
  totalMs: number,
): void {
  const lines = [
    '',
    '─'.repeat(72),
    `TPS is running: apps ready ${(readyMs / 1000).toFixed(1)} s after start, demo data ${(totalMs / 1000).toFixed(1)} s`,
    '',
    `  Site                     ${gatewayUrl}/`,
    `  API                      ${gatewayUrl}/api`,
    `  OpenAPI                  ${gatewayUrl}/api/docs`,
    ...apps.map((app) => `  ${app.name.padEnd(24)} ${app.url}/health`),
    ...(standIns?.started ?? []).map((standIn) => `  ${standIn.name.padEnd(24)} ${standIn.url}`),
    `  PostgreSQL               ${redact(databaseUrl)}`,
    `  NATS                     ${natsUrl}`,
    '',
    `Demo accounts (password: ${DEMO_PASSWORD})`,
    ...seeded.accounts.map((account) => `  ${account.role.padEnd(24)} ${account.email}`),
    '',
    'Procedures (start pages for applicants)',
    ...seeded.procedures.map((procedure) => `  ${gatewayUrl}/commencer/${procedure.path}`),
    '',
    'Play them end to end: npm run scenario (MAIL_CATCHER_URL=http://localhost:1080 also counts the mails).',
    'Stop with Ctrl+C.',
    '─'.repeat(72),
  ];
  console.log(lines.join('\n'));
}

/** Stops the apps first (they drain their consumers), then the stand-ins they used. */
async function shutDown(exitCode: number): Promise<void> {
  if (shuttingDown) {
    return;
  }
  shuttingDown = true;
  console.log('\nStopping TPS…');
  await Promise.all(apps.map((app) => app.stop()));
  await standIns?.close();
  console.log('TPS stopped.');
  process.exit(exitCode);
}

process.once('SIGINT', () => void shutDown(0));
process.once('SIGTERM', () => void shutDown(0));

main().catch((error: unknown) => {
  console.error(`\nTPS failed to start: ${error instanceof Error ? error.message : String(error)}`);
  void shutDown(1);
});
