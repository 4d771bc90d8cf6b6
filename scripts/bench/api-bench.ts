import type { DossierView } from '@tps/contracts';

import { DEMO_INSTRUCTOR_EMAIL, DEMO_PASSWORD } from '../fixtures/procedures';
import { ApiClient } from '../scenario/api-client';
import { buildMinimalPdf } from '../scenario/minimal-pdf';
import type { SeededProcedure } from '../seed';
import { type LatencySummary, measure } from './latency';

/**
 * Latency of the applicant and instructor calls over HTTP through the gateway, on dossiers of the
 * « secrétaire général » procedure (its only required attachment is uploaded during the set-up).
 */

export interface ApiBenchOptions {
  gatewayUrl: string;
  procedure: SeededProcedure;
  /** Concurrent HTTP clients. Each applicant client signs in as its own account. */
  concurrency: number;
  /** Dossiers created, then submitted and taken into instruction once each. */
  dossiers: number;
  patches: number;
  reads: number;
}

export interface ApiBenchResult {
  setupMs: number;
  rows: (LatencySummary & { firstError?: string })[];
}

const DIPLOMA = 'Niveau 7 (bac + 5 : master, diplôme d’ingénieur)';

export async function runApiBench(options: ApiBenchOptions): Promise<ApiBenchResult> {
  const { gatewayUrl, procedure, concurrency } = options;
  const field = (key: string): string => {
    const id = procedure.fieldIds[key];
    if (!id) {
      throw new Error(`the seeded procedure /${procedure.path} has no field ${key}`);
    }

    return id;
  };

  const setupStart = performance.now();
  const applicants: ApiClient[] = [];
  for (let i = 0; i < concurrency; i += 1) {
    const email = `bench-applicant-${i}@bench.tps.local`;
    const client = new ApiClient(gatewayUrl, email);
    await client.signUpOrIn(email, DEMO_PASSWORD);
    applicants.push(client);
  }
  const instructor = new ApiClient(gatewayUrl, DEMO_INSTRUCTOR_EMAIL);
  await instructor.signUpOrIn(DEMO_INSTRUCTOR_EMAIL, DEMO_PASSWORD);

  const owner = (index: number): ApiClient => applicants[index % concurrency];
  const dossierIds: string[] = new Array<string>(options.dossiers);
  const cv = buildMinimalPdf('Curriculum vitae', ['Candidat du banc d’essai']);
  const setup = await measure(
    'set-up: create dossier + upload CV',
    options.dossiers,
    concurrency,
    async (index) => {
      const client = owner(index);
      const dossier = await client.post<DossierView>(
        `/api/procedures/${procedure.id}/dossiers`,
        undefined,
        201,
      );
      dossierIds[index] = dossier.id;
      const form = new FormData();
      form.append('file', new Blob([cv], { type: 'application/pdf' }), 'cv.pdf');
      await client.request(
        'POST',
        `/api/dossiers/${dossier.id}/fields/${field('cv')}/attachments`,
        {
          form,
          expect: 201,
        },
      );
    },
  );
  if (setup.errors > 0) {
    throw new Error(
      `creating the benchmark dossiers failed ${setup.errors} times: ${setup.firstError}`,
    );
  }
  const setupMs = performance.now() - setupStart;

  // Each save sends the whole form, as the web front end does after a change.
  const patch = await measure(
    'PATCH /api/dossiers/:id/fields',
    options.patches,
    concurrency,
    async (index) => {
      const dossier = index % options.dossiers;
      await owner(dossier).patch(`/api/dossiers/${dossierIds[dossier]}/fields`, {
        values: {
          [field('civilite')]: 'Mme',
          [field('nom')]: `Martin-${index}`,
          [field('prenoms')]: 'Isabelle Marie',
          [field('dateNaissance')]: '1978-06-21',
          [field('email')]: `candidate-${index}@bench.tps.local`,
          [field('telephone')]: '01 44 35 20 00',
          [field('niveauDiplome')]: DIPLOMA,
          [field('anneesExperience')]: 12,
          [field('declarationHonneur')]: true,
        },
      });
    },
  );
  const submit = await measure(
    'POST /api/dossiers/:id/submit',
    options.dossiers,
    concurrency,
    async (index) => {
      await owner(index).post(`/api/dossiers/${dossierIds[index]}/submit`, undefined, 200);
    },
  );
  const transition = await measure(
    'POST …/transitions (en instruction)',
    options.dossiers,
    concurrency,
    async (index) => {
      await instructor.post(
        `/api/instructor/dossiers/${dossierIds[index]}/transitions`,
        { action: 'passer_en_instruction' },
        200,
      );
    },
  );
  const read = await measure('GET /api/dossiers/:id', options.reads, concurrency, async (index) => {
    const dossier = index % options.dossiers;
    await owner(dossier).get(`/api/dossiers/${dossierIds[dossier]}`);
  });

  return { setupMs, rows: [patch, submit, transition, read] };
}
