import { FIELD_TYPE_LABELS, FieldType } from '@tps/contracts';
import type { Browser, Page } from 'playwright-core';

import { PROCEDURE_FIXTURES, type FieldFixture } from '../../scripts/fixtures/procedures';
import { FIXTURES } from '../gateway/file-fixtures';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  openSite,
  screenshot,
  type SiteSession,
  signUpThroughApi,
  startWebStack,
} from '../support/browser';
import { checkPage, definitionOf, escapeRegExp, textOf } from '../support/page-queries';
import type { Stack } from '../support/stack';

/**
 * The whole life of one dossier through the web front, with one browser context per person. An
 * administrator builds a real procedure in the form builder and publishes it. An applicant fills
 * and submits a dossier, an instructor accepts it, and the applicant reads the decision. Each
 * step checks its page with axe and keeps a screenshot in test-artifacts/screenshots/journeys/.
 */

const PASSWORD = 'mot-de-passe-du-parcours';
const PROCEDURE = fixture('secretaireGeneral');
/** SIRET of DINUM, known to the API Entreprise sandbox. */
const SIRET = '13002526500013';
const COMPANY_NAME = 'DIRECTION INTERMINISTERIELLE DU NUMERIQUE';
const CV = { name: 'cv-camille-martin.pdf', mimeType: 'application/pdf', buffer: FIXTURES.pdf };
const MOTIVATION = 'Conditions de diplôme et d’expérience remplies : convocation à suivre.';
const MAIL_SUBJECT_START = 'Pré-inscription acceptée : dossier n° ';
const MAIL_BODY_LINE = 'Motif de la décision : ';
/** Waits for autosave, SIRET lookups and e-mails, which take longer than a click. */
const SLOW = { timeout: 15000 };

function fixture(key: string) {
  const found = PROCEDURE_FIXTURES.find((candidate) => candidate.key === key);
  if (!found) {
    throw new Error(`No procedure fixture named ${key}`);
  }

  return found;
}

/** Returns the fixture field of `key`, so that the values stay tied to the fixture's labels. */
function field(key: string): FieldFixture {
  const found = PROCEDURE.fields.find((candidate) => candidate.key === key);
  if (!found) {
    throw new Error(`No field ${key} in the ${PROCEDURE.key} fixture`);
  }

  return found;
}

describe('journey of a dossier through the web front', () => {
  const stamp = Date.now().toString(36);
  const adminEmail = `admin-${stamp}@exemple.fr`;
  const instructorEmail = `instructeur-${stamp}@exemple.fr`;
  const applicantEmail = `usager-${stamp}@exemple.fr`;
  const procedurePath = `${PROCEDURE.path}-${stamp}`;

  /** Values the applicant enters, by fixture key. Fields without an entry stay empty. */
  const values: Record<string, string | boolean> = {
    civilite: 'Mme',
    nom: 'Martin',
    prenoms: 'Camille Louise',
    dateNaissance: '1988-04-12',
    email: applicantEmail,
    telephone: '06 12 34 56 78',
    siretEmployeur: SIRET,
    niveauDiplome: field('niveauDiplome').choices?.[1] ?? '',
    anneesExperience: '12',
    cv: CV.name,
    declarationHonneur: true,
  };

  let stack: Stack;
  let browser: Browser;
  let admin: SiteSession;
  let applicant: SiteSession;
  let instructor: SiteSession;
  /** /commencer/… as shown on the publication page. */
  let startPagePath: string;
  let dossierUrl: string;
  let dossierNumber: string;

  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchBrowser();
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function open(): Promise<SiteSession> {
    const site = await openSite(browser, stack.gatewayUrl);
    site.context.setDefaultTimeout(10000);

    return site;
  }

  describe('administrator', () => {
    let page: Page;

    beforeAll(async () => {
      admin = await open();
      page = admin.page;
    });

    it('signs up through the form', async () => {
      await page.goto(`/inscription?suite=${encodeURIComponent('/admin/procedures')}`);
      await page.getByLabel('Adresse électronique').fill(adminEmail);
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Créer mon compte' }).click();

      await page.waitForURL((url) => url.pathname === '/admin/procedures');
      await page.getByRole('heading', { level: 1, name: 'Mes démarches' }).waitFor();
      await page.getByText('Vous n’administrez encore aucune démarche').waitFor();
      await checkPage(page, 'admin-mes-demarches');
      admin.expectNoProblems();
    });

    it('creates the procedure', async () => {
      await page.getByRole('link', { name: 'Créer une démarche' }).click();
      await page.getByRole('heading', { level: 1, name: 'Créer une démarche' }).waitFor();
      await page.getByLabel('Titre de la démarche').fill(PROCEDURE.title);
      await page.getByLabel('Adresse de la démarche').fill(procedurePath);
      await page.getByLabel('Organisme responsable').fill(PROCEDURE.organisation);
      await page.getByLabel('Description').fill(PROCEDURE.description);
      await page.getByLabel('Adresse électronique de contact').fill(PROCEDURE.contactEmail);
      await checkPage(page, 'admin-nouvelle-demarche');

      await page.getByRole('button', { name: 'Créer la démarche' }).click();

      await page.waitForURL(/\/admin\/procedures\/[^/]+\/champs$/);
      await page.getByRole('heading', { level: 1, name: PROCEDURE.title }).waitFor();
      await page.getByText('La démarche est créée.').waitFor();
      admin.expectNoProblems();
    });

    it('adds every field of the fixture in order', async () => {
      const form = page.getByRole('region', { name: 'Ajouter un champ' });
      const status = page.getByRole('status').filter({ hasText: 'Champ « ' });

      for (const [index, definition] of PROCEDURE.fields.entries()) {
        await form
          .getByLabel('Type de champ')
          .selectOption({ label: FIELD_TYPE_LABELS[definition.type] });
        await form.getByLabel('Libellé', { exact: true }).fill(definition.label);
        if (definition.description) {
          await form.getByLabel('Texte d’aide').fill(definition.description);
        }
        if (definition.required) {
          await form.getByLabel('Champ obligatoire').check({ force: true });
        }
        if (definition.choices) {
          await form
            .getByLabel('Choix possibles (un par ligne)')
            .fill(definition.choices.join('\n'));
        }
        if (definition.maxLength !== undefined) {
          await form
            .getByLabel('Longueur maximale (en caractères)')
            .fill(String(definition.maxLength));
        }
        if (definition.min !== undefined) {
          await form.getByLabel('Valeur minimale').fill(String(definition.min));
        }
        if (definition.max !== undefined) {
          await form.getByLabel('Valeur maximale').fill(String(definition.max));
        }
        await form.getByRole('button', { name: 'Ajouter le champ' }).click();

        // The form is appended to, so the new field is last: position N of N.
        const position = index + 1;
        const announcement =
          `Champ « ${definition.label} » ajouté ` + `en position ${position} sur ${position}.`;
        await status.filter({ hasText: announcement }).waitFor();
      }

      const list = page.getByRole('list', {
        name: `Champs du formulaire (${PROCEDURE.fields.length})`,
      });
      const headings = await list.getByRole('heading', { level: 3 }).allTextContents();
      expect(headings).toEqual(PROCEDURE.fields.map((definition) => definition.label));
      const kinds = await list.locator('li > p.fr-text--xs').allTextContents();
      const count = PROCEDURE.fields.length;
      expect(kinds).toEqual(
        PROCEDURE.fields.map(
          (definition, index) =>
            `Champ ${index + 1} sur ${count} · ${FIELD_TYPE_LABELS[definition.type]}`,
        ),
      );
      await checkPage(page, 'admin-formulaire');
      admin.expectNoProblems();
    });

    it('shows the preview', async () => {
      await page.getByRole('link', { name: 'Aperçu', exact: true }).click();
      await page.getByRole('heading', { level: 2, name: 'Aperçu du formulaire' }).waitFor();

      for (const key of ['nom', 'prenoms', 'telephone', 'siretEmployeur', 'anneesExperience']) {
        await page.getByLabel(field(key).label, { exact: true }).waitFor();
      }
      await page.getByRole('group', { name: field('civilite').label, exact: true }).waitFor();
      await page
        .getByRole('checkbox', { name: field('declarationHonneur').label, exact: true })
        .waitFor();
      await checkPage(page, 'admin-apercu');
      admin.expectNoProblems();
    });

    it('edits the acceptance e-mail with tags', async () => {
      await page.getByRole('link', { name: 'E-mails', exact: true }).click();
      await page.getByRole('link', { name: 'Modifier l’e-mail « Acceptation »' }).click();
      await page.getByRole('heading', { level: 2, name: 'E-mail « Acceptation »' }).waitFor();

      const subject = page.getByLabel('Objet');
      await subject.fill(MAIL_SUBJECT_START);
      await subject.press('End');
      await page.getByRole('button', { name: 'Insérer la balise --numéro du dossier--' }).click();
      const body = page.getByLabel('Corps du message');
      await body.click();
      await body.press('Control+End');
      await body.press('Enter');
      await body.pressSequentially(MAIL_BODY_LINE);
      await page.getByRole('button', { name: 'Insérer la balise --motivation--' }).click();

      await expect(subject.inputValue()).resolves.toBe(
        `${MAIL_SUBJECT_START}--numéro du dossier--`,
      );
      await expect(body.inputValue()).resolves.toMatch(
        new RegExp(`\\n${escapeRegExp(MAIL_BODY_LINE)}--motivation--$`),
      );

      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'E-mail enregistré le' }).waitFor();
      await page.getByRole('button', { name: 'Aperçu', exact: true }).click();
      await page.getByRole('heading', { name: 'Aperçu avec des valeurs d’exemple' }).waitFor();
      await checkPage(page, 'admin-email-acceptation');
      admin.expectNoProblems();
    });

    it('adds the instructor', async () => {
      await page.getByRole('link', { name: 'Instructeurs', exact: true }).click();
      await page.getByLabel('Adresse électronique de l’instructeur').fill(instructorEmail);
      await page.getByRole('button', { name: 'Ajouter l’instructeur' }).click();

      await page
        .getByRole('status')
        .filter({ hasText: `${instructorEmail} est maintenant instructeur de la démarche.` })
        .waitFor();
      await page.getByRole('rowheader', { name: instructorEmail }).waitFor();
      await checkPage(page, 'admin-instructeurs');
      admin.expectNoProblems();
    });

    it('publishes the procedure', async () => {
      await page.getByRole('link', { name: 'Publication', exact: true }).click();
      await page.getByRole('button', { name: 'Publier la démarche' }).click();

      await page.getByRole('status').filter({ hasText: 'Démarche publiée le' }).waitFor();
      const link = page.getByRole('link', { name: /^Lien public de la démarche : / });
      startPagePath = (await link.getAttribute('href')) ?? '';
      expect(startPagePath).toBe(`/commencer/${procedurePath}`);
      await expect(textOf(link)).resolves.toBe(`${stack.gatewayUrl}${startPagePath}`);
      await checkPage(page, 'admin-publication');
      admin.expectNoProblems();
    });
  });

  describe('applicant', () => {
    let page: Page;

    beforeAll(async () => {
      applicant = await open();
      page = applicant.page;
    });

    it('signs up from the start page', async () => {
      await page.goto(startPagePath);
      await page.getByRole('heading', { level: 1, name: PROCEDURE.title }).waitFor();
      await page.getByText(PROCEDURE.organisation).waitFor();
      await checkPage(page, 'usager-page-de-la-demarche');

      await page.getByRole('button', { name: 'Commencer la démarche' }).click();
      await page.waitForURL((url) => url.pathname === '/connexion');
      await page.getByRole('main').getByRole('link', { name: 'Créer un compte' }).click();
      await page.waitForURL((url) => url.pathname === '/inscription');
      await page.getByLabel('Adresse électronique').fill(applicantEmail);
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Créer mon compte' }).click();

      await page.waitForURL((url) => url.pathname === startPagePath);
      await page.getByRole('banner').getByText(applicantEmail).waitFor();
      applicant.expectNoProblems();
    });

    it('lists the missing fields on an early submission', async () => {
      await page.getByRole('button', { name: 'Commencer la démarche' }).click();
      await page.waitForURL(/\/dossiers\/[^/]+\/formulaire$/);
      await page.getByRole('heading', { level: 1, name: PROCEDURE.title }).waitFor();

      await page.getByRole('button', { name: 'Déposer le dossier' }).click();

      const summary = page.locator('#resume-des-erreurs');
      await summary
        .getByRole('heading', { name: 'Le dossier ne peut pas encore être déposé' })
        .waitFor();
      const required = PROCEDURE.fields.filter((definition) => definition.required);
      await expect(summary.getByRole('listitem').count()).resolves.toBe(required.length);
      for (const definition of required) {
        await summary
          .getByRole('link', { name: new RegExp(`^${escapeRegExp(definition.label)} : `) })
          .waitFor();
      }
      await checkPage(page, 'usager-erreurs-au-depot');
      applicant.expectNoProblems([/^HTTP 400: POST .*\/api\/dossiers\/[^/]+\/submit$/]);
    });

    it('fills every field', async () => {
      const companyName = page
        .getByTestId('company-card')
        .getByRole('heading', { name: COMPANY_NAME });
      const fileLink = page.getByRole('link', { name: new RegExp(`^${escapeRegExp(CV.name)}`) });
      for (const definition of PROCEDURE.fields) {
        await fill(page, definition, values[definition.key]);
        // As a person would, wait for the company card and the uploaded file to appear: they
        // push the fields below them down, and a click during that shift lands elsewhere.
        if (definition.type === FieldType.Siret) {
          await companyName.waitFor(SLOW);
        }
        if (definition.type === FieldType.Attachment) {
          await fileLink.waitFor(SLOW);
        }
      }

      await page.getByRole('button', { name: `Supprimer ${CV.name}` }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Brouillon enregistré à' }).waitFor(SLOW);
      await expect(page.locator('#resume-des-erreurs').count()).resolves.toBe(0);
      await checkPage(page, 'usager-formulaire-rempli');
      applicant.expectNoProblems();
    });

    it('submits the dossier', async () => {
      await page.getByRole('button', { name: 'Déposer le dossier' }).click();

      await page.waitForURL(/\/dossiers\/[^/]+$/);
      await page.getByRole('heading', { name: 'Votre dossier a bien été déposé' }).waitFor();
      const heading = page.getByRole('heading', { level: 1, name: /^Dossier n° \d+$/ });
      dossierNumber = (await textOf(heading)).replace('Dossier n° ', '');
      dossierUrl = new URL(page.url()).pathname;
      await page.getByText('En construction', { exact: true }).waitFor();
      await expect(textOf(definitionOf(page.getByRole('main'), field('nom').label))).resolves.toBe(
        'Martin',
      );
      await checkPage(page, 'usager-dossier-depose');
      applicant.expectNoProblems();
    });
  });

  describe('instructor', () => {
    let page: Page;
    let instructorDossierUrl: string;

    beforeAll(async () => {
      instructor = await open();
      page = instructor.page;
    });

    it('finds the dossier in the procedure’s list', async () => {
      await page.goto('/');
      await signUpThroughApi(instructor, instructorEmail, PASSWORD);
      await page.reload();
      await page
        .getByRole('navigation', { name: 'Menu principal' })
        .getByRole('link', { name: 'Instruction' })
        .click();

      await page.getByRole('heading', { level: 1, name: 'Démarches à instruire' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: PROCEDURE.title });
      await row.getByText('1 en construction, 0 en instruction').waitFor();
      await checkPage(page, 'instructeur-demarches');

      await row.getByRole('link', { name: PROCEDURE.title }).click();
      await page.getByRole('heading', { level: 1, name: PROCEDURE.title }).waitFor();
      const tab = page.getByRole('tab', { name: 'En construction (1)' });
      await tab.waitFor();
      await expect(tab.getAttribute('aria-selected')).resolves.toBe('true');
      const link = page.getByRole('link', { name: `Dossier n° ${dossierNumber}`, exact: true });
      await link.waitFor();
      await checkPage(page, 'instructeur-dossiers-en-construction');

      await link.click();
      await page.getByRole('heading', { level: 1, name: `Dossier n° ${dossierNumber}` }).waitFor();
      instructorDossierUrl = new URL(page.url()).pathname;
      instructor.expectNoProblems();
    });

    it('shows the values, the company and the attachment', async () => {
      const form = page.getByRole('region', { name: 'Formulaire', exact: true });
      const expected: [string, string][] = [
        [field('civilite').label, 'Mme'],
        [field('nom').label, 'Martin'],
        [field('prenoms').label, 'Camille Louise'],
        [field('dateNaissance').label, '12 avril 1988'],
        [field('email').label, applicantEmail],
        [field('niveauDiplome').label, String(values.niveauDiplome)],
        [field('anneesExperience').label, '12'],
        [field('declarationHonneur').label, 'Oui'],
      ];
      for (const [label, value] of expected) {
        await expect(textOf(definitionOf(form, label))).resolves.toBe(value);
      }
      const phone = await textOf(definitionOf(form, field('telephone').label));
      expect(phone.replace(/\D/g, '')).toBe('0612345678');
      const siret = definitionOf(form, field('siretEmployeur').label);
      await expect(textOf(siret)).resolves.toContain(SIRET);
      await siret
        .getByTestId('company-card')
        .getByRole('heading', { name: COMPANY_NAME })
        .waitFor();
      const attachment = definitionOf(form, field('cv').label).getByRole('link', {
        name: new RegExp(`^${escapeRegExp(CV.name)}`),
      });
      await expect(attachment.getAttribute('href')).resolves.toMatch(
        /^\/api\/instructor\/dossiers\/[^/]+\/attachments\/[^/]+$/,
      );
      await page.getByText('En construction', { exact: true }).first().waitFor();
      await checkPage(page, 'instructeur-dossier');
      instructor.expectNoProblems();
    });

    it('explains a stale action with the new state', async () => {
      const stale = await instructor.context.newPage();
      try {
        await stale.goto(instructorDossierUrl);
        await stale.getByRole('button', { name: 'Passer en instruction' }).waitFor();

        await page.getByRole('button', { name: 'Passer en instruction' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `Le dossier n° ${dossierNumber} est maintenant « En instruction ».` })
          .waitFor();
        await stale.getByRole('button', { name: 'Passer en instruction' }).click();

        const alert = stale.getByRole('alert').filter({ hasText: 'Le dossier a changé' });
        await alert.waitFor();
        await expect(textOf(alert)).resolves.toContain('il est maintenant « En instruction »');
        // The page reads the dossier again, so it offers the actions of the new state.
        await stale.getByRole('button', { name: 'Accepter', exact: true }).waitFor();
        await checkPage(stale, 'instructeur-action-perimee');
      } finally {
        await stale.close();
      }
      instructor.expectNoProblems([
        /^HTTP 409: POST .*\/api\/instructor\/dossiers\/[^/]+\/transitions$/,
      ]);
    });

    it('accepts the dossier with a motivation', async () => {
      await page.getByRole('button', { name: 'Accepter', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Accepter le dossier n° ${dossierNumber}` });
      await dialog.waitFor();
      await dialog.getByLabel('Motivation de l’acceptation (facultative)').fill(MOTIVATION);
      await expectNoSeriousA11yViolations(page, 'instructeur-modale-acceptation');
      await screenshot(page, 'instructeur-modale-acceptation');

      await dialog.getByRole('button', { name: 'Confirmer l’acceptation' }).click();

      await dialog.waitFor({ state: 'hidden' });
      await page
        .getByRole('status')
        .filter({ hasText: `Le dossier n° ${dossierNumber} est maintenant « Accepté ».` })
        .waitFor();
      await page.getByText('Accepté', { exact: true }).first().waitFor();
      await page.getByText(MOTIVATION).first().waitFor();
      await page.getByRole('button', { name: 'Archiver' }).waitFor();
      await checkPage(page, 'instructeur-dossier-accepte');
      instructor.expectNoProblems();
    });
  });

  describe('applicant after the decision', () => {
    it('reads the decision and its motivation', async () => {
      const page = applicant.page;
      expect(new URL(page.url()).pathname).toBe(dossierUrl);
      await page.reload();

      await page.getByRole('heading', { name: /^Votre dossier a été accepté le / }).waitFor();
      await expect(page.getByText('Votre dossier a bien été déposé').count()).resolves.toBe(0);
      await page.getByText(`Motif : ${MOTIVATION}`).first().waitFor();
      await page.getByText('Accepté', { exact: true }).first().waitFor();
      await checkPage(page, 'usager-dossier-accepte');

      await page
        .getByRole('navigation', { name: 'Menu principal' })
        .getByRole('link', { name: 'Mes dossiers' })
        .click();
      const row = page.getByRole('row').filter({
        has: page.getByRole('link', { name: `N° ${dossierNumber}`, exact: true }),
      });
      await row.waitFor();
      await expect(textOf(row)).resolves.toContain(PROCEDURE.title);
      await row.getByText('Accepté', { exact: true }).waitFor();
      await checkPage(page, 'usager-mes-dossiers');
      applicant.expectNoProblems();
    });

    it('receives the edited acceptance e-mail', async () => {
      const subject = `${MAIL_SUBJECT_START}${dossierNumber}`;
      const [mail] = await stack.smtp.waitForMails(
        1,
        (candidate) =>
          candidate.subject === subject && JSON.stringify(candidate.to).includes(applicantEmail),
        SLOW.timeout,
      );

      expect(mail.text).toContain(`${MAIL_BODY_LINE}${MOTIVATION}`);
    });
  });
});

/** Types, selects, ticks or uploads the applicant's value of one field of the form. */
async function fill(page: Page, definition: FieldFixture, value: string | boolean | undefined) {
  if (value === undefined) {
    return;
  }
  switch (definition.type) {
    case FieldType.Civility:
    case FieldType.YesNo: {
      const group = page.getByRole('group', { name: definition.label, exact: true });
      let option = String(value);
      if (typeof value === 'boolean') {
        option = value ? 'Oui' : 'Non';
      }
      await group.getByLabel(option, { exact: true }).check({ force: true });
      return;
    }
    case FieldType.Checkbox:
      await page
        .getByRole('checkbox', { name: definition.label, exact: true })
        .check({ force: true });
      return;
    case FieldType.DropDownList:
      await page
        .getByLabel(definition.label, { exact: true })
        .selectOption({ label: String(value) });
      return;
    case FieldType.Attachment:
      await page.getByLabel(definition.label, { exact: true }).setInputFiles(CV);
      return;
    default:
      await page.getByLabel(definition.label, { exact: true }).fill(String(value));
  }
}
