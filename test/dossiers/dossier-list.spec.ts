import 'reflect-metadata';

import { jest } from '@jest/globals';
import {
  type DossierCountByState,
  type DossierPage,
  DossierState,
  DossierSubjects,
  type DossierView,
  ErrorCode,
  FieldType,
  InstructorAction,
  type PublicProcedureView,
} from '@tps/contracts';

import { DossiersHarness, fieldId, userActor } from './dossiers-harness';

jest.setTimeout(60000);

const DOSSIER_COUNT = 23;

describe('instructor dossier list', () => {
  const harness = new DossiersHarness();
  const administrator = userActor('admin');
  const applicant = userActor('usager');
  const instructor = userActor('instructeur');
  const outsider = userActor('etranger');
  let procedure: PublicProcedureView;
  const submitted: DossierView[] = [];

  beforeAll(async () => {
    await harness.start();
    procedure = await harness.publishProcedure(
      administrator,
      [{ type: FieldType.Text, label: 'Nom', required: true }],
      [instructor],
    );
    const name = fieldId(procedure, 'Nom');
    for (let index = 0; index < DOSSIER_COUNT; index++) {
      submitted.push(
        await harness.submittedDossier(applicant, procedure, { [name]: `Dossier ${index}` }),
      );
    }
    // A brouillon never shows up in instructor lists or counts.
    await harness.send(DossierSubjects.create, applicant, { procedureId: procedure.id });
  });

  afterAll(async () => {
    await harness.stop();
  });

  const listPage = (payload: Record<string, unknown>) =>
    harness.send<DossierPage>(DossierSubjects.listForProcedure, instructor, {
      procedureId: procedure.id,
      ...payload,
    });

  it('pages through every dossier once, newest first', async () => {
    const seen: string[] = [];
    const updatedAts: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: DossierPage = await listPage({ limit: 10, ...(cursor ? { cursor } : {}) });
      pages++;
      seen.push(...page.items.map((item) => item.id));
      updatedAts.push(...page.items.map((item) => item.updatedAt));
      cursor = page.nextCursor;
    } while (cursor);

    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(DOSSIER_COUNT);
    expect(seen.sort()).toEqual(submitted.map((dossier) => dossier.id).sort());
    expect([...updatedAts].sort().reverse()).toEqual(updatedAts);
  });

  it('keeps its place when a listed dossier changes', async () => {
    const first = await listPage({ limit: 5 });
    // The newest dossier changes again, so it moves before the cursor: the next page skips it.
    await harness.send(DossierSubjects.transition, instructor, {
      dossierId: first.items[0].id,
      action: InstructorAction.PasserEnInstruction,
    });
    const second = await listPage({ limit: 5, cursor: first.nextCursor });

    const firstIds = first.items.map((item) => item.id);
    expect(second.items.some((item) => firstIds.includes(item.id))).toBe(false);
    expect(second.items).toHaveLength(5);
  });

  it('filters by state', async () => {
    const page = await listPage({ state: DossierState.EnInstruction });

    expect(page.items.map((item) => item.state)).toEqual([DossierState.EnInstruction]);
    expect(page.nextCursor).toBeNull();
  });

  it('counts dossiers by state', async () => {
    const counts = await harness.send<DossierCountByState>(
      DossierSubjects.countByState,
      instructor,
      {
        procedureId: procedure.id,
      },
    );

    expect(counts).toEqual({
      brouillon: 0,
      en_construction: DOSSIER_COUNT - 1,
      en_instruction: 1,
      accepte: 0,
      refuse: 0,
      sans_suite: 0,
      archived: 0,
    });
  });

  it('rejects a forged cursor', async () => {
    const error = await harness.fail(DossierSubjects.listForProcedure, instructor, {
      procedureId: procedure.id,
      cursor: Buffer.from('["hier","x"]').toString('base64url'),
    });

    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.details?.fields?.[0]?.field).toBe('cursor');
  });

  it('hides the list from non-instructors', async () => {
    for (const subject of [DossierSubjects.listForProcedure, DossierSubjects.countByState]) {
      const error = await harness.fail(subject, outsider, { procedureId: procedure.id });
      expect(error.code).toBe(ErrorCode.NotFound);
    }
  });

  it.each([
    ['with a state', `AND state = 'en_construction'`],
    ['without a state', `AND state <> 'brouillon'`],
  ])('reads a deep page %s from an index', async (_case, stateFilter) => {
    // Seq scans are disabled so the plan shows whether an index can serve this query at all.
    await harness.db.query('SET enable_seqscan = off');
    const { rows } = await harness.db.query(
      `EXPLAIN SELECT * FROM dossiers.dossier
       WHERE procedure_id = $1 AND archived = false ${stateFilter}
         AND (updated_at, id) < ($2::timestamptz, $3::uuid)
       ORDER BY updated_at DESC, id DESC LIMIT 51`,
      [procedure.id, new Date().toISOString(), submitted[0].id],
    );
    await harness.db.query('RESET enable_seqscan');
    const plan = rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');

    // On a table this small the planner may serve a state filter from either index. Both return
    // the rows in keyset order, so the plan needs no sort step.
    expect(plan).toMatch(/Index Scan using dossier_instructor_(list|all_states)_idx/);
    expect(plan).not.toContain('Sort');
  });

  // Last, because the extra dossier would change the counts checked above.
  describe('search', () => {
    const other = userActor('camille_50%');
    let othersDossier: DossierView;

    beforeAll(async () => {
      othersDossier = await harness.submittedDossier(other, procedure, {
        [fieldId(procedure, 'Nom')]: 'Autre demandeur',
      });
    });

    it('finds a dossier by its number, written in any usual way', async () => {
      const wanted = submitted[7];
      for (const search of [String(wanted.number), `n° ${wanted.number}`, ` #${wanted.number} `]) {
        const page = await listPage({ search });

        expect(page.items.map((item) => item.id)).toEqual([wanted.id]);
      }
    });

    it('finds dossiers by part of the applicant e-mail, ignoring case', async () => {
      const page = await listPage({ search: 'CAMILLE' });

      expect(page.items.map((item) => item.id)).toEqual([othersDossier.id]);
    });

    it('takes % and _ literally', async () => {
      expect((await listPage({ search: 'camille_50%' })).items).toHaveLength(1);
      expect((await listPage({ search: 'c%e' })).items).toHaveLength(0);
    });

    it('pages through search results like the full list', async () => {
      const first = await listPage({ search: 'usager', limit: 10 });
      const second = await listPage({ search: 'usager', limit: 10, cursor: first.nextCursor });

      expect(first.items).toHaveLength(10);
      expect(second.items.some((item) => first.items.some((seen) => seen.id === item.id))).toBe(
        false,
      );
      expect(
        [...first.items, ...second.items].every((item) => item.applicantEmail === applicant.email),
      ).toBe(true);
    });
  });
});
