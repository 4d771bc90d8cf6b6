import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import express, { type Express } from 'express';
import request from 'supertest';

import { WEB_CONTENT_SECURITY_POLICY, webAppRouter } from './web-app';

const INDEX_HTML = '<!doctype html><html lang="fr"><body><div id="root"></div></body></html>';
// Larger than compression's 1 KB threshold, so it is gzipped when the client accepts it.
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4096))});`;

describe('webAppRouter', () => {
  let rootDir: string;

  beforeAll(() => {
    rootDir = mkdtempSync(join(tmpdir(), 'tps-web-app-'));
    mkdirSync(join(rootDir, 'assets'));
    writeFileSync(join(rootDir, 'index.html'), INDEX_HTML);
    writeFileSync(join(rootDir, 'assets', 'index-AbC123.js'), SCRIPT);
  });

  afterAll(() => {
    rmSync(rootDir, { recursive: true, force: true });
  });

  /** Builds an app with the router, then a JSON 404 in place of the API behind it. */
  function appWith(passThrough?: (path: string) => boolean): Express {
    const router = webAppRouter({ rootDir, passThrough });
    if (router === null) {
      throw new Error('webAppRouter returned null for a directory with index.html');
    }
    const app = express();
    app.use(router);
    app.use((_request, response) => {
      response.status(404).json({ code: 'NOT_FOUND' });
    });

    return app;
  }

  it('returns null without index.html', () => {
    const empty = mkdtempSync(join(tmpdir(), 'tps-web-app-empty-'));
    try {
      expect(webAppRouter({ rootDir: empty })).toBeNull();
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('answers an HTML request on any path with index.html', async () => {
    const response = await request(appWith())
      .get('/dossiers/42/formulaire')
      .set('Accept', 'text/html');

    expect(response.status).toBe(200);
    expect(response.text).toBe(INDEX_HTML);
    expect(response.headers['content-security-policy']).toBe(WEB_CONTENT_SECURITY_POLICY);
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('same-origin');
  });

  it('leaves non-HTML requests to the next handler', async () => {
    const response = await request(appWith()).get('/favicon.ico').set('Accept', 'image/*');

    expect(response.status).toBe(404);
    expect(response.body).toEqual({ code: 'NOT_FOUND' });
  });

  it('leaves pass-through paths to the next handler', async () => {
    const response = await request(appWith((path) => path.startsWith('/api/')))
      .get('/api/procedures')
      .set('Accept', 'text/html');

    expect(response.status).toBe(404);
    expect(response.body).toEqual({ code: 'NOT_FOUND' });
    expect(response.headers['x-content-type-options']).toBeUndefined();
  });

  it('caches hashed assets for a year', async () => {
    const response = await request(appWith()).get('/assets/index-AbC123.js');

    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-type']).toMatch(/javascript/);
  });

  it('gzips assets for clients that accept it', async () => {
    const response = await request(appWith())
      .get('/assets/index-AbC123.js')
      .set('Accept-Encoding', 'gzip');

    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.text).toBe(SCRIPT);
  });

  it('answers a missing asset with 404, not index.html', async () => {
    const response = await request(appWith())
      .get('/assets/index-Missing.js')
      .set('Accept', 'text/html');

    expect(response.status).toBe(404);
    expect(response.text).not.toContain('<div id="root">');
  });
});
