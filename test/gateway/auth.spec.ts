import { ErrorCode } from '@tps/contracts';

import {
  type GatewayHarness,
  HttpClient,
  PASSWORD,
  signUp,
  startGatewayHarness,
  uniqueEmail,
} from './gateway-harness';

describe('gateway accounts', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness({
      SIGN_IN_MAX_FAILURES: '3',
      SIGN_IN_MAX_FAILURES_PER_IP: '8',
      SESSION_TTL_HOURS: '2',
    });
  }, 30000);

  afterAll(async () => {
    await harness?.stop();
  }, 30000);

  const client = (headers?: Record<string, string>) => new HttpClient(harness.baseUrl, headers);

  it('signs up and sets the session cookie', async () => {
    const email = uniqueEmail();
    const response = await client().post('/api/auth/sign-up', {
      email: email.toUpperCase(),
      password: PASSWORD,
    });

    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ email, id: expect.any(String), createdAt: expect.any(String) });
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^tps_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain(`Max-Age=${2 * 3600}`);
    expect(cookie).not.toContain('Secure');
  });

  it('returns the account from the cookie', async () => {
    const browser = client();
    const email = await signUp(browser);
    const response = await browser.get('/api/auth/me');

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ email });
  });

  it('stores only hashes of secrets', async () => {
    const browser = client();
    await signUp(browser);
    const { Client } = await import('pg');
    const db = new Client({ connectionString: harness.database.url });
    await db.connect();
    const sessions = await db.query('SELECT token_sha256 FROM gateway.session');
    const accounts = await db.query('SELECT password_hash FROM gateway.accounts');
    await db.end();
    const cookieValue = browser.cookie?.split('=')[1];

    expect(sessions.rows.map((row) => row.token_sha256)).not.toContain(cookieValue);
    expect(sessions.rows[0].token_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(accounts.rows[0].password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('rejects a second sign-up with 409', async () => {
    const email = await signUp(client());
    const response = await client().post('/api/auth/sign-up', { email, password: PASSWORD });

    expect(response.status).toBe(409);
    expect((await response.json()).code).toBe(ErrorCode.Conflict);
  });

  it('rejects a short password naming the field', async () => {
    const response = await client().post('/api/auth/sign-up', {
      email: uniqueEmail(),
      password: 'court',
    });

    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.code).toBe(ErrorCode.ValidationFailed);
    expect(body.details.fields).toEqual([
      { field: 'password', message: 'password doit comporter au moins 12 caractères' },
    ]);
  });

  it('signs in and out', async () => {
    const email = await signUp(client());
    const browser = client();
    const signIn = await browser.post('/api/auth/sign-in', { email, password: PASSWORD });

    expect(signIn.status).toBe(200);
    expect((await browser.get('/api/auth/me')).status).toBe(200);
    const cookieBeforeSignOut = browser.cookie;
    const signOut = await browser.post('/api/auth/sign-out');
    expect(signOut.status).toBe(204);
    expect(signOut.headers.getSetCookie()[0]).toMatch(/^tps_session=;/);
    const reused = await client({ cookie: cookieBeforeSignOut ?? '' }).get('/api/auth/me');
    expect(reused.status).toBe(401);
    expect((await reused.json()).code).toBe(ErrorCode.Unauthenticated);
  });

  it('gives the same 401 for wrong password and unknown e-mail', async () => {
    const email = await signUp(client());
    const wrongPassword = await client().post('/api/auth/sign-in', {
      email,
      password: 'pas le bon mot de passe',
    });
    const unknownEmail = await client().post('/api/auth/sign-in', {
      email: uniqueEmail('inconnu'),
      password: PASSWORD,
    });

    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const wrongBody = await wrongPassword.json();
    expect(wrongBody.code).toBe(ErrorCode.Unauthenticated);
    expect(await unknownEmail.json()).toEqual(wrongBody);
  });

  it('rate-limits failed sign-ins with 429', async () => {
    const email = await signUp(client());
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const failure = await client().post('/api/auth/sign-in', {
        email,
        password: 'mauvais mot de passe',
      });
      expect(failure.status).toBe(401);
    }
    const limited = await client().post('/api/auth/sign-in', { email, password: PASSWORD });

    expect(limited.status).toBe(429);
    expect((await limited.json()).code).toBe(ErrorCode.RateLimited);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('rejects requests without credentials', async () => {
    const response = await client().get('/api/auth/me');

    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe(ErrorCode.Unauthenticated);
  });

  it('authenticates with a bearer token', async () => {
    const browser = client();
    const email = await signUp(browser);
    const created = await browser.post('/api/auth/tokens', { name: 'script de test' });

    expect(created.status).toBe(201);
    const token = await created.json();
    expect(token.token).toMatch(/^tps_[A-Za-z0-9_-]{43}$/);
    const api = client({ authorization: `Bearer ${token.token}` });
    const me = await api.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email });
    const listed = await (await browser.get('/api/auth/tokens')).json();
    expect(listed).toEqual([
      {
        id: token.id,
        name: 'script de test',
        createdAt: token.createdAt,
        lastUsedAt: expect.any(String),
      },
    ]);
    expect(listed[0]).not.toHaveProperty('token');
  });

  it('rejects a revoked or unknown token', async () => {
    const browser = client();
    await signUp(browser);
    const token = await (await browser.post('/api/auth/tokens', { name: 'à révoquer' })).json();

    expect((await browser.delete(`/api/auth/tokens/${token.id}`)).status).toBe(204);
    expect(
      (await client({ authorization: `Bearer ${token.token}` }).get('/api/auth/me')).status,
    ).toBe(401);
    expect((await client({ authorization: 'Bearer tps_inconnu' }).get('/api/auth/me')).status).toBe(
      401,
    );
    expect((await browser.delete(`/api/auth/tokens/${token.id}`)).status).toBe(404);
  });

  it('rejects cookie writes from another origin', async () => {
    const browser = client();
    await signUp(browser);
    const foreign = await browser.post(
      '/api/auth/tokens',
      { name: 'csrf' },
      { origin: 'https://evil.example' },
    );
    const same = await browser.post(
      '/api/auth/tokens',
      { name: 'ok' },
      { origin: 'http://localhost:3000' },
    );

    expect(foreign.status).toBe(403);
    expect((await foreign.json()).code).toBe(ErrorCode.Forbidden);
    expect(same.status).toBe(201);
  });

  it('returns the correlation id', async () => {
    const provided = await client({ 'x-correlation-id': 'test-correlation-1' }).get('/health');
    const generated = await client().get('/api/auth/me');

    expect(provided.headers.get('x-correlation-id')).toBe('test-correlation-1');
    expect(generated.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  // Runs last: it uses up the per-IP budget that the other sign-in tests share.
  it('rate-limits failures per IP address', async () => {
    let status = 0;
    let attempts = 0;
    while (status !== 429 && attempts < 10) {
      attempts += 1;
      status = (
        await client().post('/api/auth/sign-in', { email: uniqueEmail('ip'), password: 'mauvais' })
      ).status;
    }
    const email = await signUp(client());
    const rightPassword = await client().post('/api/auth/sign-in', { email, password: PASSWORD });

    expect(status).toBe(429);
    expect(rightPassword.status).toBe(429);
    expect(rightPassword.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
