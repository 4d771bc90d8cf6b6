// The contracts' DTO decorators need the Reflect metadata API before they load.
import 'reflect-metadata';

import type {
  FieldDefinition,
  InstructorView,
  ProcedureSummary,
  ProcedureView,
} from '@tps/contracts';

import {
  DEMO_ACCOUNTS,
  DEMO_ADMIN_EMAIL,
  DEMO_PASSWORD,
  type DemoAccount,
  type FieldFixture,
  PROCEDURE_FIXTURES,
  type ProcedureFixture,
  type ProcedureKey,
} from './fixtures/procedures';
import { ApiClient } from './scenario/api-client';

export interface SeededProcedure {
  key: ProcedureKey;
  id: string;
  path: string;
  title: string;
  /** False when the procedure already existed and was left as it was. */
  created: boolean;
  /** Stable id of each field, by the fixture's field key. */
  fieldIds: Record<string, string>;
}

export interface SeedResult {
  accounts: DemoAccount[];
  password: string;
  procedures: SeededProcedure[];
}

export interface SeedOptions {
  log?: (line: string) => void;
}

/**
 * Creates the demo accounts and publishes the three demo procedures through the gateway's HTTP
 * API only. Running it again changes nothing: accounts that exist are signed in to, and a
 * procedure whose path the administrator already has is kept (its instructors are completed).
 */
export async function seed(gatewayUrl: string, options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  for (const account of DEMO_ACCOUNTS) {
    await new ApiClient(gatewayUrl, account.email).signUpOrIn(account.email, DEMO_PASSWORD);
  }
  log(`demo accounts ready: ${DEMO_ACCOUNTS.map((account) => account.email).join(', ')}`);

  const admin = new ApiClient(gatewayUrl, DEMO_ADMIN_EMAIL);
  await admin.signUpOrIn(DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
  const existing = await admin.get<ProcedureSummary[]>('/api/admin/procedures');

  const procedures: SeededProcedure[] = [];
  for (const fixture of PROCEDURE_FIXTURES) {
    const summary = existing.find((procedure) => procedure.path === fixture.path);
    const seeded = summary
      ? await completeExisting(admin, fixture, summary.id)
      : await createAndPublish(admin, fixture);
    log(`procedure ${seeded.created ? 'created' : 'kept'}: ${fixture.title} (/${fixture.path})`);
    procedures.push(seeded);
  }

  return { accounts: [...DEMO_ACCOUNTS], password: DEMO_PASSWORD, procedures };
}

async function createAndPublish(
  admin: ApiClient,
  fixture: ProcedureFixture,
): Promise<SeededProcedure> {
  const procedure = await admin.post<ProcedureView>(
    '/api/admin/procedures',
    {
      title: fixture.title,
      description: fixture.description,
      organisation: fixture.organisation,
      contactEmail: fixture.contactEmail,
      path: fixture.path,
    },
    201,
  );
  const base = `/api/admin/procedures/${procedure.id}`;
  const fieldIds: Record<string, string> = {};
  for (const field of fixture.fields) {
    const created = await admin.post<FieldDefinition>(
      `${base}/fields`,
      toCreateFieldBody(field),
      201,
    );
    fieldIds[field.key] = created.stableId;
  }
  for (const email of fixture.instructorEmails) {
    await admin.post(`${base}/instructors`, { email }, 201);
  }
  for (const template of fixture.mailTemplates ?? []) {
    await admin.put(`${base}/mail-templates/${template.kind}`, {
      subject: template.subject,
      body: template.body,
    });
  }
  const published = await admin.post<ProcedureView>(`${base}/publish`, undefined, 200);

  return {
    key: fixture.key,
    id: published.id,
    path: published.path,
    title: published.title,
    created: true,
    fieldIds,
  };
}

async function completeExisting(
  admin: ApiClient,
  fixture: ProcedureFixture,
  id: string,
): Promise<SeededProcedure> {
  const base = `/api/admin/procedures/${id}`;
  let procedure = await admin.get<ProcedureView>(base);
  const instructors = await admin.get<InstructorView[]>(`${base}/instructors`);
  for (const email of fixture.instructorEmails) {
    if (!instructors.some((instructor) => instructor.email === email)) {
      await admin.post(`${base}/instructors`, { email }, 201);
    }
  }
  if (procedure.state === 'brouillon') {
    procedure = await admin.post<ProcedureView>(`${base}/publish`, undefined, 200);
  }
  const fields = procedure.publishedRevision?.fields ?? procedure.draftRevision.fields;

  return {
    key: fixture.key,
    id,
    path: procedure.path,
    title: procedure.title,
    created: false,
    fieldIds: mapFieldIdsByLabel(fixture, fields),
  };
}

function toCreateFieldBody(field: FieldFixture): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (field.choices) {
    options.choices = field.choices;
  }
  for (const name of ['min', 'max', 'maxLength'] as const) {
    if (field[name] !== undefined) {
      options[name] = field[name];
    }
  }
  const body: Record<string, unknown> = { type: field.type, label: field.label };
  if (field.description !== undefined) {
    body.description = field.description;
  }
  if (field.required !== undefined) {
    body.required = field.required;
  }
  if (Object.keys(options).length > 0) {
    body.options = options;
  }

  return body;
}

/** Finds each fixture field in a stored revision by its label, which is unique per procedure. */
function mapFieldIdsByLabel(
  fixture: ProcedureFixture,
  fields: FieldDefinition[],
): Record<string, string> {
  const fieldIds: Record<string, string> = {};
  for (const field of fixture.fields) {
    const stored = fields.find((candidate) => candidate.label === field.label);
    if (!stored) {
      throw new Error(
        `procedure /${fixture.path} exists but has no field labelled « ${field.label} »: ` +
          'it was changed by hand; delete it or give it another path',
      );
    }
    fieldIds[field.key] = stored.stableId;
  }

  return fieldIds;
}

/** `node dist/scripts/seed.js` seeds the platform at GATEWAY_URL (default http://localhost:3000). */
// `require` is undefined when Jest loads this file as an ES module.
if (typeof require !== 'undefined' && require.main === module) {
  const gatewayUrl = process.env.GATEWAY_URL ?? 'http://localhost:3000';
  seed(gatewayUrl, { log: (line) => console.log(line) }).catch((error: unknown) => {
    console.error(`seed failed: ${(error as Error).message}`);
    process.exit(1);
  });
}
