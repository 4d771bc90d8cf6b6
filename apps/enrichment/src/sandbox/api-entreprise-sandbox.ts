import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { checkSiret, isValidSiren } from '@tps/contracts';

import { SANDBOX_DEFAULT_TOKEN } from './sandbox-token';
import {
  SANDBOX_ESTABLISHMENTS,
  SANDBOX_LEGAL_REASONS_SIRET,
  SANDBOX_LEGAL_UNITS,
} from './sandbox-entities';
import {
  buildErrorBody,
  buildEtablissementPayload,
  buildExtraitKbisPayload,
  buildUniteLegalePayload,
} from './sandbox-payloads';

export { SANDBOX_DEFAULT_TOKEN };

/** Behaviour of the sandbox: normal responses, a provider outage, 15-second delays, or HTTP 429. */
export type SandboxMode = 'normal' | 'down' | 'slow' | 'rate_limited';

export const SANDBOX_MODES: readonly SandboxMode[] = ['normal', 'down', 'slow', 'rate_limited'];

/** One request received on an API route (sandbox control routes are not recorded). */
export interface SandboxCall {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  at: Date;
}

export interface SandboxOptions {
  /** Port to listen on; 0 (the default) picks a free port. */
  port?: number;
  token?: string;
  /** Requests per minute and per token before HTTP 429, as on the JSON routes of API Entreprise. */
  requestsPerMinute?: number;
  /** Delay of the `slow` mode in milliseconds. */
  slowDelayMs?: number;
}

export interface ApiEntrepriseSandbox {
  url: string;
  port: number;
  readonly mode: SandboxMode;
  setMode(mode: SandboxMode): void;
  calls: SandboxCall[];
  close(): Promise<void>;
}

const RATE_WINDOW_MS = 60_000;
const RATE_LIMITED_RETRY_AFTER_SECONDS = 2;
/** `meta.retry_in` of the `down` mode. Real maintenance responses send values of several hours. */
const DOWN_RETRY_IN_SECONDS = 2;
const MAX_OBJECT_LENGTH = 50;

const ETABLISSEMENT_PATH = /^\/v3\/insee\/sirene\/etablissements\/([^/]+)$/;
const UNITE_LEGALE_PATH = /^\/v3\/insee\/sirene\/unites_legales\/([^/]+)$/;
const EXTRAIT_KBIS_PATH = /^\/v3\/infogreffe\/rcs\/unites_legales\/([^/]+)\/extrait_kbis$/;
const PING_PATH = '/ping/insee/sirene';
const MODE_PATH = '/__sandbox/mode';

interface SandboxResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const NOT_FOUND_DETAIL =
  "Le ou les paramètre(s) d'entrée n'existent pas, ne sont pas connus, ou ne comportent aucune information pour cet appel. Veuillez vérifier que votre recherche est couverte par le périmètre de l'API.";

function notFound(provider: string): SandboxResponse {
  return {
    status: 404,
    body: buildErrorBody('01003', 'Entité non trouvée', NOT_FOUND_DETAIL, { provider }),
  };
}

// NOTE: the documentation gives no error code for 451, for a badly formatted SIREN or for an
// unknown route, so 01006, 00301 and 00404 below are illustrative.
function unavailableForLegalReasons(): SandboxResponse {
  return {
    status: 451,
    body: buildErrorBody(
      '01006',
      'Indisponible pour raisons légales',
      "Les données de cette entité ne sont pas diffusables : elle relève d'une catégorie exclue de la diffusion par l'INSEE.",
      { provider: 'INSEE' },
    ),
  };
}

function invalidParameter(code: string, parameter: string, detail: string): SandboxResponse {
  return {
    status: 422,
    body: buildErrorBody(code, 'Entrée incorrecte', detail, { parameter }),
  };
}

/**
 * Checks the mandatory `context`, `object` and `recipient` parameters and returns every error,
 * in one body, like API Entreprise. `subjectSiren` is the SIREN of the queried entity.
 */
function checkCallParameters(
  query: Record<string, string>,
  subjectSiren: string,
): SandboxResponse | null {
  const errors: SandboxResponse[] = [];
  if (!query.context) {
    errors.push(invalidParameter('00201', 'context', 'Le paramètre context est obligatoire.'));
  }
  if (!query.object) {
    errors.push(invalidParameter('00202', 'object', 'Le paramètre object est obligatoire.'));
  } else if (query.object.length > MAX_OBJECT_LENGTH) {
    // NOTE: the code 00204 is illustrative; the API Entreprise documentation gives none.
    errors.push(
      invalidParameter('00204', 'object', 'Le paramètre object doit faire moins de 50 caractères.'),
    );
  }
  if (!query.recipient) {
    errors.push(invalidParameter('00203', 'recipient', 'Le paramètre recipient est obligatoire.'));
  } else if (!checkSiret(query.recipient).valid) {
    // NOTE: the code 00210 is illustrative; the API Entreprise documentation gives none.
    errors.push(
      invalidParameter(
        '00210',
        'recipient',
        'Le paramètre recipient doit être un numéro SIRET valide.',
      ),
    );
  } else if (query.recipient.startsWith(subjectSiren)) {
    errors.push(
      invalidParameter(
        '00210',
        'recipient',
        "Le paramètre recipient doit être le SIRET de l'organisme destinataire, et non celui de l'entité recherchée.",
      ),
    );
  }
  if (errors.length === 0) {
    return null;
  }

  return {
    status: 422,
    body: { errors: errors.flatMap((error) => (error.body as { errors: unknown[] }).errors) },
  };
}

/** Decodes a path segment, keeping it as is when its percent-encoding is invalid. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function respondEtablissement(siret: string): SandboxResponse {
  if (!checkSiret(siret).valid) {
    return invalidParameter('00302', 'siret', "Le numéro de siret n'est pas correctement formatté");
  }
  if (siret === SANDBOX_LEGAL_REASONS_SIRET) {
    return unavailableForLegalReasons();
  }
  const establishment = SANDBOX_ESTABLISHMENTS[siret];
  const unit = SANDBOX_LEGAL_UNITS[siret.slice(0, 9)];
  if (!establishment || !unit) {
    return notFound('INSEE');
  }

  return { status: 200, body: buildEtablissementPayload(establishment, unit) };
}

function respondUniteLegale(siren: string): SandboxResponse {
  if (!isValidSiren(siren) && siren !== '000000000') {
    return invalidParameter('00301', 'siren', "Le numéro de siren n'est pas correctement formatté");
  }
  if (siren === SANDBOX_LEGAL_REASONS_SIRET.slice(0, 9)) {
    return unavailableForLegalReasons();
  }
  const unit = SANDBOX_LEGAL_UNITS[siren];

  return unit ? { status: 200, body: buildUniteLegalePayload(unit) } : notFound('INSEE');
}

function respondExtraitKbis(siren: string): SandboxResponse {
  if (!isValidSiren(siren)) {
    return invalidParameter('00301', 'siren', "Le numéro de siren n'est pas correctement formatté");
  }
  const unit = SANDBOX_LEGAL_UNITS[siren];
  if (!unit?.rcs) {
    // Public bodies, associations and individuals outside the RCS have no extract.
    return notFound('Infogreffe');
  }

  return { status: 200, body: buildExtraitKbisPayload(unit, unit.rcs) };
}

/**
 * Starts a local stand-in for API Entreprise v3 that responds in the real formats for a fixed set
 * of real public SIRETs (see `sandbox-entities.ts`), checks the token and the mandatory
 * parameters, applies the per-token rate limit and can simulate outages. Control routes:
 * `GET|POST /__sandbox/mode` with `{"mode": "normal"|"down"|"slow"|"rate_limited"}`.
 */
export async function startApiEntrepriseSandbox(
  options: SandboxOptions = {},
): Promise<ApiEntrepriseSandbox> {
  const token = options.token ?? SANDBOX_DEFAULT_TOKEN;
  const requestsPerMinute = options.requestsPerMinute ?? 250;
  const slowDelayMs = options.slowDelayMs ?? 15_000;
  const calls: SandboxCall[] = [];
  const pendingTimers = new Set<NodeJS.Timeout>();
  let mode: SandboxMode = 'normal';
  let windowStart = 0;
  let windowCount = 0;

  /** Starts a new quota window when the previous one is over: it begins with the first call. */
  const rollRateWindow = (): void => {
    const now = Date.now();
    if (now - windowStart >= RATE_WINDOW_MS) {
      windowStart = now;
      windowCount = 0;
    }
  };

  const rateLimitHeaders = (): Record<string, string> => {
    return {
      'RateLimit-Limit': String(requestsPerMinute),
      'RateLimit-Remaining': String(Math.max(0, requestsPerMinute - windowCount)),
      'RateLimit-Reset': String(Math.ceil((windowStart + RATE_WINDOW_MS) / 1000)),
    };
  };

  const tooManyRequests = (retryAfterSeconds: number): SandboxResponse => ({
    status: 429,
    body: buildErrorBody(
      '00429',
      'Trop de requêtes',
      'Vous avez effectué trop de requêtes. Veuillez patienter avant de réessayer.',
    ),
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });

  /** Builds the response of an API route, or returns null when the path is unknown. */
  const route = (
    path: string,
    query: Record<string, string>,
    authorization?: string,
  ): SandboxResponse | null => {
    const etablissement = ETABLISSEMENT_PATH.exec(path);
    const uniteLegale = UNITE_LEGALE_PATH.exec(path);
    const extraitKbis = EXTRAIT_KBIS_PATH.exec(path);
    const identifier = safeDecode((etablissement ?? uniteLegale ?? extraitKbis)?.[1] ?? '');
    if (!etablissement && !uniteLegale && !extraitKbis) {
      return null;
    }
    if (authorization !== `Bearer ${token}`) {
      return {
        status: 401,
        body: buildErrorBody(
          '00101',
          'Interdiction d’accès',
          "Votre jeton n'est pas valide ou n'est pas renseigné.",
        ),
      };
    }
    windowCount += 1;
    if (windowCount > requestsPerMinute) {
      return tooManyRequests(
        Math.max(1, Math.ceil((windowStart + RATE_WINDOW_MS - Date.now()) / 1000)),
      );
    }
    if (mode === 'rate_limited') {
      return tooManyRequests(RATE_LIMITED_RETRY_AFTER_SECONDS);
    }
    const parameterError = checkCallParameters(query, identifier.slice(0, 9));
    if (parameterError) {
      return parameterError;
    }
    if (mode === 'down') {
      return {
        status: 503,
        body: buildErrorBody(
          '03020',
          'Maintenance du fournisseur de données',
          'Le fournisseur de données est en maintenance : réessayez plus tard.',
          { provider: extraitKbis ? 'Infogreffe' : 'INSEE', retryIn: DOWN_RETRY_IN_SECONDS },
        ),
      };
    }
    if (etablissement) {
      return respondEtablissement(identifier);
    }

    return uniteLegale ? respondUniteLegale(identifier) : respondExtraitKbis(identifier);
  };

  const send = (
    response: ServerResponse,
    reply: SandboxResponse,
    extraHeaders: Record<string, string>,
  ): void => {
    if (response.destroyed) {
      return;
    }
    response.writeHead(reply.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'X-Request-ID': randomUUID(),
      ...extraHeaders,
      ...reply.headers,
    });
    response.end(JSON.stringify(reply.body));
  };

  const handleControl = async (
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> => {
    if (request.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const chunk of request) {
        chunks.push(chunk as Buffer);
      }
      let requested: unknown;
      try {
        requested = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { mode?: unknown }).mode;
      } catch {
        requested = undefined;
      }
      if (!SANDBOX_MODES.includes(requested as SandboxMode)) {
        send(
          response,
          { status: 400, body: { error: `mode must be one of ${SANDBOX_MODES.join(', ')}` } },
          {},
        );

        return;
      }
      mode = requested as SandboxMode;
    }
    send(response, { status: 200, body: { mode } }, {});
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://sandbox.local');
    if (url.pathname === MODE_PATH) {
      void handleControl(request, response);

      return;
    }
    const query = Object.fromEntries(url.searchParams.entries());
    calls.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      query,
      headers: { ...request.headers },
      at: new Date(),
    });
    rollRateWindow();
    if (url.pathname === PING_PATH) {
      const down = mode === 'down';
      const body = {
        status: down ? 'bad_gateway' : 'ok',
        last_update: new Date().toISOString(),
        last_ok_status: new Date().toISOString(),
      };
      send(response, { status: down ? 502 : 200, body }, rateLimitHeaders());

      return;
    }
    const reply = route(url.pathname, query, request.headers.authorization) ?? {
      status: 404,
      body: buildErrorBody(
        '00404',
        'Route inconnue',
        `Aucune route ne correspond à ${url.pathname}.`,
      ),
    };
    const headers = rateLimitHeaders();
    if (mode === 'slow' && reply.status !== 401) {
      const timer = setTimeout(() => {
        pendingTimers.delete(timer);
        send(response, reply, headers);
      }, slowDelayMs);
      pendingTimers.add(timer);

      return;
    }
    send(response, reply, headers);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get mode() {
      return mode;
    },
    setMode(next: SandboxMode) {
      mode = next;
    },
    calls,
    close: async () => {
      for (const timer of pendingTimers) {
        clearTimeout(timer);
      }
      pendingTimers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
