import type { INestApplication } from '@nestjs/common';
import { listeningPort } from '@tps/platform';

import { startGateway } from '../../apps/gateway/src/gateway.bootstrap';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestNats, type TestNats } from '../support/nats';
import { startTestS3, type TestS3 } from '../support/s3';

/** A gateway on a free port with its own NATS server, database and S3 server. */
export interface GatewayHarness {
  app: INestApplication;
  baseUrl: string;
  nats: TestNats;
  database: TestDatabase;
  s3: TestS3;
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

export async function startGatewayHarness(
  overrides: NodeJS.ProcessEnv = {},
): Promise<GatewayHarness> {
  const nats = await startTestNats();
  const database = await createTestDatabase();
  const s3 = await startTestS3();
  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: database.url,
    NATS_URL: nats.url,
    HTTP_PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY: s3.accessKey,
    S3_SECRET_KEY: s3.secretKey,
    REQUEST_TIMEOUT_MS: '1500',
    ...overrides,
  };
  let app: INestApplication;
  try {
    app = await startGateway(env);
  } catch (error) {
    await s3.stop();
    await database.drop();
    await nats.stop();
    throw error;
  }

  return {
    app,
    baseUrl: `http://127.0.0.1:${listeningPort(app)}`,
    nats,
    database,
    s3,
    env,
    stop: async () => {
      await app.close();
      await s3.stop();
      await database.drop();
      await nats.stop();
    },
  };
}

/** Minimal HTTP client that keeps the session cookie, like a browser would. */
export class HttpClient {
  cookie?: string;

  constructor(
    private readonly baseUrl: string,
    private readonly defaults: Record<string, string> = {},
  ) {}

  async request(
    method: string,
    path: string,
    options: { json?: unknown; body?: FormData | string; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...this.defaults, ...options.headers };
    if (this.cookie) {
      headers.cookie = this.cookie;
    }
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair.split('=');
      if (name === 'tps_session') {
        this.cookie = value ? `tps_session=${value}` : undefined;
      }
    }

    return response;
  }

  get(path: string, headers?: Record<string, string>): Promise<Response> {
    return this.request('GET', path, { headers });
  }

  post(path: string, json?: unknown, headers?: Record<string, string>): Promise<Response> {
    return this.request('POST', path, { json, headers });
  }

  patch(path: string, json?: unknown): Promise<Response> {
    return this.request('PATCH', path, { json });
  }

  put(path: string, json?: unknown): Promise<Response> {
    return this.request('PUT', path, { json });
  }

  delete(path: string): Promise<Response> {
    return this.request('DELETE', path);
  }
}

let counter = 0;

/** Makes a new e-mail address on each call, so tests do not collide. */
export function uniqueEmail(prefix = 'usager'): string {
  counter += 1;

  return `${prefix}.${Date.now()}.${counter}@example.fr`;
}

export const PASSWORD = 'mot-de-passe-tres-long';

/** Signs up a new account on the client and returns its e-mail address. */
export async function signUp(client: HttpClient, email = uniqueEmail()): Promise<string> {
  const response = await client.post('/api/auth/sign-up', { email, password: PASSWORD });
  if (response.status !== 201) {
    throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  }

  return email;
}
