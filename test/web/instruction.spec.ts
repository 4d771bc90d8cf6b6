import type { AttachmentView, DossierView, FieldDefinition, ProcedureView } from '@tps/contracts';
import { FieldType } from '@tps/contracts';
import type { Browser, Page } from 'playwright-core';

import { ApiClient } from '../../scripts/scenario/api-client';
import { FIXTURES } from '../gateway/file-fixtures';
import {
  DESKTOP_VIEWPORT,
  expectNoSeriousA11yViolations,
  launchBrowser,
  openSite,
  screenshot,
  type SiteSession,
  signUpThroughApi,
  startWebStack,
} from '../support/browser';
import {
  checkPage,
  definitionOf,
  escapeRegExp,
  expectFocused,
  textOf,
  waitForFocus,
  whole,
} from '../support/page-queries';
import type { Stack } from '../support/stack';

/**
 * What the journeys leave out, in the browser. The applicant waits for a SIRET lookup to be
 * retried, replaces an attachment and corrects a dossier while en_construction. The instructor
 * pages and searches the state tabs, then repasses en construction, refuses, classes sans suite
 * and archives. The procedure and the extra dossiers are made through the HTTP API, because the
 * journeys already build them through the pages.
 */

const PASSWORD = 'mot-de-passe-instruction';
/** SIRET of DINUM, known to the API Entreprise sandbox. */
const SIRET = '13002526500013';
const COMPANY_NAME = 'DIRECTION INTERMINISTERIELLE DU NUMERIQUE';
/** A closed établissement of the sandbox, and a well-formed SIRET that it does not know. */
const CLOSED_SIRET = '41816609600051';
const UNKNOWN_SIRET = '12345678200002';
const PROJECT_LABEL = 'Nom du projet';
const SIRET_LABEL = 'SIRET de la structure';
const FILE_LABEL = 'Pièce justificative';
const FIRST_FILE = { name: 'devis-initial.pdf', mimeType: 'application/pdf', buffer: FIXTURES.pdf };
const SECOND_FILE = { name: 'devis-corrige.png', mimeType: 'image/png', buffer: FIXTURES.png };
/** The instructor list shows 20 dossiers a page, so 21 besides the browser's one make 2 pages. */
const EXTRA_DOSSIERS = 21;
const CORRECTION = 'Joignez le devis signé, et non le brouillon.';
const REFUSAL = 'Le devis ne couvre pas la période demandée.';
const CLOSING = 'Projet abandonné par la structure.';
const SLOW = { timeout: 15000 };
const PHONE = { width: 390, height: 844 };
/** The enrichment retry worker polls every 5 s, and the sandbox's outage sets a 2 s retry delay. */
const LOOKUP_RETRY_MS = 30000;
/** What the form shows while a SIRET lookup waits for API Entreprise, from either service. */
const PENDING_TEXT = /complétées automatiquement|pas encore pu être récupérées/;

describe('instruction through the web front', () => {
  const stamp = Date.now().toString(36);
  const adminEmail = `admin-instr-${stamp}@exemple.fr`;
  const instructorEmail = `instructeur-instr-${stamp}@exemple.fr`;
  const applicantEmail = `usager-instr-${stamp}@exemple.fr`;
  const otherEmail = `autre-usager-${stamp}@exemple.fr`;

  let stack: Stack;
  let browser: Browser;
  let applicant: SiteSession;
  let instructor: SiteSession;
  let procedure: ProcedureView;
  let fieldIds: Record<string, string>;
  let dossierId: string;
  let dossierNumber: number;
  /** The other applicant's dossiers, oldest first. */
  let extraDossiers: DossierView[];

  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchBrowser();
    ({ procedure, fieldIds } = await publishProcedure(stack.gatewayUrl));
    extraDossiers = await submitDossiers(stack.gatewayUrl, procedure, fieldIds, EXTRA_DOSSIERS);
    applicant = await open();
    instructor = await open();
    await signUpThroughApi(applicant, applicantEmail, PASSWORD);
    await signUpThroughApi(instructor, instructorEmail, PASSWORD);
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function open(): Promise<SiteSession> {
    const site = await openSite(browser, stack.gatewayUrl);
    site.context.setDefaultTimeout(10000);

    return site;
  }

  /** Creates and publishes a three-field procedure, with the instructor in its group. */
  async function publishProcedure(gatewayUrl: string) {
    const admin = new ApiClient(gatewayUrl, adminEmail);
    await admin.signUpOrIn(adminEmail, PASSWORD);
    const created = await admin.post<ProcedureView>(
      '/api/admin/procedures',
      {
        title: `Aide au démarrage de projets ${stamp}`,
        path: `aide-demarrage-${stamp}`,
        organisation: 'Direction départementale des territoires de la Drôme',
        description: 'Une aide aux structures qui lancent un projet local.',
        contactEmail: 'ddt-26@exemple.fr',
      },
      201,
    );
    const base = `/api/admin/procedures/${created.id}`;
    const ids: Record<string, string> = {};
    const fields = [
      { type: FieldType.Text, label: PROJECT_LABEL, required: true, options: { maxLength: 100 } },
      { type: FieldType.Siret, label: SIRET_LABEL },
      { type: FieldType.Attachment, label: FILE_LABEL, required: true },
    ];
    for (const field of fields) {
      const definition = await admin.post<FieldDefinition>(`${base}/fields`, field, 201);
      ids[field.label] = definition.stableId;
    }
    await admin.post(`${base}/instructors`, { email: instructorEmail }, 201);
    const published = await admin.post<ProcedureView>(`${base}/publish`, undefined, 200);

    return { procedure: published, fieldIds: ids };
  }

  describe('applicant', () => {
    let page: Page;

    beforeAll(() => {
      page = applicant.page;
    });

    it('says a failed SIRET lookup will be retried', async () => {
      await page.goto(`/commencer/${procedure.path}`);
      await page.getByRole('button', { name: 'Commencer la démarche' }).click();
      await page.waitForURL(/\/dossiers\/[^/]+\/formulaire$/);
      dossierId = new URL(page.url()).pathname.split('/')[2];
      await page.getByLabel(PROJECT_LABEL, { exact: true }).fill('Jardin partagé');

      stack.sandbox.setMode('down');
      try {
        await page.getByLabel(SIRET_LABEL, { exact: true }).fill(SIRET);
        await page.getByText(PENDING_TEXT).first().waitFor(SLOW);
        await checkPage(page, 'usager-siret-en-attente');
      } finally {
        stack.sandbox.setMode('normal');
      }

      // The retry worker resolves the lookup once API Entreprise responds again, and the form shows
      // the company from the next load on.
      const card = page.getByTestId('company-card').getByRole('heading', { name: COMPANY_NAME });
      const deadline = Date.now() + LOOKUP_RETRY_MS;
      do {
        await page.reload();
        await card.or(page.getByText(PENDING_TEXT)).first().waitFor();
      } while ((await card.count()) === 0 && Date.now() < deadline);
      await card.waitFor();
      applicant.expectNoProblems();
    });

    it('shows a closed or unknown établissement', async () => {
      const siret = page.getByLabel(SIRET_LABEL, { exact: true });
      const card = page.getByTestId('company-card');
      await siret.fill(CLOSED_SIRET);
      await card.getByText('Fermé depuis le 31 mai 2016').waitFor(SLOW);
      await checkPage(page, 'usager-siret-ferme');

      await siret.fill(UNKNOWN_SIRET);
      await page
        .getByText('Nous n’avons pas trouvé d’établissement correspondant à ce numéro SIRET.')
        .waitFor(SLOW);

      await siret.fill(SIRET);
      await card.getByRole('heading', { name: COMPANY_NAME }).waitFor(SLOW);
      applicant.expectNoProblems();
    });

    it('removes an attachment and uploads another', async () => {
      const input = page.getByLabel(FILE_LABEL, { exact: true });
      await input.setInputFiles(FIRST_FILE);
      const firstLink = page.getByRole('link', { name: new RegExp(`^${FIRST_FILE.name}`) });
      await firstLink.waitFor(SLOW);

      await page.getByRole('button', { name: `Supprimer ${FIRST_FILE.name}` }).click();
      await firstLink.waitFor({ state: 'detached' });
      await expect(attachmentNames()).resolves.toEqual([]);

      await input.setInputFiles(SECOND_FILE);
      await page.getByRole('link', { name: new RegExp(`^${SECOND_FILE.name}`) }).waitFor(SLOW);
      await expect(attachmentNames()).resolves.toEqual([SECOND_FILE.name]);
      await checkPage(page, 'usager-piece-remplacee');
      applicant.expectNoProblems();
    });

    it('corrects the dossier while en construction', async () => {
      await page.getByRole('button', { name: 'Déposer le dossier' }).click();
      await page.getByRole('heading', { name: 'Votre dossier a bien été déposé' }).waitFor();
      const heading = await textOf(page.getByRole('heading', { level: 1 }));
      dossierNumber = Number(heading.replace('Dossier n° ', ''));

      await page.getByRole('link', { name: 'Modifier le dossier' }).click();
      await page.waitForURL(/\/formulaire$/);
      await page.getByLabel(PROJECT_LABEL, { exact: true }).fill('Jardin partagé des Tilleuls');
      await page
        .getByRole('status')
        .filter({ hasText: 'Modifications enregistrées à' })
        .waitFor(SLOW);
      await checkPage(page, 'usager-correction-en-construction');
      await page.getByRole('link', { name: 'Retour au dossier' }).click();

      await page.waitForURL((url) => url.pathname === `/dossiers/${dossierId}`);
      const main = page.getByRole('main');
      await expect(textOf(definitionOf(main, PROJECT_LABEL))).resolves.toBe(
        'Jardin partagé des Tilleuls',
      );
      const stored = await applicant.context.request.get(`/api/dossiers/${dossierId}`);
      const dossier = (await stored.json()) as DossierView;
      expect(dossier.state).toBe('en_construction');
      applicant.expectNoProblems();
    });

    /** Names of the files the server stores for the dossier's attachment field. */
    async function attachmentNames(): Promise<string[]> {
      const response = await applicant.context.request.get(`/api/dossiers/${dossierId}`);
      const dossier = (await response.json()) as DossierView;
      const field = dossier.fields.find(
        (candidate) => candidate.definition.stableId === fieldIds[FILE_LABEL],
      );
      const files = (field?.attachments ?? []) as AttachmentView[];

      return files.map((file) => file.filename);
    }
  });

  describe('instructor', () => {
    let page: Page;
    const listPath = () => `/instructeur/procedures/${procedure.id}`;

    beforeAll(() => {
      page = instructor.page;
    });

    it('pages the dossiers of a tab', async () => {
      await page.goto(listPath());
      const tab = page.getByRole('tab', { name: `En construction (${EXTRA_DOSSIERS + 1})` });
      await tab.waitFor();
      await expect(listedDossiers()).resolves.toHaveLength(20);
      await checkPage(page, 'instructeur-page-1');

      await page.getByRole('link', { name: 'Page suivante' }).click();
      await page.locator('[aria-current="page"]', { hasText: whole('2') }).waitFor();
      // The new page's table takes the focus, so keyboard users go on from the list.
      await waitForFocus(
        page,
        page.getByRole('region', { name: 'Dossiers en construction, page 2' }),
      );
      await expect(listedDossiers()).resolves.toHaveLength(EXTRA_DOSSIERS + 1 - 20);
      await checkPage(page, 'instructeur-page-2');

      await page.getByRole('link', { name: 'Page précédente' }).click();
      await page.locator('[aria-current="page"]', { hasText: whole('1') }).waitFor();
      await expect(listedDossiers()).resolves.toHaveLength(20);
      instructor.expectNoProblems();
    });

    it('fits the list on a phone-size screen', async () => {
      await page.setViewportSize({ width: PHONE.width, height: PHONE.height });
      try {
        await page.goto(listPath());
        await expect(listedDossiers()).resolves.toHaveLength(20);
        // Long cells wrap, so the table scrolls sideways by far less than a screen.
        const width = await page
          .getByRole('tabpanel')
          .locator('table')
          .evaluate((table) => (table as unknown as { scrollWidth: number }).scrollWidth);
        expect(width).toBeLessThanOrEqual(PHONE.width * 1.5);
        await checkPage(page, 'instructeur-liste-telephone');
      } finally {
        await page.setViewportSize(DESKTOP_VIEWPORT);
      }
      instructor.expectNoProblems();
    });

    it('offers the first page for a stale page link', async () => {
      await page.goto(`${listPath()}?etat=en_construction&curseur=perime`);
      const alert = page.getByRole('alert').filter({
        hasText: 'Cette page de la liste n’est plus disponible',
      });
      await alert.waitFor();
      await expect(textOf(alert)).resolves.not.toMatch(/cursor|nextCursor/);
      await checkPage(page, 'instructeur-lien-de-page-perime');

      await alert.getByRole('link', { name: 'Revenir à la première page' }).click();
      await expect(listedDossiers()).resolves.toHaveLength(20);
      instructor.expectNoProblems([/^HTTP 400: GET .*\/dossiers\?.*cursor=perime/]);
    });

    it('finds a dossier by number and by e-mail', async () => {
      await page.getByLabel(/^Rechercher parmi les dossiers/).fill(`n° ${dossierNumber}`);
      await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
      await page
        .getByRole('button', { name: `Effacer la recherche « n° ${dossierNumber} »` })
        .waitFor();
      await expect(listedDossiers()).resolves.toEqual([`Dossier n° ${dossierNumber}`]);
      await checkPage(page, 'instructeur-recherche');

      await page.getByRole('button', { name: /^Effacer la recherche/ }).click();
      await page
        .getByRole('button', { name: /^Effacer la recherche/ })
        .waitFor({ state: 'detached' });
      await expect(listedDossiers()).resolves.toHaveLength(20);
      const search = otherEmail.toUpperCase();
      await page.getByLabel(/^Rechercher parmi les dossiers/).fill(search);
      await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
      await page.getByRole('button', { name: `Effacer la recherche « ${search} »` }).waitFor();
      await expect(listedDossiers()).resolves.toHaveLength(20);
      const emails = await page
        .getByRole('tabpanel')
        .locator('tbody td:nth-of-type(1)')
        .allTextContents();
      expect(new Set(emails)).toEqual(new Set([otherEmail]));
      instructor.expectNoProblems();
    });

    it('sends a dossier back to construction', async () => {
      await openDossier(dossierNumber);
      await act('Passer en instruction', 'En instruction');
      await page.getByRole('button', { name: 'Repasser en construction' }).click();
      const dialog = page.getByRole('dialog', {
        name: `Repasser en construction le dossier n° ${dossierNumber}`,
      });
      await dialog.getByLabel('Message au demandeur (facultatif)').fill(CORRECTION);
      await expectNoSeriousA11yViolations(page, 'instructeur-modale-retour-en-construction');
      await screenshot(page, 'instructeur-modale-retour-en-construction');
      await dialog.getByRole('button', { name: 'Confirmer le retour en construction' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Le dossier n° ${dossierNumber} est maintenant « En construction ».` })
        .waitFor();

      await page.getByRole('button', { name: 'Passer en instruction' }).waitFor();
      const history = page.getByRole('table', { name: /^Historique/ });
      await history.getByRole('cell', { name: CORRECTION }).waitFor();
      await checkPage(page, 'instructeur-repasse-en-construction');
      instructor.expectNoProblems();
    });

    it('requires a motivation to refuse', async () => {
      await act('Passer en instruction', 'En instruction');
      await page.getByRole('button', { name: 'Refuser', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Refuser le dossier n° ${dossierNumber}` });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Confirmer le refus' }).click();

      const motivation = dialog.getByLabel(/^Motivation du refus/);
      await dialog
        .getByText(/elle est obligatoire pour refuser/)
        .first()
        .waitFor();
      await expectFocused(motivation);
      await expectNoSeriousA11yViolations(page, 'instructeur-refus-sans-motivation');
      await screenshot(page, 'instructeur-refus-sans-motivation');
      await motivation.fill(REFUSAL);
      await dialog.getByRole('button', { name: 'Confirmer le refus' }).click();

      await dialog.waitFor({ state: 'hidden' });
      await page
        .getByRole('status')
        .filter({ hasText: `Le dossier n° ${dossierNumber} est maintenant « Refusé ».` })
        .waitFor();
      await page.getByText(REFUSAL).first().waitFor();
      instructor.expectNoProblems();
    });

    it('archives the refused dossier', async () => {
      await page.getByRole('button', { name: 'Archiver' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Le dossier n° ${dossierNumber} est archivé.` })
        .waitFor();
      await page.getByRole('button', { name: 'Désarchiver' }).waitFor();

      await page.goto(listPath());
      await page.getByRole('tab', { name: 'Archivés (1)' }).click();
      await expect(listedDossiers()).resolves.toEqual([`Dossier n° ${dossierNumber}`]);
      await page.getByRole('tab', { name: 'Refusés (0)' }).waitFor();
      await checkPage(page, 'instructeur-archives');
      instructor.expectNoProblems();
    });

    it('closes a dossier without follow-up', async () => {
      const number = extraDossiers[0].number;
      await openDossier(number);
      await act('Passer en instruction', 'En instruction');
      await page.getByRole('button', { name: 'Classer sans suite' }).click();
      const dialog = page.getByRole('dialog', {
        name: `Classer sans suite le dossier n° ${number}`,
      });
      await dialog.getByLabel(/^Motivation du classement sans suite/).fill(CLOSING);
      await dialog.getByRole('button', { name: 'Confirmer le classement sans suite' }).click();

      await page
        .getByRole('status')
        .filter({ hasText: `Le dossier n° ${number} est maintenant « Classé sans suite ».` })
        .waitFor();
      await page.goto(listPath());
      await page.getByRole('tab', { name: 'Classés sans suite (1)' }).click();
      await expect(listedDossiers()).resolves.toEqual([`Dossier n° ${number}`]);
      await page.getByRole('tab', { name: `En construction (${EXTRA_DOSSIERS - 1})` }).waitFor();
      await checkPage(page, 'instructeur-classes-sans-suite');
      instructor.expectNoProblems();
    });

    it('offers matches from the other tabs', async () => {
      const number = extraDossiers[0].number;
      await page.goto(listPath());
      await page.getByLabel(/^Rechercher parmi les dossiers/).fill(String(number));
      await page.getByRole('button', { name: 'Rechercher', exact: true }).click();

      await page
        .getByText(`Aucun des dossiers en construction ne correspond à « ${number} ».`)
        .waitFor();
      const elsewhere = page
        .getByRole('tabpanel')
        .getByRole('listitem')
        .filter({
          has: page.getByRole('link', { name: `Dossier n° ${number}`, exact: true }),
        });
      await elsewhere.waitFor();
      await expect(textOf(elsewhere)).resolves.toContain('Classé sans suite');
      await checkPage(page, 'instructeur-recherche-autres-onglets');

      // A search with results in the open tab still names those of the other tabs.
      await page.getByRole('button', { name: /^Effacer la recherche/ }).click();
      await page.getByLabel(/^Rechercher parmi les dossiers/).fill(otherEmail);
      await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
      await page.getByRole('button', { name: `Effacer la recherche « ${otherEmail} »` }).waitFor();
      const also = page.getByText('Aussi dans les autres onglets :');
      await also.waitFor();
      await expect(listedDossiers()).resolves.toHaveLength(EXTRA_DOSSIERS - 1);
      await expect(
        also.locator('xpath=following-sibling::ul[1]').getByRole('link').allTextContents(),
      ).resolves.toEqual([`Dossier n° ${number}`]);

      await elsewhere.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: `Dossier n° ${number}` }).waitFor();
      instructor.expectNoProblems();
    });

    function dossierLinks() {
      return page
        .getByRole('tabpanel')
        .getByRole('table')
        .getByRole('link', { name: /^Dossier n° \d+$/ });
    }

    /** Texts of the dossier links of the tab, once its list has loaded. */
    async function listedDossiers(): Promise<string[]> {
      await page.getByText('Chargement des dossiers…').waitFor({ state: 'detached' });
      await dossierLinks().first().waitFor();

      return dossierLinks().allTextContents();
    }

    async function openDossier(number: number) {
      await page.goto(listPath());
      await page.getByLabel(/^Rechercher parmi les dossiers/).fill(String(number));
      await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
      await page.getByRole('button', { name: `Effacer la recherche « ${number} »` }).waitFor();
      await dossierLinks()
        .filter({ hasText: whole(`Dossier n° ${number}`) })
        .click();
      await page.getByRole('heading', { level: 1, name: `Dossier n° ${number}` }).waitFor();
    }

    /** Clicks an action without a dialog and waits for the notice of the new state. */
    async function act(button: string, stateLabel: string) {
      await page.getByRole('button', { name: button, exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: new RegExp(`est maintenant « ${escapeRegExp(stateLabel)} »`) })
        .waitFor();
    }
  });

  describe('applicant after the refusal', () => {
    it('reads the refusal and its motivation', async () => {
      const page = applicant.page;
      await page.goto(`/dossiers/${dossierId}`);

      await page.getByRole('heading', { name: /^Votre dossier a été refusé le / }).waitFor();
      await page.getByText(`Motif : ${REFUSAL}`).first().waitFor();
      await expect(page.getByRole('link', { name: 'Modifier le dossier' }).count()).resolves.toBe(
        0,
      );
      await checkPage(page, 'usager-dossier-refuse');
      applicant.expectNoProblems();
    });
  });

  /** Creates and submits `count` dossiers of another applicant through the API, oldest first. */
  async function submitDossiers(
    gatewayUrl: string,
    published: ProcedureView,
    ids: Record<string, string>,
    count: number,
  ): Promise<DossierView[]> {
    const other = new ApiClient(gatewayUrl, otherEmail);
    await other.signUpOrIn(otherEmail, PASSWORD);
    const submitted: DossierView[] = [];
    for (let index = 0; index < count; index += 1) {
      const dossier = await other.post<DossierView>(
        `/api/procedures/${published.id}/dossiers`,
        undefined,
        201,
      );
      await other.patch(`/api/dossiers/${dossier.id}/fields`, {
        values: { [ids[PROJECT_LABEL]]: `Projet ${index + 1}` },
      });
      const form = new FormData();
      form.append('file', new Blob([FIXTURES.pdf], { type: 'application/pdf' }), 'devis.pdf');
      await other.request(
        'POST',
        `/api/dossiers/${dossier.id}/fields/${ids[FILE_LABEL]}/attachments`,
        {
          form,
          expect: 201,
        },
      );
      submitted.push(
        await other.post<DossierView>(`/api/dossiers/${dossier.id}/submit`, undefined, 200),
      );
    }

    return submitted;
  }
});
