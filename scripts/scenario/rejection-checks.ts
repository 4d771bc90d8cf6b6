import type { DossierView } from '@tps/contracts';

import type { ApiClient } from './api-client';
import type { PlayedDossier } from './run-scenario';

/**
 * Sends requests that the platform must reject, each with its documented status and code, after
 * the instructor has moved the dossiers. Returns how many were checked, and throws at the first
 * request that gets any other response.
 */
export async function checkRejections(
  instructor: ApiClient,
  played: PlayedDossier[],
): Promise<number> {
  const byRef = (ref: string): PlayedDossier => {
    const entry = played.find((candidate) => candidate.plan.ref === ref);
    if (!entry) {
      throw new Error(`the scenario has no dossier ${ref}`);
    }

    return entry;
  };
  const accepted = byRef('T1');
  const otherApplicant = byRef('T2');
  const submitted = byRef('T3');
  const draft = byRef('T4');
  const inInstruction = byRef('P3');
  const transitions = (entry: PlayedDossier): string =>
    `/api/instructor/dossiers/${entry.dossier.id}/transitions`;
  let checked = 0;

  // Decisions are only taken in instruction.
  const wrongState = await instructor.expectError(
    'POST',
    transitions(submitted),
    409,
    'INVALID_TRANSITION',
    {
      json: { action: 'accepter' },
    },
  );
  expectEqual(
    'details.currentState of a wrong-state transition',
    wrongState.details?.currentState,
    'en_construction',
  );
  checked += 1;
  await instructor.expectError('POST', transitions(accepted), 409, 'INVALID_TRANSITION', {
    json: { action: 'refuser', motivation: 'Refus après acceptation' },
  });
  checked += 1;

  // A stale version loses against the current one.
  const current = await instructor.get<DossierView>(
    `/api/instructor/dossiers/${inInstruction.dossier.id}`,
  );
  const stale = await instructor.expectError('POST', transitions(inInstruction), 409, 'CONFLICT', {
    json: { action: 'accepter', expectedVersion: current.version - 1 },
  });
  expectEqual(
    'details.currentVersion of a stale transition',
    stale.details && (stale.details as { currentVersion?: number }).currentVersion,
    current.version,
  );
  checked += 1;

  // A refusal needs its motivation.
  await instructor.expectError('POST', transitions(inInstruction), 400, 'VALIDATION_FAILED', {
    json: { action: 'refuser' },
  });
  checked += 1;

  // Another applicant's dossier does not exist for this applicant, read or written.
  const foreign = `/api/dossiers/${accepted.dossier.id}`;
  await otherApplicant.applicant.expectError('GET', foreign, 404, 'NOT_FOUND');
  await otherApplicant.applicant.expectError('PATCH', `${foreign}/fields`, 404, 'NOT_FOUND', {
    json: { values: {} },
  });
  await otherApplicant.applicant.expectError('POST', `${foreign}/submit`, 404, 'NOT_FOUND');
  checked += 3;

  // An applicant is not an instructor of the procedure.
  await accepted.applicant.expectError(
    'GET',
    `/api/instructor/dossiers/${accepted.dossier.id}`,
    404,
    'NOT_FOUND',
  );
  checked += 1;

  // A draft missing required fields cannot be submitted; the error lists them.
  const incomplete = await draft.applicant.expectError(
    'POST',
    `/api/dossiers/${draft.dossier.id}/submit`,
    400,
    'VALIDATION_FAILED',
  );
  if (!incomplete.details?.fields?.length) {
    throw new Error(
      `T4: submitting an incomplete draft returned no details.fields: ${JSON.stringify(incomplete)}`,
    );
  }
  checked += 1;

  // A decided dossier is no longer editable by its applicant.
  const edit = await accepted.applicant.request<{ code?: string }>('PATCH', `${foreign}/fields`, {
    json: { values: { [accepted.procedure.fieldIds.nom]: 'Moreau-Durand' } },
    expect: 409,
  });
  if (!['INVALID_TRANSITION', 'CONFLICT'].includes(edit.body?.code ?? '')) {
    throw new Error(
      `T1: editing an accepted dossier returned 409 with code ${String(edit.body?.code)}`,
    );
  }
  checked += 1;

  return checked;
}

function expectEqual(description: string, actual: unknown, expected: unknown): void {
  if (actual !== expected) {
    throw new Error(
      `${description} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`,
    );
  }
}
