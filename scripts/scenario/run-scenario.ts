import {
  type AttachmentView,
  type DossierState,
  type DossierView,
  type EmailView,
  type MailTemplateKind,
  normalizeFieldValue,
  type PublicProcedureView,
} from '@tps/contracts';

import { DEMO_INSTRUCTOR_EMAIL, DEMO_PASSWORD } from '../fixtures/procedures';
import { seed, type SeededProcedure } from '../seed';
import { ApiClient } from './api-client';
import {
  DOSSIER_PLANS,
  type DossierPlan,
  expectedMailKinds,
  expectedState,
  type PlannedAttachment,
} from './dossier-plans';
import { buildMinimalPdf } from './minimal-pdf';
import { checkRejections } from './rejection-checks';
import { printReport } from './scenario-report';

export interface ScenarioOptions {
  gatewayUrl: string;
  /** Number of mails caught so far by the SMTP server, when the caller can read it. */
  mailbox?: () => Promise<number> | number;
  log?: (line: string) => void;
  /** How long to wait for the e-mails of the scenario to be sent, in milliseconds. */
  emailTimeoutMs?: number;
}

/** One dossier the scenario played. */
export interface ScenarioDossier {
  ref: string;
  id: string;
  number: number;
  procedureTitle: string;
  applicantEmail: string;
  state: DossierState;
  archived: boolean;
  /** Kinds of the e-mails the applicant must receive for this dossier, in order. */
  expectedEmails: MailTemplateKind[];
  /** E-mails the notifications service reports as sent (empty for a draft). */
  emails: EmailView[];
}

export interface ScenarioResult {
  dossiers: ScenarioDossier[];
  countsByState: Record<DossierState, number>;
  archived: number;
  emailsByKind: Partial<Record<MailTemplateKind, number>>;
  emailsSent: number;
  /** Mails that reached the SMTP server during the run; undefined without `mailbox`. */
  mailboxReceived?: number;
  /** Number of rejected inputs checked against their documented 4xx status. */
  rejectionsChecked: number;
}

export interface PlayedDossier {
  plan: DossierPlan;
  procedure: SeededProcedure;
  applicant: ApiClient;
  dossier: DossierView;
  /** Files uploaded while filling the dossier, with the bytes sent. */
  uploads: { attachment: AttachmentView; content: Buffer }[];
}

const DEFAULT_EMAIL_TIMEOUT_MS = 30000;

/**
 * Plays the three demo procedures through the gateway's HTTP API only. It seeds them, and each
 * applicant fills a dossier over several saves with attachments. The instructor then takes the
 * dossiers through every outcome, and the run checks documented rejections and waits for the
 * e-mails. Throws at the first unexpected response, naming the call.
 */
export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const mailboxBefore = options.mailbox ? await options.mailbox() : 0;

  const seeded = await seed(options.gatewayUrl, { log });
  const procedures = new Map(seeded.procedures.map((procedure) => [procedure.key, procedure]));

  const played: PlayedDossier[] = [];
  for (const plan of DOSSIER_PLANS) {
    const procedure = procedures.get(plan.procedure);
    if (!procedure) {
      throw new Error(`the seed returned no procedure ${plan.procedure}`);
    }
    played.push(await fillDossier(options.gatewayUrl, plan, procedure));
    log(`${plan.ref} ${plan.applicant.email}: dossier ${played.at(-1)?.dossier.number} filled`);
  }

  const instructor = new ApiClient(options.gatewayUrl, DEMO_INSTRUCTOR_EMAIL);
  await instructor.signUpOrIn(DEMO_INSTRUCTOR_EMAIL, DEMO_PASSWORD);
  for (const entry of played) {
    await instruct(instructor, entry);
  }
  await checkDownloads(instructor, played);
  const rejectionsChecked = await checkRejections(instructor, played);
  log(`${rejectionsChecked} rejected inputs answered with their documented status`);
  for (const entry of played) {
    if (['accepte', 'refuse', 'sans_suite'].includes(entry.plan.outcome.kind)) {
      await instructor.post(
        `/api/instructor/dossiers/${entry.dossier.id}/archive`,
        { archived: true },
        200,
      );
    }
  }

  const dossiers = await collectResults(
    instructor,
    played,
    options.emailTimeoutMs ?? DEFAULT_EMAIL_TIMEOUT_MS,
  );
  const result = summarise(dossiers, rejectionsChecked);
  if (options.mailbox) {
    result.mailboxReceived = await waitForMailbox(
      options.mailbox,
      mailboxBefore,
      result.emailsSent,
    );
  }
  printReport(result, log);

  return result;
}

async function fillDossier(
  gatewayUrl: string,
  plan: DossierPlan,
  procedure: SeededProcedure,
): Promise<PlayedDossier> {
  const applicant = new ApiClient(gatewayUrl, plan.applicant.email);
  await applicant.signUpOrIn(plan.applicant.email, DEMO_PASSWORD);
  const publicView = await applicant.get<PublicProcedureView>(`/api/procedures/${procedure.path}`);
  if (publicView.state !== 'publiee' || publicView.id !== procedure.id) {
    throw new Error(
      `${plan.ref}: GET /api/procedures/${procedure.path} returned state ${publicView.state}, id ${publicView.id}`,
    );
  }
  let dossier = await applicant.post<DossierView>(
    `/api/procedures/${procedure.id}/dossiers`,
    undefined,
    201,
  );
  expectDossierState(plan.ref, dossier, 'brouillon');

  for (const step of plan.steps) {
    const values = toStableIds(plan, procedure, step);
    dossier = await applicant.patch<DossierView>(`/api/dossiers/${dossier.id}/fields`, { values });
    expectStoredValues(plan.ref, dossier, values);
  }
  const uploads: PlayedDossier['uploads'] = [];
  for (const attachment of plan.attachments) {
    uploads.push(await upload(applicant, dossier.id, procedure, attachment));
  }
  if (plan.outcome.kind !== 'brouillon') {
    dossier = await applicant.post<DossierView>(
      `/api/dossiers/${dossier.id}/submit`,
      undefined,
      200,
    );
    expectDossierState(plan.ref, dossier, 'en_construction');
  }

  return { plan, procedure, applicant, dossier, uploads };
}

/** Moves one submitted dossier to its planned outcome as the instructor. */
async function instruct(instructor: ApiClient, entry: PlayedDossier): Promise<void> {
  const { plan, dossier } = entry;
  const outcome = plan.outcome;
  if (outcome.kind === 'brouillon' || outcome.kind === 'en_construction') {
    return;
  }
  const transition = (action: string, motivation?: string): Promise<DossierView> =>
    instructor.post<DossierView>(
      `/api/instructor/dossiers/${dossier.id}/transitions`,
      { action, motivation },
      200,
    );

  const current = await instructor.get<DossierView>(`/api/instructor/dossiers/${dossier.id}`);
  const started = await instructor.post<DossierView>(
    `/api/instructor/dossiers/${dossier.id}/transitions`,
    { action: 'passer_en_instruction', expectedVersion: current.version },
    200,
  );
  expectDossierState(plan.ref, started, 'en_instruction');

  let final: DossierView = started;
  switch (outcome.kind) {
    case 'accepte':
      final = await transition('accepter', outcome.motivation);
      break;
    case 'refuse':
      final = await transition('refuser', outcome.motivation);
      break;
    case 'sans_suite':
      final = await transition('classer_sans_suite', outcome.motivation);
      break;
    case 'aller_retour': {
      expectDossierState(
        plan.ref,
        await transition('repasser_en_construction', outcome.request),
        'en_construction',
      );
      await correctDossier(entry, outcome.correction, outcome.replacedAttachment);
      final = await transition('passer_en_instruction');
      break;
    }
    case 'en_instruction':
      break;
  }
  expectDossierState(plan.ref, final, expectedState(outcome));
}

/** Applies the applicant's correction while en construction: changes values and replaces a file. */
async function correctDossier(
  entry: PlayedDossier,
  correction: Record<string, unknown>,
  replacement: PlannedAttachment,
): Promise<void> {
  const { plan, procedure, applicant } = entry;
  const values = toStableIds(plan, procedure, correction);
  const dossier = await applicant.patch<DossierView>(`/api/dossiers/${entry.dossier.id}/fields`, {
    values,
  });
  expectStoredValues(plan.ref, dossier, values);

  const fieldId = fieldIdOf(plan, procedure, replacement.fieldKey);
  const field = dossier.fields.find((candidate) => candidate.definition.stableId === fieldId);
  // The new file goes in first, because the dossiers service rejects removing the only file of a
  // required field from a submitted dossier.
  await upload(applicant, dossier.id, procedure, replacement);
  for (const old of field?.attachments ?? []) {
    await applicant.delete(`/api/dossiers/${dossier.id}/attachments/${old.id}`);
  }
}

async function upload(
  applicant: ApiClient,
  dossierId: string,
  procedure: SeededProcedure,
  attachment: PlannedAttachment,
): Promise<{ attachment: AttachmentView; content: Buffer }> {
  const content = buildMinimalPdf(attachment.title, attachment.lines);
  const form = new FormData();
  form.append('file', new Blob([content], { type: 'application/pdf' }), attachment.filename);
  const fieldId = procedure.fieldIds[attachment.fieldKey];
  const path = `/api/dossiers/${dossierId}/fields/${fieldId}/attachments`;
  const { body } = await applicant.request<AttachmentView>('POST', path, { form, expect: 201 });
  if (body.sizeBytes !== content.length || body.contentType !== 'application/pdf') {
    throw new Error(
      `${applicant.label}: POST ${path} stored ${body.sizeBytes} bytes of ${body.contentType}, ` +
        `expected ${content.length} bytes of application/pdf`,
    );
  }

  return { attachment: body, content };
}

/** Downloads every file of the submitted dossiers as the instructor and compares the bytes. */
async function checkDownloads(instructor: ApiClient, played: PlayedDossier[]): Promise<void> {
  for (const { plan, dossier, uploads } of played) {
    if (plan.outcome.kind === 'brouillon' || plan.outcome.kind === 'aller_retour') {
      continue;
    }
    for (const { attachment, content } of uploads) {
      const path = `/api/instructor/dossiers/${dossier.id}/attachments/${attachment.id}`;
      const downloaded = await instructor.download(path);
      if (!downloaded.equals(content)) {
        throw new Error(
          `${plan.ref}: GET ${path} returned ${downloaded.length} bytes that differ from the ${content.length} uploaded`,
        );
      }
    }
  }
}

/** Re-reads every dossier, waits until its e-mails are sent, and checks state and archive flag. */
async function collectResults(
  instructor: ApiClient,
  played: PlayedDossier[],
  emailTimeoutMs: number,
): Promise<ScenarioDossier[]> {
  const deadline = Date.now() + emailTimeoutMs;
  const results: ScenarioDossier[] = [];
  for (const { plan, applicant, dossier } of played) {
    const current = await applicant.get<DossierView>(`/api/dossiers/${dossier.id}`);
    expectDossierState(plan.ref, current, expectedState(plan.outcome));
    const shouldBeArchived = ['accepte', 'refuse', 'sans_suite'].includes(plan.outcome.kind);
    if (current.archived !== shouldBeArchived) {
      throw new Error(
        `${plan.ref}: dossier ${current.number} archived=${current.archived}, expected ${shouldBeArchived}`,
      );
    }
    const expectedEmails = expectedMailKinds(plan.outcome);
    const emails =
      expectedEmails.length === 0
        ? []
        : await waitForEmails(instructor, plan.ref, current.id, expectedEmails, deadline);
    results.push({
      ref: plan.ref,
      id: current.id,
      number: current.number,
      procedureTitle: current.procedureTitle,
      applicantEmail: current.applicantEmail,
      state: current.state,
      archived: current.archived,
      expectedEmails,
      emails,
    });
  }

  return results;
}

async function waitForEmails(
  instructor: ApiClient,
  ref: string,
  dossierId: string,
  expected: MailTemplateKind[],
  deadline: number,
): Promise<EmailView[]> {
  const path = `/api/instructor/dossiers/${dossierId}/emails`;
  const expectedKinds = [...expected].sort().join(', ');
  let sent: EmailView[] = [];
  let all: EmailView[] = [];
  while (Date.now() < deadline) {
    all = await instructor.get<EmailView[]>(path);
    sent = all.filter((email) => email.status === 'sent');
    if (all.length > expected.length) {
      break;
    }
    if (sent.length === expected.length) {
      const kinds = sent
        .map((email) => email.kind)
        .sort()
        .join(', ');
      if (kinds === expectedKinds) {
        return sent;
      }
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const found = all.map(
    (email) => `${email.kind} (${email.status}${email.lastError ? `: ${email.lastError}` : ''})`,
  );
  throw new Error(
    `${ref}: GET ${path} lists [${found.join(', ')}], expected sent [${expectedKinds}]`,
  );
}

async function waitForMailbox(
  mailbox: () => Promise<number> | number,
  before: number,
  expected: number,
): Promise<number> {
  const deadline = Date.now() + 10000;
  let received = (await mailbox()) - before;
  while (received < expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    received = (await mailbox()) - before;
  }

  return received;
}

function summarise(dossiers: ScenarioDossier[], rejectionsChecked: number): ScenarioResult {
  const countsByState: Record<DossierState, number> = {
    brouillon: 0,
    en_construction: 0,
    en_instruction: 0,
    accepte: 0,
    refuse: 0,
    sans_suite: 0,
  } as Record<DossierState, number>;
  const emailsByKind: Partial<Record<MailTemplateKind, number>> = {};
  let emailsSent = 0;
  for (const dossier of dossiers) {
    countsByState[dossier.state] += 1;
    for (const email of dossier.emails) {
      emailsByKind[email.kind] = (emailsByKind[email.kind] ?? 0) + 1;
      emailsSent += 1;
    }
  }
  const archived = dossiers.filter((dossier) => dossier.archived).length;

  return { dossiers, countsByState, archived, emailsByKind, emailsSent, rejectionsChecked };
}

export function fieldIdOf(plan: DossierPlan, procedure: SeededProcedure, key: string): string {
  const id = procedure.fieldIds[key];
  if (!id) {
    throw new Error(`${plan.ref}: procedure ${procedure.key} has no field ${key}`);
  }

  return id;
}

function toStableIds(
  plan: DossierPlan,
  procedure: SeededProcedure,
  values: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [fieldIdOf(plan, procedure, key), value]),
  );
}

export function expectDossierState(ref: string, dossier: DossierView, state: string): void {
  if (dossier.state !== state) {
    throw new Error(`${ref}: dossier ${dossier.number} is ${dossier.state}, expected ${state}`);
  }
}

/** Checks that each value sent was stored the way the shared field rules normalise it. */
function expectStoredValues(
  ref: string,
  dossier: DossierView,
  sent: Record<string, unknown>,
): void {
  for (const [stableId, raw] of Object.entries(sent)) {
    const field = dossier.fields.find((candidate) => candidate.definition.stableId === stableId);
    if (!field) {
      throw new Error(`${ref}: dossier ${dossier.number} has no field ${stableId}`);
    }
    const expected = normalizeFieldValue(field.definition, raw);
    if (!expected.ok) {
      throw new Error(
        `${ref}: the scenario sent an invalid value for « ${field.definition.label} »: ${expected.message}`,
      );
    }
    if (JSON.stringify(field.value) !== JSON.stringify(expected.value)) {
      throw new Error(
        `${ref}: « ${field.definition.label} » stored ${JSON.stringify(field.value)} ` +
          `for ${JSON.stringify(raw)}, expected ${JSON.stringify(expected.value)}`,
      );
    }
  }
}
