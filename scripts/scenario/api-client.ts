/**
 * A small client of the gateway's HTTP API that keeps the `tps_session` cookie of one signed-in
 * account and turns every unexpected status into an error naming the call and the response.
 */

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  /** JSON body; serialised with JSON.stringify. */
  json?: unknown;
  /** Body sent as is with `Content-Type: application/json`, for malformed-JSON checks. */
  rawJson?: string;
  form?: FormData;
  /** Statuses that count as success; anything else throws ApiError. */
  expect?: number | number[];
}

/** Error body of every 4xx/5xx response of the gateway. */
export interface ApiErrorBody {
  code?: string;
  message?: string;
  details?: { currentState?: string; fields?: { field: string; message: string }[] };
}

export class ApiError extends Error {
  constructor(
    readonly call: string,
    readonly status: number,
    readonly body: unknown,
    expected: number[],
  ) {
    super(`${call} returned ${status}, expected ${expected.join(' or ')}: ${describeBody(body)}`);
    this.name = 'ApiError';
  }
}

function describeBody(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);

  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

export class ApiClient {
  private cookie: string | null = null;

  /** `label` names the acting person in error messages, e.g. the account's e-mail. */
  constructor(
    readonly baseUrl: string,
    readonly label: string,
  ) {}

  async request<T>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const expected = toArray(options.expect ?? [200, 201, 204]);
    const headers: Record<string, string> = { accept: 'application/json' };
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.rawJson !== undefined) {
      headers['content-type'] = 'application/json';
      body = options.rawJson;
    } else if (options.form) {
      body = options.form;
    }
    if (this.cookie) {
      headers.cookie = this.cookie;
    }

    const call = `${this.label}: ${method} ${path}`;
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), { method, headers, body });
    } catch (error) {
      throw new Error(
        `${call} failed: ${(error as Error).message} (is the gateway at ${this.baseUrl} running?)`,
      );
    }
    this.keepSessionCookie(response.headers);
    const text = await response.text();
    const parsed = parseBody(text, response.headers.get('content-type'));
    if (!expected.includes(response.status)) {
      throw new ApiError(call, response.status, parsed, expected);
    }

    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  async get<T>(path: string, expect: number | number[] = 200): Promise<T> {
    return (await this.request<T>('GET', path, { expect })).body;
  }

  async post<T>(path: string, json?: unknown, expect: number | number[] = [200, 201]): Promise<T> {
    return (await this.request<T>('POST', path, { json, expect })).body;
  }

  async patch<T>(path: string, json: unknown, expect: number | number[] = 200): Promise<T> {
    return (await this.request<T>('PATCH', path, { json, expect })).body;
  }

  async put<T>(path: string, json: unknown, expect: number | number[] = 200): Promise<T> {
    return (await this.request<T>('PUT', path, { json, expect })).body;
  }

  async delete(path: string, expect: number | number[] = 204): Promise<void> {
    await this.request('DELETE', path, { expect });
  }

  /** Downloads a file and returns its bytes; throws unless the status is 200. */
  async download(path: string): Promise<Buffer> {
    const call = `${this.label}: GET ${path}`;
    const response = await fetch(new URL(path, this.baseUrl), {
      headers: this.cookie ? { cookie: this.cookie } : {},
    });
    const content = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) {
      throw new ApiError(call, response.status, content.toString('utf8'), [200]);
    }

    return content;
  }

  /**
   * Sends a request that must fail with `status` (and `code` when given); returns the error body.
   * Throws on any other response, success included.
   */
  async expectError(
    method: string,
    path: string,
    status: number,
    code?: string,
    options: Omit<RequestOptions, 'expect'> = {},
  ): Promise<ApiErrorBody> {
    const response = await this.request<ApiErrorBody>(method, path, { ...options, expect: status });
    if (code !== undefined && response.body?.code !== code) {
      throw new Error(
        `${this.label}: ${method} ${path} returned ${status} as expected but code ` +
          `${String(response.body?.code)} instead of ${code}: ${describeBody(response.body)}`,
      );
    }

    return response.body;
  }

  /** Creates the account, or signs in when it already exists (409). */
  async signUpOrIn(email: string, password: string): Promise<void> {
    const signUp = await this.request('POST', '/api/auth/sign-up', {
      json: { email, password },
      expect: [201, 409],
    });
    if (signUp.status === 409) {
      await this.request('POST', '/api/auth/sign-in', { json: { email, password }, expect: 200 });
    }
    if (!this.cookie) {
      throw new Error(`${this.label}: sign-in succeeded but no tps_session cookie was set`);
    }
  }

  private keepSessionCookie(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(';');
      const name = pair.split('=')[0].trim();
      if (name === 'tps_session') {
        const value = pair.slice(pair.indexOf('=') + 1).trim();
        this.cookie = value === '' ? null : pair.trim();
      }
    }
  }
}

function toArray(value: number | number[]): number[] {
  return Array.isArray(value) ? value : [value];
}

function parseBody(text: string, contentType: string | null): unknown {
  if (text === '') {
    return undefined;
  }
  if (contentType?.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }

  return text;
}
