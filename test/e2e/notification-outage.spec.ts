import { type DossierView, type EmailView, FieldType } from '@tps/contracts';

import type { ApiClient } from '../../scripts/scenario/api-client';
import { startStack, type Stack } from '../support/stack';
import { publishProcedure, recipients, signedIn } from './e2e-helpers';

const DOSSIER_COUNT = 6;

describe('notifications outage', () => {
  let stack: Stack;
  let instructor: ApiClient;
  let procedureId: string;
  let nameFieldId: string;

  beforeAll(async () => {
    stack = await startStack();
    const admin = await signedIn(stack.gatewayUrl, 'admin.panne@tests.tps.local');
    instructor = await signedIn(stack.gatewayUrl, 'instructeur.panne@tests.tps.local');
    const procedure = await publishProcedure(
      admin,
      'Demande de carte de stationnement résident',
      [{ type: FieldType.Text, label: 'Nom et prénom', required: true }],
      'instructeur.panne@tests.tps.local',
    );
    procedureId = procedure.id;
    nameFieldId = procedure.fields['Nom et prénom'].stableId;
  }, 60000);

  afterAll(async () => {
    await stack?.close();
  });

  it('sends each submission mail once after restart', async () => {
    await stack.stopService('notifications');

    const dossiers: DossierView[] = [];
    for (let index = 1; index <= DOSSIER_COUNT; index += 1) {
      const applicant = await signedIn(stack.gatewayUrl, `usager${index}.panne@tests.tps.local`);
      const draft = await applicant.post<DossierView>(
        `/api/procedures/${procedureId}/dossiers`,
        undefined,
        201,
      );
      await applicant.patch(`/api/dossiers/${draft.id}/fields`, {
        values: { [nameFieldId]: `Usager numéro ${index}` },
      });
      dossiers.push(
        await applicant.post<DossierView>(`/api/dossiers/${draft.id}/submit`, undefined, 200),
      );
    }
    expect(dossiers.map((dossier) => dossier.state)).toEqual(
      Array(DOSSIER_COUNT).fill('en_construction'),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stack.smtp.mails).toHaveLength(0);

    await Promise.all([
      stack.startService('notifications'),
      stack.startService('notifications', { replica: 2 }),
    ]);
    await stack.smtp.waitForMails(DOSSIER_COUNT, () => true, 30000);
    // Give a duplicate time to show up: several retry periods of the stack (100 ms base).
    await new Promise((resolve) => setTimeout(resolve, 2000));

    expect(stack.smtp.mails).toHaveLength(DOSSIER_COUNT);
    for (const dossier of dossiers) {
      const received = stack.smtp.mails.filter((mail) =>
        recipients(mail).includes(dossier.applicantEmail),
      );
      expect({ applicant: dossier.applicantEmail, mails: received.length }).toEqual({
        applicant: dossier.applicantEmail,
        mails: 1,
      });
      const emails = await instructor.get<EmailView[]>(
        `/api/instructor/dossiers/${dossier.id}/emails`,
      );
      expect(emails.map((email) => [email.kind, email.status])).toEqual([
        ['dossier_submitted', 'sent'],
      ]);
    }
  }, 60000);
});
