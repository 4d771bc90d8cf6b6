import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import compression from 'compression';
import express, { type Router } from 'express';

/**
 * Content-Security-Policy of the web front: scripts, fonts and API calls come from the site
 * itself only, and nothing may frame the site. Images may also be data: URLs, because the DSFR
 * stylesheet embeds its SVGs that way (the Marianne logo, the checkbox tick, the select arrow).
 */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Inline styles only, never inline scripts: the administrator's e-mail preview is the
  // e-mail's own HTML, styled inline, in a sandboxed srcdoc frame that inherits this policy.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface WebAppOptions {
  /** Directory holding the built front: index.html and assets/. */
  rootDir: string;
  /** Paths left to the next handler (the API, probes), tested on the request path. */
  passThrough?: (path: string) => boolean;
}

/**
 * Serves the built single-page application: hashed files under /assets are cached for a year,
 * and every other GET that accepts HTML gets index.html, so the client router handles
 * /dossiers/… on a reload. Returns null when the directory contains no build.
 */
export function webAppRouter(options: WebAppOptions): Router | null {
  const rootDir = resolve(options.rootDir);
  const indexFile = join(rootDir, 'index.html');
  if (!existsSync(indexFile)) {
    return null;
  }
  const passThrough = options.passThrough ?? (() => false);
  const router = express.Router();

  router.use((request, response, next) => {
    if (passThrough(request.path)) {
      next('router');
      return;
    }
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'same-origin');
    next();
  });
  // The DSFR stylesheet is 657 KiB, and 86 KiB with gzip (measured on DSFR 1.14.4).
  router.use(compression());
  router.use(
    '/assets',
    express.static(join(rootDir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
    }),
  );
  router.get('/{*path}', (request, response, next) => {
    if (!request.accepts('html')) {
      next();
      return;
    }
    response.setHeader('Content-Security-Policy', WEB_CONTENT_SECURITY_POLICY);
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile);
  });

  return router;
}
