import type { INestApplication } from '@nestjs/common';
import { ErrorCode } from '@tps/contracts';

import { startDossiersService } from '../../apps/dossiers/src/dossiers.bootstrap';
import { type GatewayHarness, HttpClient, signUp, startGatewayHarness } from './gateway-harness';

describe('gateway to the dossiers service', () => {
  let harness: GatewayHarness;
  let dossiers: INestApplication;
  let applicant: HttpClient;

  beforeAll(async () => {
    harness = await startGatewayHarness();
    dossiers = await startDossiersService({ ...harness.env, HTTP_PORT: '0' });
    applicant = new HttpClient(harness.baseUrl);
    await signUp(applicant);
  }, 30000);

  afterAll(async () => {
    await dossiers?.close();
    await harness?.stop();
  }, 30000);

  it('lists the caller’s dossiers', async () => {
    const response = await applicant.get('/api/dossiers');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
    expect(response.headers.get('x-correlation-id')).toBeTruthy();
  });

  it('maps a service NOT_FOUND to 404', async () => {
    const response = await applicant.get('/api/dossiers/6f1c1f8e-4c52-4a55-9a57-2d8f0a7c1b11');

    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body.code).toBe(ErrorCode.NotFound);
    expect(typeof body.message).toBe('string');
  });

  it('stops an upload on an unknown dossier before storing', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.7\n')]), 'a.pdf');
    const response = await applicant.request(
      'POST',
      '/api/dossiers/6f1c1f8e-4c52-4a55-9a57-2d8f0a7c1b11/fields/0b9d6a3e-9f0e-4f55-8d8e-7f3f1f1f1f1f/attachments',
      { body: form },
    );

    expect(response.status).toBe(404);
    expect((await response.json()).code).toBe(ErrorCode.NotFound);
  });
});
