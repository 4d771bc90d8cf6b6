import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import express, { type ErrorRequestHandler, type Express } from 'express';
import { type Logger, pino } from 'pino';
import { pinoHttp } from 'pino-http';
import { webAppRouter } from '@tps/platform';

import type { WebServerConfig } from './web-server.config';

const PROBES = /^\/(health|ready)$/;
/** The API belongs to the gateway; an ingress routes /api there, never to this server. */
const API = /^\/api(\/|$)/;

/** Session cookies and tokens reach this server too (same origin), so pino redacts them. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/** Creates the JSON logger of the web server, with the same base fields as the other apps. */
export function createWebLogger(config: WebServerConfig): Logger {
  return pino({
    level: config.LOG_LEVEL,
    base: { service: 'web', version: config.SERVICE_VERSION ?? '0.1.0', env: config.NODE_ENV },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  });
}

/**
 * Builds the Express app of the standalone web server: the built front at `/` through
 * `webAppRouter`, `/health` (the process responds) and `/ready` (the build is there), and JSON
 * errors for everything else.
 */
export function createWebServer(config: WebServerConfig, logger: Logger): Express {
  const webRoot = resolve(config.WEB_ROOT);
  const indexFile = join(webRoot, 'index.html');
  const version = config.SERVICE_VERSION ?? '0.1.0';
  const router = webAppRouter({
    rootDir: webRoot,
    passThrough: (path) => PROBES.test(path) || API.test(path),
  });
  if (router === null) {
    logger.error(
      { webRoot },
      `No web front in ${webRoot} (index.html is missing): /ready fails until the image is ` +
        'rebuilt with `npm run build`',
    );
  }

  const app = express();
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (request) => PROBES.test(request.url ?? '') },
    }),
  );

  app.get('/health', (_request, response) => {
    response.json({ status: 'ok', service: 'web', version });
  });
  app.get('/ready', (_request, response) => {
    // The router is built once at start, so a build copied in later is not served: not ready.
    const ready = router !== null && existsSync(indexFile);
    response.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not_ready',
      service: 'web',
      checks: { webRoot: ready ? 'ok' : `${indexFile} is missing or was missing at start` },
    });
  });
  if (router !== null) {
    app.use(router);
  }

  app.use((request, response) => {
    const route = `${request.method} ${request.path}`;
    const message = API.test(request.path)
      ? `Le serveur du site ne sert pas l’API : ${route} doit aller à la passerelle.`
      : `Aucune ressource ne correspond à ${route}.`;
    response.status(404).json({ code: 'NOT_FOUND', message });
  });
  app.use(jsonErrors(logger));

  return app;
}

/** Returns errors, a missing asset's 404 included, in the API's `{ code, message }` shape. */
function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (error: { status?: number; statusCode?: number }, request, response, _next) => {
    const status = error.status ?? error.statusCode ?? 500;
    if (status === 404) {
      response.status(404).json({
        code: 'NOT_FOUND',
        message: `Aucune ressource ne correspond à ${request.method} ${request.path}.`,
      });

      return;
    }
    logger.error({ err: error, path: request.path }, 'web request failed');
    response.status(status >= 400 && status < 600 ? status : 500).json({
      code: status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL',
      message: 'La requête n’a pas pu être servie.',
    });
  };
}
