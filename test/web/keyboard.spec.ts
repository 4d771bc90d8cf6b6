import type { DossierView, FieldDefinition, ProcedureView } from '@tps/contracts';
import { FieldType } from '@tps/contracts';
import type { Browser, Locator, Page } from 'playwright-core';

import { ApiClient } from '../../scripts/scenario/api-client';
import {
  launchBrowser,
  openSite,
  type SiteSession,
  signUpThroughApi,
  startWebStack,
} from '../support/browser';
import {
  checkPage,
  expectFocused,
  expectFocusRing,
  focusedElement,
  isFocused,
  isFocusedWithin,
} from '../support/page-queries';
import type { Stack } from '../support/stack';

/**
 * An applicant and an instructor who use the keyboard alone: every control is reached with Tab,
 * shows a visible focus ring, and works with Enter, Space, the arrow keys and Escape. The mouse
 * is never used, and what the keys did is read back through the HTTP API.
 */

const PASSWORD = 'mot-de-passe-clavier';
const NAME_LABEL = 'Nom de la structure';
const CIVILITY_LABEL = 'Civilité du représentant';
const CONSENT_LABEL = 'J’accepte que mes données soient traitées pour cette demande';
const REFUSAL = 'La structure n’est pas éligible à cette aide.';
/** Tab presses allowed to reach a control before the test fails. */
const MAX_TABS = 80;

describe('keyboard use of the web front', () => {
  const stamp = Date.now().toString(36);
  const adminEmail = `admin-clavier-${stamp}@exemple.fr`;
  const instructorEmail = `instructeur-clavier-${stamp}@exemple.fr`;
  const applicantEmail = `usager-clavier-${stamp}@exemple.fr`;

  let stack: Stack;
  let browser: Browser;
  let procedure: ProcedureView;
  let fieldIds: Record<string, string>;
  let dossierId: string;
  let dossierNumber: string;

  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchBrowser();
    const admin = new ApiClient(stack.gatewayUrl, adminEmail);
    await admin.signUpOrIn(adminEmail, PASSWORD);
    const created = await admin.post<ProcedureView>(
      '/api/admin/procedures',
      {
        title: `Aide à l’équipement numérique ${stamp}`,
        path: `equipement-numerique-${stamp}`,
        organisation: 'Préfecture de la Nièvre',
        description: 'Une aide aux structures qui équipent leurs bénévoles.',
        contactEmail: 'pref-58@exemple.fr',
      },
      201,
    );
    const base = `/api/admin/procedures/${created.id}`;
    fieldIds = {};
    const fields = [
      { type: FieldType.Text, label: NAME_LABEL, required: true },
      { type: FieldType.Civility, label: CIVILITY_LABEL, required: true },
      { type: FieldType.Checkbox, label: CONSENT_LABEL, required: true },
    ];
    for (const field of fields) {
      const definition = await admin.post<FieldDefinition>(`${base}/fields`, field, 201);
      fieldIds[field.label] = definition.stableId;
    }
    await admin.post(`${base}/instructors`, { email: instructorEmail }, 201);
    procedure = await admin.post<ProcedureView>(`${base}/publish`, undefined, 200);
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function open(email: string): Promise<SiteSession> {
    const site = await openSite(browser, stack.gatewayUrl);
    site.context.setDefaultTimeout(10000);
    await signUpThroughApi(site, email, PASSWORD);

    return site;
  }

  describe('applicant', () => {
    let applicant: SiteSession;
    let page: Page;

    beforeAll(async () => {
      applicant = await open(applicantEmail);
      page = applicant.page;
    });

    it('skips to the content first', async () => {
      await page.goto(`/commencer/${procedure.path}`);
      await page.getByRole('heading', { level: 1, name: procedure.title }).waitFor();

      await page.keyboard.press('Tab');
      const skipLink = page.getByRole('link', { name: 'Contenu', exact: true });
      await expectFocused(skipLink);
      await expectFocusRing(skipLink);
      await page.keyboard.press('Enter');
      await expect(focusedElement(page)).resolves.toEqual(
        expect.objectContaining({ id: 'contenu' }),
      );
      applicant.expectNoProblems();
    });

    it('fills and submits a dossier with keys', async () => {
      await tabTo(page, page.getByRole('button', { name: 'Commencer la démarche' }));
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/dossiers\/[^/]+\/formulaire$/);
      dossierId = new URL(page.url()).pathname.split('/')[2];

      await tabTo(page, page.getByLabel(NAME_LABEL, { exact: true }));
      await page.keyboard.type('Amicale laïque de Cosne');
      // Tab enters the radio group on its first option; an arrow key moves the choice.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
      const group = page.getByRole('group', { name: CIVILITY_LABEL, exact: true });
      await expect(group.getByLabel('Mme', { exact: true }).isChecked()).resolves.toBe(true);
      await tabTo(page, page.getByRole('checkbox', { name: CONSENT_LABEL, exact: true }));
      await page.keyboard.press('Space');
      await page.getByRole('status').filter({ hasText: 'Brouillon enregistré à' }).waitFor();
      await checkPage(page, 'clavier-formulaire');

      await tabTo(page, page.getByRole('button', { name: 'Déposer le dossier' }));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Votre dossier a bien été déposé' }).waitFor();
      const heading = page.getByRole('heading', { level: 1, name: /^Dossier n° \d+$/ });
      dossierNumber = ((await heading.textContent()) ?? '').replace('Dossier n° ', '').trim();

      const response = await applicant.context.request.get(`/api/dossiers/${dossierId}`);
      const dossier = (await response.json()) as DossierView;
      const values = Object.fromEntries(
        dossier.fields.map((field) => [field.definition.label, field.value]),
      );
      expect(dossier.state).toBe('en_construction');
      expect(values[NAME_LABEL]).toBe('Amicale laïque de Cosne');
      expect(values[CIVILITY_LABEL]).toBe('Mme');
      expect(values[CONSENT_LABEL]).toBe(true);
      applicant.expectNoProblems();
    });
  });

  describe('phone-size menu', () => {
    it('keeps the focus inside the open menu', async () => {
      const phone = await openSite(browser, stack.gatewayUrl, {
        viewport: { width: 390, height: 844 },
      });
      try {
        const page = phone.page;
        await signUpThroughApi(phone, `telephone-${stamp}@exemple.fr`, PASSWORD);
        await page.goto('/');
        const menuButton = page.getByRole('button', { name: 'Menu', exact: true });
        await tabTo(page, menuButton);
        await page.keyboard.press('Enter');

        const menu = page.getByRole('dialog', { name: 'Menu' });
        await menu.waitFor();
        await expectFocused(menu.getByRole('button', { name: 'Fermer' }));
        await checkPage(page, 'clavier-menu-telephone');
        // Tab, forwards then backwards, never reaches the page behind the menu: past the
        // menu's last control it leaves the document for the browser's own controls.
        const behind = [
          page.locator('main'),
          page.locator('footer'),
          page.locator('.fr-header__body'),
        ];
        for (const key of [
          ...Array<string>(8).fill('Tab'),
          ...Array<string>(8).fill('Shift+Tab'),
        ]) {
          await page.keyboard.press(key);
          for (const region of behind) {
            await expect(isFocusedWithin(region)).resolves.toBe(false);
          }
        }
        await tabTo(page, menu.getByRole('link', { name: 'Mes dossiers' }));

        await page.keyboard.press('Escape');
        await menu.waitFor({ state: 'hidden' });
        await expectFocused(menuButton);
        phone.expectNoProblems();
      } finally {
        await phone.close();
      }
    });
  });

  describe('instructor', () => {
    let instructor: SiteSession;
    let page: Page;

    beforeAll(async () => {
      instructor = await open(instructorEmail);
      page = instructor.page;
    });

    it('signs in with keys and starts on the procedures', async () => {
      await instructor.context.clearCookies();
      await page.goto('/connexion');
      await tabTo(page, page.getByLabel('Adresse électronique'));
      await page.keyboard.type(instructorEmail);
      await tabTo(page, page.getByLabel('Mot de passe'));
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');

      await page.waitForURL((url) => url.pathname === '/instructeur/procedures');
      await page.getByRole('heading', { level: 1, name: 'Démarches à instruire' }).waitFor();
      instructor.expectNoProblems();
    });

    it('moves between tabs with the arrow keys', async () => {
      await page.goto(`/instructeur/procedures/${procedure.id}`);
      const first = page.getByRole('tab', { name: 'En construction (1)' });
      const second = page.getByRole('tab', { name: 'En instruction (0)' });
      await tabTo(page, first);

      await page.keyboard.press('ArrowRight');
      await expectFocused(second);
      await expect(second.getAttribute('aria-selected')).resolves.toBe('true');
      await page.keyboard.press('ArrowLeft');
      await expectFocused(first);
      await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
      instructor.expectNoProblems();
    });

    it('refuses a dossier with keys', async () => {
      await tabTo(page, page.getByRole('link', { name: `Dossier n° ${dossierNumber}` }));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: `Dossier n° ${dossierNumber}` }).waitFor();
      await tabTo(page, page.getByRole('button', { name: 'Passer en instruction' }));
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: '« En instruction »' }).waitFor();

      const refuse = page.getByRole('button', { name: 'Refuser', exact: true });
      await tabTo(page, refuse);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: `Refuser le dossier n° ${dossierNumber}` });
      const motivation = dialog.getByLabel(/^Motivation du refus/);
      await expectFocused(motivation);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await expectFocused(refuse);

      await page.keyboard.press('Enter');
      await expectFocused(motivation);
      await page.keyboard.type(REFUSAL);
      await tabTo(page, dialog.getByRole('button', { name: 'Confirmer le refus' }));
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: '« Refusé »' }).waitFor();

      const response = await instructor.context.request.get(
        `/api/instructor/dossiers/${dossierId}`,
      );
      const dossier = (await response.json()) as DossierView;
      expect(dossier.state).toBe('refuse');
      expect(dossier.motivation).toBe(REFUSAL);
      instructor.expectNoProblems();
    });
  });
});

/**
 * Presses Tab until `target` has the focus, then checks its focus ring. Fails when MAX_TABS
 * presses never reach it, so a control out of the tab order fails the test.
 */
async function tabTo(page: Page, target: Locator): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    await page.keyboard.press('Tab');
    if (await isFocused(target)) {
      await expectFocusRing(target);
      return;
    }
  }
  throw new Error(`${target.toString()} was not reached after ${MAX_TABS} presses of Tab`);
}
