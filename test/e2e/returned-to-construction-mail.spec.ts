import {
  type DossierView,
  type EmailView,
  FieldType,
  type MailTemplateView,
  type RenderedEmail,
} from '@tps/contracts';
import type { ParsedMail } from 'mailparser';

import type { ApiClient } from '../../scripts/scenario/api-client';
import { startStack, type Stack } from '../support/stack';
import { publishProcedure, recipients, signedIn } from './e2e-helpers';

const KIND = 'dossier_returned_to_construction';
const TITLE = 'Subvention aux associations sportives';
const TEMPLATES_TITLE = 'Aide au matériel des clubs';
const INSTRUCTOR = 'instructeur.retour@tests.tps.local';

/**
 * The e-mail of a return to construction through the whole platform: the instructor's action on
 * the HTTP API, the dossiers service's event, the notifications service and the SMTP server.
 * The administrator edits and previews its template over HTTP too.
 */
describe('returned-to-construction e-mail', () => {
  let stack: Stack;
  let admin: ApiClient;
  let instructor: ApiClient;
  let procedureId: string;
  let nameFieldId: string;
  let base: string;
  let applicantCount = 0;

  /** Submits a dossier as a new applicant, then takes it into instruction. */
  async function dossierInInstruction(): Promise<{ dossier: DossierView; email: string }> {
    applicantCount += 1;
    const email = `usager${applicantCount}.retour@tests.tps.local`;
    const applicant = await signedIn(stack.gatewayUrl, email);
    const draft = await applicant.post<DossierView>(
      `/api/procedures/${procedureId}/dossiers`,
      undefined,
      201,
    );
    await applicant.patch(`/api/dossiers/${draft.id}/fields`, {
      values: { [nameFieldId]: 'US Exemple' },
    });
    await applicant.post(`/api/dossiers/${draft.id}/submit`, undefined, 200);
    const dossier = await instructor.post<DossierView>(
      `/api/instructor/dossiers/${draft.id}/transitions`,
      { action: 'passer_en_instruction' },
      200,
    );

    return { dossier, email };
  }

  /** Sends the dossier back, then waits for its three e-mails (submitted, started, returned). */
  async function returnAndReceive(
    dossierId: string,
    email: string,
    motivation?: string,
  ): Promise<{ returnedMail: ParsedMail; emails: EmailView[] }> {
    const returned = await instructor.post<DossierView>(
      `/api/instructor/dossiers/${dossierId}/transitions`,
      { action: 'repasser_en_construction', ...(motivation === undefined ? {} : { motivation }) },
      200,
    );
    expect(returned.state).toBe('en_construction');
    const mails = await stack.smtp.waitForMails(3, (mail) => recipients(mail).includes(email));
    // A duplicate would arrive within a few retry periods of the stack (100 ms base).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const emails = await instructor.get<EmailView[]>(
      `/api/instructor/dossiers/${dossierId}/emails`,
    );
    const returnedEmails = emails.filter((row) => row.kind === KIND);
    expect(returnedEmails).toHaveLength(1);
    const returnedMails = stack.smtp.mails.filter(
      (mail) => recipients(mail).includes(email) && mail.subject === returnedEmails[0].subject,
    );
    expect(returnedMails).toHaveLength(1);
    expect(mails.filter((mail) => recipients(mail).includes(email))).toHaveLength(3);

    return { returnedMail: returnedMails[0], emails };
  }

  beforeAll(async () => {
    stack = await startStack();
    admin = await signedIn(stack.gatewayUrl, 'admin.retour@tests.tps.local');
    instructor = await signedIn(stack.gatewayUrl, INSTRUCTOR);
    const procedure = await publishProcedure(
      admin,
      TITLE,
      [{ type: FieldType.Text, label: 'Nom du club', required: true }],
      INSTRUCTOR,
    );
    procedureId = procedure.id;
    nameFieldId = procedure.fields['Nom du club'].stableId;
    // The template checks edit a procedure of their own, so the mails above keep the defaults.
    const other = await publishProcedure(
      admin,
      TEMPLATES_TITLE,
      [{ type: FieldType.Text, label: 'Nom du club' }],
      INSTRUCTOR,
    );
    base = `/api/admin/procedures/${other.id}/mail-templates`;
  }, 60000);

  afterAll(async () => {
    await stack?.close();
  });

  it('sends one e-mail with the motivation in both parts', async () => {
    const { dossier, email } = await dossierInInstruction();
    const motivation = 'Le RIB joint est illisible.\nJoignez aussi les statuts signés.';

    const { returnedMail, emails } = await returnAndReceive(dossier.id, email, motivation);

    expect(emails.map((row) => [row.kind, row.status])).toEqual([
      ['dossier_submitted', 'sent'],
      ['dossier_instruction_started', 'sent'],
      [KIND, 'sent'],
    ]);
    expect(returnedMail.subject).toBe(
      `Votre dossier n° ${dossier.number} est à compléter (${TITLE})`,
    );
    expect(returnedMail.text).toContain(
      'vous le renvoie pour que vous le complétiez ou le corrigiez.\n' +
        'Le RIB joint est illisible.\nJoignez aussi les statuts signés.\n' +
        'Vous pouvez modifier votre dossier ici : ',
    );
    expect(returnedMail.text).toContain(`/dossiers/${dossier.id}`);
    expect(returnedMail.html).toContain(
      'Le RIB joint est illisible.<br>\nJoignez aussi les statuts signés.<br>',
    );
  }, 60000);

  it('reads well without a motivation', async () => {
    const { dossier, email } = await dossierInInstruction();

    const { returnedMail } = await returnAndReceive(dossier.id, email);

    expect(returnedMail.text).toContain(
      'vous le renvoie pour que vous le complétiez ou le corrigiez.\n' +
        'Vous pouvez modifier votre dossier ici : ',
    );
    expect(returnedMail.text).not.toMatch(/\n\s*\n/);
    expect(returnedMail.html).toContain(
      'vous le renvoie pour que vous le complétiez ou le corrigiez.<br>\n' +
        'Vous pouvez modifier votre dossier ici : ',
    );
    expect(returnedMail.html).not.toMatch(/<br>\s*<br>/);
  }, 60000);

  it('sends the template the administrator saved', async () => {
    await admin.put(`/api/admin/procedures/${procedureId}/mail-templates/${KIND}`, {
      subject: 'Dossier n° --numéro du dossier-- : corrections demandées',
      body: 'Bonjour,\nMessage du service : --motivation--\nClub : --Nom du club--',
    });
    const { dossier, email } = await dossierInInstruction();

    const { returnedMail } = await returnAndReceive(dossier.id, email, 'Ajoutez le budget.');

    expect(returnedMail.subject).toBe(`Dossier n° ${dossier.number} : corrections demandées`);
    expect(returnedMail.text).toBe(
      'Bonjour,\nMessage du service : Ajoutez le budget.\nClub : US Exemple',
    );
  }, 60000);

  it('lists six templates with the new default', async () => {
    const { templates } = await admin.get<{ templates: MailTemplateView[] }>(base);

    expect(templates).toHaveLength(6);
    const returned = templates.find((template) => template.kind === KIND);
    expect(returned).toMatchObject({
      isDefault: true,
      subject: 'Votre dossier n° --numéro du dossier-- est à compléter (--libellé démarche--)',
    });
    expect(returned?.body).toContain('--motivation--');
    expect(returned?.body).toContain('--lien dossier--');
  });

  it('previews the default with a sample motivation', async () => {
    const rendered = await admin.post<RenderedEmail>(`${base}/${KIND}/preview`, {}, 200);

    expect(rendered.subject).toBe(`Votre dossier n° 1234 est à compléter (${TEMPLATES_TITLE})`);
    expect(rendered.text).toContain(
      'Ce qu’il faut compléter ou corriger, tel que l’instructeur le saisira.',
    );
    expect(rendered.html).toContain('<html lang="fr">');
  });

  it('saves an edited template and previews it', async () => {
    const saved = await admin.put<MailTemplateView>(`${base}/${KIND}`, {
      subject: 'À compléter : dossier --numéro du dossier--',
      body: 'Bonjour,\nDemande du service : --motivation--\nDepuis le --date de passage en instruction--.',
    });
    const preview = await admin.post<RenderedEmail>(`${base}/${KIND}/preview`, {}, 200);
    const unsaved = await admin.post<RenderedEmail>(
      `${base}/${KIND}/preview`,
      { subject: 'Brouillon --nom du club--', body: 'Texte non enregistré' },
      200,
    );

    expect(saved).toMatchObject({ kind: KIND, isDefault: false });
    expect(preview.subject).toBe('À compléter : dossier 1234');
    expect(preview.text).toContain('Demande du service : Ce qu’il faut compléter');
    expect(unsaved.subject).toBe('Brouillon (valeur du champ « Nom du club »)');
    const { templates } = await admin.get<{ templates: MailTemplateView[] }>(base);
    expect(templates.find((template) => template.kind === KIND)).toMatchObject({
      subject: 'À compléter : dossier --numéro du dossier--',
      isDefault: false,
    });
  });

  it('rejects the decision date tag', async () => {
    const error = await admin.expectError('PUT', `${base}/${KIND}`, 400, 'VALIDATION_FAILED', {
      json: { subject: 'x', body: 'Décidé le --date de décision--' },
    });

    expect(error.details?.fields?.map((field) => field.field)).toEqual(['body']);
  });

  it('rejects an unknown kind with 400', async () => {
    for (const [method, path] of [
      ['PUT', `${base}/dossier_lost`],
      ['POST', `${base}/dossier_lost/preview`],
    ]) {
      const error = await admin.expectError(method, path, 400, 'VALIDATION_FAILED', {
        json: { subject: 'x', body: 'y' },
      });
      expect(error.details?.fields?.[0]?.field).toBe('kind');
      expect(error.details?.fields?.[0]?.message).toContain(KIND);
    }
  });
});
