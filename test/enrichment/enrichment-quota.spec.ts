import 'reflect-metadata';

import type { INestApplication } from '@nestjs/common';
import { EnrichmentSubjects, type SiretLookupResult, SYSTEM_ACTOR } from '@tps/contracts';
import { NatsRequester } from '@tps/platform';

import { startEnrichmentService } from '../../apps/enrichment/src/enrichment.bootstrap';
import {
  type ApiEntrepriseSandbox,
  startApiEntrepriseSandbox,
} from '../../apps/enrichment/src/sandbox/api-entreprise-sandbox';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestNats, type TestNats } from '../support/nats';

/** A service allowed 4 calls per minute: the fifth call is never sent. */
describe('enrichment client quota', () => {
  let nats: TestNats;
  let database: TestDatabase;
  let sandbox: ApiEntrepriseSandbox;
  let app: INestApplication;
  let requester: NatsRequester;

  const lookup = (siret: string) =>
    requester.send<SiretLookupResult>(EnrichmentSubjects.lookupSiret, SYSTEM_ACTOR, { siret });

  const startService = () =>
    startEnrichmentService({
      DATABASE_URL: database.url,
      NATS_URL: nats.url,
      HTTP_PORT: '0',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      API_ENTREPRISE_URL: sandbox.url,
      API_ENTREPRISE_MAX_REQUESTS_PER_MINUTE: '4',
      ENRICHMENT_RETRY_POLL_MS: '50',
      ENRICHMENT_RETRY_BASE_MS: '50',
    });

  beforeAll(async () => {
    nats = await startTestNats();
    database = await createTestDatabase();
    sandbox = await startApiEntrepriseSandbox();
    app = await startService();
    requester = new NatsRequester(nats.url, 10000);
    await requester.connect();
  });

  afterAll(async () => {
    await requester?.close();
    await app?.close();
    await sandbox?.close();
    await database?.drop();
    await nats?.stop();
  });

  it('uses three calls for a company', async () => {
    const result = await lookup('41816609600069');
    expect(result.status).toBe('found');
    expect(sandbox.calls).toHaveLength(3);
  });

  it('goes pending when the quota runs out', async () => {
    const result = await lookup('55203253400703');
    expect(result.status).toBe('pending');
    expect(sandbox.calls).toHaveLength(4);
  });

  it('sends no call past the quota', async () => {
    const result = await lookup('55204944776279');
    expect(result.status).toBe('pending');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sandbox.calls).toHaveLength(4);
  });

  it('keeps the quota across a restart', async () => {
    await app.close();
    app = await startService();
    const result = await lookup('13002526500013');
    expect(result.status).toBe('pending');
    expect(sandbox.calls).toHaveLength(4);
  });
});
