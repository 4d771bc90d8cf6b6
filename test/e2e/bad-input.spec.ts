import { type DossierView, FieldType, type ProcedureView } from '@tps/contracts';

import type { ApiClient, ApiErrorBody } from '../../scripts/scenario/api-client';
import { buildMinimalPdf } from '../../scripts/scenario/minimal-pdf';
import { startStack, type Stack } from '../support/stack';
import { publishProcedure, signedIn, storedData } from './e2e-helpers';

/** The stack's global upload limit (MAX_UPLOAD_BYTES). */
const UPLOAD_LIMIT = 2 * 1024 * 1024;
const FIELD_LIMIT = 100 * 1000;

describe('bad input', () => {
  let stack: Stack;
  let applicant: ApiClient;
  let otherApplicant: ApiClient;
  let instructor: ApiClient;
  let dossier: DossierView;
  let ids: Record<string, string>;
  let foreignFieldId: string;
  let admin: ApiClient;
  let procedureId: string;

  const fieldsPath = (): string => `/api/dossiers/${dossier.id}/fields`;
  const uploadPath = (label: string): string =>
    `/api/dossiers/${dossier.id}/fields/${ids[label]}/attachments`;
  const reread = (): Promise<DossierView> =>
    applicant.get<DossierView>(`/api/dossiers/${dossier.id}`);

  /** Sends a request that must fail, then checks the dossier is stored exactly as before. */
  async function expectRejectedUnchanged(send: () => Promise<ApiErrorBody>): Promise<ApiErrorBody> {
    const before = storedData(await reread());
    const body = await send();
    expect(storedData(await reread())).toEqual(before);

    return body;
  }

  function fileForm(content: Buffer, filename: string): FormData {
    const form = new FormData();
    form.append('file', new Blob([content], { type: 'application/pdf' }), filename);

    return form;
  }

  beforeAll(async () => {
    stack = await startStack({ env: { MAX_UPLOAD_BYTES: String(UPLOAD_LIMIT) } });
    admin = await signedIn(stack.gatewayUrl, 'admin.saisie@tests.tps.local');
    instructor = await signedIn(stack.gatewayUrl, 'instructeur.saisie@tests.tps.local');
    const procedure = await publishProcedure(
      admin,
      'Demande d’aide à l’embauche',
      [
        { type: FieldType.Text, label: 'Nom', required: true },
        { type: FieldType.Integer, label: 'Nombre de salariés' },
        { type: FieldType.Decimal, label: 'Montant demandé' },
        { type: FieldType.Date, label: 'Date de création' },
        { type: FieldType.Siret, label: 'SIRET' },
        { type: FieldType.Email, label: 'Courriel' },
        { type: FieldType.Attachment, label: 'Justificatif' },
        { type: FieldType.Attachment, label: 'Photo', options: { maxFileSizeBytes: FIELD_LIMIT } },
      ],
      'instructeur.saisie@tests.tps.local',
    );
    procedureId = procedure.id;
    ids = Object.fromEntries(
      Object.entries(procedure.fields).map(([label, field]) => [label, field.stableId]),
    );
    const other = await publishProcedure(
      admin,
      'Déclaration de travaux',
      [{ type: FieldType.Text, label: 'Commentaire' }],
      'instructeur.saisie@tests.tps.local',
    );
    foreignFieldId = other.fields.Commentaire.stableId;

    applicant = await signedIn(stack.gatewayUrl, 'usager.saisie@tests.tps.local');
    otherApplicant = await signedIn(stack.gatewayUrl, 'autre.usager@tests.tps.local');
    dossier = await applicant.post<DossierView>(
      `/api/procedures/${procedure.id}/dossiers`,
      undefined,
      201,
    );
    dossier = await applicant.patch<DossierView>(fieldsPath(), {
      values: {
        [ids.Nom]: 'Boulangerie Martin',
        [ids['Nombre de salariés']]: 4,
        [ids['Date de création']]: '2019-05-02',
        [ids.SIRET]: '41816609600069',
        [ids.Courriel]: 'contact@boulangerie-martin.fr',
      },
    });
  }, 60000);

  afterAll(async () => {
    await stack?.close();
  });

  describe('field values', () => {
    it('accepts 12,5 and 12.5 as 12.5', async () => {
      for (const raw of ['12,5', '12.5']) {
        const updated = await applicant.patch<DossierView>(fieldsPath(), {
          values: { [ids['Montant demandé']]: raw },
        });
        const field = updated.fields.find(
          (candidate) => candidate.definition.stableId === ids['Montant demandé'],
        );
        expect({ raw, value: field?.value }).toEqual({ raw, value: 12.5 });
      }
    });

    it('rejects malformed JSON', async () => {
      await expectRejectedUnchanged(() =>
        applicant.expectError('PATCH', fieldsPath(), 400, 'VALIDATION_FAILED', {
          rawJson: '{"values": {',
        }),
      );
    });

    it('rejects an unknown property', async () => {
      await expectRejectedUnchanged(() =>
        applicant.expectError('PATCH', fieldsPath(), 400, 'VALIDATION_FAILED', {
          json: { values: { [ids.Nom]: 'Autre nom' }, brouillon: true },
        }),
      );
    });

    const invalidValues: [string, string, unknown][] = [
      ['text for an integer', 'Nombre de salariés', 'douze'],
      ['a number for a text', 'Nom', 42],
      ['a list for a decimal', 'Montant demandé', [12]],
      ['31 February (ISO)', 'Date de création', '2025-02-31'],
      ['31 February (French)', 'Date de création', '31/02/2025'],
      ['SIRET with bad checksum', 'SIRET', '82161143100039'],
      ['SIRET of 13 digits', 'SIRET', '4181660960006'],
      ['e-mail without @', 'Courriel', 'contact.boulangerie-martin.fr'],
    ];

    it.each(invalidValues)('rejects %s', async (_case, label, raw) => {
      const body = await expectRejectedUnchanged(() =>
        applicant.expectError('PATCH', fieldsPath(), 400, 'VALIDATION_FAILED', {
          json: { values: { [ids.Nom]: 'Nom qui ne doit pas être enregistré', [ids[label]]: raw } },
        }),
      );
      const named = (body.details?.fields ?? []).map((field) => field.field);
      expect(named.some((field) => field.includes(ids[label]))).toBe(true);
    });

    it.each([
      ['a NUL character', 'Boulangerie\u0000Martin'],
      ['an unpaired surrogate', 'Boulangerie \ud800Martin'],
    ])('rejects text with %s', async (_case, raw) => {
      const body = await expectRejectedUnchanged(() =>
        applicant.expectError('PATCH', fieldsPath(), 400, 'VALIDATION_FAILED', {
          rawJson: `{"values":{"${ids.Nom}":${JSON.stringify(raw)}}}`,
        }),
      );
      expect(body.details?.fields?.[0]?.field).toBe(`values.${ids.Nom}`);
    });

    it('rejects a __proto__ key', async () => {
      await expectRejectedUnchanged(() =>
        applicant.expectError('PATCH', fieldsPath(), 400, 'VALIDATION_FAILED', {
          rawJson: '{"values":{"__proto__":{"x":1}}}',
        }),
      );
    });

    it('rejects a field of another procedure', async () => {
      await expectRejectedUnchanged(() =>
        applicant.expectError('PATCH', fieldsPath(), 400, 'VALIDATION_FAILED', {
          json: { values: { [foreignFieldId]: 'Commentaire égaré' } },
        }),
      );
    });
  });

  describe('attachment field limit', () => {
    const fieldsOf = async (): Promise<ProcedureView['draftRevision']['fields']> =>
      (await admin.get<ProcedureView>(`/api/admin/procedures/${procedureId}`)).draftRevision.fields;

    it('rejects a new field over MAX_UPLOAD_BYTES', async () => {
      const before = await fieldsOf();
      const body = await admin.expectError(
        'POST',
        `/api/admin/procedures/${procedureId}/fields`,
        400,
        'VALIDATION_FAILED',
        {
          json: {
            type: FieldType.Attachment,
            label: 'Plan du local',
            options: { maxFileSizeBytes: UPLOAD_LIMIT + 1 },
          },
        },
      );

      expect(body.details?.fields?.map((field) => field.field)).toEqual([
        'options.maxFileSizeBytes',
      ]);
      expect(body.message).toContain('(2 Mo)');
      expect(await fieldsOf()).toEqual(before);
    });

    it('rejects raising a field limit over MAX_UPLOAD_BYTES', async () => {
      const body = await admin.expectError(
        'PATCH',
        `/api/admin/procedures/${procedureId}/fields/${ids.Photo}`,
        400,
        'VALIDATION_FAILED',
        { json: { options: { maxFileSizeBytes: 100_000 * 1024 * 1024 } } },
      );

      expect(body.details?.fields?.map((field) => field.field)).toEqual([
        'options.maxFileSizeBytes',
      ]);
      const photo = (await fieldsOf()).find((field) => field.stableId === ids.Photo);
      expect(photo?.options.maxFileSizeBytes).toBe(FIELD_LIMIT);
    });

    it('accepts a field limit equal to MAX_UPLOAD_BYTES', async () => {
      const updated = await admin.patch<{ options: { maxFileSizeBytes?: number } }>(
        `/api/admin/procedures/${procedureId}/fields/${ids.Justificatif}`,
        { options: { maxFileSizeBytes: UPLOAD_LIMIT } },
      );

      expect(updated.options.maxFileSizeBytes).toBe(UPLOAD_LIMIT);
    });
  });

  describe('uploads', () => {
    it('rejects a file over the upload limit', async () => {
      const pdf = buildMinimalPdf('Justificatif trop lourd');
      const content = Buffer.concat([pdf, Buffer.alloc(UPLOAD_LIMIT + 1 - pdf.length, 0x20)]);
      const body = await expectRejectedUnchanged(() =>
        applicant.expectError('POST', uploadPath('Justificatif'), 413, 'PAYLOAD_TOO_LARGE', {
          form: fileForm(content, 'justificatif.pdf'),
        }),
      );
      expect(body.details?.fields?.map((field) => field.field)).toEqual(['file']);
    });

    it('rejects a file over the field limit', async () => {
      const pdf = buildMinimalPdf('Photo trop lourde');
      const content = Buffer.concat([pdf, Buffer.alloc(FIELD_LIMIT + 1 - pdf.length, 0x20)]);
      await expectRejectedUnchanged(() =>
        applicant.expectError('POST', uploadPath('Photo'), 413, 'PAYLOAD_TOO_LARGE', {
          form: fileForm(content, 'photo.pdf'),
        }),
      );
    });

    it('rejects an empty file', async () => {
      const body = await expectRejectedUnchanged(() =>
        applicant.expectError('POST', uploadPath('Justificatif'), 400, 'VALIDATION_FAILED', {
          form: fileForm(Buffer.alloc(0), 'vide.pdf'),
        }),
      );
      expect(body.details?.fields?.map((field) => field.field)).toEqual(['file']);
    });

    it('rejects a program named .pdf', async () => {
      // A Windows executable header: the type comes from the content, not from the name.
      const executable = Buffer.concat([
        Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
        Buffer.alloc(512, 0),
      ]);
      const body = await expectRejectedUnchanged(() =>
        applicant.expectError('POST', uploadPath('Justificatif'), 415, 'UNSUPPORTED_MEDIA_TYPE', {
          form: fileForm(executable, 'facture.pdf'),
        }),
      );
      expect(body.details?.fields?.map((field) => field.field)).toEqual(['file']);
    });

    it('accepts a real PDF', async () => {
      const response = await applicant.request('POST', uploadPath('Justificatif'), {
        form: fileForm(buildMinimalPdf('Kbis de la boulangerie'), 'kbis.pdf'),
        expect: 201,
      });
      expect(response.status).toBe(201);
    });
  });

  describe('other applicant', () => {
    it('gets 404 for every call on the dossier', async () => {
      await expectRejectedUnchanged(async () => {
        await otherApplicant.expectError('GET', `/api/dossiers/${dossier.id}`, 404, 'NOT_FOUND');
        await otherApplicant.expectError('PATCH', fieldsPath(), 404, 'NOT_FOUND', {
          json: { values: { [ids.Nom]: 'Intrus' } },
        });
        await otherApplicant.expectError(
          'POST',
          `/api/dossiers/${dossier.id}/submit`,
          404,
          'NOT_FOUND',
        );

        return otherApplicant.expectError('POST', uploadPath('Justificatif'), 404, 'NOT_FOUND', {
          form: fileForm(buildMinimalPdf('Intrus'), 'intrus.pdf'),
        });
      });
    });
  });

  describe('transitions', () => {
    it('rejects a decision on a dossier en construction', async () => {
      await applicant.post(`/api/dossiers/${dossier.id}/submit`, undefined, 200);
      const body = await expectRejectedUnchanged(() =>
        instructor.expectError(
          'POST',
          `/api/instructor/dossiers/${dossier.id}/transitions`,
          409,
          'INVALID_TRANSITION',
          {
            json: { action: 'accepter' },
          },
        ),
      );
      expect(body.details?.currentState).toBe('en_construction');
    });

    it('rejects a second submission', async () => {
      await expectRejectedUnchanged(() =>
        applicant.expectError(
          'POST',
          `/api/dossiers/${dossier.id}/submit`,
          409,
          'INVALID_TRANSITION',
        ),
      );
    });
  });
});
