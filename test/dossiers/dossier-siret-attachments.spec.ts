import 'reflect-metadata';

import { createHash, randomUUID } from 'node:crypto';

import { jest } from '@jest/globals';
import {
  type AttachmentDownload,
  type AttachmentPermit,
  type AttachmentView,
  type CloudEvent,
  type CompanyResolvedV1,
  DossierState,
  DossierSubjects,
  type DossierView,
  ErrorCode,
  FieldType,
  InstructorAction,
  type PublicProcedureView,
} from '@tps/contracts';
import { listeningPort } from '@tps/platform';
import { Client as MinioClient } from 'minio';

import { CompanyResolvedConsumer } from '../../apps/dossiers/src/events/company-resolved.consumer';
import { DossiersHarness, fieldId, userActor } from './dossiers-harness';

jest.setTimeout(60000);

const FOUND_SIRET = '13002526500013';
const NON_DIFFUSIBLE_SIRET = '35004292500031';
const NOT_FOUND_SIRET = '00000000000000';
const PENDING_SIRET = '41816609600069';

describe('dossier SIRET fields and attachments', () => {
  const harness = new DossiersHarness();
  const administrator = userActor('admin');
  const applicant = userActor('usager');
  const otherApplicant = userActor('autre-usager');
  const instructor = userActor('instructeur');
  const outsider = userActor('etranger');
  let procedure: PublicProcedureView;
  let company: string;
  let proof: string;
  let storage: MinioClient;

  const fieldOf = (view: DossierView, stableId: string) =>
    view.fields.find((field) => field.definition.stableId === stableId);
  const create = () =>
    harness.send<DossierView>(DossierSubjects.create, applicant, { procedureId: procedure.id });
  const setSiret = (dossierId: string, siret: string) =>
    harness.send<DossierView>(DossierSubjects.updateFields, applicant, {
      dossierId,
      values: { [company]: siret },
    });

  async function upload(
    dossierId: string,
    filename: string,
    content: string,
  ): Promise<AttachmentView> {
    const permit = await harness.send<AttachmentPermit>(
      DossierSubjects.authorizeAttachment,
      applicant,
      {
        dossierId,
        fieldStableId: proof,
      },
    );
    const objectKey = `${permit.objectKeyPrefix}${filename}`;
    const body = Buffer.from(content);
    await storage.putObject(harness.env.S3_BUCKET, objectKey, body, body.length);

    return harness.send<AttachmentView>(DossierSubjects.addAttachment, applicant, {
      dossierId,
      fieldStableId: proof,
      objectKey,
      filename,
      contentType: 'application/pdf',
      sizeBytes: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    });
  }

  beforeAll(async () => {
    await harness.start();
    procedure = await harness.publishProcedure(
      administrator,
      [
        { type: FieldType.Siret, label: 'SIRET de l’entreprise' },
        {
          type: FieldType.Attachment,
          label: 'Justificatif',
          required: true,
          options: { maxFileSizeBytes: 1000 },
        },
      ],
      [instructor],
    );
    company = fieldId(procedure, 'SIRET de l’entreprise');
    proof = fieldId(procedure, 'Justificatif');
    const endpoint = new URL(harness.s3.endpoint);
    storage = new MinioClient({
      endPoint: endpoint.hostname,
      port: Number(endpoint.port),
      useSSL: false,
      accessKey: harness.s3.accessKey,
      secretKey: harness.s3.secretKey,
      region: 'us-east-1',
      pathStyle: true,
    });
    await storage.makeBucket(harness.env.S3_BUCKET, 'us-east-1');
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('reports ready with its dependencies', async () => {
    const response = await fetch(`http://127.0.0.1:${listeningPort(harness.dossiersApp)}/ready`);
    const body = (await response.json()) as { checks: Record<string, string> };

    expect(response.status).toBe(200);
    expect(body.checks).toEqual({ database: 'ok', nats: 'ok', 'object-storage': 'ok' });
  });

  describe('SIRET', () => {
    it('stores the company of a found SIRET', async () => {
      const dossier = await create();

      const updated = await setSiret(dossier.id, '130 025 265 00013');

      const field = fieldOf(updated, company);
      expect(field?.value).toBe(FOUND_SIRET);
      expect(field?.siret?.status).toBe('found');
      expect(field?.siret?.company?.siret).toBe(FOUND_SIRET);
      expect(field?.siret?.company?.name).toBeTruthy();
    });

    it('hides a non-diffusible company from the applicant only', async () => {
      const dossier = await create();
      const updated = await setSiret(dossier.id, NON_DIFFUSIBLE_SIRET);
      const applicantView = fieldOf(updated, company)?.siret?.company;
      expect(applicantView?.diffusible).toBe(false);
      expect(applicantView?.name).toBeNull();
      expect(applicantView?.addressLines).toEqual([]);
      expect(applicantView?.siret).toBe(NON_DIFFUSIBLE_SIRET);
      expect(applicantView?.city).not.toBeUndefined();

      await upload(dossier.id, 'piece.pdf', '%PDF-1.4 test');
      await harness.send(DossierSubjects.submit, applicant, { dossierId: dossier.id });
      const instructorView = await harness.send<DossierView>(
        DossierSubjects.getForInstructor,
        instructor,
        {
          dossierId: dossier.id,
        },
      );

      expect(fieldOf(instructorView, company)?.siret?.company?.name).toBeTruthy();
    });

    it('blocks submission with an unknown SIRET', async () => {
      const dossier = await create();
      const updated = await setSiret(dossier.id, NOT_FOUND_SIRET);
      expect(fieldOf(updated, company)?.siret?.status).toBe('not_found');
      await upload(dossier.id, 'piece.pdf', '%PDF-1.4 test');

      const error = await harness.fail(DossierSubjects.submit, applicant, {
        dossierId: dossier.id,
      });

      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.details?.fields?.map((field) => field.field)).toEqual([`values.${company}`]);
    });

    it('completes a pending SIRET from company.resolved', async () => {
      const dossier = await create();
      harness.sandbox.setMode('down');
      const updated = await setSiret(dossier.id, PENDING_SIRET).finally(() =>
        harness.sandbox.setMode('normal'),
      );
      expect(fieldOf(updated, company)?.siret?.status).toBe('pending');
      await upload(dossier.id, 'piece.pdf', '%PDF-1.4 test');
      const submitted = await harness.send<DossierView>(DossierSubjects.submit, applicant, {
        dossierId: dossier.id,
      });
      expect(submitted.state).toBe(DossierState.EnConstruction);

      const deadline = Date.now() + 20000;
      let status = 'pending';
      while (status === 'pending' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const view = await harness.send<DossierView>(DossierSubjects.get, applicant, {
          dossierId: dossier.id,
        });
        status = fieldOf(view, company)?.siret?.status ?? 'missing';
      }

      expect(status).toBe('found');
      const { rows } = await harness.db.query(
        'SELECT count(*)::int AS count FROM dossiers.processed_event',
      );
      expect(rows[0].count).toBeGreaterThan(0);
    });
  });

  describe('company.resolved consumer', () => {
    const resolvedEvent = (siret: string, name: string): CloudEvent<CompanyResolvedV1> => ({
      specversion: '1.0',
      id: randomUUID(),
      type: 'fr.tps.company.resolved.v1',
      source: '/tps/enrichment',
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data: {
        siret,
        status: 'found',
        company: {
          siret,
          siren: siret.slice(0, 9),
          name,
          diffusible: true,
        } as CompanyResolvedV1['company'],
        resolvedAt: new Date().toISOString(),
      },
    });
    const markPending = (dossierId: string) =>
      harness.db.query(
        `UPDATE dossiers.field_value SET siret_data = '{"status":"pending","company":null}'
         WHERE dossier_id = $1 AND stable_id = $2`,
        [dossierId, company],
      );
    const storedSiret = async (dossierId: string) => {
      const view = await harness.send<DossierView>(DossierSubjects.get, applicant, { dossierId });

      return fieldOf(view, company)?.siret;
    };

    it('skips a redelivered event', async () => {
      const consumer = harness.dossiersApp.get(CompanyResolvedConsumer);
      const dossier = await create();
      await setSiret(dossier.id, FOUND_SIRET);
      await markPending(dossier.id);
      const event = resolvedEvent(FOUND_SIRET, 'Première livraison');

      await consumer.handle(event);
      expect((await storedSiret(dossier.id))?.company?.name).toBe('Première livraison');

      await markPending(dossier.id);
      await consumer.handle(event);
      expect((await storedSiret(dossier.id))?.status).toBe('pending');

      await consumer.handle(resolvedEvent(FOUND_SIRET, 'Nouvel événement'));
      expect((await storedSiret(dossier.id))?.company?.name).toBe('Nouvel événement');
    });

    it('leaves settled SIRET fields alone', async () => {
      const consumer = harness.dossiersApp.get(CompanyResolvedConsumer);
      const dossier = await create();
      await setSiret(dossier.id, FOUND_SIRET);

      await consumer.handle(resolvedEvent(FOUND_SIRET, 'Ne doit pas remplacer'));

      expect((await storedSiret(dossier.id))?.company?.name).not.toBe('Ne doit pas remplacer');
    });
  });

  describe('attachments', () => {
    it('requires a file for a required attachment field', async () => {
      const dossier = await create();

      const error = await harness.fail(DossierSubjects.submit, applicant, {
        dossierId: dossier.id,
      });

      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.details?.fields).toEqual([
        {
          field: `values.${proof}`,
          label: 'Justificatif',
          message: 'Ce champ est obligatoire : joignez au moins un fichier.',
        },
      ]);
    });

    it('authorizes uploads under the dossier prefix', async () => {
      const dossier = await create();

      const permit = await harness.send<AttachmentPermit>(
        DossierSubjects.authorizeAttachment,
        applicant,
        {
          dossierId: dossier.id,
          fieldStableId: proof,
        },
      );

      expect(permit).toEqual({
        dossierId: dossier.id,
        fieldStableId: proof,
        maxFileSizeBytes: 1000,
        objectKeyPrefix: `dossiers/${dossier.id}/`,
      });
    });

    it('rejects a field that takes no file', async () => {
      const dossier = await create();

      const error = await harness.fail(DossierSubjects.authorizeAttachment, applicant, {
        dossierId: dossier.id,
        fieldStableId: company,
      });

      expect(error.code).toBe(ErrorCode.ValidationFailed);
    });

    it('rejects an object key outside the dossier prefix', async () => {
      const dossier = await create();
      const other = await create();

      const error = await harness.fail(DossierSubjects.addAttachment, applicant, {
        dossierId: dossier.id,
        fieldStableId: proof,
        objectKey: `dossiers/${other.id}/piece.pdf`,
        filename: 'piece.pdf',
        contentType: 'application/pdf',
        sizeBytes: 10,
        sha256: 'a'.repeat(64),
      });

      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.details?.fields?.[0]?.field).toBe('objectKey');
    });

    it('hides attachments from other applicants', async () => {
      const dossier = await create();
      const attachment = await upload(dossier.id, 'piece.pdf', '%PDF-1.4 test');

      const authorize = await harness.fail(DossierSubjects.authorizeAttachment, otherApplicant, {
        dossierId: dossier.id,
        fieldStableId: proof,
      });
      const download = await harness.fail(DossierSubjects.getAttachment, otherApplicant, {
        dossierId: dossier.id,
        attachmentId: attachment.id,
      });
      const removal = await harness.fail(DossierSubjects.removeAttachment, otherApplicant, {
        dossierId: dossier.id,
        attachmentId: attachment.id,
      });

      expect([authorize.code, download.code, removal.code]).toEqual([
        ErrorCode.NotFound,
        ErrorCode.NotFound,
        ErrorCode.NotFound,
      ]);
    });

    it('shows files in the view, the event and to instructors', async () => {
      const dossier = await create();
      const attachment = await upload(dossier.id, 'statuts.pdf', '%PDF-1.4 statuts');

      const submitted = await harness.send<DossierView>(DossierSubjects.submit, applicant, {
        dossierId: dossier.id,
      });

      expect(fieldOf(submitted, proof)?.attachments?.map((file) => file.filename)).toEqual([
        'statuts.pdf',
      ]);
      const event = await harness.waitForEvent(
        (candidate) =>
          candidate.subject === dossier.id && candidate.type === 'fr.tps.dossier.submitted.v1',
      );
      expect(event.data.fields.find((field) => field.stableId === proof)).toMatchObject({
        value: ['statuts.pdf'],
        displayValue: 'statuts.pdf',
      });
      const download = await harness.send<AttachmentDownload>(
        DossierSubjects.getAttachment,
        instructor,
        {
          dossierId: dossier.id,
          attachmentId: attachment.id,
        },
      );
      expect(download.objectKey).toBe(`dossiers/${dossier.id}/statuts.pdf`);
      const refused = await harness.fail(DossierSubjects.getAttachment, outsider, {
        dossierId: dossier.id,
        attachmentId: attachment.id,
      });
      expect(refused.code).toBe(ErrorCode.NotFound);
    });

    it('removes the row and the stored object', async () => {
      const dossier = await create();
      const attachment = await upload(dossier.id, 'brouillon.pdf', '%PDF-1.4 a supprimer');

      await harness.send(DossierSubjects.removeAttachment, applicant, {
        dossierId: dossier.id,
        attachmentId: attachment.id,
      });

      const view = await harness.send<DossierView>(DossierSubjects.get, applicant, {
        dossierId: dossier.id,
      });
      expect(fieldOf(view, proof)?.attachments).toEqual([]);
      await expect(
        storage.statObject(harness.env.S3_BUCKET, `dossiers/${dossier.id}/brouillon.pdf`),
      ).rejects.toMatchObject({
        code: 'NotFound',
      });
    });

    it('keeps the last file of a required field once submitted', async () => {
      const dossier = await create();
      const first = await upload(dossier.id, 'premier.pdf', '%PDF-1.4 premier');
      await harness.send(DossierSubjects.submit, applicant, { dossierId: dossier.id });

      const error = await harness.fail(DossierSubjects.removeAttachment, applicant, {
        dossierId: dossier.id,
        attachmentId: first.id,
      });

      expect(error.code).toBe(ErrorCode.ValidationFailed);
      // The applicant reads this message beside the file, so it explains how to replace the file.
      expect(error.message).toBe(
        'Ce fichier est le seul d’un champ obligatoire d’un dossier déposé : pour le remplacer, ajoutez d’abord le nouveau fichier, puis supprimez celui-ci.',
      );
      expect(error.details?.fields?.[0]).toMatchObject({
        field: `values.${proof}`,
        label: 'Justificatif',
      });
      const kept = await harness.send<DossierView>(DossierSubjects.get, applicant, {
        dossierId: dossier.id,
      });
      expect(fieldOf(kept, proof)?.attachments?.map((attachment) => attachment.id)).toEqual([
        first.id,
      ]);
    });

    it('replaces the file of a required field once submitted', async () => {
      const dossier = await create();
      const first = await upload(dossier.id, 'ancien.pdf', '%PDF-1.4 ancien');
      await harness.send(DossierSubjects.submit, applicant, { dossierId: dossier.id });
      const second = await upload(dossier.id, 'nouveau.pdf', '%PDF-1.4 nouveau');

      await harness.send(DossierSubjects.removeAttachment, applicant, {
        dossierId: dossier.id,
        attachmentId: first.id,
      });

      const view = await harness.send<DossierView>(DossierSubjects.get, applicant, {
        dossierId: dossier.id,
      });
      expect(fieldOf(view, proof)?.attachments?.map((attachment) => attachment.id)).toEqual([
        second.id,
      ]);
    });

    it('freezes files once en_instruction', async () => {
      const dossier = await create();
      const attachment = await upload(dossier.id, 'piece.pdf', '%PDF-1.4 test');
      await harness.send(DossierSubjects.submit, applicant, { dossierId: dossier.id });
      await harness.send(DossierSubjects.transition, instructor, {
        dossierId: dossier.id,
        action: InstructorAction.PasserEnInstruction,
      });

      const error = await harness.fail(DossierSubjects.removeAttachment, applicant, {
        dossierId: dossier.id,
        attachmentId: attachment.id,
      });

      expect(error.code).toBe(ErrorCode.Conflict);
      expect(error.details?.currentState).toBe(DossierState.EnInstruction);
    });
  });
});
