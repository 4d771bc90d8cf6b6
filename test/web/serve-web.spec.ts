import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadConfig } from '@tps/platform';
import request from 'supertest';

import { createWebLogger, createWebServer } from '../../scripts/serve-web/web-server';
import { WebServerConfig } from '../../scripts/serve-web/web-server.config';

const INDEX_HTML = '<!doctype html><html lang="fr"><body><div id="root"></div></body></html>';

describe('standalone web server', () => {
  let webRoot: string;
  let emptyRoot: string;

  beforeAll(() => {
    webRoot = mkdtempSync(join(tmpdir(), 'tps-serve-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), INDEX_HTML);
    writeFileSync(join(webRoot, 'assets', 'index-AbC123.js'), 'console.log("TPS");');
    emptyRoot = mkdtempSync(join(tmpdir(), 'tps-serve-web-empty-'));
  });

  afterAll(() => {
    rmSync(webRoot, { recursive: true, force: true });
    rmSync(emptyRoot, { recursive: true, force: true });
  });

  function serverFor(root: string) {
    const config = loadConfig(WebServerConfig, { WEB_ROOT: root, LOG_LEVEL: 'silent' });

    return createWebServer(config, createWebLogger(config));
  }

  it('defaults to port 8080 and dist/web', () => {
    const config = loadConfig(WebServerConfig, {});

    expect(config.HTTP_PORT).toBe(8080);
    expect(config.WEB_ROOT).toBe('dist/web');
  });

  it('answers /health and /ready', async () => {
    const app = serverFor(webRoot);

    const health = await request(app).get('/health');
    const ready = await request(app).get('/ready');

    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', service: 'web' });
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', service: 'web' });
  });

  it('serves index.html on a deep link', async () => {
    const response = await request(serverFor(webRoot))
      .get('/instructeur/dossiers/42')
      .set('Accept', 'text/html');

    expect(response.status).toBe(200);
    expect(response.text).toBe(INDEX_HTML);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('serves hashed assets as immutable', async () => {
    const response = await request(serverFor(webRoot)).get('/assets/index-AbC123.js');

    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('answers a missing asset with a JSON 404', async () => {
    const response = await request(serverFor(webRoot)).get('/assets/index-Missing.js');

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it('answers /api with a JSON 404 naming the gateway', async () => {
    const response = await request(serverFor(webRoot))
      .get('/api/procedures')
      .set('Accept', 'text/html');

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
    expect(response.body.message).toContain('passerelle');
  });

  it('is not ready without a build', async () => {
    const app = serverFor(emptyRoot);

    const ready = await request(app).get('/ready');
    const health = await request(app).get('/health');
    const home = await request(app).get('/').set('Accept', 'text/html');

    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('not_ready');
    expect(health.status).toBe(200);
    expect(home.status).toBe(404);
  });
});
