import type { DossierPage } from '@tps/contracts';
import { Client } from 'pg';

import { DEMO_INSTRUCTOR_EMAIL, DEMO_PASSWORD } from '../fixtures/procedures';
import { ApiClient } from '../scenario/api-client';
import { type LatencySummary, measure } from './latency';

/**
 * Keyset paging of the instructor list: bulk-inserts dossiers of one procedure with SQL, then times
 * GET /api/instructor/procedures/:id/dossiers for the first page and for a deep page reached by
 * following `nextCursor`. Both should cost about the same, because the cursor query seeks into the
 * (procedure_id, archived, updated_at DESC, id DESC) index instead of skipping rows.
 */

export interface PagingBenchOptions {
  gatewayUrl: string;
  databaseUrl: string;
  procedureId: string;
  revisionId: string;
  procedureTitle: string;
  organisation: string;
  rows: number;
  batchSize: number;
  pageSize: number;
  deepPage: number;
  /** Timed fetches of page 1 and of the deep page each. */
  repeats: number;
}

export interface PagingBenchResult {
  insertMs: number;
  analyzeMs: number;
  /** Time to follow the cursor from page 1 to the deep page, once. */
  walkMs: number;
  firstPage: LatencySummary;
  deepPage: LatencySummary;
}

const SUBMITTED_STATES = ['en_construction', 'en_instruction', 'accepte', 'refuse', 'sans_suite'];

export async function runPagingBench(options: PagingBenchOptions): Promise<PagingBenchResult> {
  const { insertMs, analyzeMs } = await insertDossiers(options);
  const instructor = new ApiClient(options.gatewayUrl, DEMO_INSTRUCTOR_EMAIL);
  await instructor.signUpOrIn(DEMO_INSTRUCTOR_EMAIL, DEMO_PASSWORD);
  const listPath = `/api/instructor/procedures/${options.procedureId}/dossiers?limit=${options.pageSize}`;
  const fetchPage = async (cursor: string | null): Promise<DossierPage> => {
    const page = await instructor.get<DossierPage>(
      cursor ? `${listPath}&cursor=${encodeURIComponent(cursor)}` : listPath,
    );
    if (page.items.length !== options.pageSize) {
      throw new Error(
        `the instructor list returned ${page.items.length} dossiers instead of ${options.pageSize}`,
      );
    }

    return page;
  };

  const walkStart = performance.now();
  let cursor: string | null = null;
  for (let page = 1; page < options.deepPage; page += 1) {
    const result: DossierPage = await fetchPage(cursor);
    if (!result.nextCursor) {
      throw new Error(`the instructor list ended at page ${page}, before page ${options.deepPage}`);
    }
    cursor = result.nextCursor;
  }
  const walkMs = performance.now() - walkStart;
  const deepCursor = cursor;

  const firstPage = await measure('instructor list, page 1', options.repeats, 1, () =>
    fetchPage(null),
  );
  const deepPage = await measure(
    `instructor list, page ${options.deepPage}`,
    options.repeats,
    1,
    () => fetchPage(deepCursor),
  );
  for (const summary of [firstPage, deepPage]) {
    if (summary.errors > 0) {
      throw new Error(`${summary.label} failed ${summary.errors} times: ${summary.firstError}`);
    }
  }

  return { insertMs, analyzeMs, walkMs, firstPage, deepPage };
}

/**
 * Inserts `rows` submitted dossiers in batches. Two rows share each `updated_at`, so the id part of
 * the keyset breaks ties; every state but `brouillon` appears in turn.
 */
async function insertDossiers(
  options: PagingBenchOptions,
): Promise<{ insertMs: number; analyzeMs: number }> {
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const insertStart = performance.now();
    for (let first = 1; first <= options.rows; first += options.batchSize) {
      const last = Math.min(options.rows, first + options.batchSize - 1);
      await client.query(
        `INSERT INTO dossiers.dossier (id, procedure_id, revision_id, procedure_title, organisation,
           applicant_account_id, applicant_email, state, archived, version, created_at, updated_at,
           submitted_at)
         SELECT gen_random_uuid(), $1, $2, $3, $4, gen_random_uuid(),
           'bench-bulk-' || g || '@bench.tps.local', ($5::text[])[1 + g % 5], false, 1,
           now() - make_interval(secs => g), now() - make_interval(secs => g / 2),
           now() - make_interval(secs => g / 2)
         FROM generate_series($6::int, $7::int) AS g`,
        [
          options.procedureId,
          options.revisionId,
          options.procedureTitle,
          options.organisation,
          SUBMITTED_STATES,
          first,
          last,
        ],
      );
    }
    const insertMs = performance.now() - insertStart;
    const analyzeStart = performance.now();
    await client.query('ANALYZE dossiers.dossier');

    return { insertMs, analyzeMs: performance.now() - analyzeStart };
  } finally {
    await client.end();
  }
}
