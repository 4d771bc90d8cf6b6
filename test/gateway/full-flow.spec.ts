import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { INestApplication } from '@nestjs/common';
import { DossierState, ErrorCode, FieldType, InstructorAction } from '@tps/contracts';
import { Client as MinioClient } from 'minio';

import { startDossiersService } from '../../apps/dossiers/src/dossiers.bootstrap';
import { startEnrichmentService } from '../../apps/enrichment/src/enrichment.bootstrap';
import {
  type ApiEntrepriseSandbox,
  startApiEntrepriseSandbox,
} from '../../apps/enrichment/src/sandbox/api-entreprise-sandbox';
import { startProceduresService } from '../../apps/procedures/src/procedures.bootstrap';
import { FIXTURES } from './file-fixtures';
import {
  type GatewayHarness,
  HttpClient,
  signUp,
  startGatewayHarness,
  uniqueEmail,
} from './gateway-harness';

const GATEWAY_MAX_UPLOAD_BYTES = 64 * 1024;
const FIELD_MAX_FILE_BYTES = 1000;

/**
 * Every route of the HTTP API against the real procedures, dossiers and enrichment services,
 * from procedure design to instruction, uploads included.
 */
describe('gateway full flow', () => {
  let harness: GatewayHarness;
  let sandbox: ApiEntrepriseSandbox;
  let services: INestApplication[];
  let uploadDirectory: string;
  const admin = () => new HttpClient(harness.baseUrl);
  let administrator: HttpClient;
  let applicant: HttpClient;
  let instructor: HttpClient;
  let stranger: HttpClient;
  let instructorEmail: string;
  let procedureId: string;
  let procedurePath: string;
  let nameFieldId: string;
  let smallFileFieldId: string;
  let largeFileFieldId: string;
  let dossierId: string;

  beforeAll(async () => {
    uploadDirectory = mkdtempSync(join(tmpdir(), 'tps-gateway-uploads-'));
    harness = await startGatewayHarness({
      MAX_UPLOAD_BYTES: String(GATEWAY_MAX_UPLOAD_BYTES),
      UPLOAD_TMP_DIR: uploadDirectory,
      REQUEST_TIMEOUT_MS: '10000',
    });
    sandbox = await startApiEntrepriseSandbox();
    const env = { ...harness.env, HTTP_PORT: '0', API_ENTREPRISE_URL: sandbox.url };
    services = [];
    services.push(await startEnrichmentService(env));
    services.push(await startProceduresService(env));
    services.push(await startDossiersService(env));
    administrator = admin();
    applicant = admin();
    instructor = admin();
    stranger = admin();
    await signUp(administrator);
    await signUp(applicant);
    instructorEmail = await signUp(instructor, uniqueEmail('instructeur'));
    await signUp(stranger);
  }, 60000);

  afterAll(async () => {
    for (const service of (services ?? []).reverse()) {
      await service.close();
    }
    await sandbox?.close();
    await harness?.stop();
    rmSync(uploadDirectory, { recursive: true, force: true });
  }, 30000);

  describe('administrator', () => {
    it('creates a procedure', async () => {
      procedurePath = `subvention-${Date.now()}`;
      const response = await administrator.post('/api/admin/procedures', {
        title: 'Subvention aux associations',
        description: 'Aide au fonctionnement des associations locales.',
        organisation: 'Mairie de Test',
        contactEmail: 'contact@mairie-test.fr',
        path: procedurePath,
      });

      expect(response.status).toBe(201);
      const procedure = await response.json();
      expect(procedure).toMatchObject({
        title: 'Subvention aux associations',
        state: 'brouillon',
        path: procedurePath,
      });
      procedureId = procedure.id;
    });

    it('lists administered procedures', async () => {
      const response = await administrator.get('/api/admin/procedures');

      expect(response.status).toBe(200);
      expect((await response.json()).map((procedure: { id: string }) => procedure.id)).toContain(
        procedureId,
      );
    });

    it('hides the procedure from others', async () => {
      const response = await stranger.get(`/api/admin/procedures/${procedureId}`);

      expect([403, 404]).toContain(response.status);
    });

    it('updates the procedure', async () => {
      const response = await administrator.patch(`/api/admin/procedures/${procedureId}`, {
        title: 'Subvention 2027',
      });

      expect(response.status).toBe(200);
      expect((await response.json()).title).toBe('Subvention 2027');
    });

    it('adds fields', async () => {
      const name = await administrator.post(`/api/admin/procedures/${procedureId}/fields`, {
        type: FieldType.Text,
        label: 'Nom de l’association',
        required: true,
      });
      const small = await administrator.post(`/api/admin/procedures/${procedureId}/fields`, {
        type: FieldType.Attachment,
        label: 'Statuts',
        required: false,
        options: { maxFileSizeBytes: FIELD_MAX_FILE_BYTES },
      });
      const large = await administrator.post(`/api/admin/procedures/${procedureId}/fields`, {
        type: FieldType.Attachment,
        label: 'Budget prévisionnel',
        required: false,
      });

      expect(name.status).toBe(201);
      expect(small.status).toBe(201);
      expect(large.status).toBe(201);
      nameFieldId = (await name.json()).stableId;
      smallFileFieldId = (await small.json()).stableId;
      largeFileFieldId = (await large.json()).stableId;
    });

    it('updates, moves and deletes a field', async () => {
      const extra = await (
        await administrator.post(`/api/admin/procedures/${procedureId}/fields`, {
          type: FieldType.Textarea,
          label: 'Commentaire',
        })
      ).json();
      const updated = await administrator.patch(
        `/api/admin/procedures/${procedureId}/fields/${extra.stableId}`,
        {
          label: 'Commentaire libre',
        },
      );
      const moved = await administrator.post(
        `/api/admin/procedures/${procedureId}/fields/${extra.stableId}/move`,
        {
          position: 0,
        },
      );
      const deleted = await administrator.delete(
        `/api/admin/procedures/${procedureId}/fields/${extra.stableId}`,
      );

      expect(updated.status).toBe(200);
      expect((await updated.json()).label).toBe('Commentaire libre');
      expect(moved.status).toBe(200);
      expect((await moved.json()).fields[0].stableId).toBe(extra.stableId);
      expect(deleted.status).toBe(204);
    });

    it('rejects an unknown field property', async () => {
      const response = await administrator.post(`/api/admin/procedures/${procedureId}/fields`, {
        type: FieldType.Text,
        label: 'X',
        colour: 'rouge',
      });

      expect(response.status).toBe(400);
      expect((await response.json()).details.fields[0].field).toBe('colour');
    });

    it('manages instructors', async () => {
      const added = await administrator.post(`/api/admin/procedures/${procedureId}/instructors`, {
        email: instructorEmail,
      });
      const listed = await administrator.get(`/api/admin/procedures/${procedureId}/instructors`);

      expect(added.status).toBe(201);
      expect((await added.json()).email).toBe(instructorEmail);
      expect(listed.status).toBe(200);
      expect((await listed.json()).map((row: { email: string }) => row.email)).toContain(
        instructorEmail,
      );
    });

    it('removes an instructor', async () => {
      const email = uniqueEmail('ancien');
      await administrator.post(`/api/admin/procedures/${procedureId}/instructors`, { email });
      const removed = await administrator.delete(
        `/api/admin/procedures/${procedureId}/instructors/${encodeURIComponent(email)}`,
      );

      expect(removed.status).toBe(204);
    });

    it('edits mail templates', async () => {
      const listed = await administrator.get(`/api/admin/procedures/${procedureId}/mail-templates`);
      const updated = await administrator.put(
        `/api/admin/procedures/${procedureId}/mail-templates/dossier_accepted`,
        {
          subject: 'Dossier --numéro du dossier-- accepté',
          body: 'Bonjour, votre dossier est accepté.',
        },
      );
      const unknownKind = await administrator.put(
        `/api/admin/procedures/${procedureId}/mail-templates/inconnu`,
        {
          subject: 'x',
          body: 'y',
        },
      );

      expect(listed.status).toBe(200);
      expect((await listed.json()).templates).toHaveLength(6);
      expect(updated.status).toBe(200);
      expect((await updated.json()).subject).toBe('Dossier --numéro du dossier-- accepté');
      expect(unknownKind.status).toBe(400);
    });

    it('publishes the procedure', async () => {
      const response = await administrator.post(`/api/admin/procedures/${procedureId}/publish`);

      expect(response.status).toBe(200);
      expect((await response.json()).state).toBe('publiee');
    });
  });

  describe('applicant', () => {
    it('reads the public page without signing in', async () => {
      const response = await fetch(`${harness.baseUrl}/api/procedures/${procedurePath}`);

      expect(response.status).toBe(200);
      const procedure = await response.json();
      expect(procedure.id).toBe(procedureId);
      expect(procedure).not.toHaveProperty('administratorEmails');
    });

    it('lists published procedures without signing in, and no draft', async () => {
      const draft = await administrator.post('/api/admin/procedures', {
        title: 'Brouillon non publié',
        path: `brouillon-${Date.now()}`,
        organisation: 'Préfecture',
        description: 'Jamais publié.',
        contactEmail: 'contact@example.gouv.fr',
      });
      expect(draft.status).toBe(201);

      const response = await fetch(`${harness.baseUrl}/api/procedures`);

      expect(response.status).toBe(200);
      const listed: { id: string; state: string }[] = await response.json();
      expect(listed.map((procedure) => procedure.id)).toContain(procedureId);
      expect(listed.every((procedure) => procedure.state === 'publiee')).toBe(true);
      expect(listed.map((procedure) => procedure.id)).not.toContain((await draft.json()).id);
    });

    it('starts a dossier', async () => {
      const response = await applicant.post(`/api/procedures/${procedureId}/dossiers`);

      expect(response.status).toBe(201);
      const dossier = await response.json();
      expect(dossier.state).toBe(DossierState.Brouillon);
      dossierId = dossier.id;
    });

    it('lists and reads own dossiers', async () => {
      const list = await applicant.get('/api/dossiers');
      const one = await applicant.get(`/api/dossiers/${dossierId}`);
      const foreign = await stranger.get(`/api/dossiers/${dossierId}`);

      expect(list.status).toBe(200);
      expect((await list.json()).map((dossier: { id: string }) => dossier.id)).toEqual([dossierId]);
      expect(one.status).toBe(200);
      expect(foreign.status).toBe(404);
    });

    it('saves field values', async () => {
      const response = await applicant.patch(`/api/dossiers/${dossierId}/fields`, {
        values: { [nameFieldId]: 'Les Amis du Parc' },
      });

      expect(response.status).toBe(200);
      const dossier = await response.json();
      const field = dossier.fields.find(
        (entry: { definition: { stableId: string } }) => entry.definition.stableId === nameFieldId,
      );
      expect(field.value).toBe('Les Amis du Parc');
    });

    it('accepts only values in the body', async () => {
      const response = await applicant.patch(`/api/dossiers/${dossierId}/fields`, {
        values: {},
        dossierId: '6f1c1f8e-4c52-4a55-9a57-2d8f0a7c1b11',
      });

      expect(response.status).toBe(400);
      expect((await response.json()).details.fields[0].field).toBe('dossierId');
    });
  });

  describe('uploads', () => {
    const uploadPath = (fieldId: string) =>
      `/api/dossiers/${dossierId}/fields/${fieldId}/attachments`;

    async function upload(
      client: HttpClient,
      fieldId: string,
      content: Buffer,
      name: string,
      type = 'application/octet-stream',
    ) {
      const form = new FormData();
      form.append('file', new Blob([content], { type }), name);

      return client.request('POST', uploadPath(fieldId), { body: form });
    }

    it('stores an allowed file', async () => {
      const response = await upload(
        applicant,
        largeFileFieldId,
        FIXTURES.pdf,
        'budget prévisionnel.pdf',
        'text/plain',
      );

      expect(response.status).toBe(201);
      const attachment = await response.json();
      expect(attachment).toMatchObject({
        filename: 'budget prévisionnel.pdf',
        contentType: 'application/pdf',
        sizeBytes: FIXTURES.pdf.length,
        sha256: createHash('sha256').update(FIXTURES.pdf).digest('hex'),
      });
    });

    it.each([
      ['..', 'fichier.pdf'],
      ['../../etc/budget.pdf', 'budget.pdf'],
      ['C:\\Users\\moi\\devis.pdf', 'devis.pdf'],
    ])('keeps only a safe display name from %j', async (name, expected) => {
      const response = await upload(applicant, largeFileFieldId, FIXTURES.pdf, name);

      expect(response.status).toBe(201);
      expect((await response.json()).filename).toBe(expected);
    });

    it('detects office files by content', async () => {
      const response = await upload(applicant, largeFileFieldId, FIXTURES.docx, 'budget.bin');

      expect(response.status).toBe(201);
      expect((await response.json()).contentType).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
    });

    it('rejects content of another type', async () => {
      const response = await upload(
        applicant,
        largeFileFieldId,
        FIXTURES.html,
        'faux.pdf',
        'application/pdf',
      );

      expect(response.status).toBe(415);
      expect((await response.json()).code).toBe(ErrorCode.UnsupportedMediaType);
    });

    it('rejects an empty file', async () => {
      const response = await upload(applicant, largeFileFieldId, Buffer.alloc(0), 'vide.pdf');

      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.code).toBe(ErrorCode.ValidationFailed);
      expect(body.details.fields[0].field).toBe('file');
    });

    it('applies the field size limit', async () => {
      const content = Buffer.concat([FIXTURES.pdf, Buffer.alloc(FIELD_MAX_FILE_BYTES)]);
      const response = await upload(applicant, smallFileFieldId, content, 'statuts.pdf');

      expect(response.status).toBe(413);
      const body = await response.json();
      expect(body.code).toBe(ErrorCode.PayloadTooLarge);
      expect(body.message).toContain('1\u202f000 octets');
    });

    it('applies the gateway size limit', async () => {
      const content = Buffer.concat([FIXTURES.pdf, Buffer.alloc(GATEWAY_MAX_UPLOAD_BYTES)]);
      const response = await upload(applicant, largeFileFieldId, content, 'gros.pdf');

      expect(response.status).toBe(413);
    });

    it('rejects a part with another name', async () => {
      const form = new FormData();
      form.append('document', new Blob([FIXTURES.pdf]), 'a.pdf');
      const response = await applicant.request('POST', uploadPath(largeFileFieldId), {
        body: form,
      });

      expect(response.status).toBe(400);
    });

    it('rejects uploads by others', async () => {
      const response = await upload(stranger, largeFileFieldId, FIXTURES.pdf, 'intrus.pdf');

      expect(response.status).toBe(404);
    });

    it('leaves no temporary file', () => {
      expect(readdirSync(uploadDirectory)).toEqual([]);
    });

    it('downloads with safe headers', async () => {
      const stored = await (
        await upload(applicant, largeFileFieldId, FIXTURES.png, 'logo « été ».png')
      ).json();
      const response = await applicant.get(`/api/dossiers/${dossierId}/attachments/${stored.id}`);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('content-length')).toBe(String(FIXTURES.png.length));
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="logo _ _t_ _.png"; filename*=UTF-8''${encodeURIComponent('logo « été ».png')}`,
      );
      expect(Buffer.from(await response.arrayBuffer())).toEqual(FIXTURES.png);
      expect(
        (await stranger.get(`/api/dossiers/${dossierId}/attachments/${stored.id}`)).status,
      ).toBe(404);
    });

    it('deletes an attachment and its object', async () => {
      const stored = await (
        await upload(applicant, largeFileFieldId, FIXTURES.gif, 'a.gif')
      ).json();
      const removed = await applicant.delete(`/api/dossiers/${dossierId}/attachments/${stored.id}`);
      const again = await applicant.get(`/api/dossiers/${dossierId}/attachments/${stored.id}`);

      expect(removed.status).toBe(204);
      expect(again.status).toBe(404);
    });

    it('keeps objects only for registered attachments', async () => {
      const dossier = await (await applicant.get(`/api/dossiers/${dossierId}`)).json();
      const registered = dossier.fields.flatMap(
        (field: { attachments?: unknown[] }) => field.attachments ?? [],
      ).length;
      const s3 = new URL(harness.s3.endpoint);
      const client = new MinioClient({
        endPoint: s3.hostname,
        port: Number(s3.port),
        useSSL: false,
        accessKey: harness.s3.accessKey,
        secretKey: harness.s3.secretKey,
        pathStyle: true,
      });
      const keys: string[] = [];
      for await (const object of client.listObjectsV2('tps-attachments', '', true)) {
        keys.push((object as { name: string }).name);
      }

      expect(keys).toHaveLength(registered);
      expect(keys.every((key) => key.includes(dossierId))).toBe(true);
    });
  });

  describe('instruction', () => {
    let version: number;

    it('submits the dossier', async () => {
      const response = await applicant.post(`/api/dossiers/${dossierId}/submit`);

      expect(response.status).toBe(200);
      const dossier = await response.json();
      expect(dossier.state).toBe(DossierState.EnConstruction);
    });

    it('lists instructed procedures', async () => {
      const response = await instructor.get('/api/instructor/procedures');

      expect(response.status).toBe(200);
      expect((await response.json()).map((procedure: { id: string }) => procedure.id)).toContain(
        procedureId,
      );
    });

    it('pages dossiers with typed query values', async () => {
      const response = await instructor.get(
        `/api/instructor/procedures/${procedureId}/dossiers?limit=10&archived=false&state=en_construction`,
      );

      expect(response.status).toBe(200);
      const page = await response.json();
      expect(page.items.map((dossier: { id: string }) => dossier.id)).toEqual([dossierId]);
    });

    it('counts dossiers by state', async () => {
      const response = await instructor.get(`/api/instructor/procedures/${procedureId}/counts`);

      expect(response.status).toBe(200);
      expect((await response.json())[DossierState.EnConstruction]).toBe(1);
    });

    it('reads the dossier as instructor', async () => {
      const response = await instructor.get(`/api/instructor/dossiers/${dossierId}`);
      const refused = await applicant.get(`/api/instructor/dossiers/${dossierId}`);

      expect(response.status).toBe(200);
      version = (await response.json()).version;
      expect([403, 404]).toContain(refused.status);
    });

    it('checks instructor access before listing e-mails', async () => {
      const response = await applicant.get(`/api/instructor/dossiers/${dossierId}/emails`);

      expect([403, 404]).toContain(response.status);
    });

    it('downloads an attachment as instructor', async () => {
      const dossier = await (await instructor.get(`/api/instructor/dossiers/${dossierId}`)).json();
      const attachment = dossier.fields.flatMap(
        (field: { attachments?: Array<{ id: string }> }) => field.attachments ?? [],
      )[0];
      const response = await instructor.get(
        `/api/instructor/dossiers/${dossierId}/attachments/${attachment.id}`,
      );

      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    });

    it('moves the dossier into instruction', async () => {
      const response = await instructor.post(`/api/instructor/dossiers/${dossierId}/transitions`, {
        action: InstructorAction.PasserEnInstruction,
        expectedVersion: version,
      });

      expect(response.status).toBe(200);
      expect((await response.json()).state).toBe(DossierState.EnInstruction);
    });

    it('rejects a stale version with 409', async () => {
      const response = await instructor.post(`/api/instructor/dossiers/${dossierId}/transitions`, {
        action: InstructorAction.Accepter,
        expectedVersion: version,
      });

      expect(response.status).toBe(409);
      const body = await response.json();
      expect(body.code).toBe(ErrorCode.Conflict);
      expect(body.details.currentState).toBe(DossierState.EnInstruction);
    });

    it('rejects an unknown action', async () => {
      const response = await instructor.post(`/api/instructor/dossiers/${dossierId}/transitions`, {
        action: 'valider',
      });

      expect(response.status).toBe(400);
      expect((await response.json()).details.fields[0].field).toBe('action');
    });

    it('archives after a decision', async () => {
      await instructor.post(`/api/instructor/dossiers/${dossierId}/transitions`, {
        action: InstructorAction.Refuser,
        motivation: 'Dossier incomplet.',
      });
      const response = await instructor.post(`/api/instructor/dossiers/${dossierId}/archive`, {});

      expect(response.status).toBe(200);
      expect((await response.json()).archived).toBe(true);
    });

    it('rejects a non-boolean archived', async () => {
      const response = await instructor.post(`/api/instructor/dossiers/${dossierId}/archive`, {
        archived: 'oui',
      });

      expect(response.status).toBe(400);
    });
  });

  describe('procedure closing', () => {
    it('closes the procedure', async () => {
      const response = await administrator.post(`/api/admin/procedures/${procedureId}/close`);

      expect(response.status).toBe(200);
      expect((await response.json()).state).toBe('close');
    });

    it('refuses new dossiers with 422', async () => {
      const response = await applicant.post(`/api/procedures/${procedureId}/dossiers`);

      expect(response.status).toBe(422);
      expect((await response.json()).code).toBe(ErrorCode.ProcedureClosed);
    });
  });
});
