import type { INestApplication } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';

import { startGateway } from '../../apps/gateway/src/gateway.bootstrap';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  openSite,
  screenshot,
  type SiteSession,
  signUpThroughApi,
  startWebStack,
} from '../support/browser';
import { freePort } from '../support/ports';
import type { Stack } from '../support/stack';

const PASSWORD = 'mot-de-passe-du-test-web';
const WRONG_CREDENTIALS = 'Adresse électronique ou mot de passe incorrect.';
const HTML = { accept: 'text/html,application/xhtml+xml' };

describe('web site', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchBrowser();
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  describe('serving by the gateway', () => {
    it('serves index.html at / with the CSP', async () => {
      const response = await fetch(`${stack.gatewayUrl}/`, { headers: HTML });

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="root">');
    });

    it('serves index.html on a deep link', async () => {
      const response = await fetch(`${stack.gatewayUrl}/dossiers/0190d5a1-1111/formulaire`, {
        headers: HTML,
      });

      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await response.text()).toContain('<div id="root">');
    });

    it('caches hashed assets for a year', async () => {
      const index = await (await fetch(`${stack.gatewayUrl}/`, { headers: HTML })).text();
      const asset = /(?:src|href)="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
      expect(asset).toBeDefined();

      const response = await fetch(`${stack.gatewayUrl}${asset}`);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/javascript/);
      expect(response.headers.get('cache-control')).toContain('immutable');
      expect(response.headers.get('cache-control')).toContain('max-age=31536000');
    });

    it('answers a missing asset with 404', async () => {
      const response = await fetch(`${stack.gatewayUrl}/assets/missing-0000.js`, { headers: HTML });

      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('<div id="root">');
    });

    it('keeps the JSON 404 of unknown API routes', async () => {
      for (const headers of [{ accept: 'application/json' }, HTML]) {
        const response = await fetch(`${stack.gatewayUrl}/api/unknown`, { headers });

        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        expect((await response.json()).code).toBe('NOT_FOUND');
      }
    });

    it('keeps /health and /ready', async () => {
      for (const path of ['/health', '/ready']) {
        const response = await fetch(`${stack.gatewayUrl}${path}`, { headers: HTML });

        expect({ path, status: response.status }).toEqual({ path, status: 200 });
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      }
    });
  });

  describe('pages and sign-in', () => {
    let site: SiteSession;
    let page: Page;
    const email = `web-${Date.now()}@exemple.fr`;

    beforeAll(async () => {
      site = await openSite(browser, stack.gatewayUrl);
      page = site.page;
    });

    afterAll(async () => {
      await site?.close();
    });

    async function checkPage(name: string): Promise<void> {
      await expect(page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
      await expectNoSeriousA11yViolations(page, name);
      await screenshot(page, name);
    }

    it('shows the home page', async () => {
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Se connecter' }).waitFor();

      expect(await page.title()).toMatch(/TPS$/);
      await checkPage('accueil');
      site.expectNoProblems();
    });

    it('shows the sign-in page', async () => {
      await page.goto('/connexion');
      await page.getByRole('heading', { level: 1, name: 'Connexion à TPS' }).waitFor();

      expect(await page.title()).toBe('Connexion – TPS');
      await checkPage('connexion');
      site.expectNoProblems();
    });

    it('shows the sign-up page', async () => {
      await page.goto('/inscription');
      await page.getByRole('heading', { level: 1, name: 'Créer un compte' }).waitFor();

      await checkPage('inscription');
      site.expectNoProblems();
    });

    it('shows « Page introuvable » on an unknown path', async () => {
      const response = await page.goto('/cette-page-n-existe-pas');
      await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();

      expect(response?.status()).toBe(200);
      expect(await page.title()).toBe('Page introuvable – TPS');
      await checkPage('page-introuvable');
      site.expectNoProblems();
    });

    it('signs up through the form', async () => {
      await page.goto('/inscription');
      await page.getByLabel('Adresse électronique').fill(email);
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Créer mon compte' }).click();

      const header = page.getByRole('banner');
      await header.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await expect(header.getByText(email).isVisible()).resolves.toBe(true);
      await page.waitForURL('**/dossiers');
      await screenshot(page, 'inscrit');
      site.expectNoProblems();
    });

    it('signs out from the header', async () => {
      await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();

      await page.getByRole('banner').getByRole('link', { name: 'Se connecter' }).waitFor();
      await expect(page.getByRole('banner').getByText(email).count()).resolves.toBe(0);
      site.expectNoProblems();
    });

    it('shows the server error on a wrong password', async () => {
      await page.goto('/connexion');
      await page.getByLabel('Adresse électronique').fill(email);
      await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe');
      await page.getByRole('button', { name: 'Se connecter' }).click();

      const alert = page.getByRole('alert');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toContain(WRONG_CREDENTIALS);
      await checkPage('connexion-erreur');
      site.expectNoProblems([/^HTTP 401: POST .*\/api\/auth\/sign-in$/]);
    });

    it('signs in through /connexion', async () => {
      await page.goto('/connexion');
      await page.getByLabel('Adresse électronique').fill(email);
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();

      await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await expect(page.getByRole('banner').getByText(email).isVisible()).resolves.toBe(true);
      // An account that neither instructs nor administers starts on its own dossiers.
      await page.waitForURL((url) => url.pathname === '/dossiers');
      site.expectNoProblems();
    });

    it('returns to a deep link after sign-in', async () => {
      await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByRole('banner').getByRole('link', { name: 'Se connecter' }).waitFor();

      await page.goto('/dossiers');
      await page.waitForURL((url) => url.pathname === '/connexion');
      expect(new URL(page.url()).searchParams.get('suite')).toBe('/dossiers');

      await page.getByLabel('Adresse électronique').fill(email);
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL((url) => url.pathname === '/dossiers');
      await page.getByRole('heading', { level: 1 }).waitFor();

      await checkPage('mes-dossiers');
      site.expectNoProblems();
    });
  });

  describe('empty inputs and landing after sign-up', () => {
    let site: SiteSession;
    let page: Page;

    beforeAll(async () => {
      site = await openSite(browser, stack.gatewayUrl);
      page = site.page;
    });

    afterAll(async () => {
      await site?.close();
    });

    it('says the e-mail address and the password are required, on both forms', async () => {
      for (const { path, button } of [
        { path: '/inscription', button: 'Créer mon compte' },
        { path: '/connexion', button: 'Se connecter' },
      ]) {
        await page.goto(path);
        await page.getByRole('button', { name: button }).click();

        const email = page.getByLabel('Adresse électronique');
        const password = page.getByLabel('Mot de passe');
        await page.getByText('Saisissez votre adresse électronique.').waitFor();
        await page.getByText('Saisissez votre mot de passe.').waitFor();
        await expect(email.getAttribute('aria-describedby')).resolves.toContain('erreur');
        await expect(password.getAttribute('aria-describedby')).resolves.toContain('erreur');
        await expect(page.getByText(/adresse électronique valide/).count()).resolves.toBe(0);
        await screenshot(page, `${path.slice(1)}-champs-vides`);
        await expectNoSeriousA11yViolations(page, `${path.slice(1)}-champs-vides`);
      }
      site.expectNoProblems();
    });

    it('starts an address already added as instructor on its procedures after sign-up', async () => {
      const stamp = Date.now().toString(36);
      const instructorEmail = `instructeur-inscrit-${stamp}@exemple.fr`;
      const admin = await openSite(browser, stack.gatewayUrl);
      try {
        await signUpThroughApi(admin, `admin-inscription-${stamp}@exemple.fr`, PASSWORD);
        const created = await admin.context.request.post('/api/admin/procedures', {
          data: {
            title: `Subvention culturelle ${stamp}`,
            path: `subvention-culturelle-${stamp}`,
            organisation: 'Direction régionale des affaires culturelles',
            description: 'Une aide aux projets culturels de proximité.',
            contactEmail: 'drac@exemple.fr',
          },
        });
        expect(created.status()).toBe(201);
        const base = `/api/admin/procedures/${((await created.json()) as { id: string }).id}`;
        const field = await admin.context.request.post(`${base}/fields`, {
          data: { type: 'text', label: 'Nom du projet', required: true },
        });
        expect(field.status()).toBe(201);
        const added = await admin.context.request.post(`${base}/instructors`, {
          data: { email: instructorEmail },
        });
        expect(added.status()).toBe(201);
        const published = await admin.context.request.post(`${base}/publish`);
        expect(published.status()).toBe(200);
      } finally {
        await admin.close();
      }

      await page.goto('/inscription');
      await page.getByLabel('Adresse électronique').fill(instructorEmail);
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Créer mon compte' }).click();
      await page.waitForURL((url) => url.pathname === '/instructeur/procedures');
      await page
        .getByRole('link', { name: new RegExp(`Subvention culturelle ${stamp}`) })
        .waitFor();
      site.expectNoProblems();
    });
  });

  describe('sessions made through the API', () => {
    it('shows the account after a reload', async () => {
      const site = await openSite(browser, stack.gatewayUrl);
      try {
        const email = `api-${Date.now()}@exemple.fr`;
        await site.page.goto('/');
        await signUpThroughApi(site, email, PASSWORD);

        await site.page.reload();
        const header = site.page.getByRole('banner');
        await header.getByRole('button', { name: 'Se déconnecter' }).waitFor();

        await expect(header.getByText(email).isVisible()).resolves.toBe(true);
        site.expectNoProblems();
      } finally {
        await site.close();
      }
    });
  });

  describe('origin checks', () => {
    let gateway: INestApplication;
    let port: number;

    beforeAll(async () => {
      // A second gateway on the same services, whose PUBLIC_URL names the other loopback alias.
      port = await freePort();
      gateway = await startGateway({
        ...stack.env,
        HTTP_PORT: String(port),
        PUBLIC_URL: `http://localhost:${port}`,
        WEB_ROOT: '',
      });
    });

    afterAll(async () => {
      await gateway?.close();
    });

    function signUp(origin: string): Promise<Response> {
      return fetch(`http://127.0.0.1:${port}/api/auth/sign-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ email: `origine-${Date.now()}@exemple.fr`, password: PASSWORD }),
      });
    }

    it('accepts 127.0.0.1 for a localhost PUBLIC_URL', async () => {
      const response = await signUp(`http://127.0.0.1:${port}`);

      expect(response.status).toBe(201);
      expect(response.headers.get('set-cookie')).toMatch(/^tps_session=/);
    });

    it('rejects a foreign origin with 403', async () => {
      const response = await signUp('http://tps.example.com');

      expect(response.status).toBe(403);
      expect((await response.json()).code).toBe('FORBIDDEN');
    });

    it('rejects another port of the loopback', async () => {
      const response = await signUp(`http://127.0.0.1:${port + 1}`);

      expect(response.status).toBe(403);
    });

    it('serves no front when WEB_ROOT is empty', async () => {
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: HTML });

      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    });
  });
});
