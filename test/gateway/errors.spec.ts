import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ErrorCode, ProcedureSubjects } from '@tps/contracts';

import { type GatewayHarness, HttpClient, signUp, startGatewayHarness } from './gateway-harness';

describe('gateway errors', () => {
  let harness: GatewayHarness;
  let browser: HttpClient;

  beforeAll(async () => {
    harness = await startGatewayHarness({ REQUEST_TIMEOUT_MS: '500' });
    browser = new HttpClient(harness.baseUrl);
    await signUp(browser);
  }, 30000);

  afterAll(async () => {
    await harness?.stop();
  }, 30000);

  it('rejects malformed JSON with 400', async () => {
    const response = await browser.request('POST', '/api/admin/procedures', {
      body: '{"title": "Démarche",',
      headers: { 'content-type': 'application/json' },
    });

    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.code).toBe(ErrorCode.ValidationFailed);
    expect(body.message).toMatch(/doit être un objet JSON valide/);
    expect(body.message).not.toMatch(/Unexpected|token/);
    expect(body).not.toHaveProperty('stack');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded'])(
    'rejects a %s body with 415',
    async (contentType) => {
      const response = await browser.request('POST', '/api/admin/procedures', {
        body: '{"title": "Démarche"}',
        headers: { 'content-type': contentType },
      });

      expect(response.status).toBe(415);
      const body = await response.json();
      expect(body.code).toBe(ErrorCode.UnsupportedMediaType);
      expect(body.details.fields[0].field).toBe('Content-Type');
    },
  );

  it.each(['null', '[]', '"texte"'])('rejects the JSON body %s as not an object', async (raw) => {
    const response = await browser.request('POST', '/api/admin/procedures', {
      body: raw,
      headers: { 'content-type': 'application/json' },
    });

    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.code).toBe(ErrorCode.ValidationFailed);
    expect(body.message).not.toMatch(/Validation failed|Unexpected/);
  });

  it('rejects an oversized JSON body with 413', async () => {
    const response = await browser.post('/api/auth/tokens', { name: 'x'.repeat(1024 * 1024 + 1) });

    expect(response.status).toBe(413);
    expect((await response.json()).code).toBe(ErrorCode.PayloadTooLarge);
  });

  it('rejects an unknown property naming it', async () => {
    const response = await browser.post('/api/auth/tokens', { name: 'jeton', admin: true });

    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.code).toBe(ErrorCode.ValidationFailed);
    expect(body.details.fields).toEqual([
      { field: 'admin', message: 'le champ admin n’est pas attendu : retirez-le' },
    ]);
    expect(body.message).toContain('admin');
  });

  it('rejects a wrong type in French', async () => {
    const response = await browser.post('/api/auth/tokens', { name: 42 });

    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.details.fields).toContainEqual({
      field: 'name',
      message: 'name doit être une chaîne de caractères',
    });
  });

  it('rejects a nested wrong type with its path', async () => {
    const response = await browser.post(
      '/api/admin/procedures/6f1c1f8e-4c52-4a55-9a57-2d8f0a7c1b11/fields',
      {
        type: 'text',
        label: 'Nom',
        options: { maxLength: 'beaucoup' },
      },
    );

    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.details.fields).toContainEqual({
      field: 'options.maxLength',
      message: 'options.maxLength doit être un nombre entier',
    });
  });

  it('rejects a malformed id in the path', async () => {
    const response = await browser.get('/api/dossiers/pas-un-uuid');

    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.details.fields[0].field).toBe('id');
  });

  it('rejects a non-numeric limit in the query', async () => {
    const response = await browser.get(
      '/api/instructor/procedures/6f1c1f8e-4c52-4a55-9a57-2d8f0a7c1b11/dossiers?limit=beaucoup&archived=peut-etre',
    );

    expect(response.status).toBe(400);
    const fields = (await response.json()).details.fields.map(
      (field: { field: string }) => field.field,
    );
    expect(fields).toEqual(expect.arrayContaining(['limit', 'archived']));
  });

  it('answers unknown routes with a 404 body', async () => {
    const response = await browser.get('/api/nulle-part');

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      code: ErrorCode.NotFound,
      message: 'Aucune route ne correspond à GET /api/nulle-part.',
    });
  });

  it('answers 503 when no service listens', async () => {
    const started = Date.now();
    const response = await browser.get('/api/admin/procedures');

    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.code).toBe(ErrorCode.ServiceUnavailable);
    expect(body.message).toMatch(/momentanément indisponible/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  describe('with a service that does not answer in time', () => {
    let nats: NatsConnection;

    beforeAll(async () => {
      nats = await connect({ servers: [harness.nats.url] });
      // Subscribed but never replies: the gateway must give up after REQUEST_TIMEOUT_MS.
      nats.subscribe(ProcedureSubjects.listAdministered, { callback: () => undefined });
      await nats.flush();
    });

    afterAll(async () => {
      await nats.close();
    });

    it('answers 504 after the timeout', async () => {
      const started = Date.now();
      const response = await browser.get('/api/admin/procedures');

      expect(response.status).toBe(504);
      const body = await response.json();
      expect(body.code).toBe(ErrorCode.Timeout);
      expect(body.message).toMatch(/n’a pas répondu à temps/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(450);
      expect(Date.now() - started).toBeLessThan(3000);
    });
  });

  it('hides internal errors behind an error id', async () => {
    const { Client } = await import('pg');
    const db = new Client({ connectionString: harness.database.url });
    await db.connect();
    await db.query('ALTER TABLE gateway.session RENAME TO session_moved');
    let response: Response;
    try {
      response = await browser.get('/api/auth/me');
    } finally {
      await db.query('ALTER TABLE gateway.session_moved RENAME TO session');
      await db.end();
    }

    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.code).toBe(ErrorCode.Internal);
    expect(body.details.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.message).toContain(body.details.errorId);
    expect(JSON.stringify(body)).not.toMatch(/session|relation|at /);
  });

  it('serves health and readiness', async () => {
    const health = await fetch(`${harness.baseUrl}/health`);
    const ready = await fetch(`${harness.baseUrl}/ready`);

    expect(health.status).toBe(200);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { database: 'ok', nats: 'ok', s3: 'ok' },
    });
  });

  it('documents every route in OpenAPI', async () => {
    const response = await fetch(`${harness.baseUrl}/api/docs-json`);
    const document = await response.json();
    const operations = Object.entries(
      document.paths as Record<string, Record<string, unknown>>,
    ).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );

    expect(response.status).toBe(200);
    expect(operations).toEqual(expect.arrayContaining(DOCUMENTED_ROUTES));
    const signUpBody =
      document.paths['/api/auth/sign-up'].post.requestBody.content['application/json'].schema;
    expect(signUpBody.required).toEqual(['email', 'password']);
    expect(signUpBody.properties.password.minLength).toBe(12);
    for (const path of [
      '/api/admin/procedures/{id}/mail-templates/{kind}',
      '/api/admin/procedures/{id}/mail-templates/{kind}/preview',
    ]) {
      const operation = Object.values(document.paths[path])[0] as {
        parameters: { name: string; schema: { enum?: string[] } }[];
      };
      const kind = operation.parameters.find((parameter) => parameter.name === 'kind');
      expect({ path, kinds: kind?.schema.enum }).toEqual({ path, kinds: MAIL_KINDS });
    }
    const docsPage = await fetch(`${harness.baseUrl}/api/docs`);
    expect(docsPage.status).toBe(200);
  });
});

/** Values of `:kind` listed in docs/http-api.md. */
const MAIL_KINDS = [
  'dossier_submitted',
  'dossier_instruction_started',
  'dossier_returned_to_construction',
  'dossier_accepted',
  'dossier_refused',
  'dossier_closed_without_follow_up',
];

/** Every row of docs/http-api.md, in OpenAPI path syntax. */
const DOCUMENTED_ROUTES = [
  'POST /api/auth/sign-up',
  'POST /api/auth/sign-in',
  'POST /api/auth/sign-out',
  'GET /api/auth/me',
  'POST /api/auth/tokens',
  'GET /api/auth/tokens',
  'DELETE /api/auth/tokens/{id}',
  'GET /api/admin/procedures',
  'POST /api/admin/procedures',
  'GET /api/admin/procedures/{id}',
  'PATCH /api/admin/procedures/{id}',
  'POST /api/admin/procedures/{id}/fields',
  'PATCH /api/admin/procedures/{id}/fields/{stableId}',
  'DELETE /api/admin/procedures/{id}/fields/{stableId}',
  'POST /api/admin/procedures/{id}/fields/{stableId}/move',
  'POST /api/admin/procedures/{id}/publish',
  'POST /api/admin/procedures/{id}/close',
  'GET /api/admin/procedures/{id}/instructors',
  'POST /api/admin/procedures/{id}/instructors',
  'DELETE /api/admin/procedures/{id}/instructors/{email}',
  'GET /api/admin/procedures/{id}/mail-templates',
  'PUT /api/admin/procedures/{id}/mail-templates/{kind}',
  'POST /api/admin/procedures/{id}/mail-templates/{kind}/preview',
  'GET /api/procedures',
  'GET /api/procedures/{idOrPath}',
  'POST /api/procedures/{id}/dossiers',
  'GET /api/dossiers',
  'GET /api/dossiers/{id}',
  'PATCH /api/dossiers/{id}/fields',
  'POST /api/dossiers/{id}/submit',
  'POST /api/dossiers/{id}/fields/{stableId}/attachments',
  'DELETE /api/dossiers/{id}/attachments/{attachmentId}',
  'GET /api/dossiers/{id}/attachments/{attachmentId}',
  'GET /api/instructor/procedures',
  'GET /api/instructor/procedures/{id}/dossiers',
  'GET /api/instructor/procedures/{id}/counts',
  'GET /api/instructor/dossiers/{id}',
  'POST /api/instructor/dossiers/{id}/transitions',
  'POST /api/instructor/dossiers/{id}/archive',
  'GET /api/instructor/dossiers/{id}/attachments/{attachmentId}',
  'GET /api/instructor/dossiers/{id}/emails',
];
