// The contracts' DTO decorators need the Reflect metadata API before they load.
import 'reflect-metadata';

import { availableParallelism, cpus, totalmem } from 'node:os';

import type { PublicProcedureView } from '@tps/contracts';

import { type ApiBenchResult, runApiBench } from './bench/api-bench';
import { type BenchStack, startBenchStack } from './bench/bench-stack';
import { formatLatencyRow } from './bench/latency';
import { type NotificationsRunResult, runNotificationsBench } from './bench/notifications-bench';
import { type PagingBenchResult, runPagingBench } from './bench/paging-bench';
import { seed, type SeededProcedure } from './seed';

/**
 * `npm run bench`: starts the whole platform in this process on free ports (private nats-server,
 * fresh database `tps_bench_<hex>`, s3rver, SMTP sink), measures start-up, API latency, keyset
 * paging, e-mail throughput and memory, prints the figures and stops everything. It asserts
 * nothing, but exits 1 when a step or a request fails. Sizes can be lowered with the BENCH_*
 * variables below, e.g. for a quick check.
 */

export interface BenchSizes {
  concurrency: number;
  dossiers: number;
  patches: number;
  reads: number;
  pagingRows: number;
  pagingBatch: number;
  pageSize: number;
  deepPage: number;
  pageRepeats: number;
  notificationEvents: number;
}

const SIZES = readSizesOrExit();

/** Reads the sample sizes from BENCH_* variables, or prints the invalid one and exits 1. */
function readSizesOrExit(): BenchSizes {
  try {
    return {
      concurrency: intFromEnv('BENCH_CONCURRENCY', 8),
      dossiers: intFromEnv('BENCH_DOSSIERS', 160),
      patches: intFromEnv('BENCH_PATCHES', 400),
      reads: intFromEnv('BENCH_READS', 800),
      pagingRows: intFromEnv('BENCH_PAGING_ROWS', 100_000),
      pagingBatch: 10_000,
      pageSize: 50,
      deepPage: intFromEnv('BENCH_DEEP_PAGE', 1000),
      pageRepeats: intFromEnv('BENCH_PAGE_REPEATS', 200),
      notificationEvents: intFromEnv('BENCH_EMAILS', 500),
    };
  } catch (error) {
    console.error(`benchmark not started: ${(error as Error).message}`);
    process.exit(1);
  }
}

const NOTIFICATIONS_TIMEOUT_MS = 120_000;
/** Part of the address of every applicant account that section 2 signs up. */
const API_RECIPIENT_TAG = 'bench-applicant-';

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }

  return value;
}

async function main(): Promise<number> {
  const runStart = performance.now();
  printMachine();
  let stack: BenchStack | null = null;
  let failed = false;
  try {
    stack = await startBenchStack();
    console.log('\n1. Start-up (apps in this process, started one after the other)');
    console.log(
      `   external parts (database, nats-server, s3rver, SMTP sink, sandbox): ${ms(stack.infrastructureMs)}`,
    );
    console.log(
      `   launch of the first app → all five /ready return 200:               ${ms(stack.appsReadyMs)}`,
    );
    console.log(
      `   start of this Node.js process → all five /ready return 200:         ${ms(stack.processReadyMs)}`,
    );

    const seeded = await seed(stack.gatewayUrl);
    const api = await runApiBench({
      gatewayUrl: stack.gatewayUrl,
      procedure: findProcedure(seeded.procedures, 'secretaireGeneral'),
      concurrency: SIZES.concurrency,
      dossiers: SIZES.dossiers,
      patches: SIZES.patches,
      reads: SIZES.reads,
    });
    failed = printApi(api) || failed;
    // Section 2 sent one e-mail per submission and one per transition. Waiting for them keeps
    // them out of the notifications runs below.
    const drainStart = performance.now();
    await stack.smtp.waitFor(API_RECIPIENT_TAG, SIZES.dossiers * 2, NOTIFICATIONS_TIMEOUT_MS);
    console.log(
      `   the ${SIZES.dossiers * 2} e-mails of these submissions and transitions were all received ` +
        `${ms(performance.now() - drainStart)} after the last request`,
    );

    const listed = findProcedure(seeded.procedures, 'politiqueVille');
    const view = (await (
      await fetch(`${stack.gatewayUrl}/api/procedures/${listed.id}`)
    ).json()) as PublicProcedureView;
    if (!view.publishedRevision) {
      throw new Error(`procedure ${listed.id} has no published revision`);
    }
    const paging = await runPagingBench({
      gatewayUrl: stack.gatewayUrl,
      databaseUrl: stack.databaseUrl,
      procedureId: listed.id,
      revisionId: view.publishedRevision.id,
      procedureTitle: view.title,
      organisation: view.organisation,
      rows: SIZES.pagingRows,
      batchSize: SIZES.pagingBatch,
      pageSize: SIZES.pageSize,
      deepPage: SIZES.deepPage,
      repeats: SIZES.pageRepeats,
    });
    printPaging(paging);

    const notificationRuns: { replicas: number; result: NotificationsRunResult }[] = [];
    for (const replicas of [1, 2]) {
      if (replicas === 2) {
        await stack.startNotificationsReplica();
      }
      const result = await runNotificationsBench({
        natsUrl: stack.natsUrl,
        smtp: stack.smtp,
        procedureId: listed.id,
        procedureTitle: view.title,
        organisation: view.organisation,
        tag: `replicas-${replicas}`,
        events: SIZES.notificationEvents,
        timeoutMs: NOTIFICATIONS_TIMEOUT_MS,
      });
      notificationRuns.push({ replicas, result });
    }
    printNotifications(notificationRuns);
    printMemory();
  } catch (error) {
    failed = true;
    console.error(
      `\nbenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  } finally {
    try {
      await stack?.close();
    } catch (error) {
      failed = true;
      console.error(String(error));
    }
  }
  console.log(
    `\nWhole run: ${ms(performance.now() - runStart)}${failed ? ' (with failures)' : ''}`,
  );

  return failed ? 1 : 0;
}

function findProcedure(
  procedures: SeededProcedure[],
  key: SeededProcedure['key'],
): SeededProcedure {
  const found = procedures.find((procedure) => procedure.key === key);
  if (!found) {
    throw new Error(`the seed created no procedure ${key}`);
  }

  return found;
}

function printMachine(): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log('TPS benchmark');
  console.log(
    `machine: ${availableParallelism()} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
      `Node ${process.version}, ${process.platform}/${process.arch}`,
  );
  console.log(`sizes: ${JSON.stringify(SIZES)}`);
}

/** Prints the latency table; returns true when a measured request failed. */
function printApi(api: ApiBenchResult): boolean {
  console.log(
    `\n2. API latency over HTTP through the gateway (set-up of the dossiers: ${ms(api.setupMs)})`,
  );
  for (const row of api.rows) {
    console.log(`   ${formatLatencyRow(row)}`);
    if (row.firstError) {
      console.error(`   first error: ${row.firstError}`);
    }
  }

  return api.rows.some((row) => row.errors > 0);
}

function printPaging(paging: PagingBenchResult): void {
  console.log(
    `\n3. Keyset paging: ${SIZES.pagingRows} dossiers inserted in ${ms(paging.insertMs)}, ANALYZE ${ms(paging.analyzeMs)}, ` +
      `${SIZES.pageSize} per page`,
  );
  console.log(
    `   walk from page 1 to page ${SIZES.deepPage} once: ${ms(paging.walkMs)} ` +
      `(${(paging.walkMs / (SIZES.deepPage - 1)).toFixed(1)} ms per page)`,
  );
  console.log(`   ${formatLatencyRow(paging.firstPage)}`);
  console.log(`   ${formatLatencyRow(paging.deepPage)}`);
}

function printNotifications(runs: { replicas: number; result: NotificationsRunResult }[]): void {
  console.log(
    '\n4. Notifications: dossier-submitted events published → e-mails received by the SMTP sink',
  );
  for (const { replicas, result } of runs) {
    console.log(
      `   ${replicas} replica${replicas > 1 ? 's' : ' '}: ${result.events} events published in ${ms(result.publishMs)}, ` +
        `all e-mails received after ${ms(result.deliveredMs)} ` +
        `(${(result.events / (result.deliveredMs / 1000)).toFixed(0)} e-mails/s)`,
    );
  }
}

function printMemory(): void {
  const usage = process.memoryUsage();
  const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  console.log(
    '\n5. Memory of this process (five apps, two notifications replicas, s3rver, SMTP sink) after the runs',
  );
  console.log(
    `   RSS ${mib(usage.rss)}, heap used ${mib(usage.heapUsed)} of ${mib(usage.heapTotal)}, external ${mib(usage.external)}`,
  );
}

function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`benchmark failed: ${String(error)}`);
    process.exit(1);
  },
);
