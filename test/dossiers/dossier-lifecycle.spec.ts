import 'reflect-metadata';

import { jest } from '@jest/globals';

import { randomUUID } from 'node:crypto';

import {
  type Actor,
  DossierState,
  DossierSubjects,
  type DossierView,
  ErrorCode,
  FieldType,
  InstructorAction,
  ProcedureSubjects,
  type PublicProcedureView,
} from '@tps/contracts';

import { DossiersHarness, fieldId, userActor } from './dossiers-harness';

jest.setTimeout(60000);

describe('dossiers life cycle', () => {
  const harness = new DossiersHarness();
  const administrator = userActor('admin');
  const applicant = userActor('usager');
  const otherApplicant = userActor('autre-usager');
  const instructor = userActor('instructeur');
  const secondInstructor = userActor('instructeur-bis');
  const outsider = userActor('etranger');
  let procedure: PublicProcedureView;
  let otherProcedure: PublicProcedureView;
  let name: string;
  let amount: string;
  let birthDate: string;
  let section: string;

  const complete = () => ({ [name]: 'Dupont', [amount]: '1 234,5' });
  const transition = (
    actor: Actor,
    dossierId: string,
    action: InstructorAction,
    extra: object = {},
  ) =>
    harness.send<DossierView>(DossierSubjects.transition, actor, { dossierId, action, ...extra });

  beforeAll(async () => {
    await harness.start();
    procedure = await harness.publishProcedure(
      administrator,
      [
        { type: FieldType.HeaderSection, label: 'Identité' },
        { type: FieldType.Text, label: 'Nom', required: true },
        { type: FieldType.Decimal, label: 'Montant', required: true },
        { type: FieldType.Date, label: 'Date de naissance' },
      ],
      [instructor, secondInstructor],
    );
    otherProcedure = await harness.publishProcedure(
      administrator,
      [{ type: FieldType.Text, label: 'Autre' }],
      [outsider],
    );
    section = fieldId(procedure, 'Identité');
    name = fieldId(procedure, 'Nom');
    amount = fieldId(procedure, 'Montant');
    birthDate = fieldId(procedure, 'Date de naissance');
  });

  afterAll(async () => {
    await harness.stop();
  });

  describe('create', () => {
    it('starts a brouillon pinned to the published revision', async () => {
      const dossier = await harness.send<DossierView>(DossierSubjects.create, applicant, {
        procedureId: procedure.id,
      });

      expect(dossier.state).toBe(DossierState.Brouillon);
      expect(dossier.revisionId).toBe(procedure.publishedRevision?.id);
      expect(dossier.number).toBeGreaterThan(0);
      expect(dossier.applicantEmail).toBe(applicant.email);
      expect(dossier.procedureTitle).toBe(procedure.title);
      expect(dossier.fields.map((field) => field.definition.stableId)).toEqual([
        section,
        name,
        amount,
        birthDate,
      ]);
      expect(dossier.fields.every((field) => field.value === null)).toBe(true);
    });

    it('numbers dossiers in sequence', async () => {
      const first = await harness.send<DossierView>(DossierSubjects.create, applicant, {
        procedureId: procedure.id,
      });
      const second = await harness.send<DossierView>(DossierSubjects.create, applicant, {
        procedureId: procedure.id,
      });

      expect(second.number).toBe(first.number + 1);
    });

    it('stays on its revision after a new publication', async () => {
      const evolving = await harness.publishProcedure(
        administrator,
        [{ type: FieldType.Text, label: 'Nom' }],
        [instructor],
      );
      const dossier = await harness.send<DossierView>(DossierSubjects.create, applicant, {
        procedureId: evolving.id,
      });
      const added = await harness.send<{ stableId: string }>(
        ProcedureSubjects.addField,
        administrator,
        {
          procedureId: evolving.id,
          type: FieldType.Text,
          label: 'Ajouté ensuite',
        },
      );
      const republished = await harness.send<PublicProcedureView>(
        ProcedureSubjects.publish,
        administrator,
        {
          procedureId: evolving.id,
        },
      );
      expect(republished.publishedRevision?.id).not.toBe(dossier.revisionId);

      const error = await harness.fail(DossierSubjects.updateFields, applicant, {
        dossierId: dossier.id,
        values: { [added.stableId]: 'valeur' },
      });
      const view = await harness.send<DossierView>(DossierSubjects.get, applicant, {
        dossierId: dossier.id,
      });
      const newer = await harness.send<DossierView>(DossierSubjects.create, applicant, {
        procedureId: evolving.id,
      });

      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(view.revisionId).toBe(dossier.revisionId);
      expect(view.fields.map((field) => field.definition.label)).toEqual(['Nom']);
      expect(newer.fields.map((field) => field.definition.label)).toEqual([
        'Nom',
        'Ajouté ensuite',
      ]);
    });

    it('rejects an unknown procedure as not found', async () => {
      const error = await harness.fail(DossierSubjects.create, applicant, {
        procedureId: randomUUID(),
      });

      expect(error.code).toBe(ErrorCode.NotFound);
    });

    it('rejects a closed procedure', async () => {
      const closing = await harness.publishProcedure(
        administrator,
        [{ type: FieldType.Text, label: 'Nom' }],
        [instructor],
      );
      await harness.closeProcedure(administrator, closing.id);

      const error = await harness.fail(DossierSubjects.create, applicant, {
        procedureId: closing.id,
      });

      expect(error.code).toBe(ErrorCode.ProcedureClosed);
    });
  });

  describe('update fields', () => {
    let dossier: DossierView;

    beforeAll(async () => {
      dossier = await harness.send<DossierView>(DossierSubjects.create, applicant, {
        procedureId: procedure.id,
      });
    });

    it('stores normalised values and bumps the version', async () => {
      const updated = await harness.send<DossierView>(DossierSubjects.updateFields, applicant, {
        dossierId: dossier.id,
        values: { [name]: '  Dupont  ', [amount]: '1 234,5', [birthDate]: '15/03/1990' },
      });

      const valueOf = (stableId: string) =>
        updated.fields.find((field) => field.definition.stableId === stableId)?.value;
      expect(valueOf(name)).toBe('Dupont');
      expect(valueOf(amount)).toBe(1234.5);
      expect(valueOf(birthDate)).toBe('1990-03-15');
      expect(updated.version).toBe(dossier.version + 1);
    });

    it('stores nothing when one value is invalid', async () => {
      const before = await harness.send<DossierView>(DossierSubjects.get, applicant, {
        dossierId: dossier.id,
      });
      const unknown = randomUUID();
      const foreign = fieldId(otherProcedure, 'Autre');

      const error = await harness.fail(DossierSubjects.updateFields, applicant, {
        dossierId: dossier.id,
        values: {
          [name]: 'Martin',
          [amount]: 'beaucoup',
          [birthDate]: '31/02/2024',
          [section]: 'texte',
          [unknown]: 'x',
          [foreign]: 'y',
        },
      });

      expect(error.code).toBe(ErrorCode.ValidationFailed);
      const fields = (error.details?.fields ?? []).map((field) => field.field).sort();
      expect(fields).toEqual(
        [
          `values.${amount}`,
          `values.${birthDate}`,
          `values.${section}`,
          `values.${unknown}`,
          `values.${foreign}`,
        ].sort(),
      );
      const after = await harness.send<DossierView>(DossierSubjects.get, applicant, {
        dossierId: dossier.id,
      });
      expect(after.fields.find((field) => field.definition.stableId === name)?.value).toBe(
        'Dupont',
      );
      expect(after.version).toBe(before.version);
    });

    it('clears a value with null', async () => {
      const updated = await harness.send<DossierView>(DossierSubjects.updateFields, applicant, {
        dossierId: dossier.id,
        values: { [birthDate]: null },
      });

      expect(
        updated.fields.find((field) => field.definition.stableId === birthDate)?.value,
      ).toBeNull();
    });

    it('hides the dossier from another applicant', async () => {
      for (const subject of [DossierSubjects.get, DossierSubjects.submit]) {
        const error = await harness.fail(subject, otherApplicant, { dossierId: dossier.id });
        expect(error.code).toBe(ErrorCode.NotFound);
      }
      const error = await harness.fail(DossierSubjects.updateFields, otherApplicant, {
        dossierId: dossier.id,
        values: { [name]: 'Intrus' },
      });
      expect(error.code).toBe(ErrorCode.NotFound);
    });

    it('hides a brouillon from instructors', async () => {
      const error = await harness.fail(DossierSubjects.getForInstructor, instructor, {
        dossierId: dossier.id,
      });

      expect(error.code).toBe(ErrorCode.NotFound);
    });

    it('lists only the actor’s dossiers', async () => {
      const mine = await harness.send<Array<{ id: string; applicantEmail: string }>>(
        DossierSubjects.listMine,
        applicant,
        {},
      );
      const theirs = await harness.send<Array<{ id: string }>>(
        DossierSubjects.listMine,
        otherApplicant,
        {},
      );

      expect(mine.map((summary) => summary.id)).toContain(dossier.id);
      expect(mine.every((summary) => summary.applicantEmail === applicant.email)).toBe(true);
      expect(theirs).toEqual([]);
    });
  });

  describe('submit', () => {
    it('lists every empty required field', async () => {
      const dossier = await harness.send<DossierView>(DossierSubjects.create, applicant, {
        procedureId: procedure.id,
      });

      const error = await harness.fail(DossierSubjects.submit, applicant, {
        dossierId: dossier.id,
      });

      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.message).toContain('« Nom » : Ce champ est obligatoire.');
      expect(error.details?.fields).toEqual([
        { field: `values.${name}`, label: 'Nom', message: 'Ce champ est obligatoire.' },
        { field: `values.${amount}`, label: 'Montant', message: 'Ce champ est obligatoire.' },
      ]);
      const after = await harness.send<DossierView>(DossierSubjects.get, applicant, {
        dossierId: dossier.id,
      });
      expect(after.state).toBe(DossierState.Brouillon);
    });

    it('moves a complete brouillon to en_construction', async () => {
      const submitted = await harness.submittedDossier(applicant, procedure, complete());

      expect(submitted.state).toBe(DossierState.EnConstruction);
      expect(submitted.submittedAt).not.toBeNull();
      expect(submitted.history).toHaveLength(1);
      expect(submitted.history[0]).toMatchObject({
        fromState: DossierState.Brouillon,
        toState: DossierState.EnConstruction,
        action: 'deposer',
        actorEmail: applicant.email,
      });
    });

    it('publishes dossier.submitted with the field values', async () => {
      const submitted = await harness.submittedDossier(applicant, procedure, complete());

      const event = await harness.waitForEvent(
        (candidate) =>
          candidate.subject === submitted.id && candidate.type === 'fr.tps.dossier.submitted.v1',
      );
      expect(event.source).toBe('/tps/dossiers');
      expect(event.data).toMatchObject({
        dossierId: submitted.id,
        dossierNumber: submitted.number,
        procedureId: procedure.id,
        procedureTitle: procedure.title,
        organisation: procedure.organisation,
        fromState: DossierState.Brouillon,
        toState: DossierState.EnConstruction,
        action: 'deposer',
        applicantEmail: applicant.email,
        actorEmail: applicant.email,
        version: submitted.version,
        submittedAt: submitted.submittedAt,
      });
      expect(event.data.fields).toEqual([
        {
          stableId: name,
          type: FieldType.Text,
          label: 'Nom',
          value: 'Dupont',
          displayValue: 'Dupont',
        },
        {
          stableId: amount,
          type: FieldType.Decimal,
          label: 'Montant',
          value: 1234.5,
          displayValue: '1234,5',
        },
        {
          stableId: birthDate,
          type: FieldType.Date,
          label: 'Date de naissance',
          value: null,
          displayValue: '',
        },
      ]);
    });

    it('rejects a second submission', async () => {
      const submitted = await harness.submittedDossier(applicant, procedure, complete());

      const error = await harness.fail(DossierSubjects.submit, applicant, {
        dossierId: submitted.id,
      });

      expect(error.code).toBe(ErrorCode.InvalidTransition);
      expect(error.details?.currentState).toBe(DossierState.EnConstruction);
    });

    it('rejects a submission once the procedure is closed', async () => {
      const closing = await harness.publishProcedure(
        administrator,
        [{ type: FieldType.Text, label: 'Nom' }],
        [instructor],
      );
      const dossier = await harness.send<DossierView>(DossierSubjects.create, applicant, {
        procedureId: closing.id,
      });
      await harness.closeProcedure(administrator, closing.id);

      const error = await harness.fail(DossierSubjects.submit, applicant, {
        dossierId: dossier.id,
      });

      expect(error.code).toBe(ErrorCode.ProcedureClosed);
    });

    it('keeps values editable en_construction', async () => {
      const submitted = await harness.submittedDossier(applicant, procedure, complete());

      const updated = await harness.send<DossierView>(DossierSubjects.updateFields, applicant, {
        dossierId: submitted.id,
        values: { [name]: 'Durand' },
      });

      expect(updated.fields.find((field) => field.definition.stableId === name)?.value).toBe(
        'Durand',
      );
    });

    it('keeps required values from being emptied en_construction', async () => {
      const submitted = await harness.submittedDossier(applicant, procedure, complete());

      const error = await harness.fail(DossierSubjects.updateFields, applicant, {
        dossierId: submitted.id,
        values: { [name]: '   ' },
      });

      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.details?.fields).toEqual([
        {
          field: `values.${name}`,
          label: 'Nom',
          message: 'Ce champ est obligatoire et le dossier est déposé : il ne peut pas être vidé.',
        },
      ]);
      const stored = await harness.send<DossierView>(DossierSubjects.get, applicant, {
        dossierId: submitted.id,
      });
      expect(stored.fields.find((field) => field.definition.stableId === name)?.value).not.toBe('');
      expect(stored.version).toBe(submitted.version);
    });
  });

  describe('instruction', () => {
    it.each([
      [InstructorAction.Accepter, DossierState.Accepte, 'fr.tps.dossier.accepted.v1', undefined],
      [
        InstructorAction.Refuser,
        DossierState.Refuse,
        'fr.tps.dossier.refused.v1',
        'Pièces manquantes',
      ],
      [
        InstructorAction.ClasserSansSuite,
        DossierState.SansSuite,
        'fr.tps.dossier.closed-without-follow-up.v1',
        'Doublon',
      ],
    ])('%s leads to %s', async (action, outcome, eventType, motivation) => {
      const submitted = await harness.submittedDossier(applicant, procedure, complete());

      const started = await transition(
        instructor,
        submitted.id,
        InstructorAction.PasserEnInstruction,
      );
      expect(started.state).toBe(DossierState.EnInstruction);
      expect(started.instructionStartedAt).not.toBeNull();
      const decided = await transition(
        instructor,
        submitted.id,
        action,
        motivation ? { motivation } : {},
      );

      expect(decided.state).toBe(outcome);
      expect(decided.decidedAt).not.toBeNull();
      expect(decided.motivation).toBe(motivation ?? null);
      expect(decided.history.map((entry) => entry.action)).toEqual([
        'deposer',
        InstructorAction.PasserEnInstruction,
        action,
      ]);
      const started$ = await harness.waitForEvent(
        (event) =>
          event.subject === submitted.id && event.type === 'fr.tps.dossier.instruction-started.v1',
      );
      expect(started$.data).toMatchObject({
        fromState: DossierState.EnConstruction,
        toState: DossierState.EnInstruction,
      });
      const decision = await harness.waitForEvent(
        (event) => event.subject === submitted.id && event.type === eventType,
      );
      expect(decision.data).toMatchObject({
        fromState: DossierState.EnInstruction,
        toState: outcome,
        action,
        actorEmail: instructor.email,
        applicantEmail: applicant.email,
        motivation: motivation ?? null,
        transitionMotivation: motivation ?? null,
        version: decided.version,
        decidedAt: decided.decidedAt,
        instructionStartedAt: decided.instructionStartedAt,
      });
      expect(decision.data.fields.map((field) => field.displayValue)).toEqual([
        'Dupont',
        '1234,5',
        '',
      ]);
    });

    it('returns a dossier to en_construction', async () => {
      const submitted = await harness.submittedDossier(applicant, procedure, complete());
      await transition(instructor, submitted.id, InstructorAction.PasserEnInstruction);

      const returned = await transition(
        instructor,
        submitted.id,
        InstructorAction.RepasserEnConstruction,
      );

      expect(returned.state).toBe(DossierState.EnConstruction);
      const event = await harness.waitForEvent(
        (candidate) =>
          candidate.subject === submitted.id &&
          candidate.type === 'fr.tps.dossier.returned-to-construction.v1',
      );
      expect(event.data.toState).toBe(DossierState.EnConstruction);
      expect(event.data.transitionMotivation).toBeNull();
      expect(event.data.motivation).toBeNull();
    });

    it('sends the return request in the event', async () => {
      const submitted = await harness.submittedDossier(applicant, procedure, complete());
      await transition(instructor, submitted.id, InstructorAction.PasserEnInstruction);
      const request = '  Joignez le RIB du club.\nLa facture est illisible.  ';

      const returned = await transition(
        instructor,
        submitted.id,
        InstructorAction.RepasserEnConstruction,
        { motivation: request },
      );

      expect(returned.motivation).toBeNull();
      expect(returned.history.at(-1)).toMatchObject({
        action: InstructorAction.RepasserEnConstruction,
        motivation: request.trim(),
      });
      const event = await harness.waitForEvent(
        (candidate) =>
          candidate.subject === submitted.id &&
          candidate.type === 'fr.tps.dossier.returned-to-construction.v1',
      );
      expect(event.data).toMatchObject({
        action: InstructorAction.RepasserEnConstruction,
        transitionMotivation: request.trim(),
        motivation: null,
      });
    });

    it.each([InstructorAction.Refuser, InstructorAction.ClasserSansSuite])(
      '%s requires a motivation',
      async (action) => {
        const submitted = await harness.submittedDossier(applicant, procedure, complete());
        await transition(instructor, submitted.id, InstructorAction.PasserEnInstruction);

        const error = await harness.fail(DossierSubjects.transition, instructor, {
          dossierId: submitted.id,
          action,
          motivation: '   ',
        });

        expect(error.code).toBe(ErrorCode.ValidationFailed);
        expect(error.details?.fields?.map((field) => field.field)).toEqual(['motivation']);
      },
    );

    it('rejects an action from the wrong state', async () => {
      const submitted = await harness.submittedDossier(applicant, procedure, complete());

      const error = await harness.fail(DossierSubjects.transition, instructor, {
        dossierId: submitted.id,
        action: InstructorAction.Accepter,
      });

      expect(error.code).toBe(ErrorCode.InvalidTransition);
      expect(error.details?.currentState).toBe(DossierState.EnConstruction);
      expect(error.details?.currentVersion).toBe(submitted.version);
    });

    it('rejects a stale expected version', async () => {
      const submitted = await harness.submittedDossier(applicant, procedure, complete());
      await harness.send(DossierSubjects.updateFields, applicant, {
        dossierId: submitted.id,
        values: { [name]: 'Durand' },
      });

      const error = await harness.fail(DossierSubjects.transition, instructor, {
        dossierId: submitted.id,
        action: InstructorAction.PasserEnInstruction,
        expectedVersion: submitted.version,
      });

      expect(error.code).toBe(ErrorCode.Conflict);
      expect(error.details?.currentState).toBe(DossierState.EnConstruction);
      expect(error.details?.currentVersion).toBe(submitted.version + 1);
    });

    it('freezes values once en_instruction', async () => {
      const submitted = await harness.submittedDossier(applicant, procedure, complete());
      await transition(instructor, submitted.id, InstructorAction.PasserEnInstruction);

      const error = await harness.fail(DossierSubjects.updateFields, applicant, {
        dossierId: submitted.id,
        values: { [name]: 'Durand' },
      });

      expect(error.code).toBe(ErrorCode.Conflict);
      expect(error.details?.currentState).toBe(DossierState.EnInstruction);
    });

    it('hides dossiers from non-instructors', async () => {
      const submitted = await harness.submittedDossier(applicant, procedure, complete());

      for (const actor of [outsider, applicant]) {
        const read = await harness.fail(DossierSubjects.getForInstructor, actor, {
          dossierId: submitted.id,
        });
        expect(read.code).toBe(ErrorCode.NotFound);
        const act = await harness.fail(DossierSubjects.transition, actor, {
          dossierId: submitted.id,
          action: InstructorAction.PasserEnInstruction,
        });
        expect(act.code).toBe(ErrorCode.NotFound);
      }
    });

    it('lets exactly one of two concurrent decisions win', async () => {
      const submitted = await harness.submittedDossier(applicant, procedure, complete());
      await transition(instructor, submitted.id, InstructorAction.PasserEnInstruction);

      const outcomes = await Promise.allSettled([
        transition(instructor, submitted.id, InstructorAction.Accepter),
        transition(secondInstructor, submitted.id, InstructorAction.Refuser, {
          motivation: 'Incomplet',
        }),
      ]);

      const fulfilled = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const rejected = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      const winner = (fulfilled[0] as PromiseFulfilledResult<DossierView>).value;
      const loser = (rejected[0] as PromiseRejectedResult).reason as {
        code: ErrorCode;
        details: { currentState: string };
      };
      expect(loser.code).toBe(ErrorCode.InvalidTransition);
      expect(loser.details.currentState).toBe(winner.state);
      const { rows } = await harness.db.query(
        `SELECT count(*)::int AS count FROM dossiers.transition WHERE dossier_id = $1 AND to_state IN ('accepte', 'refuse')`,
        [submitted.id],
      );
      expect(rows[0].count).toBe(1);
    });

    it('lets one of ten concurrent identical actions win', async () => {
      const submitted = await harness.submittedDossier(applicant, procedure, complete());

      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, index) =>
          transition(
            index % 2 ? instructor : secondInstructor,
            submitted.id,
            InstructorAction.PasserEnInstruction,
          ),
        ),
      );

      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      for (const outcome of outcomes.filter((candidate) => candidate.status === 'rejected')) {
        expect((outcome as PromiseRejectedResult).reason).toMatchObject({
          code: ErrorCode.InvalidTransition,
          details: { currentState: DossierState.EnInstruction },
        });
      }
    });
  });

  describe('archive', () => {
    it('rejects a dossier still in instruction', async () => {
      const submitted = await harness.submittedDossier(applicant, procedure, complete());

      const error = await harness.fail(DossierSubjects.archive, instructor, {
        dossierId: submitted.id,
      });

      expect(error.code).toBe(ErrorCode.InvalidTransition);
      expect(error.details?.currentState).toBe(DossierState.EnConstruction);
    });

    it('archives and un-archives a decided dossier', async () => {
      const submitted = await harness.submittedDossier(applicant, procedure, complete());
      await transition(instructor, submitted.id, InstructorAction.PasserEnInstruction);
      await transition(instructor, submitted.id, InstructorAction.Accepter);

      const archived = await harness.send<DossierView>(DossierSubjects.archive, instructor, {
        dossierId: submitted.id,
      });
      expect(archived.archived).toBe(true);
      expect(archived.state).toBe(DossierState.Accepte);
      const event = await harness.waitForEvent(
        (candidate) =>
          candidate.subject === submitted.id && candidate.type === 'fr.tps.dossier.archived.v1',
      );
      expect(event.data).toMatchObject({
        action: 'archiver',
        archived: true,
        toState: DossierState.Accepte,
      });

      const restored = await harness.send<DossierView>(DossierSubjects.archive, instructor, {
        dossierId: submitted.id,
        archived: false,
      });
      expect(restored.archived).toBe(false);
      expect(restored.history.map((entry) => entry.action).slice(-2)).toEqual([
        'archiver',
        'desarchiver',
      ]);
    });
  });
});
