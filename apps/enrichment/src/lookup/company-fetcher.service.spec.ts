import type { ApiCallOutcome } from '../api-entreprise/api-call-outcome';
import type {
  ApiCallParameters,
  ApiEntrepriseClient,
} from '../api-entreprise/api-entreprise.client';
import { EnrichmentConfig } from '../enrichment.config';
import { SANDBOX_ESTABLISHMENTS, SANDBOX_LEGAL_UNITS } from '../sandbox/sandbox-entities';
import { buildEtablissementPayload, buildUniteLegalePayload } from '../sandbox/sandbox-payloads';
import { CompanyFetcher } from './company-fetcher.service';

type Responder = (path: string) => ApiCallOutcome<unknown>;

/** Records the calls and returns the outcome `respond` picks for each path. */
function fakeClient(respond: Responder) {
  const calls: Array<{ path: string; parameters: ApiCallParameters }> = [];
  const client = {
    get: async (path: string, parameters: ApiCallParameters) => {
      calls.push({ path, parameters });

      return respond(path);
    },
  } as unknown as ApiEntrepriseClient;

  return { client, calls };
}

function sandboxOutcome(path: string): ApiCallOutcome<unknown> {
  const siret = /etablissements\/(\d{14})/.exec(path)?.[1];
  const siren = /unites_legales\/(\d{9})/.exec(path)?.[1];
  if (siret) {
    const unit = SANDBOX_LEGAL_UNITS[siret.slice(0, 9)];
    const body = buildEtablissementPayload(SANDBOX_ESTABLISHMENTS[siret], unit);

    return { kind: 'ok', body, requestId: 'r1' };
  }
  if (siren && !path.endsWith('extrait_kbis')) {
    return {
      kind: 'ok',
      body: buildUniteLegalePayload(SANDBOX_LEGAL_UNITS[siren]),
      requestId: 'r2',
    };
  }

  return { kind: 'not_found', requestId: 'r3' };
}

const config = new EnrichmentConfig();

describe('CompanyFetcher', () => {
  it('sends the procedure as object', async () => {
    const { client, calls } = fakeClient(sandboxOutcome);
    await new CompanyFetcher(config, client).fetch(
      '41816609600069',
      '3f1c9a52-8d4e-4b7a-9c1e-2a5b6c7d8e9f',
    );
    expect(calls[0].parameters).toEqual({
      object: 'procedure 3f1c9a52-8d4e-4b7a-9c1e-2a5b6c7d8e9f',
      recipient: '13002526500013',
    });
    expect(calls[0].parameters.object.length).toBeLessThan(50);
  });

  it('falls back when the recipient is queried', async () => {
    const { client, calls } = fakeClient(sandboxOutcome);
    await new CompanyFetcher(config, client).fetch('13002526500013', null);
    expect(calls[0].parameters).toEqual({ object: 'TPS', recipient: '11004601800013' });
  });

  it('skips the RCS extract of associations', async () => {
    const { client, calls } = fakeClient(sandboxOutcome);
    const result = await new CompanyFetcher(config, client).fetch('77567227221138', null);
    expect(result.status).toBe('found');
    expect(calls.map((call) => call.path)).toEqual([
      '/v3/insee/sirene/etablissements/77567227221138',
      '/v3/insee/sirene/unites_legales/775672272',
    ]);
  });

  it('stays pending when the legal unit fails', async () => {
    const { client } = fakeClient((path) =>
      path.includes('unites_legales')
        ? { kind: 'unavailable', reason: 'HTTP 502', retryAt: 1234, requestId: null }
        : sandboxOutcome(path),
    );
    const result = await new CompanyFetcher(config, client).fetch('41816609600069', null);
    expect(result).toEqual({
      status: 'pending',
      reason: 'HTTP 502',
      retryAt: 1234,
      throttled: false,
    });
  });

  it('keeps a company when the extract fails', async () => {
    const { client } = fakeClient((path) =>
      path.endsWith('extrait_kbis')
        ? { kind: 'unavailable', reason: 'HTTP 504', retryAt: null, requestId: null }
        : sandboxOutcome(path),
    );
    const result = await new CompanyFetcher(config, client).fetch('41816609600069', null);
    expect(result).toMatchObject({ status: 'found', company: { capital: null } });
  });

  it('marks a throttled lookup', async () => {
    const { client } = fakeClient(() => ({ kind: 'throttled', retryAt: 99, requestId: null }));
    const result = await new CompanyFetcher(config, client).fetch('41816609600069', null);
    expect(result).toEqual({
      status: 'pending',
      reason: 'rate limited',
      retryAt: 99,
      throttled: true,
    });
  });

  it('reports a rejected call with its request id', async () => {
    const { client } = fakeClient(() => ({
      kind: 'rejected',
      status: 401,
      error: { code: '00101', title: 'x', detail: 'y', source: null, meta: {} },
      requestId: 'abc',
    }));
    const result = await new CompanyFetcher(config, client).fetch('41816609600069', null);
    expect(result).toMatchObject({
      status: 'pending',
      reason: 'rejected: HTTP 401 00101 (request abc)',
    });
  });

  it('turns an unexpected payload into pending', async () => {
    const { client } = fakeClient(() => ({
      kind: 'ok',
      body: { data: { siret: '41816609600069' }, links: {}, meta: {} },
      requestId: null,
    }));
    const result = await new CompanyFetcher(config, client).fetch('41816609600069', null);
    expect(result).toMatchObject({
      status: 'pending',
      reason: expect.stringMatching(/^unexpected error/),
    });
  });
});
