import { runScenario, type ScenarioResult } from '../../scripts/scenario/run-scenario';
import { startStack, type Stack } from '../support/stack';
import { recipients } from './e2e-helpers';

describe('scenario', () => {
  let stack: Stack;
  let result: ScenarioResult;
  const lines: string[] = [];

  beforeAll(async () => {
    stack = await startStack();
    result = await runScenario({
      gatewayUrl: stack.gatewayUrl,
      mailbox: () => stack.smtp.mails.length,
      log: (line) => lines.push(line),
    });
    // Late duplicates would arrive within a few retry periods of the last mail.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }, 90000);

  afterAll(async () => {
    await stack?.close();
  });

  it('ends with the planned dossiers per state', () => {
    expect(result.countsByState).toEqual({
      brouillon: 1,
      en_construction: 2,
      en_instruction: 2,
      accepte: 3,
      refuse: 2,
      sans_suite: 1,
    });
    expect(result.archived).toBe(6);
  });

  it('checks the documented rejections', () => {
    expect(result.rejectionsChecked).toBeGreaterThanOrEqual(10);
  });

  it('reports every planned e-mail as sent', () => {
    for (const dossier of result.dossiers) {
      const kinds = dossier.emails.map((email) => email.kind).sort();
      expect({ ref: dossier.ref, kinds }).toEqual({
        ref: dossier.ref,
        kinds: [...dossier.expectedEmails].sort(),
      });
    }
  });

  it('delivers each applicant exactly the expected mails', () => {
    for (const dossier of result.dossiers) {
      const received = stack.smtp.mails.filter((mail) =>
        recipients(mail).includes(dossier.applicantEmail),
      );
      const subjects = received.map((mail) => mail.subject ?? '').sort();
      const expected = dossier.emails.map((email) => email.subject).sort();
      expect({ ref: dossier.ref, subjects }).toEqual({ ref: dossier.ref, subjects: expected });
      expect({ ref: dossier.ref, count: received.length }).toEqual({
        ref: dossier.ref,
        count: dossier.expectedEmails.length,
      });
    }
  });

  it('delivers no other mail', () => {
    const expectedTotal = result.dossiers.reduce(
      (total, dossier) => total + dossier.expectedEmails.length,
      0,
    );
    expect(stack.smtp.mails).toHaveLength(expectedTotal);
    expect(result.mailboxReceived).toBe(expectedTotal);
  });

  it('names the dossier number in each mail', () => {
    for (const dossier of result.dossiers) {
      for (const mail of stack.smtp.mails.filter((candidate) =>
        recipients(candidate).includes(dossier.applicantEmail),
      )) {
        const text = `${mail.subject ?? ''}\n${mail.text ?? ''}`;
        expect({ ref: dossier.ref, mentionsNumber: text.includes(String(dossier.number)) }).toEqual(
          {
            ref: dossier.ref,
            mentionsNumber: true,
          },
        );
      }
    }
  });

  it('prints states and e-mails', () => {
    const report = lines.join('\n');
    expect(report).toContain('Dossiers per state');
    expect(report).toContain(`E-mails sent: ${result.emailsSent}`);
  });
});
