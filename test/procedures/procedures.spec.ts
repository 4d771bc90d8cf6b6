import type { INestApplication } from '@nestjs/common';
import {
  type Actor,
  type CloudEvent,
  ErrorCode,
  EventSubjects,
  type FieldDefinition,
  FieldType,
  type InstructorView,
  type MailTagView,
  type MailTemplateView,
  type ProcedureAccess,
  type ProcedurePublicationChangedV1,
  type ProcedureSummary,
  ProcedureSubjects,
  type ProcedureView,
  type PublicProcedureView,
  type RevisionView,
  type RevisionWithProcedure,
  SYSTEM_ACTOR,
} from '@tps/contracts';
import { EventBus, listeningPort, NatsRequester } from '@tps/platform';
import { DataSource } from 'typeorm';

import { startProceduresService } from '../../apps/procedures/src/procedures.bootstrap';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestNats, type TestNats } from '../support/nats';

const admin: Actor = {
  accountId: '11111111-1111-4111-8111-111111111111',
  email: 'admin@exemple.gouv.fr',
  kind: 'user',
};
const stranger: Actor = {
  accountId: '22222222-2222-4222-8222-222222222222',
  email: 'autre@exemple.fr',
  kind: 'user',
};
const instructor: Actor = {
  accountId: '33333333-3333-4333-8333-333333333333',
  email: 'instructrice@exemple.gouv.fr',
  kind: 'user',
};

const baseProcedure = {
  title: 'Aide à l’équipement sportif',
  description: 'Subvention pour les clubs.',
  organisation: 'Mairie de Test',
  contactEmail: 'contact@mairie.fr',
};

describe('procedures service', () => {
  let nats: TestNats;
  let database: TestDatabase;
  let app: INestApplication;
  let requester: NatsRequester;
  let inspector: DataSource;

  const send = <T>(subject: string, actor: Actor, payload: unknown): Promise<T> =>
    requester.send<T>(subject, actor, payload);

  const create = (overrides: Record<string, unknown> = {}): Promise<ProcedureView> =>
    send<ProcedureView>(ProcedureSubjects.create, admin, { ...baseProcedure, ...overrides });

  const addField = (
    procedureId: string,
    field: Record<string, unknown>,
  ): Promise<FieldDefinition> =>
    send<FieldDefinition>(ProcedureSubjects.addField, admin, { procedureId, ...field });

  const get = (procedureId: string): Promise<ProcedureView> =>
    send<ProcedureView>(ProcedureSubjects.get, admin, { procedureId });

  beforeAll(async () => {
    nats = await startTestNats();
    database = await createTestDatabase();
    app = await startProceduresService({
      DATABASE_URL: database.url,
      NATS_URL: nats.url,
      HTTP_PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      NODE_ENV: 'test',
    });
    requester = new NatsRequester(nats.url, 5000);
    await requester.connect();
    inspector = new DataSource({
      type: 'postgres',
      url: database.url,
      extra: { options: '-c search_path=procedures' },
    });
    await inspector.initialize();
  });

  afterAll(async () => {
    await inspector?.destroy();
    await requester?.close();
    await app?.close();
    await database?.drop();
    await nats?.stop();
  });

  it('reports ready on /ready', async () => {
    const response = await fetch(`http://127.0.0.1:${listeningPort(app)}/ready`);

    expect(response.status).toBe(200);
  });

  describe('creation and description', () => {
    it('creates a draft with a slug path, the creator as administrator and an empty draft form', async () => {
      const procedure = await create();

      expect(procedure).toMatchObject({
        path: 'aide-a-l-equipement-sportif',
        title: baseProcedure.title,
        state: 'brouillon',
        publishedRevision: null,
        administratorEmails: [admin.email],
        draftRevision: { number: 0, fields: [], publishedAt: null },
      });
      const [group] = await inspector.query(
        `SELECT label FROM instructor_group WHERE procedure_id = $1`,
        [procedure.id],
      );
      expect(group.label).toBe('Groupe par défaut');
    });

    it('numbers a taken slug and refuses a taken explicit path', async () => {
      const second = await create();
      const third = await create();
      expect(second.path).toBe('aide-a-l-equipement-sportif-2');
      expect(third.path).toBe('aide-a-l-equipement-sportif-3');

      await expect(create({ path: 'aide-a-l-equipement-sportif' })).rejects.toMatchObject({
        code: ErrorCode.Conflict,
        details: { fields: [expect.objectContaining({ field: 'path' })] },
      });
      await expect(
        send(ProcedureSubjects.update, admin, { procedureId: third.id, path: second.path }),
      ).rejects.toMatchObject({ code: ErrorCode.Conflict });
    });

    it('gives concurrent creations distinct paths', async () => {
      const created = await Promise.all(
        Array.from({ length: 4 }, () => create({ title: 'Création simultanée' })),
      );

      expect(new Set(created.map((procedure) => procedure.path)).size).toBe(4);
      expect(created.every((procedure) => procedure.path.startsWith('creation-simultanee'))).toBe(
        true,
      );
    });

    it('updates the description fields and bumps updatedAt', async () => {
      const procedure = await create({ path: 'mise-a-jour' });
      const updated = await send<ProcedureView>(ProcedureSubjects.update, admin, {
        procedureId: procedure.id,
        title: 'Nouveau titre',
        path: 'nouveau-chemin',
      });

      expect(updated).toMatchObject({
        title: 'Nouveau titre',
        path: 'nouveau-chemin',
        organisation: 'Mairie de Test',
      });
      expect(updated.updatedAt >= procedure.updatedAt).toBe(true);
    });

    it('refuses an unknown property and changes nothing', async () => {
      const procedure = await create({ path: 'propriete-inconnue' });

      await expect(
        send(ProcedureSubjects.update, admin, {
          procedureId: procedure.id,
          title: 'Autre titre',
          owner: 'x',
        }),
      ).rejects.toMatchObject({
        code: ErrorCode.ValidationFailed,
        details: { fields: [expect.objectContaining({ field: 'owner' })] },
      });
      expect((await get(procedure.id)).title).toBe(baseProcedure.title);
    });

    it('lists the procedures an account administers', async () => {
      const procedure = await create({ path: 'liste-admin' });

      const mine = await send<ProcedureSummary[]>(ProcedureSubjects.listAdministered, admin, {});
      const theirs = await send<ProcedureSummary[]>(
        ProcedureSubjects.listAdministered,
        stranger,
        {},
      );

      expect(mine.map((summary) => summary.id)).toContain(procedure.id);
      expect(theirs).toEqual([]);
      const published = await send<ProcedureSummary[]>(ProcedureSubjects.listAdministered, admin, {
        state: 'publiee',
      });
      expect(published.map((summary) => summary.id)).not.toContain(procedure.id);
      await expect(
        send(ProcedureSubjects.listAdministered, admin, { state: 'archivee' }),
      ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    });
  });

  describe('authorization', () => {
    it('answers NOT_FOUND to another account for every administrator command', async () => {
      const procedure = await create({ path: 'privee' });
      const field = await addField(procedure.id, { type: FieldType.Text, label: 'Nom' });
      const procedureId = procedure.id;
      const attempts: Array<[string, unknown]> = [
        [ProcedureSubjects.get, { procedureId }],
        [ProcedureSubjects.update, { procedureId, title: 'Piratée' }],
        [ProcedureSubjects.addField, { procedureId, type: FieldType.Text, label: 'X' }],
        [ProcedureSubjects.updateField, { procedureId, stableId: field.stableId, label: 'X' }],
        [ProcedureSubjects.deleteField, { procedureId, stableId: field.stableId }],
        [ProcedureSubjects.moveField, { procedureId, stableId: field.stableId, position: 0 }],
        [ProcedureSubjects.publish, { procedureId }],
        [ProcedureSubjects.close, { procedureId }],
        [ProcedureSubjects.listInstructors, { procedureId }],
        [ProcedureSubjects.addInstructor, { procedureId, email: stranger.email }],
        [ProcedureSubjects.listMailTemplates, { procedureId }],
        [
          ProcedureSubjects.updateMailTemplate,
          { procedureId, kind: 'dossier_submitted', subject: 'a', body: 'b' },
        ],
        [ProcedureSubjects.getMailTemplate, { procedureId, kind: 'dossier_submitted' }],
      ];
      for (const [subject, payload] of attempts) {
        await expect(send(subject, stranger, payload)).rejects.toMatchObject({
          code: ErrorCode.NotFound,
        });
      }
      const unchanged = await get(procedureId);
      expect(unchanged.title).toBe(baseProcedure.title);
      expect(unchanged.state).toBe('brouillon');
      expect(unchanged.draftRevision.fields).toHaveLength(1);
    });

    it('hides drafts from the public and gives roles only to members', async () => {
      const procedure = await create({ path: 'brouillon-cache' });

      await expect(
        send(ProcedureSubjects.getPublic, stranger, { idOrPath: procedure.id }),
      ).rejects.toMatchObject({ code: ErrorCode.NotFound });
      await expect(
        send(ProcedureSubjects.getPublic, stranger, { idOrPath: 'brouillon-cache' }),
      ).rejects.toMatchObject({ code: ErrorCode.NotFound });
      await expect(
        send<ProcedureAccess>(ProcedureSubjects.getAccess, admin, { procedureId: procedure.id }),
      ).resolves.toEqual({ procedureId: procedure.id, roles: ['administrator'] });
      await expect(
        send<ProcedureAccess>(ProcedureSubjects.getAccess, stranger, { procedureId: procedure.id }),
      ).resolves.toEqual({ procedureId: procedure.id, roles: [] });
      await expect(
        send(ProcedureSubjects.getAccess, stranger, {
          procedureId: '99999999-9999-4999-8999-999999999999',
        }),
      ).rejects.toMatchObject({ code: ErrorCode.NotFound });
    });

    it('refuses creation by the system actor', async () => {
      await expect(
        send(ProcedureSubjects.create, SYSTEM_ACTOR, { ...baseProcedure }),
      ).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    });
  });

  describe('form', () => {
    it('adds fields at the end or at a position and keeps positions 0..n-1', async () => {
      const procedure = await create({ path: 'formulaire' });
      const name = await addField(procedure.id, {
        type: FieldType.Text,
        label: 'Nom',
        required: true,
      });
      const header = await addField(procedure.id, {
        type: FieldType.HeaderSection,
        label: 'Identité',
        position: 0,
      });
      await addField(procedure.id, {
        type: FieldType.DropDownList,
        label: 'Discipline',
        options: { choices: ['Football', 'Rugby'] },
      });

      expect(name.stableId).toMatch(/^[0-9a-f-]{36}$/);
      expect(header).toMatchObject({ position: 0, required: false });
      const draft = (await get(procedure.id)).draftRevision;
      expect(draft.fields.map((field) => [field.label, field.position])).toEqual([
        ['Identité', 0],
        ['Nom', 1],
        ['Discipline', 2],
      ]);
      expect(draft.fields[2].options).toEqual({ choices: ['Football', 'Rugby'] });
    });

    it('updates, moves and deletes fields, renumbering positions', async () => {
      const procedure = await create({ path: 'reordonner' });
      const a = await addField(procedure.id, { type: FieldType.Text, label: 'A' });
      const b = await addField(procedure.id, { type: FieldType.Text, label: 'B' });
      const c = await addField(procedure.id, { type: FieldType.Text, label: 'C' });

      const updated = await send<FieldDefinition>(ProcedureSubjects.updateField, admin, {
        procedureId: procedure.id,
        stableId: b.stableId,
        label: 'B modifié',
        required: true,
      });
      expect(updated).toMatchObject({
        stableId: b.stableId,
        label: 'B modifié',
        required: true,
        position: 1,
      });

      const moved = await send<RevisionView>(ProcedureSubjects.moveField, admin, {
        procedureId: procedure.id,
        stableId: c.stableId,
        position: 0,
      });
      expect(moved.fields.map((field) => [field.label, field.position])).toEqual([
        ['C', 0],
        ['A', 1],
        ['B modifié', 2],
      ]);

      const movedFar = await send<RevisionView>(ProcedureSubjects.moveField, admin, {
        procedureId: procedure.id,
        stableId: c.stableId,
        position: 99,
      });
      expect(movedFar.fields.map((field) => field.label)).toEqual(['A', 'B modifié', 'C']);

      const afterDelete = await send<RevisionView>(ProcedureSubjects.deleteField, admin, {
        procedureId: procedure.id,
        stableId: a.stableId,
      });
      expect(afterDelete.fields.map((field) => [field.label, field.position])).toEqual([
        ['B modifié', 0],
        ['C', 1],
      ]);
      await expect(
        send(ProcedureSubjects.deleteField, admin, {
          procedureId: procedure.id,
          stableId: a.stableId,
        }),
      ).rejects.toMatchObject({ code: ErrorCode.NotFound });
    });

    it.each([
      [{ type: FieldType.DropDownList, label: 'Liste' }, 'options.choices'],
      [
        { type: FieldType.MultipleDropDownList, label: 'Liste', options: { choices: ['a', 'a'] } },
        'options.choices',
      ],
      [{ type: FieldType.Text, label: 'Texte', options: { choices: ['a'] } }, 'options.choices'],
      [{ type: FieldType.HeaderSection, label: 'Titre', required: true }, 'required'],
      [{ type: FieldType.Text, label: '   ' }, 'label'],
      [{ type: FieldType.Text, label: 'Texte', colour: 'red' }, 'colour'],
      [{ type: 'carte', label: 'Carte' }, 'type'],
      [{ type: FieldType.Integer, label: 'Entier', options: { min: 1.5 } }, 'options.min'],
      [{ type: FieldType.Integer, label: 'Entier', options: { max: 10.25 } }, 'options.max'],
    ])('refuses the bad field %j naming %s and changes nothing', async (field, name) => {
      const procedure = await create();
      const error = await addField(procedure.id, field).catch((caught: unknown) => caught);

      expect(error).toMatchObject({
        code: ErrorCode.ValidationFailed,
        details: { fields: expect.arrayContaining([expect.objectContaining({ field: name })]) },
      });
      expect((await get(procedure.id)).draftRevision.fields).toEqual([]);
    });

    it('refuses an update that would break a list and keeps the field as it was', async () => {
      const procedure = await create();
      const list = await addField(procedure.id, {
        type: FieldType.DropDownList,
        label: 'Liste',
        options: { choices: ['Oui', 'Non'] },
      });

      await expect(
        send(ProcedureSubjects.updateField, admin, {
          procedureId: procedure.id,
          stableId: list.stableId,
          label: 'Renommée',
          options: { choices: ['Oui', 'Oui'] },
        }),
      ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      const [stored] = (await get(procedure.id)).draftRevision.fields;
      expect(stored).toMatchObject({ label: 'Liste', options: { choices: ['Oui', 'Non'] } });
    });
    it('rejects a duplicate field label', async () => {
      const procedure = await create();
      await addField(procedure.id, { type: FieldType.Text, label: 'Nom de famille' });

      const error = await addField(procedure.id, {
        type: FieldType.Textarea,
        label: '  nom  DE famille ',
      }).catch((caught: unknown) => caught);

      expect(error).toMatchObject({
        code: ErrorCode.ValidationFailed,
        message:
          'Un autre champ du formulaire s’appelle déjà « Nom de famille » : choisissez un libellé différent, car les balises des e-mails reprennent les libellés.',
        details: { fields: [expect.objectContaining({ field: 'label' })] },
      });
      const fields = (await get(procedure.id)).draftRevision.fields;
      expect(fields.map((field) => field.label)).toEqual(['Nom de famille']);
    });

    it('compares field labels in NFC', async () => {
      const procedure = await create();
      await addField(procedure.id, { type: FieldType.Text, label: 'Prénom' });

      await expect(
        addField(procedure.id, { type: FieldType.Text, label: 'Pre\u0301nom' }),
      ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      expect((await get(procedure.id)).draftRevision.fields).toHaveLength(1);
    });

    it('rejects renaming to a taken label', async () => {
      const procedure = await create();
      await addField(procedure.id, { type: FieldType.Text, label: 'Nom de famille' });
      const other = await addField(procedure.id, { type: FieldType.Text, label: 'Prénom' });

      const error = await send(ProcedureSubjects.updateField, admin, {
        procedureId: procedure.id,
        stableId: other.stableId,
        label: 'NOM DE FAMILLE',
        required: true,
      }).catch((caught: unknown) => caught);

      expect(error).toMatchObject({
        code: ErrorCode.ValidationFailed,
        details: { fields: [expect.objectContaining({ field: 'label' })] },
      });
      const fields = (await get(procedure.id)).draftRevision.fields;
      expect(fields.map((field) => [field.label, field.required])).toEqual([
        ['Nom de famille', false],
        ['Prénom', false],
      ]);
    });

    it('allows changing a label’s case', async () => {
      const procedure = await create();
      const field = await addField(procedure.id, { type: FieldType.Text, label: 'Nom de famille' });

      const updated = await send<FieldDefinition>(ProcedureSubjects.updateField, admin, {
        procedureId: procedure.id,
        stableId: field.stableId,
        label: 'Nom de Famille',
      });

      expect(updated.label).toBe('Nom de Famille');
    });

    it('allows repeated labels without tags', async () => {
      const procedure = await create();
      await addField(procedure.id, { type: FieldType.Text, label: 'Justificatif' });
      for (const type of [FieldType.HeaderSection, FieldType.Explanation, FieldType.Attachment]) {
        await addField(procedure.id, { type, label: 'Justificatif' });
        await addField(procedure.id, { type, label: 'Justificatif' });
      }

      expect((await get(procedure.id)).draftRevision.fields).toHaveLength(7);
    });
    it('rejects a decimal bound on an integer field update', async () => {
      const procedure = await create();
      const field = await addField(procedure.id, {
        type: FieldType.Integer,
        label: 'Nombre de salariés',
        options: { min: 1 },
      });

      const error = await send(ProcedureSubjects.updateField, admin, {
        procedureId: procedure.id,
        stableId: field.stableId,
        options: { min: 1, max: 99.5 },
      }).catch((caught: unknown) => caught);

      expect(error).toMatchObject({
        code: ErrorCode.ValidationFailed,
        details: { fields: [expect.objectContaining({ field: 'options.max' })] },
      });
      const [stored] = (await get(procedure.id)).draftRevision.fields;
      expect(stored.options).toEqual({ min: 1 });
    });

    it('keeps decimal bounds on a decimal field', async () => {
      const procedure = await create();
      const field = await addField(procedure.id, {
        type: FieldType.Decimal,
        label: 'Montant',
        options: { min: 0.5, max: 99.75 },
      });

      expect(field.options).toEqual({ min: 0.5, max: 99.75 });
    });
  });

  describe('publication', () => {
    it('refuses to publish a form without a fillable field', async () => {
      const procedure = await create();
      await addField(procedure.id, { type: FieldType.Explanation, label: 'Lisez ceci' });

      await expect(
        send(ProcedureSubjects.publish, admin, { procedureId: procedure.id }),
      ).rejects.toMatchObject({
        code: ErrorCode.ValidationFailed,
        details: { fields: [expect.objectContaining({ field: 'fields' })] },
      });
      expect((await get(procedure.id)).state).toBe('brouillon');
    });

    it('publishes, republishes, closes and re-opens, keeping earlier revisions intact', async () => {
      const procedure = await create({ path: 'cycle-de-vie' });
      const name = await addField(procedure.id, { type: FieldType.Text, label: 'Nom' });

      const published = await send<ProcedureView>(ProcedureSubjects.publish, admin, {
        procedureId: procedure.id,
      });
      expect(published.state).toBe('publiee');
      expect(published.publishedAt).not.toBeNull();
      const first = published.publishedRevision as RevisionView;
      expect(first).toMatchObject({
        number: 1,
        fields: [expect.objectContaining({ stableId: name.stableId, label: 'Nom' })],
      });
      expect(first.publishedAt).not.toBeNull();

      const publicView = await send<PublicProcedureView>(ProcedureSubjects.getPublic, stranger, {
        idOrPath: 'cycle-de-vie',
      });
      expect(publicView).toMatchObject({
        id: procedure.id,
        state: 'publiee',
        publishedRevision: { id: first.id },
      });
      expect(publicView).not.toHaveProperty('draftRevision');
      expect(publicView).not.toHaveProperty('administratorEmails');

      await send(ProcedureSubjects.updateField, admin, {
        procedureId: procedure.id,
        stableId: name.stableId,
        label: 'Nom complet',
      });
      const email = await addField(procedure.id, { type: FieldType.Email, label: 'Courriel' });
      const republished = await send<ProcedureView>(ProcedureSubjects.publish, admin, {
        procedureId: procedure.id,
      });
      const second = republished.publishedRevision as RevisionView;
      expect(second.number).toBe(2);
      expect(second.fields.map((field) => [field.stableId, field.label])).toEqual([
        [name.stableId, 'Nom complet'],
        [email.stableId, 'Courriel'],
      ]);

      const old = await send<RevisionWithProcedure>(ProcedureSubjects.getRevision, SYSTEM_ACTOR, {
        revisionId: first.id,
      });
      expect(old.revision.fields.map((field) => field.label)).toEqual(['Nom']);
      expect(old.procedure).toMatchObject({ id: procedure.id, state: 'publiee' });
      await expect(
        send(ProcedureSubjects.getRevision, SYSTEM_ACTOR, {
          revisionId: published.draftRevision.id,
        }),
      ).rejects.toMatchObject({ code: ErrorCode.NotFound });

      const closed = await send<ProcedureView>(ProcedureSubjects.close, admin, {
        procedureId: procedure.id,
      });
      expect(closed.state).toBe('close');
      expect(closed.closedAt).not.toBeNull();
      await expect(
        send(ProcedureSubjects.close, admin, { procedureId: procedure.id }),
      ).rejects.toMatchObject({
        code: ErrorCode.InvalidTransition,
        details: { currentState: 'close' },
      });
      await expect(
        send<PublicProcedureView>(ProcedureSubjects.getPublic, stranger, {
          idOrPath: procedure.id,
        }),
      ).resolves.toMatchObject({ state: 'close' });

      const reopened = await send<ProcedureView>(ProcedureSubjects.publish, admin, {
        procedureId: procedure.id,
      });
      expect(reopened).toMatchObject({
        state: 'publiee',
        closedAt: null,
        publishedRevision: { number: 3 },
      });
    });

    it('refuses to close a draft and names its state', async () => {
      const procedure = await create();

      await expect(
        send(ProcedureSubjects.close, admin, { procedureId: procedure.id }),
      ).rejects.toMatchObject({
        code: ErrorCode.InvalidTransition,
        details: { currentState: 'brouillon' },
      });
    });

    it('delivers the published and closed events to a JetStream consumer', async () => {
      const bus = new EventBus({ natsUrl: nats.url, name: 'procedures-test' });
      await bus.connect();
      const received: Array<{ subject: string; event: CloudEvent<ProcedurePublicationChangedV1> }> =
        [];
      await bus.consume({
        durable: 'procedures-test',
        filterSubject: 'tps.events.procedure.>',
        handler: async (event, subject) => {
          received.push({ subject, event: event as CloudEvent<ProcedurePublicationChangedV1> });
        },
      });
      try {
        const procedure = await create({ path: 'evenements' });
        await addField(procedure.id, { type: FieldType.Text, label: 'Nom' });
        const published = await send<ProcedureView>(ProcedureSubjects.publish, admin, {
          procedureId: procedure.id,
        });
        await send(ProcedureSubjects.close, admin, { procedureId: procedure.id });

        const deadline = Date.now() + 10000;
        const mine = () => received.filter((item) => item.event.data.procedureId === procedure.id);
        while (mine().length < 2 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(mine().map((item) => item.subject)).toEqual([
          EventSubjects.procedurePublished,
          EventSubjects.procedureClosed,
        ]);
        expect(mine()[0].event.data).toMatchObject({
          procedureId: procedure.id,
          path: 'evenements',
          state: 'publiee',
          revisionId: published.publishedRevision?.id,
          revisionNumber: 1,
        });
        expect(mine()[1].event.data).toMatchObject({ state: 'close', revisionNumber: 1 });
      } finally {
        await bus.close();
      }
    });
  });

  describe('instructors', () => {
    it('adds instructors lower-cased, lists, grants the role and removes them', async () => {
      const procedure = await create({ path: 'instruction' });
      const added = await send<InstructorView>(ProcedureSubjects.addInstructor, admin, {
        procedureId: procedure.id,
        email: 'Instructrice@Exemple.gouv.fr',
      });
      expect(added).toMatchObject({ email: instructor.email, addedBy: admin.email });
      await send(ProcedureSubjects.addInstructor, admin, {
        procedureId: procedure.id,
        email: instructor.email,
      });

      const list = await send<InstructorView[]>(ProcedureSubjects.listInstructors, admin, {
        procedureId: procedure.id,
      });
      expect(list.map((item) => item.email)).toEqual([instructor.email]);
      await expect(
        send<ProcedureAccess>(ProcedureSubjects.getAccess, instructor, {
          procedureId: procedure.id,
        }),
      ).resolves.toEqual({ procedureId: procedure.id, roles: ['instructor'] });
      const instructed = await send<ProcedureSummary[]>(
        ProcedureSubjects.listInstructed,
        instructor,
        {},
      );
      expect(instructed.map((summary) => summary.id)).toEqual([procedure.id]);

      const remaining = await send<InstructorView[]>(ProcedureSubjects.removeInstructor, admin, {
        procedureId: procedure.id,
        email: instructor.email,
      });
      expect(remaining).toEqual([]);
      await expect(
        send(ProcedureSubjects.removeInstructor, admin, {
          procedureId: procedure.id,
          email: instructor.email,
        }),
      ).rejects.toMatchObject({ code: ErrorCode.NotFound });
      await expect(
        send<ProcedureSummary[]>(ProcedureSubjects.listInstructed, instructor, {}),
      ).resolves.toEqual([]);
    });

    it('refuses a malformed e-mail address', async () => {
      const procedure = await create();

      await expect(
        send(ProcedureSubjects.addInstructor, admin, {
          procedureId: procedure.id,
          email: 'pas-une-adresse',
        }),
      ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      await expect(
        send<InstructorView[]>(ProcedureSubjects.listInstructors, admin, {
          procedureId: procedure.id,
        }),
      ).resolves.toEqual([]);
    });
  });

  describe('mail templates', () => {
    it('lists the six French defaults with built-in and field tags', async () => {
      const procedure = await create();
      const name = await addField(procedure.id, { type: FieldType.Text, label: 'Nom du club' });
      await addField(procedure.id, { type: FieldType.Attachment, label: 'Statuts' });
      await addField(procedure.id, { type: FieldType.HeaderSection, label: 'Section' });

      const { templates, tags } = await send<{
        templates: MailTemplateView[];
        tags: MailTagView[];
      }>(ProcedureSubjects.listMailTemplates, admin, { procedureId: procedure.id });

      expect(templates.map((template) => template.kind)).toEqual([
        'dossier_submitted',
        'dossier_instruction_started',
        'dossier_returned_to_construction',
        'dossier_accepted',
        'dossier_refused',
        'dossier_closed_without_follow_up',
      ]);
      expect(templates.every((template) => template.isDefault && template.updatedAt === null)).toBe(
        true,
      );
      expect(templates[0].subject).toBe(
        'Votre dossier n° --numéro du dossier-- a bien été déposé (--libellé démarche--)',
      );
      expect(templates[0].body).toContain('--lien dossier--');
      expect(templates[0].body).toContain('--nom du service--');
      expect(templates[2].subject).toBe(
        'Votre dossier n° --numéro du dossier-- est à compléter (--libellé démarche--)',
      );
      for (const index of [2, 3, 4, 5]) {
        expect(templates[index].body).toContain('--motivation--');
      }
      expect(templates[3].body.split('\n')).toContain('--motivation--');
      expect(tags.find((tag) => tag.tag === 'motivation')?.kinds).toEqual([
        'dossier_returned_to_construction',
        'dossier_accepted',
        'dossier_refused',
        'dossier_closed_without_follow_up',
      ]);
      expect(tags.map((tag) => tag.tag)).toEqual(
        expect.arrayContaining(['numéro du dossier', 'motivation', 'Nom du club']),
      );
      expect(tags.filter((tag) => tag.fieldStableId)).toEqual([
        expect.objectContaining({ tag: 'Nom du club', fieldStableId: name.stableId }),
      ]);
    });

    it('saves a template using built-in and field tags and serves it to the system actor', async () => {
      const procedure = await create();
      await addField(procedure.id, { type: FieldType.Text, label: 'Nom du club' });

      const saved = await send<MailTemplateView>(ProcedureSubjects.updateMailTemplate, admin, {
        procedureId: procedure.id,
        kind: 'dossier_accepted',
        subject: 'Bravo --Nom du club--',
        body: 'Dossier --numéro du dossier-- accepté le --date de décision--.',
      });
      expect(saved).toMatchObject({
        kind: 'dossier_accepted',
        subject: 'Bravo --Nom du club--',
        isDefault: false,
      });
      expect(saved.updatedAt).not.toBeNull();

      await expect(
        send<MailTemplateView>(ProcedureSubjects.getMailTemplate, SYSTEM_ACTOR, {
          procedureId: procedure.id,
          kind: 'dossier_accepted',
        }),
      ).resolves.toMatchObject({ subject: 'Bravo --Nom du club--', isDefault: false });
      await expect(
        send<MailTemplateView>(ProcedureSubjects.getMailTemplate, SYSTEM_ACTOR, {
          procedureId: procedure.id,
          kind: 'dossier_refused',
        }),
      ).resolves.toMatchObject({ isDefault: true });
    });

    it('allows the motivation tag in the returned template', async () => {
      const procedure = await create();
      const body = 'Le service demande : --motivation--';

      const saved = await send<MailTemplateView>(ProcedureSubjects.updateMailTemplate, admin, {
        procedureId: procedure.id,
        kind: 'dossier_returned_to_construction',
        subject: 'Dossier --numéro du dossier-- à compléter',
        body,
      });

      expect(saved).toMatchObject({ kind: 'dossier_returned_to_construction', body });
      await expect(
        send(ProcedureSubjects.updateMailTemplate, admin, {
          procedureId: procedure.id,
          kind: 'dossier_instruction_started',
          subject: 'x',
          body,
        }),
      ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    });

    it('blocks publication while the returned template uses a deleted field', async () => {
      const procedure = await create();
      await addField(procedure.id, { type: FieldType.Text, label: 'Nom' });
      const club = await addField(procedure.id, { type: FieldType.Text, label: 'Nom du club' });
      await send(ProcedureSubjects.updateMailTemplate, admin, {
        procedureId: procedure.id,
        kind: 'dossier_returned_to_construction',
        subject: 'À compléter',
        body: 'Club : --Nom du club--',
      });
      await send(ProcedureSubjects.deleteField, admin, {
        procedureId: procedure.id,
        stableId: club.stableId,
      });

      await expect(
        send(ProcedureSubjects.publish, admin, { procedureId: procedure.id }),
      ).rejects.toMatchObject({
        code: ErrorCode.ValidationFailed,
        details: {
          fields: [
            expect.objectContaining({
              field: 'mailTemplates.dossier_returned_to_construction.body',
            }),
          ],
        },
      });
      expect((await get(procedure.id)).state).toBe('brouillon');
    });

    it('blocks publication while a template uses a renamed field', async () => {
      const procedure = await create();
      const club = await addField(procedure.id, { type: FieldType.Text, label: 'Nom du club' });
      await send(ProcedureSubjects.updateMailTemplate, admin, {
        procedureId: procedure.id,
        kind: 'dossier_submitted',
        subject: 'Dossier de --Nom du club--',
        body: 'Reçu.',
      });
      await send(ProcedureSubjects.updateField, admin, {
        procedureId: procedure.id,
        stableId: club.stableId,
        label: 'Club',
      });

      await expect(
        send(ProcedureSubjects.publish, admin, { procedureId: procedure.id }),
      ).rejects.toMatchObject({
        code: ErrorCode.ValidationFailed,
        details: {
          fields: [expect.objectContaining({ field: 'mailTemplates.dossier_submitted.subject' })],
        },
      });
      expect((await get(procedure.id)).state).toBe('brouillon');
    });

    it('flags, in the list, a template whose field tag lost its field', async () => {
      const procedure = await create();
      const club = await addField(procedure.id, { type: FieldType.Text, label: 'Nom du club' });
      await send(ProcedureSubjects.updateMailTemplate, admin, {
        procedureId: procedure.id,
        kind: 'dossier_accepted',
        subject: 'Bravo --Nom du club--',
        body: 'Dossier --numéro du dossier--.',
      });
      await send(ProcedureSubjects.deleteField, admin, {
        procedureId: procedure.id,
        stableId: club.stableId,
      });

      const listed = await send<{ templates: MailTemplateView[] }>(
        ProcedureSubjects.listMailTemplates,
        admin,
        { procedureId: procedure.id },
      );

      const byKind = Object.fromEntries(
        listed.templates.map((template) => [template.kind, template]),
      );
      expect(byKind.dossier_accepted.unknownTags).toEqual(['Nom du club']);
      expect(byKind.dossier_submitted.unknownTags).toEqual([]);
    });

    it('refuses unknown tags and tags without a value for the kind, and changes nothing', async () => {
      const procedure = await create();
      await addField(procedure.id, { type: FieldType.Attachment, label: 'Statuts' });

      const unknown = await send(ProcedureSubjects.updateMailTemplate, admin, {
        procedureId: procedure.id,
        kind: 'dossier_submitted',
        subject: 'Dossier --numero--',
        body: 'Voir --Statuts--',
      }).catch((caught: unknown) => caught);
      expect(unknown).toMatchObject({
        code: ErrorCode.ValidationFailed,
        details: {
          fields: [
            expect.objectContaining({
              field: 'subject',
              message: expect.stringContaining('--numero--'),
            }),
            expect.objectContaining({
              field: 'body',
              message: expect.stringContaining('--Statuts--'),
            }),
          ],
        },
      });
      await expect(
        send(ProcedureSubjects.updateMailTemplate, admin, {
          procedureId: procedure.id,
          kind: 'dossier_submitted',
          subject: 'Dossier',
          body: 'Motif : --motivation--',
        }),
      ).rejects.toMatchObject({
        code: ErrorCode.ValidationFailed,
        details: {
          fields: [
            expect.objectContaining({
              field: 'body',
              message: expect.stringContaining('--motivation--'),
            }),
          ],
        },
      });
      await expect(
        send(ProcedureSubjects.updateMailTemplate, admin, {
          procedureId: procedure.id,
          kind: 'dossier_unknown',
          subject: 'a',
          body: 'b',
        }),
      ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      const rows = await inspector.query(`SELECT 1 FROM mail_template WHERE procedure_id = $1`, [
        procedure.id,
      ]);
      expect(rows).toHaveLength(0);
    });
  });
});
