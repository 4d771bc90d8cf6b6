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

/**
 * Each call takes 600 ms and the client timeout is 5 s, but one lookup request may spend only
 * 1 s in total: the second call is cut short and the lookup goes pending.
 */
describe('enrichment lookup budget', () => {
  let nats: TestNats;
  let database: TestDatabase;
  let sandbox: ApiEntrepriseSandbox;
  let app: INestApplication;
  let requester: NatsRequester;
  let db: Client;

  beforeAll(async () => {
    nats = await startTestNats();
    database = await createTestDatabase();
    sandbox = await startApiEntrepriseSandbox({ slowDelayMs: 600 });
    app = await startEnrichmentService({
      DATABASE_URL: database.url,
      NATS_URL: nats.url,
      HTTP_PORT: '0',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      API_ENTREPRISE_URL: sandbox.url,
      API_ENTREPRISE_TIMEOUT_MS: '5000',
      ENRICHMENT_LOOKUP_BUDGET_MS: '1000',
      ENRICHMENT_RETRY_BASE_MS: '60000',
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

  it('goes pending when the budget is spent', async () => {
    sandbox.setMode('slow');
    const startedAt = Date.now();
    const result = await requester.send<SiretLookupResult>(
      EnrichmentSubjects.lookupSiret,
      SYSTEM_ACTOR,
      { siret: '41816609600069' },
    );
    const elapsed = Date.now() - startedAt;
    expect(result.status).toBe('pending');
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(2000);
    expect(sandbox.calls.map((call) => call.path)).toEqual([
      '/v3/insee/sirene/etablissements/41816609600069',
      '/v3/insee/sirene/unites_legales/418166096',
    ]);
    const { rows } = await db.query('SELECT last_error FROM pending_lookup WHERE siret = $1', [
      '41816609600069',
    ]);
    expect(rows[0].last_error).toMatch(/^timed out after \d+ ms$/);
  });
});
