import 'reflect-metadata';

import { randomUUID } from 'node:crypto';

import type { INestApplication } from '@nestjs/common';
import {
  type CloudEvent,
  type CompanyResolvedV1,
  EnrichmentSubjects,
  ErrorCode,
  SIRET_ERROR_MESSAGES,
  type SiretLookupResult,
  SYSTEM_ACTOR,
} from '@tps/contracts';
import { type DomainError, EventBus, listeningPort, NatsRequester } from '@tps/platform';
import { Client } from 'pg';

import { startEnrichmentService } from '../../apps/enrichment/src/enrichment.bootstrap';
import {
  type ApiEntrepriseSandbox,
  SANDBOX_DEFAULT_TOKEN,
  startApiEntrepriseSandbox,
} from '../../apps/enrichment/src/sandbox/api-entreprise-sandbox';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestNats, type TestNats } from '../support/nats';

const CLIENT_TIMEOUT_MS = 800;

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = probe();
    if (value !== undefined) {
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`condition not met after ${timeoutMs} ms`);
}

describe('enrichment service', () => {
  let nats: TestNats;
  let database: TestDatabase;
  let sandbox: ApiEntrepriseSandbox;
  let app: INestApplication;
  let requester: NatsRequester;
  let bus: EventBus;
  let db: Client;
  const events: Array<CloudEvent<CompanyResolvedV1>> = [];

  const lookup = (siret: string, procedureId?: string) =>
    requester.send<SiretLookupResult>(EnrichmentSubjects.lookupSiret, SYSTEM_ACTOR, {
      siret,
      procedureId,
    });
  const callsFor = (identifier: string) =>
    sandbox.calls.filter((call) => call.path.includes(identifier));
  const eventFor = (siret: string) => () => events.find((event) => event.data.siret === siret);

  beforeAll(async () => {
    nats = await startTestNats();
    database = await createTestDatabase();
    sandbox = await startApiEntrepriseSandbox();
    app = await startEnrichmentService({
      DATABASE_URL: database.url,
      NATS_URL: nats.url,
      HTTP_PORT: '0',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      API_ENTREPRISE_URL: sandbox.url,
      API_ENTREPRISE_TIMEOUT_MS: String(CLIENT_TIMEOUT_MS),
      ENRICHMENT_RETRY_BASE_MS: '200',
      ENRICHMENT_RETRY_POLL_MS: '100',
    });
    requester = new NatsRequester(nats.url, 10000);
    await requester.connect();
    bus = new EventBus({ natsUrl: nats.url, name: 'enrichment-test' });
    await bus.connect();
    await bus.consume({
      durable: 'enrichment-test',
      filterSubject: 'tps.events.company.>',
      handler: async (event) => {
        events.push(event as CloudEvent<CompanyResolvedV1>);
      },
    });
    db = new Client({ connectionString: database.url, options: '-c search_path=enrichment' });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await bus?.close();
    await requester?.close();
    await app?.close();
    await sandbox?.close();
    await database?.drop();
    await nats?.stop();
  });

  afterEach(() => {
    sandbox.setMode('normal');
  });

  it('finds a company', async () => {
    const result = await lookup('41816609600069');
    expect(result.status).toBe('found');
    expect(result.message).toBeUndefined();
    expect(result.company).toMatchObject({
      siret: '41816609600069',
      siren: '418166096',
      name: 'OCTO TECHNOLOGY',
      nafCode: '62.02A',
      legalForm: { code: '5710', label: 'SAS, société par actions simplifiée' },
      postalCode: '75002',
      city: 'PARIS 2',
      active: true,
      headOffice: true,
      diffusible: true,
      capital: 3636554,
    });
    expect(callsFor('418166096').map((call) => call.path)).toEqual([
      '/v3/insee/sirene/etablissements/41816609600069',
      '/v3/insee/sirene/unites_legales/418166096',
      '/v3/infogreffe/rcs/unites_legales/418166096/extrait_kbis',
    ]);
  });

  it('serves the cache on a second lookup', async () => {
    await lookup('55203253400703');
    const callsBefore = callsFor('552032534').length;
    const second = await lookup('55203253400703');
    expect(second.status).toBe('found');
    expect(second.company?.name).toBe('DANONE');
    expect(callsFor('552032534')).toHaveLength(callsBefore);
  });

  it('sends the token and parameters', async () => {
    const procedureId = randomUUID();
    await lookup('21750001600019', procedureId);
    const calls = callsFor('21750001600019');
    expect(calls).toHaveLength(1);
    expect(calls[0].headers.authorization).toBe(`Bearer ${SANDBOX_DEFAULT_TOKEN}`);
    expect(calls[0].query).toEqual({
      context: 'TPS',
      object: `procedure ${procedureId}`,
      recipient: '13002526500013',
    });
  });

  it('skips the RCS extract of public bodies', async () => {
    await lookup('11004601800013');
    expect(callsFor('110046018').map((call) => call.path)).not.toContain(
      '/v3/infogreffe/rcs/unites_legales/110046018/extrait_kbis',
    );
  });

  it('uses the fallback recipient for itself', async () => {
    const result = await lookup('13002526500013');
    expect(result.status).toBe('found');
    const calls = callsFor('130025265');
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.query.recipient).toBe('11004601800013');
      expect(call.query.object).toBe('TPS');
    }
  });

  it('normalises NBSP and spaces', async () => {
    const result = await lookup('110\u00a0046\u00a0018\u202f00013');
    expect(result.siret).toBe('11004601800013');
    expect(result.status).toBe('found');
    expect(result.company?.name).toBe('MINISTERE DE LA CULTURE');
  });

  it('reports an unknown SIRET', async () => {
    const result = await lookup('00000000000000');
    expect(result).toEqual({
      siret: '00000000000000',
      status: 'not_found',
      company: null,
      message: 'Nous n’avons pas trouvé d’établissement correspondant à ce numéro SIRET.',
    });
    const callsBefore = callsFor('00000000000000').length;
    await lookup('00000000000000');
    expect(callsFor('00000000000000')).toHaveLength(callsBefore);
  });

  it('reports a never-distributed unit', async () => {
    const result = await lookup('10000004100010');
    expect(result.status).toBe('unavailable_for_legal_reasons');
    expect(result.company).toBeNull();
    expect(result.message).toMatch(/INSEE/);
  });

  it('flags a non-diffusible individual', async () => {
    const result = await lookup('35004292500031');
    expect(result.status).toBe('found');
    expect(result.company?.diffusible).toBe(false);
    expect(result.message).toContain('350 042 925 00031');
  });

  it('maps a closed établissement of a ceased unit', async () => {
    const result = await lookup('35600082800018');
    expect(result.company?.active).toBe(false);
    expect(result.company?.closedOn).toBe('2010-02-28');
  });

  it('rejects a bad checksum', async () => {
    const error = (await lookup('82161143100039').catch((e: DomainError) => e)) as DomainError;
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.details?.fields).toEqual([
      { field: 'siret', message: SIRET_ERROR_MESSAGES.checksum },
    ]);
  });

  it('rejects 13 digits', async () => {
    const error = (await lookup('1300252650001').catch((e: DomainError) => e)) as DomainError;
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.details?.fields).toEqual([
      { field: 'siret', message: SIRET_ERROR_MESSAGES.format },
    ]);
  });

  it('rejects a missing siret', async () => {
    const error = (await requester
      .send(EnrichmentSubjects.lookupSiret, SYSTEM_ACTOR, {})
      .catch((e: DomainError) => e)) as DomainError;
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.details?.fields?.[0]?.field).toBe('siret');
  });

  it('resolves a lookup after an outage', async () => {
    sandbox.setMode('down');
    const pending = await lookup('55204944776279');
    expect(pending.status).toBe('pending');
    expect(pending.company).toBeNull();
    expect(pending.message).toContain('momentanément indisponible');
    const { rows } = await db.query(
      'SELECT attempts, last_error FROM pending_lookup WHERE siret = $1',
      ['55204944776279'],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].last_error).toContain('03020');

    sandbox.setMode('normal');
    const event = await waitFor(eventFor('55204944776279'));
    expect(event.type).toBe('fr.tps.company.resolved.v1');
    expect(event.data.status).toBe('found');
    expect(event.data.company?.name).toBe('SOCIETE NATIONALE SNCF');
    expect(event.data.company?.capital).toBe(1000000000);
    const after = await db.query('SELECT 1 FROM pending_lookup WHERE siret = $1', [
      '55204944776279',
    ]);
    expect(after.rows).toHaveLength(0);
    const cached = await lookup('55204944776279');
    expect(cached.status).toBe('found');
  });

  it('resolves a pending lookup on request', async () => {
    sandbox.setMode('down');
    const pending = await lookup('47846480300319');
    expect(pending.status).toBe('pending');
    sandbox.setMode('normal');
    const found = await lookup('47846480300319');
    expect(found.status).toBe('found');
    expect(found.company?.name).toBe('DURAND (MARTIN) JEANNE');
    const event = await waitFor(eventFor('47846480300319'));
    expect(event.data.status).toBe('found');
    const { rows } = await db.query('SELECT 1 FROM pending_lookup WHERE siret = $1', [
      '47846480300319',
    ]);
    expect(rows).toHaveLength(0);
  });

  it('goes pending within the timeout', async () => {
    sandbox.setMode('slow');
    const startedAt = Date.now();
    const result = await lookup('77567227221138');
    expect(result.status).toBe('pending');
    expect(Date.now() - startedAt).toBeLessThan(CLIENT_TIMEOUT_MS + 1500);
    const { rows } = await db.query('SELECT last_error FROM pending_lookup WHERE siret = $1', [
      '77567227221138',
    ]);
    expect(rows[0].last_error).toContain('timed out');
    sandbox.setMode('normal');
    const event = await waitFor(eventFor('77567227221138'));
    expect(event.data.company?.name).toBe('CROIX ROUGE FRANCAISE');
  });

  it('waits for Retry-After before calling again', async () => {
    sandbox.setMode('rate_limited');
    const first = await lookup('40046135600133');
    expect(first.status).toBe('pending');
    const limitedCall = sandbox.calls.filter((call) => call.path.includes('40046135600133')).at(-1);
    expect(limitedCall).toBeDefined();
    const callsAfterLimit = () => sandbox.calls.filter((call) => call.at > limitedCall!.at);

    const second = await lookup('35600000000048');
    expect(second.status).toBe('pending');
    expect(callsAfterLimit()).toHaveLength(0);

    sandbox.setMode('normal');
    await waitFor(eventFor('40046135600133'));
    await waitFor(eventFor('35600000000048'));
    const nextCall = callsAfterLimit()[0];
    expect(nextCall.at.getTime() - limitedCall!.at.getTime()).toBeGreaterThanOrEqual(1900);
    expect(
      events.find((event) => event.data.siret === '35600000000048')?.data.company?.capital,
    ).toBe(5364851364);
  });

  it('publishes events only for pending lookups', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sirets = events.map((event) => event.data.siret).sort();
    expect(sirets).toEqual([
      '35600000000048',
      '40046135600133',
      '47846480300319',
      '55204944776279',
      '77567227221138',
    ]);
  });

  it('logs each API call', async () => {
    const { rows } = await db.query(
      'SELECT path, status, duration_ms, request_id FROM api_call_log WHERE path = $1',
      ['/v3/insee/sirene/etablissements/41816609600069'],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe(200);
    expect(rows[0].request_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is ready without API Entreprise', async () => {
    sandbox.setMode('down');
    const response = await fetch(`http://127.0.0.1:${listeningPort(app)}/ready`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { checks: Record<string, string> };
    expect(body.checks).toEqual({ database: 'ok', nats: 'ok' });
  });
});
