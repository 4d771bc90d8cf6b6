import type { FieldDefinition, ProcedureView } from '@tps/contracts';
import { FieldType } from '@tps/contracts';
import type { Browser, Page } from 'playwright-core';

import { ApiClient } from '../../scripts/scenario/api-client';
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
import { checkPage, expectFocused, focusedElement, waitForFocus } from '../support/page-queries';
import type { Stack } from '../support/stack';

/**
 * The parts of the procedure builder that the journeys leave out: editing, moving and deleting
 * fields, the informations and e-mails pages, an unpublished change, and closing then reopening
 * the procedure, with what its start page shows applicants each time. Every state is read back
 * through the HTTP API, so a page that only looks right fails.
 */

const PASSWORD = 'mot-de-passe-constructeur';
const FIELDS = [
  { type: FieldType.Text, label: 'Nom de l’association', required: true },
  { type: FieldType.Email, label: 'Adresse de contact' },
  { type: FieldType.Integer, label: 'Nombre d’adhérents', options: { min: 0 } },
];

describe('procedure builder in the web front', () => {
  const stamp = Date.now().toString(36);
  const adminEmail = `admin-constructeur-${stamp}@exemple.fr`;
  const title = `Subvention aux associations sportives ${stamp}`;

  let stack: Stack;
  let browser: Browser;
  let admin: SiteSession;
  let api: ApiClient;
  let page: Page;
  let procedure: ProcedureView;
  let base: string;

  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchBrowser();
    admin = await openSite(browser, stack.gatewayUrl);
    admin.context.setDefaultTimeout(10000);
    page = admin.page;
    await signUpThroughApi(admin, adminEmail, PASSWORD);
    api = new ApiClient(stack.gatewayUrl, adminEmail);
    await api.signUpOrIn(adminEmail, PASSWORD);
    procedure = await api.post<ProcedureView>(
      '/api/admin/procedures',
      {
        title,
        path: `subvention-sport-${stamp}`,
        organisation: 'Service départemental à la jeunesse, à l’engagement et aux sports',
        description: 'Une aide au fonctionnement des clubs affiliés à une fédération.',
        contactEmail: 'sdjes@exemple.fr',
      },
      201,
    );
    for (const field of FIELDS) {
      await api.post<FieldDefinition>(`/api/admin/procedures/${procedure.id}/fields`, field, 201);
    }
    base = `/admin/procedures/${procedure.id}`;
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function draftLabels(): Promise<string[]> {
    const view = await api.get<ProcedureView>(`/api/admin/procedures/${procedure.id}`);

    return view.draftRevision.fields.map((field) => field.label);
  }

  function fieldList() {
    return page.getByRole('list', { name: /^Champs du formulaire \(\d+\)$/ });
  }

  it('starts an administrator on their procedures', async () => {
    const fresh = await openSite(browser, stack.gatewayUrl);
    try {
      await fresh.page.goto('/connexion');
      await fresh.page.getByLabel('Adresse électronique').fill(adminEmail);
      await fresh.page.getByLabel('Mot de passe').fill(PASSWORD);
      await fresh.page.getByRole('button', { name: 'Se connecter' }).click();

      await fresh.page.waitForURL((url) => url.pathname === '/admin/procedures');
      await fresh.page.getByRole('heading', { level: 1, name: 'Mes démarches' }).waitFor();
      fresh.expectNoProblems();
    } finally {
      await fresh.close();
    }
  });

  it('lists the procedure among the administrator’s', async () => {
    await page.goto('/admin/procedures');
    const row = page.getByRole('row').filter({ hasText: title });
    await row.getByText('Brouillon', { exact: true }).waitFor();
    await checkPage(page, 'admin-liste-des-demarches');

    await row.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    admin.expectNoProblems();
  });

  it('saves the informations and names a wrong one', async () => {
    await page.goto(base);
    const contact = page.getByLabel('Adresse électronique de contact');
    await contact.fill('pas-une-adresse');
    await page.getByRole('button', { name: 'Enregistrer les informations' }).click();
    await expect(contact.getAttribute('aria-invalid')).resolves.toBe('true');
    await expectFocused(contact);
    await checkPage(page, 'admin-informations-erreur');

    await contact.fill('sports.sdjes@exemple.fr');
    await page.getByLabel('Organisme responsable').fill('SDJES de la Loire');
    await page.getByRole('button', { name: 'Enregistrer les informations' }).click();
    await page.getByRole('status').filter({ hasText: 'Informations enregistrées le' }).waitFor();

    const stored = await api.get<ProcedureView>(`/api/admin/procedures/${procedure.id}`);
    expect(stored.contactEmail).toBe('sports.sdjes@exemple.fr');
    expect(stored.organisation).toBe('SDJES de la Loire');
    admin.expectNoProblems();
  });

  it('counts the characters of a title near its limit', async () => {
    const input = page.getByLabel('Titre de la démarche');
    const original = await input.inputValue();
    await input.fill('Subvention '.repeat(25));

    const kept = await input.inputValue();
    expect(kept).toHaveLength(200);
    await page
      .getByText('200 caractères sur 200 au maximum : le texte au-delà n’est pas pris en compte.')
      .waitFor();
    await input.fill(original);
    await expect(page.getByText(/caractères sur 200 au maximum/).count()).resolves.toBe(0);
    admin.expectNoProblems();
  });

  it('edits a field in place', async () => {
    await page.getByRole('link', { name: 'Formulaire', exact: true }).click();
    await page.getByRole('button', { name: 'Modifier le champ « Adresse de contact »' }).click();
    const label = page.getByLabel('Libellé', { exact: true }).first();
    await expectFocused(label);
    await label.fill('Adresse électronique du président');
    await page.getByLabel('Texte d’aide').first().fill('Elle reçoit les e-mails du dossier.');
    await page.getByLabel('Champ obligatoire').first().check({ force: true });
    await checkPage(page, 'admin-champ-en-modification');
    await page.getByRole('button', { name: 'Enregistrer le champ' }).click();

    await page
      .getByRole('status')
      .filter({ hasText: 'Champ « Adresse électronique du président » enregistré.' })
      .waitFor();
    const view = await api.get<ProcedureView>(`/api/admin/procedures/${procedure.id}`);
    const edited = view.draftRevision.fields[1];
    expect(edited.label).toBe('Adresse électronique du président');
    expect(edited.description).toBe('Elle reçoit les e-mails du dossier.');
    expect(edited.required).toBe(true);
    admin.expectNoProblems();
  });

  it('rejects a second field with the same label', async () => {
    const form = page.getByRole('region', { name: 'Ajouter un champ' });
    await form.getByLabel('Type de champ').selectOption({ label: 'Texte court' });
    const label = form.getByLabel('Libellé', { exact: true });
    await label.fill('nom de l’association');
    await form.getByRole('button', { name: 'Ajouter le champ' }).click();

    await form.getByText(/Un autre champ du formulaire s’appelle déjà/).waitFor();
    await expect(label.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(draftLabels()).resolves.toHaveLength(3);
    await checkPage(page, 'admin-libelle-en-double');
    await label.fill('');
    admin.expectNoProblems([/^HTTP 400: POST .*\/api\/admin\/procedures\/[^/]+\/fields$/]);
  });

  it('names the builder limits in the units shown', async () => {
    const form = page.getByRole('region', { name: 'Ajouter un champ' });
    await form.getByLabel('Type de champ').selectOption({ label: 'Pièce justificative' });
    await form.getByLabel('Libellé', { exact: true }).fill('Statuts de l’association');
    // The test stack accepts uploads of at most 2 MiB (MAX_UPLOAD_BYTES).
    await form.getByLabel('Taille maximale du fichier (en Mo)').fill('3');
    await form.getByRole('button', { name: 'Ajouter le champ' }).click();
    await form
      .getByText(/saisissez au plus 2 Mo/)
      .first()
      .waitFor();

    await form.getByLabel('Type de champ').selectOption({ label: 'Nombre entier' });
    await form.getByLabel('Libellé', { exact: true }).fill('Nombre de licenciés');
    await form.getByLabel('Valeur minimale').fill('1,5');
    await form.getByRole('button', { name: 'Ajouter le champ' }).click();
    await form
      .getByText(/la valeur minimale d’un champ nombre entier est un nombre entier/i)
      .first()
      .waitFor();
    await expect(form.getByText(/options\./).count()).resolves.toBe(0);
    await expect(draftLabels()).resolves.toHaveLength(3);
    await form.getByLabel('Libellé', { exact: true }).fill('');
    admin.expectNoProblems([/^HTTP 400: POST .*\/api\/admin\/procedures\/[^/]+\/fields$/]);
  });

  it('moves a field up and keeps focus on it', async () => {
    const name = 'Nombre d’adhérents';
    await page.getByRole('button', { name: `Monter le champ « ${name} »` }).click();

    await page
      .getByRole('status')
      .filter({ hasText: `Champ « ${name} » déplacé en position 2 sur 3.` })
      .waitFor();
    const headings = await fieldList().getByRole('heading', { level: 3 }).allTextContents();
    expect(headings).toEqual(['Nom de l’association', name, 'Adresse électronique du président']);
    await expect(draftLabels()).resolves.toEqual(headings);
    const focused = await focusedElement(page);
    expect(focused.text).toContain(name);
    admin.expectNoProblems();
  });

  it('deletes a field after confirmation', async () => {
    const name = 'Nombre d’adhérents';
    await page.getByRole('button', { name: `Supprimer le champ « ${name} »` }).click();
    const dialog = page.getByRole('dialog', { name: 'Supprimer ce champ ?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(draftLabels()).resolves.toHaveLength(3);

    await page.getByRole('button', { name: `Supprimer le champ « ${name} »` }).click();
    await dialog.waitFor();
    // Focus goes to the question, and the backdrop covers the whole window.
    await waitForFocus(page, dialog.getByRole('heading', { name: 'Supprimer ce champ ?' }));
    await expect(dialog.boundingBox()).resolves.toEqual({
      x: 0,
      y: 0,
      width: DESKTOP_VIEWPORT.width,
      height: DESKTOP_VIEWPORT.height,
    });
    await expectNoSeriousA11yViolations(page, 'admin-suppression-de-champ');
    await screenshot(page, 'admin-suppression-de-champ');
    await dialog.getByRole('button', { name: 'Supprimer le champ' }).click();

    await page
      .getByRole('status')
      .filter({ hasText: `Champ « ${name} » supprimé.` })
      .waitFor();
    await page.getByRole('list', { name: 'Champs du formulaire (2)' }).waitFor();
    await expect(draftLabels()).resolves.toEqual([
      'Nom de l’association',
      'Adresse électronique du président',
    ]);
    admin.expectNoProblems();
  });

  it('lists the six e-mails with their state', async () => {
    await page.getByRole('link', { name: 'E-mails', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'E-mails envoyés aux usagers' }).waitFor();
    await page
      .getByRole('link', { name: /^Modifier l’e-mail « / })
      .first()
      .waitFor();
    await expect(page.getByRole('link', { name: /^Modifier l’e-mail « / }).count()).resolves.toBe(
      6,
    );
    await expect(page.getByText('Texte par défaut', { exact: true }).count()).resolves.toBe(6);
    await checkPage(page, 'admin-liste-des-e-mails');
    admin.expectNoProblems();
  });

  it('points to an unknown tag in the preview', async () => {
    await page.getByRole('link', { name: 'Modifier l’e-mail « Refus »' }).click();
    const body = page.getByLabel('Corps du message');
    await body.fill('Bonjour,\nVotre dossier --champ disparu-- a été refusé.');
    await page.getByRole('button', { name: 'Aperçu', exact: true }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'L’aperçu n’a pas pu être produit' });
    await alert.getByText('Corrigez le champ signalé ci-dessus, puis réessayez.').waitFor();
    await expect(body.getAttribute('aria-invalid')).resolves.toBe('true');
    await checkPage(page, 'admin-apercu-balise-inconnue');
    admin.expectNoProblems([/^HTTP 400: POST .*\/mail-templates\/dossier_refused\/preview$/]);
  });

  it('says an instructor is already listed', async () => {
    const email = `instructeur-constructeur-${stamp}@exemple.fr`;
    await page.getByRole('link', { name: 'Instructeurs', exact: true }).click();
    const input = page.getByLabel('Adresse électronique de l’instructeur');
    await input.fill(email);
    await page.getByRole('button', { name: 'Ajouter l’instructeur' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${email} est maintenant instructeur de la démarche.` })
      .waitFor();

    await input.fill(email.toUpperCase());
    await page.getByRole('button', { name: 'Ajouter l’instructeur' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${email} est déjà instructeur de la démarche.` })
      .waitFor();
    await expect(page.getByRole('rowheader', { name: email }).count()).resolves.toBe(1);
    const instructors = await api.get<{ email: string }[]>(
      `/api/admin/procedures/${procedure.id}/instructors`,
    );
    expect(instructors.map((one) => one.email)).toEqual([email]);
    admin.expectNoProblems();
  });

  it('publishes, closes and reopens the procedure', async () => {
    const startPage = await admin.context.newPage();
    try {
      await page.getByRole('link', { name: 'Publication', exact: true }).click();
      await page.getByRole('button', { name: 'Publier la démarche' }).click();
      await page.getByRole('status').filter({ hasText: 'Démarche publiée le' }).waitFor();
      await startPage.goto(`/commencer/${procedure.path}`);
      await startPage.getByRole('button', { name: 'Commencer la démarche' }).waitFor();

      await page.getByRole('button', { name: 'Clore la démarche' }).click();
      const dialog = page.getByRole('dialog', { name: 'Clore la démarche ?' });
      await dialog.getByRole('button', { name: 'Confirmer la clôture' }).click();
      await page.getByRole('status').filter({ hasText: 'Démarche close le' }).waitFor();
      await dialog.waitFor({ state: 'hidden' });
      await checkPage(page, 'admin-demarche-close');
      const closed = await api.get<ProcedureView>(`/api/admin/procedures/${procedure.id}`);
      expect(closed.state).toBe('close');

      await startPage.reload();
      await startPage.getByRole('heading', { name: 'Cette démarche est close' }).waitFor();
      await expect(
        startPage.getByRole('button', { name: 'Commencer la démarche' }).count(),
      ).resolves.toBe(0);
      await checkPage(startPage, 'usager-demarche-close');

      await page.getByRole('button', { name: 'Publier de nouveau la démarche' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Démarche rouverte : elle accepte de nouveau des dossiers.' })
        .waitFor();
      await startPage.reload();
      await startPage.getByRole('button', { name: 'Commencer la démarche' }).waitFor();
      const reopened = await api.get<ProcedureView>(`/api/admin/procedures/${procedure.id}`);
      expect(reopened.state).toBe('publiee');
    } finally {
      await startPage.close();
    }
    admin.expectNoProblems();
  });

  it('flags a field change until it is published', async () => {
    await page.getByRole('link', { name: 'Formulaire', exact: true }).click();
    await page.getByRole('button', { name: 'Modifier le champ « Nom de l’association »' }).click();
    await page.getByLabel('Libellé', { exact: true }).first().fill('Nom du club');
    await page.getByRole('button', { name: 'Enregistrer le champ' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Champ « Nom du club » enregistré.' })
      .waitFor();

    const notice = page.getByText(/^Le formulaire a des modifications qui ne sont pas encore/);
    await notice.waitFor();
    const published = await api.get<ProcedureView>(`/api/admin/procedures/${procedure.id}`);
    expect(published.publishedRevision?.fields[0].label).toBe('Nom de l’association');

    await page.getByRole('link', { name: 'Publication', exact: true }).click();
    await page.getByRole('button', { name: 'Publier les modifications' }).click();
    await page.getByText('Le formulaire publié est à jour').waitFor();
    await notice.waitFor({ state: 'detached' });
    const updated = await api.get<ProcedureView>(`/api/admin/procedures/${procedure.id}`);
    expect(updated.publishedRevision?.fields[0].label).toBe('Nom du club');
    admin.expectNoProblems();
  });
});
