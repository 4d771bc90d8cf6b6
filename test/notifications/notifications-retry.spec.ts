import type { INestApplication } from '@nestjs/common';
import { EventSubjects } from '@tps/contracts';
import { listeningPort } from '@tps/platform';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

import { freePort } from '../support/ports';
import { NotificationsFixture, sleep, waitFor } from './notifications-fixture';

interface EmailRowProbe {
  status: string;
  attempts: number;
  last_error: string | null;
}

/** Starts an SMTP server on a port chosen earlier, so the service can use that port first. */
async function startSmtpOn(port: number, mails: ParsedMail[]): Promise<() => Promise<void>> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('notifications service with an SMTP outage', () => {
  const fixture = new NotificationsFixture();
  const mails: ParsedMail[] = [];
  let smtpPort: number;
  let stopSmtp: (() => Promise<void>) | undefined;
  let app: INestApplication;

  const rowFor = async (eventId: string): Promise<EmailRowProbe | undefined> =>
    (await fixture.query<EmailRowProbe>(`SELECT * FROM email WHERE event_id = $1`, [eventId]))[0];
  const attemptsOf = (eventId: string): Promise<Array<{ attempt: number; outcome: string }>> =>
    fixture.query(
      `SELECT a.attempt, a.outcome FROM email_attempt a JOIN email e ON e.id = a.email_id
       WHERE e.event_id = $1 ORDER BY a.attempt`,
      [eventId],
    );
  const ready = async (): Promise<{ status: number; checks: Record<string, string> }> => {
    const response = await fetch(`http://127.0.0.1:${listeningPort(app)}/ready`);
    const body = (await response.json()) as { checks: Record<string, string> };

    return { status: response.status, checks: body.checks };
  };

  beforeAll(async () => {
    smtpPort = await freePort();
    await fixture.start();
    app = await fixture.startNotifications({
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      NOTIFICATIONS_MAX_ATTEMPTS: '4',
      NOTIFICATIONS_RETRY_BASE_MS: '500',
    });
  });

  afterAll(async () => {
    await app?.close();
    await fixture.stop();
    await stopSmtp?.();
  });

  it('reports SMTP as not ready while it is down', async () => {
    const { status, checks } = await ready();

    expect(status).toBe(503);
    expect(checks).toMatchObject({ database: 'ok', nats: 'ok' });
    expect(checks.smtp).not.toBe('ok');
  });

  it('marks the e-mail failed after the last attempt and stores every attempt', async () => {
    const data = fixture.dossierEvent();
    const envelope = await fixture.publish(EventSubjects.dossierSubmitted, data);

    await waitFor(async () => (await rowFor(envelope.id))?.status === 'failed');

    expect(await rowFor(envelope.id)).toMatchObject({ status: 'failed', attempts: 4 });
    expect((await rowFor(envelope.id))?.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(await attemptsOf(envelope.id)).toEqual(
      [1, 2, 3, 4].map((attempt) => ({ attempt, outcome: 'failed' })),
    );
  });

  it('retries while SMTP is down and sends once it is back', async () => {
    const data = fixture.dossierEvent();
    const envelope = await fixture.publish(EventSubjects.dossierSubmitted, data);
    await waitFor(async () => ((await rowFor(envelope.id))?.attempts ?? 0) >= 2);
    expect(await rowFor(envelope.id)).toMatchObject({ status: 'pending' });

    stopSmtp = await startSmtpOn(smtpPort, mails);

    await waitFor(async () => (await rowFor(envelope.id))?.status === 'sent');
    await sleep(300);
    const sent = mails.filter((mail) => mail.subject?.includes(`n° ${data.dossierNumber} `));
    expect(sent).toHaveLength(1);
    const attempts = await attemptsOf(envelope.id);
    expect(attempts.at(-1)).toEqual({ attempt: attempts.length, outcome: 'sent' });
    expect(attempts.slice(0, -1).every((attempt) => attempt.outcome === 'failed')).toBe(true);
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    expect((await ready()).status).toBe(200);
    // The e-mail given up earlier stays failed and unsent.
    expect(mails).toHaveLength(1);
  });
});
