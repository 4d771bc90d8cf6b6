import type { DossierView, FieldDefinition, ProcedureView } from '@tps/contracts';
import { FieldType, InstructorAction } from '@tps/contracts';
import type { Browser, Dialog, Page } from 'playwright-core';

import { ApiClient } from '../../scripts/scenario/api-client';
import { FIXTURES } from '../gateway/file-fixtures';
import {
  DESKTOP_VIEWPORT,
  launchBrowser,
  openSite,
  type SiteSession,
  signUpThroughApi,
  startWebStack,
} from '../support/browser';
import { checkPage, definitionOf, escapeRegExp, textOf, whole } from '../support/page-queries';
import type { Stack } from '../support/stack';

/**
 * What a new applicant meets, in the browser. The cases are an empty « Mes dossiers », text typed
 * just before a reload, a tab close or a link, and numbers and file types written the French way.
 * Then come the only file of a required field, a dossier sent back for correction and a draft
 * whose procedure was closed. Procedures, instructors and their actions go through the HTTP API,
 * because the other specs already play them through the pages.
 */

const PASSWORD = 'mot-de-passe-de-l-usager';
const PROJECT_LABEL = 'Nom du projet';
const AMOUNT_LABEL = 'Montant demandé';
const QUOTE_LABEL = 'Devis';
const QUOTE = { name: 'devis.pdf', mimeType: 'application/pdf', buffer: FIXTURES.pdf };
const NEW_QUOTE = {
  name: 'devis-corrige.docx',
  mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  buffer: FIXTURES.docx,
};
const CORRECTION = 'Le devis n’est pas signé.\nJoignez le devis signé par l’entreprise.';
const SLOW = { timeout: 15000 };
/** fr-FR groups thousands with a narrow no-break space. */
const THOUSANDS = '\u202f';

interface NewField {
  type: FieldType;
  label: string;
  required?: boolean;
  options?: Record<string, unknown>;
}

const DEFAULT_FIELDS: NewField[] = [
  { type: FieldType.Text, label: PROJECT_LABEL, required: true },
  { type: FieldType.Decimal, label: AMOUNT_LABEL, options: { min: 0.5, max: 10000 } },
  { type: FieldType.Attachment, label: QUOTE_LABEL, required: true },
];

describe('applicant through the web front', () => {
  const stamp = Date.now().toString(36);
  const adminEmail = `admin-usager-${stamp}@exemple.fr`;
  const instructorEmail = `instructeur-usager-${stamp}@exemple.fr`;
  const applicantEmail = `usager-${stamp}@exemple.fr`;

  let stack: Stack;
  let browser: Browser;
  let admin: ApiClient;
  let instructor: ApiClient;
  let applicant: SiteSession;
  let page: Page;
  let procedure: ProcedureView;
  let fieldIds: Record<string, string>;
  let dossierId: string;

  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchBrowser();
    admin = new ApiClient(stack.gatewayUrl, adminEmail);
    await admin.signUpOrIn(adminEmail, PASSWORD);
    instructor = new ApiClient(stack.gatewayUrl, instructorEmail);
    await instructor.signUpOrIn(instructorEmail, PASSWORD);
    ({ procedure, fieldIds } = await publishProcedure(`aide-projets-${stamp}`));
    applicant = await open();
    page = applicant.page;
    await signUpThroughApi(applicant, applicantEmail, PASSWORD);
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

  /**
   * Creates and publishes a procedure, by default with a text, a decimal and a required
   * attachment. Returns it with the stable id of each field, by label.
   */
  async function publishProcedure(path: string, fields: NewField[] = DEFAULT_FIELDS) {
    const created = await admin.post<ProcedureView>(
      '/api/admin/procedures',
      {
        title: `Aide aux projets associatifs ${path}`,
        path,
        organisation: 'Direction départementale de la cohésion sociale du Gard',
        description: 'Une aide aux associations qui lancent un projet de quartier.',
        contactEmail: 'ddcs-30@exemple.fr',
      },
      201,
    );
    const base = `/api/admin/procedures/${created.id}`;
    const ids: Record<string, string> = {};
    for (const field of fields) {
      const definition = await admin.post<FieldDefinition>(`${base}/fields`, field, 201);
      ids[field.label] = definition.stableId;
    }
    await admin.post(`${base}/instructors`, { email: instructorEmail }, 201);
    const published = await admin.post<ProcedureView>(`${base}/publish`, undefined, 200);

    return { procedure: published, fieldIds: ids };
  }

  /** Reads the stored value of a field of the applicant's dossier through the API. */
  async function storedValue(id: string, label: string): Promise<unknown> {
    const response = await applicant.context.request.get(`/api/dossiers/${id}`);
    const dossier = (await response.json()) as DossierView;

    return dossier.fields.find((field) => field.definition.stableId === fieldIds[label])?.value;
  }

  /**
   * Waits until the API returns `expected` for the field. A save sent as a page is left (a
   * keepalive request) ends after that page is gone, so no page can show when it did: the API is
   * read again every 100 ms, for at most 10 s.
   */
  async function waitForStoredValue(id: string, label: string, expected: string) {
    const deadline = Date.now() + 10000;
    let stored = await storedValue(id, label);
    while (stored !== expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      stored = await storedValue(id, label);
    }
    expect(stored).toBe(expected);
  }

  function projectInput(on: Page = page) {
    return on.getByLabel(PROJECT_LABEL, { exact: true });
  }

  it('points an empty « Mes dossiers » to the list of procedures', async () => {
    await page.goto('/dossiers');
    await page.getByRole('heading', { name: 'Vous n’avez encore aucun dossier' }).waitFor();
    await expect(textOf(page.locator('.fr-callout__text'))).resolves.not.toContain('/commencer/');
    await checkPage(page, 'mes-dossiers-vide');

    await page.getByRole('link', { name: 'liste des démarches en ligne' }).click();
    await page.waitForURL((url) => url.pathname === '/' && url.hash === '#demarches-en-ligne');
    const link = page.getByRole('link', { name: procedure.title });
    await link.waitFor();
    // The list is in view, not left below the three tiles.
    const heading = page.getByRole('heading', { level: 2, name: 'Démarches en ligne' });
    const box = await heading.boundingBox();
    expect(box).not.toBeNull();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(DESKTOP_VIEWPORT.height);
    await checkPage(page, 'accueil-liste-des-demarches');

    await link.click();
    await page.getByRole('button', { name: 'Commencer la démarche' }).click();
    await page.waitForURL(/\/dossiers\/[^/]+\/formulaire$/);
    dossierId = new URL(page.url()).pathname.split('/')[2];
    applicant.expectNoProblems();
  });

  it('keeps what was typed just before a reload, after a warning', async () => {
    const input = projectInput();
    await input.waitFor();
    const dialogs: string[] = [];
    const accept = (dialog: Dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    };
    page.on('dialog', accept);
    try {
      // Typed, then reloaded within the 800 ms the autosave waits for.
      await input.pressSequentially('Jardin partagé');
      await page.reload();
    } finally {
      page.off('dialog', accept);
    }
    expect(dialogs).toEqual(['beforeunload']);

    await expect(projectInput().inputValue()).resolves.toBe('Jardin partagé');
    await waitForStoredValue(dossierId, PROJECT_LABEL, 'Jardin partagé');
    await checkPage(page, 'formulaire-apres-rechargement');
    applicant.expectNoProblems();
  });

  it('saves what was typed just before the tab is closed', async () => {
    const other = await applicant.context.newPage();
    await other.goto(`/dossiers/${dossierId}/formulaire`);
    await expect(projectInput(other).inputValue()).resolves.toBe('Jardin partagé');
    other.on('dialog', (dialog) => void dialog.accept());
    await projectInput(other).press('End');
    await projectInput(other).pressSequentially(' des Tilleuls');
    const closed = other.waitForEvent('close');
    await other.close({ runBeforeUnload: true });
    await closed;

    await waitForStoredValue(dossierId, PROJECT_LABEL, 'Jardin partagé des Tilleuls');
    await page.reload();
    await expect(projectInput().inputValue()).resolves.toBe('Jardin partagé des Tilleuls');
    applicant.expectNoProblems();
  });

  it('saves what was typed before a link of the site is followed', async () => {
    await projectInput().fill('Jardin partagé du Square');
    await page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Mes dossiers' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mes dossiers' }).waitFor();
    await page.getByRole('link', { name: /^N° \d+$/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Dossier n° \d+$/ }).waitFor();

    await expect(textOf(definitionOf(page.getByRole('main'), PROJECT_LABEL))).resolves.toBe(
      'Jardin partagé du Square',
    );
    await expect(storedValue(dossierId, PROJECT_LABEL)).resolves.toBe('Jardin partagé du Square');
    applicant.expectNoProblems();
  });

  it('writes numbers and file types the French way in the form', async () => {
    await page.getByRole('link', { name: 'Reprendre le brouillon' }).click();
    await page.waitForURL(/\/formulaire$/);
    await page.getByText(`Nombre entre 0,5 et 10${THOUSANDS}000,`).waitFor();
    await page.getByLabel(AMOUNT_LABEL, { exact: true }).fill('1234,5');
    await page.getByLabel(QUOTE_LABEL, { exact: true }).setInputFiles(QUOTE);
    const link = page.getByRole('link', { name: new RegExp(`^${escapeRegExp(QUOTE.name)}`) });
    await link.waitFor(SLOW);
    await expect(textOf(link)).resolves.toMatch(
      new RegExp(`^${escapeRegExp(QUOTE.name)} ?PDF – ${QUOTE.buffer.length} octets$`),
    );
    await page.getByRole('status').filter({ hasText: 'Brouillon enregistré à' }).waitFor(SLOW);
    await checkPage(page, 'formulaire-nombres-et-types');

    await page.getByRole('button', { name: 'Déposer le dossier' }).click();
    await page.getByRole('heading', { name: 'Votre dossier a bien été déposé' }).waitFor();
    const main = page.getByRole('main');
    // Read raw: textOf would turn the narrow no-break space into a plain one.
    const amount = await definitionOf(main, AMOUNT_LABEL).textContent();
    expect(amount?.trim()).toBe(`1${THOUSANDS}234,5`);
    await expect(textOf(definitionOf(main, QUOTE_LABEL))).resolves.toContain('PDF – ');
    await expect(textOf(definitionOf(main, QUOTE_LABEL))).resolves.not.toContain('application/');
    await checkPage(page, 'dossier-nombres-et-types');
    applicant.expectNoProblems();
  });

  it('says how to replace the only file of a required field', async () => {
    await page.getByRole('link', { name: 'Modifier le dossier' }).click();
    await page.waitForURL(/\/formulaire$/);
    const files = page.locator(`#champ-${fieldIds[QUOTE_LABEL]}`).locator('xpath=..');
    await files.getByText(/ajoutez d’abord le nouveau fichier, puis supprimez celui-ci/).waitFor();
    await expect(
      page.getByRole('button', { name: `Supprimer ${QUOTE.name}` }).count(),
    ).resolves.toBe(0);
    await checkPage(page, 'formulaire-piece-obligatoire');

    await page.getByLabel(QUOTE_LABEL, { exact: true }).setInputFiles(NEW_QUOTE);
    const newLink = page.getByRole('link', {
      name: new RegExp(`^${escapeRegExp(NEW_QUOTE.name)}`),
    });
    await newLink.waitFor(SLOW);
    await expect(textOf(newLink)).resolves.toContain('Document Word – ');
    await page.getByRole('button', { name: `Supprimer ${QUOTE.name}` }).click();
    await page
      .getByRole('link', { name: new RegExp(`^${escapeRegExp(QUOTE.name)}`) })
      .waitFor({ state: 'detached' });
    await files.getByText(/ajoutez d’abord le nouveau fichier, puis supprimez celui-ci/).waitFor();
    await expect(
      page.getByRole('button', { name: `Supprimer ${NEW_QUOTE.name}` }).count(),
    ).resolves.toBe(0);
    applicant.expectNoProblems();
  });

  it('explains keeping a required field’s only file', async () => {
    const response = await applicant.context.request.get(`/api/dossiers/${dossierId}`);
    const dossier = (await response.json()) as DossierView;
    const only = dossier.fields.find((field) => field.definition.stableId === fieldIds[QUOTE_LABEL])
      ?.attachments?.[0];
    const refused = await applicant.context.request.delete(
      `/api/dossiers/${dossierId}/attachments/${only?.id ?? ''}`,
    );
    expect(refused.status()).toBe(400);
    await expect(refused.json()).resolves.toMatchObject({
      message:
        'Ce fichier est le seul d’un champ obligatoire d’un dossier déposé : pour le remplacer, ajoutez d’abord le nouveau fichier, puis supprimez celui-ci.',
    });
    applicant.expectNoProblems([/^HTTP 400: DELETE .*\/attachments\//]);
  });

  it('shows a dossier sent back for correction, with the instructor’s message', async () => {
    const transitions = `/api/instructor/dossiers/${dossierId}/transitions`;
    await instructor.post(transitions, { action: InstructorAction.PasserEnInstruction }, 200);
    await instructor.post(
      transitions,
      { action: InstructorAction.RepasserEnConstruction, motivation: CORRECTION },
      200,
    );

    await page.goto(`/dossiers/${dossierId}`);
    const notice = page.locator('.fr-alert').filter({
      has: page.getByRole('heading', { name: 'Dossier renvoyé pour correction' }),
    });
    await notice.waitFor();
    await expect(textOf(notice)).resolves.toContain(CORRECTION.replace('\n', ' '));
    await expect(textOf(notice)).resolves.toContain('« Modifier le dossier »');
    await expect(page.getByText('Dossier déposé', { exact: true }).count()).resolves.toBe(0);
    await page.getByText(/^Renvoyé pour correction le /).waitFor();
    await expect(page.getByText(/^Instruction commencée le /).count()).resolves.toBe(0);
    await checkPage(page, 'dossier-renvoye-pour-correction');

    await page.getByRole('link', { name: 'Modifier le dossier' }).click();
    await page.waitForURL(/\/formulaire$/);
    const formNotice = page.locator('.fr-alert').filter({
      has: page.getByRole('heading', { name: 'Dossier renvoyé pour correction' }),
    });
    await formNotice.waitFor();
    await expect(textOf(formNotice)).resolves.toContain(CORRECTION.replace('\n', ' '));
    await expect(
      page.getByRole('heading', { name: 'Dossier déposé, encore modifiable' }).count(),
    ).resolves.toBe(0);
    await checkPage(page, 'formulaire-renvoye-pour-correction');
    applicant.expectNoProblems();
  });

  it('says a draft of a closed procedure can no longer be submitted', async () => {
    const closing = await publishProcedure(`aide-close-${stamp}`);
    const created = await applicant.context.request.post(
      `/api/procedures/${closing.procedure.id}/dossiers`,
    );
    expect(created.status()).toBe(201);
    const draft = ((await created.json()) as DossierView).id;
    await admin.post(`/api/admin/procedures/${closing.procedure.id}/close`, undefined, 200);

    await page.goto(`/dossiers/${draft}/formulaire`);
    const notice = page.locator('.fr-alert').filter({
      has: page.getByRole('heading', { name: 'Cette démarche est close' }),
    });
    await notice.waitFor();
    await expect(textOf(notice)).resolves.toMatch(
      /Elle n’accepte plus de nouveaux dossiers depuis le .* : ce brouillon ne peut plus être déposé\./,
    );
    await expect(page.getByRole('button', { name: 'Déposer le dossier' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Retour à mes dossiers' }).waitFor();
    // Read-only: nothing can be typed, uploaded or saved.
    await expect(projectInput().isDisabled()).resolves.toBe(true);
    await expect(page.getByLabel(AMOUNT_LABEL, { exact: true }).isDisabled()).resolves.toBe(true);
    await expect(page.getByLabel(QUOTE_LABEL, { exact: true }).isDisabled()).resolves.toBe(true);
    await expect(page.getByText(/Brouillon enregistré/).count()).resolves.toBe(0);
    await checkPage(page, 'formulaire-demarche-close');

    await page.goto(`/dossiers/${draft}`);
    await page.getByRole('heading', { name: 'Cette démarche est close' }).waitFor();
    await page.getByRole('link', { name: whole('Consulter le brouillon') }).waitFor();
    await checkPage(page, 'brouillon-demarche-close');
    applicant.expectNoProblems();
  });

  /** Creates a draft of the procedure through the API and returns its id. */
  async function createDraft(procedureId: string): Promise<string> {
    const created = await applicant.context.request.post(`/api/procedures/${procedureId}/dossiers`);
    expect(created.status()).toBe(201);

    return ((await created.json()) as DossierView).id;
  }

  it('lists the empty required fields with the invalid values, in form order', async () => {
    const fields: NewField[] = [
      { type: FieldType.Text, label: 'Nom de l’association', required: true },
      { type: FieldType.Integer, label: 'Nombre de bénévoles' },
      { type: FieldType.Email, label: 'Adresse du référent', required: true },
      { type: FieldType.Text, label: 'Commune', required: true },
      { type: FieldType.Attachment, label: 'Statuts', required: true },
    ];
    const summaryCase = await publishProcedure(`aide-resume-${stamp}`, fields);
    const draft = await createDraft(summaryCase.procedure.id);

    await page.goto(`/dossiers/${draft}/formulaire`);
    await page.getByLabel('Nombre de bénévoles', { exact: true }).fill('12,5');
    await page.getByLabel('Adresse du référent', { exact: true }).fill('referent@@exemple');
    await page
      .getByRole('status')
      .filter({ hasText: '2 champs contiennent une erreur' })
      .waitFor(SLOW);
    await page.getByRole('button', { name: 'Déposer le dossier' }).click();

    const summary = page.locator('#resume-des-erreurs');
    await summary.getByText('Corrigez ou complétez les 5 champs suivants :').waitFor();
    const links = summary.getByRole('link');
    const texts = (await links.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(texts).toHaveLength(5);
    expect(texts[0]).toBe('Nom de l’association : Ce champ est obligatoire.');
    expect(texts[1]).toMatch(/^Nombre de bénévoles : /);
    expect(texts[2]).toMatch(/^Adresse du référent : /);
    expect(texts[2]).not.toContain('obligatoire');
    expect(texts[3]).toBe('Commune : Ce champ est obligatoire.');
    expect(texts[4]).toBe('Statuts : Ce champ est obligatoire : joignez au moins un fichier.');
    const hrefs: Array<string | null> = [];
    for (let index = 0; index < texts.length; index++) {
      hrefs.push(await links.nth(index).getAttribute('href'));
    }
    expect(hrefs).toEqual(fields.map((field) => `#champ-${summaryCase.fieldIds[field.label]}`));
    await checkPage(page, 'formulaire-resume-complet');
    applicant.expectNoProblems([/^HTTP 400: PATCH .*\/fields$/]);
  });

  it('recovers from an ended session', async () => {
    const draft = await createDraft(procedure.id);
    await page.goto(`/dossiers/${draft}/formulaire`);
    await projectInput().waitFor();
    // As if the applicant signed out in another tab.
    const signedOut = await applicant.context.request.post('/api/auth/sign-out');
    expect(signedOut.status()).toBe(204);

    await projectInput().fill('Jardin des Oliviers');
    const status = page.getByRole('status').filter({ hasText: 'Votre session a pris fin' });
    await status.waitFor(SLOW);
    await expect(textOf(status)).resolves.toContain(
      'vos dernières modifications ne sont pas encore enregistrées',
    );
    await expect(textOf(status)).resolves.not.toContain('Authorization');
    const link = page.getByRole('link', { name: 'Se reconnecter dans un nouvel onglet' });
    await expect(link.getAttribute('href')).resolves.toBe('/connexion');
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    await checkPage(page, 'formulaire-session-terminee');

    const signedIn = await applicant.context.request.post('/api/auth/sign-in', {
      data: { email: applicantEmail, password: PASSWORD },
    });
    expect(signedIn.status()).toBe(200);
    await page.getByRole('button', { name: 'Réessayer l’enregistrement' }).click();
    await page.getByRole('status').filter({ hasText: 'Brouillon enregistré à' }).waitFor(SLOW);
    await expect(link.count()).resolves.toBe(0);
    await expect(storedValue(draft, PROJECT_LABEL)).resolves.toBe('Jardin des Oliviers');
    applicant.expectNoProblems([/^HTTP 401: PATCH .*\/fields$/]);
  });

  it('confirms a draft saved for later on « Mes dossiers », once', async () => {
    const draft = await createDraft(procedure.id);
    await page.goto(`/dossiers/${draft}/formulaire`);
    const lead = await textOf(page.getByText(/^Dossier n° \d+$/));
    const number = lead.replace('Dossier n° ', '');
    await projectInput().fill('Verger partagé');
    await page.getByRole('button', { name: 'Enregistrer et reprendre plus tard' }).click();
    await page.waitForURL((url) => url.pathname === '/dossiers');

    const notice = page.getByRole('status').filter({ hasText: 'Votre brouillon du dossier' });
    await notice.waitFor();
    await expect(textOf(notice)).resolves.toBe(
      `Votre brouillon du dossier n° ${number} est enregistré : vous pouvez le reprendre à tout moment depuis cette page.`,
    );
    await checkPage(page, 'mes-dossiers-brouillon-enregistre');

    await page.reload();
    await page.getByRole('link', { name: `N° ${number}` }).waitFor();
    await expect(notice.count()).resolves.toBe(0);
    applicant.expectNoProblems();
  });

  it('fits « Mes dossiers » on a phone', async () => {
    const phone = { width: 390, height: 844 };
    await page.setViewportSize(phone);
    try {
      await page.goto('/dossiers');
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: /^N° / }) });
      await row.first().waitFor();
      const table = page.getByRole('table');
      const width = (await table.boundingBox())?.width ?? Infinity;
      // The table may scroll sideways, but the procedure title wraps instead of stretching it.
      expect(width).toBeLessThanOrEqual(phone.width * 1.5);
      await checkPage(page, 'mes-dossiers-telephone');
    } finally {
      await page.setViewportSize(DESKTOP_VIEWPORT);
    }
    applicant.expectNoProblems();
  });

  it('writes the bounds of a field the French way in the builder', async () => {
    const builder = await open();
    const signedIn = await builder.context.request.post('/api/auth/sign-in', {
      data: { email: adminEmail, password: PASSWORD },
    });
    expect(signedIn.status()).toBe(200);
    await builder.page.goto(`/admin/procedures/${procedure.id}/champs`);
    const item = builder.page
      .getByRole('listitem')
      .filter({ has: builder.page.getByRole('heading', { name: AMOUNT_LABEL }) });
    await item.getByText(`entre 0,5 et 10${THOUSANDS}000`).waitFor();
    await checkPage(builder.page, 'constructeur-bornes');
    builder.expectNoProblems();
    await builder.close();
  });
});
