import type { DossierView, FieldDefinition, ProcedureView } from '@tps/contracts';
import type { ParsedMail } from 'mailparser';

import { ApiClient } from '../../scripts/scenario/api-client';

/** Password of every account the end-to-end tests create. */
export const E2E_PASSWORD = 'mot-de-passe-e2e-2026';

export async function signedIn(gatewayUrl: string, email: string): Promise<ApiClient> {
  const client = new ApiClient(gatewayUrl, email);
  await client.signUpOrIn(email, E2E_PASSWORD);

  return client;
}

export interface CreatedProcedure {
  id: string;
  path: string;
  /** Definition of each field (with its stable id), by label. */
  fields: Record<string, FieldDefinition>;
}

/** Creates, fills and publishes a procedure as `admin`, with `instructorEmail` as its instructor. */
export async function publishProcedure(
  admin: ApiClient,
  title: string,
  fields: Record<string, unknown>[],
  instructorEmail: string,
): Promise<CreatedProcedure> {
  const procedure = await admin.post<ProcedureView>(
    '/api/admin/procedures',
    {
      title,
      description: `Démarche créée par les tests de bout en bout : ${title}.`,
      organisation: 'Ministère des tests',
      contactEmail: 'contact@tests.tps.local',
    },
    201,
  );
  const base = `/api/admin/procedures/${procedure.id}`;
  const created: Record<string, FieldDefinition> = {};
  for (const field of fields) {
    const definition = await admin.post<FieldDefinition>(`${base}/fields`, field, 201);
    created[definition.label] = definition;
  }
  await admin.post(`${base}/instructors`, { email: instructorEmail }, 201);
  const published = await admin.post<ProcedureView>(`${base}/publish`, undefined, 200);

  return { id: published.id, path: published.path, fields: created };
}

export function recipients(mail: ParsedMail): string[] {
  let list = mail.to ?? [];
  if (!Array.isArray(list)) {
    list = [list];
  }

  return list.flatMap((entry) =>
    entry.value.map((address) => (address.address ?? '').toLowerCase()),
  );
}

/** Extracts what a dossier stores (state, version, values, attachment ids) for before/after comparisons. */
export function storedData(dossier: DossierView): Record<string, unknown> {
  return {
    state: dossier.state,
    version: dossier.version,
    updatedAt: dossier.updatedAt,
    values: Object.fromEntries(
      dossier.fields.map((field) => [field.definition.stableId, field.value]),
    ),
    attachments: Object.fromEntries(
      dossier.fields.map((field) => [
        field.definition.stableId,
        (field.attachments ?? []).map((file) => file.id),
      ]),
    ),
  };
}
