import 'reflect-metadata';

import {
  type ApiEntrepriseSandbox,
  SANDBOX_DEFAULT_TOKEN,
  startApiEntrepriseSandbox,
} from '../../apps/enrichment/src/sandbox/api-entreprise-sandbox';

const PARAMS = 'context=TPS&object=procedure%20test&recipient=13002526500013';

describe('API Entreprise sandbox', () => {
  let sandbox: ApiEntrepriseSandbox;

  beforeAll(async () => {
    sandbox = await startApiEntrepriseSandbox({ slowDelayMs: 300 });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  afterEach(() => {
    sandbox.setMode('normal');
  });

  async function get(path: string, query = PARAMS, token: string | null = SANDBOX_DEFAULT_TOKEN) {
    const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
    const response = await fetch(`${sandbox.url}${path}${query ? `?${query}` : ''}`, { headers });

    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as any,
    };
  }

  it('returns an établissement in the v3 format', async () => {
    const { status, body, headers } = await get('/v3/insee/sirene/etablissements/11004601800013');
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['data', 'links', 'meta']);
    expect(body.data.unite_legale.personne_morale_attributs.raison_sociale).toBe(
      'MINISTERE DE LA CULTURE',
    );
    expect(body.data.activite_principale.code).toBe('84.11Z');
    expect(Number.isInteger(body.data.date_creation)).toBe(true);
    expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.get('ratelimit-limit')).toBe('250');
    expect(Number(headers.get('ratelimit-remaining'))).toBeLessThan(250);
    expect(Number(headers.get('ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });

  it('returns the DINUM payload of the reference', async () => {
    const { body } = await get(
      '/v3/insee/sirene/etablissements/13002526500013',
      'context=TPS&object=x&recipient=11004601800013',
    );
    expect(body.data.unite_legale.date_creation).toBe(1495576800);
    expect(body.data.adresse.acheminement_postal).toEqual({
      l1: 'DIRECTION INTERMINISTERIELLE DU NUMERIQUE',
      l2: '',
      l3: '',
      l4: '20 AVENUE DE SEGUR',
      l5: '',
      l6: '75007 PARIS 7',
      l7: 'FRANCE',
    });
    expect(body.data.tranche_effectif_salarie).toEqual({
      code: '32',
      intitule: '250 à 499 salariés',
      date_reference: '2023',
      de: 250,
      a: 499,
    });
  });

  it('returns a unité légale with its cessation date', async () => {
    const { status, body } = await get('/v3/insee/sirene/unites_legales/356000828');
    expect(status).toBe(200);
    expect(body.data.etat_administratif).toBe('C');
    expect(typeof body.data.date_cessation).toBe('number');
    expect(body.links.siege_social).toContain('35600082800018');
  });

  it('returns the capital from the RCS extract', async () => {
    const { status, body } = await get('/v3/infogreffe/rcs/unites_legales/552049447/extrait_kbis');
    expect(status).toBe(200);
    expect(body.data.capital).toEqual({ montant: 1000000000, devise: 'EUROS', code_devise: 'EUR' });
  });

  it('has no RCS extract for public bodies', async () => {
    const { status, body } = await get(
      '/v3/infogreffe/rcs/unites_legales/130025265/extrait_kbis',
      'context=TPS&object=x&recipient=11004601800013',
    );
    expect(status).toBe(404);
    expect(body.errors[0].code).toBe('01003');
  });

  it('returns 404 01003 for an unknown SIRET', async () => {
    const { status, body } = await get('/v3/insee/sirene/etablissements/00000000000000');
    expect(status).toBe(404);
    expect(body.errors[0]).toMatchObject({
      code: '01003',
      title: 'Entité non trouvée',
      source: null,
      meta: { provider: 'INSEE' },
    });
  });

  it('returns 451 for the never-distributed unit', async () => {
    const { status } = await get('/v3/insee/sirene/etablissements/10000004100010');
    expect(status).toBe(451);
  });

  it('rejects a malformed SIRET with 00302', async () => {
    const { status, body } = await get('/v3/insee/sirene/etablissements/82161143100039');
    expect(status).toBe(422);
    expect(body.errors[0]).toMatchObject({ code: '00302', source: { parameter: 'siret' } });
  });

  it('rejects a badly encoded SIRET', async () => {
    const { status, body } = await get('/v3/insee/sirene/etablissements/%E0%A4%A');
    expect(status).toBe(422);
    expect(body.errors[0].code).toBe('00302');
  });

  it('rejects a missing token with 00101', async () => {
    const { status, body } = await get(
      '/v3/insee/sirene/etablissements/13002526500013',
      PARAMS,
      null,
    );
    expect(status).toBe(401);
    expect(body.errors[0].code).toBe('00101');
  });

  it('rejects a wrong token', async () => {
    const { status } = await get('/v3/insee/sirene/etablissements/13002526500013', PARAMS, 'wrong');
    expect(status).toBe(401);
  });

  it('lists each missing parameter', async () => {
    const { status, body } = await get('/v3/insee/sirene/etablissements/41816609600069', '');
    expect(status).toBe(422);
    expect(body.errors.map((error: { code: string }) => error.code)).toEqual([
      '00201',
      '00202',
      '00203',
    ]);
  });

  it('rejects the queried entity as recipient', async () => {
    const { status, body } = await get(
      '/v3/insee/sirene/etablissements/13002526500013',
      'context=TPS&object=x&recipient=13002526500013',
    );
    expect(status).toBe(422);
    expect(body.errors[0].source).toEqual({ parameter: 'recipient' });
  });

  it('records calls with query and headers', async () => {
    sandbox.calls.length = 0;
    await get('/v3/insee/sirene/etablissements/41816609600069');
    expect(sandbox.calls).toHaveLength(1);
    expect(sandbox.calls[0].path).toBe('/v3/insee/sirene/etablissements/41816609600069');
    expect(sandbox.calls[0].query).toEqual({
      context: 'TPS',
      object: 'procedure test',
      recipient: '13002526500013',
    });
    expect(sandbox.calls[0].headers.authorization).toBe(`Bearer ${SANDBOX_DEFAULT_TOKEN}`);
  });

  it('simulates an outage', async () => {
    sandbox.setMode('down');
    const { status, body } = await get('/v3/insee/sirene/etablissements/41816609600069');
    expect(status).toBe(503);
    expect(body.errors[0].code).toBe('03020');
    expect(body.errors[0].meta.retry_in).toBeGreaterThan(0);
    const ping = await get('/ping/insee/sirene', '', null);
    expect(ping.status).toBe(502);
    expect(ping.body.status).toBe('bad_gateway');
  });

  it('simulates rate limiting', async () => {
    sandbox.setMode('rate_limited');
    const { status, body, headers } = await get('/v3/insee/sirene/etablissements/41816609600069');
    expect(status).toBe(429);
    expect(body.errors[0].code).toBe('00429');
    expect(headers.get('retry-after')).toBe('2');
  });

  it('simulates slow answers', async () => {
    sandbox.setMode('slow');
    const started = Date.now();
    const { status } = await get('/v3/insee/sirene/etablissements/41816609600069');
    expect(status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('switches mode over HTTP', async () => {
    const response = await fetch(`${sandbox.url}/__sandbox/mode`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode: 'down' }),
    });
    expect(response.status).toBe(200);
    expect(sandbox.mode).toBe('down');
    const invalid = await fetch(`${sandbox.url}/__sandbox/mode`, {
      method: 'POST',
      body: '{"mode":"broken"}',
    });
    expect(invalid.status).toBe(400);
    expect(sandbox.mode).toBe('down');
  });

  it('answers the ping when up', async () => {
    const { status, body } = await get('/ping/insee/sirene', '', null);
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
  });
});

describe('API Entreprise sandbox quota', () => {
  it('answers 429 past the per-minute quota', async () => {
    const sandbox = await startApiEntrepriseSandbox({ requestsPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await fetch(
          `${sandbox.url}/v3/insee/sirene/etablissements/41816609600069?${PARAMS}`,
          {
            headers: { Authorization: `Bearer ${SANDBOX_DEFAULT_TOKEN}` },
          },
        );
        statuses.push(response.status);
        expect(response.headers.get('ratelimit-remaining')).toBe(String(Math.max(0, 3 - i - 1)));
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await sandbox.close();
    }
  });
});
