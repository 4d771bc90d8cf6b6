import 'reflect-metadata';

import type { INestApplication } from '@nestjs/common';
import { EnrichmentSubjects, type SiretLookupResult, SYSTEM_ACTOR } from '@tps/contracts';
import { NatsRequester } from '@tps/platform';
import { Client } from 'pg';

import { startEnrichmentService } from '../../apps/enrichment/src/enrichment.bootstrap';
import {
  type ApiEntrepriseSandbox,
  startApiEntrepriseSandbox,
} from '../../apps/enrichment/src/sandbox/api-entreprise-sandbox';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestNats, type TestNats } from '../support/nats';

interface PendingRow {
  attempts: number;
  last_error: string;
  gave_up_at: Date | null;
}

/** A service whose token API Entreprise rejects: lookups stay pending, then are given up. */
describe('enrichment with a rejected token', () => {
  let nats: TestNats;
  let database: TestDatabase;
  let sandbox: ApiEntrepriseSandbox;
  let app: INestApplication;
  let requester: NatsRequester;
  let db: Client;

  const lookup = (siret: string) =>
    requester.send<SiretLookupResult>(EnrichmentSubjects.lookupSiret, SYSTEM_ACTOR, { siret });
  const pendingRow = async (siret: string): Promise<PendingRow | undefined> => {
    const { rows } = await db.query<PendingRow>(
      'SELECT attempts, last_error, gave_up_at FROM pending_lookup WHERE siret = $1',
      [siret],
    );

    return rows[0];
  };

  beforeAll(async () => {
    nats = await startTestNats();
    database = await createTestDatabase();
    sandbox = await startApiEntrepriseSandbox({ token: 'the-real-token' });
    app = await startEnrichmentService({
      DATABASE_URL: database.url,
      NATS_URL: nats.url,
      HTTP_PORT: '0',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      API_ENTREPRISE_URL: sandbox.url,
      API_ENTREPRISE_TOKEN: 'a-wrong-token',
      ENRICHMENT_RETRY_BASE_MS: '100',
      ENRICHMENT_RETRY_POLL_MS: '50',
      ENRICHMENT_MAX_ATTEMPTS: '3',
    });
    requester = new NatsRequester(nats.url, 10000);
    await requester.connect();
    db = new Client({ connectionString: database.url, options: '-c search_path=enrichment' });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await requester?.close();
    await app?.close();
    await sandbox?.close();
    await database?.drop();
    await nats?.stop();
  });

  it('returns pending on HTTP 401', async () => {
    const result = await lookup('41816609600069');
    expect(result.status).toBe('pending');
    expect(result.message).toContain('momentanément indisponible');
    expect(sandbox.calls[0].headers.authorization).toBe('Bearer a-wrong-token');
    const row = await pendingRow('41816609600069');
    expect(row?.attempts).toBe(1);
    expect(row?.last_error).toContain('HTTP 401 00101');
  });

  it('gives up after the maximum attempts', async () => {
    const deadline = Date.now() + 10000;
    let row = await pendingRow('41816609600069');
    while (!row?.gave_up_at && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      row = await pendingRow('41816609600069');
    }
    expect(row?.gave_up_at).not.toBeNull();
    expect(row?.attempts).toBe(3);
    const callsAtGiveUp = sandbox.calls.length;
    expect(callsAtGiveUp).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sandbox.calls).toHaveLength(callsAtGiveUp);
  });

  it('starts over on a new lookup', async () => {
    await lookup('41816609600069');
    const row = await pendingRow('41816609600069');
    expect(row?.gave_up_at).toBeNull();
    expect(row?.attempts).toBe(1);
  });

  it('writes no event for a given-up lookup', async () => {
    const { rows } = await db.query('SELECT count(*)::int AS count FROM outbox');
    expect(rows[0].count).toBe(0);
  });
});
