import { randomUUID } from 'node:crypto';

import type { INestApplication } from '@nestjs/common';
import {
  type CloudEvent,
  cloudEventTypeFor,
  DossierState,
  type EmailView,
  ErrorCode,
  EventSubjects,
  InstructorAction,
  NotificationSubjects,
  type RenderedEmail,
} from '@tps/contracts';
import { listeningPort } from '@tps/platform';
import type { ParsedMail } from 'mailparser';

import { EmailDeliveryService } from '../../apps/notifications/src/delivery/email-delivery.service';
import { startTestSmtp, type TestSmtp } from '../support/smtp';
import {
  admin,
  instructor,
  NotificationsFixture,
  PUBLIC_URL,
  sleep,
  stranger,
  waitFor,
} from './notifications-fixture';

interface EmailRowProbe {
  status: string;
  attempts: number;
  recipient: string;
  kind: string;
  event_id: string;
  last_error: string | null;
}

describe('notifications service', () => {
  const fixture = new NotificationsFixture();
  let smtp: TestSmtp;
  let app: INestApplication | undefined;

  const start = (): Promise<INestApplication> => fixture.startNotifications({ SMTP_URL: smtp.url });
  const mailsTo = (recipient: string): ParsedMail[] =>
    smtp.mails.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.text === recipient);
  const waitForMailTo = async (recipient: string): Promise<ParsedMail> => {
    const [mail] = await smtp.waitForMails(1, (candidate) =>
      mailsTo(recipient).includes(candidate),
    );

    return mail;
  };
  const rowsFor = (eventId: string): Promise<EmailRowProbe[]> =>
    fixture.query<EmailRowProbe>(`SELECT * FROM email WHERE event_id = $1`, [eventId]);

  beforeAll(async () => {
    smtp = await startTestSmtp();
    await fixture.start();
    app = await start();
  });

  afterAll(async () => {
    await app?.close();
    await fixture.stop();
    await smtp?.stop();
  });

  it('reports ready on /ready once PostgreSQL, NATS and SMTP answer', async () => {
    const response = await fetch(`http://127.0.0.1:${listeningPort(app!)}/ready`);
    const body = (await response.json()) as { checks: Record<string, string> };

    expect(response.status).toBe(200);
    expect(body.checks).toMatchObject({ database: 'ok', nats: 'ok', smtp: 'ok' });
  });

  describe('one e-mail per state change', () => {
    const cases = [
      {
        subject: EventSubjects.dossierSubmitted,
        kind: 'dossier_submitted',
        overrides: {},
        title: (n: number) =>
          `Votre dossier n° ${n} a bien été déposé (Aide à l’équipement sportif)`,
        bodyParts: ['a bien été déposé le 15/03/2026'],
      },
      {
        subject: EventSubjects.dossierInstructionStarted,
        kind: 'dossier_instruction_started',
        overrides: {
          fromState: DossierState.EnConstruction,
          toState: DossierState.EnInstruction,
          instructionStartedAt: '2026-04-01T08:00:00.000Z',
        },
        title: (n: number) => `Votre dossier n° ${n} va être examiné (Aide à l’équipement sportif)`,
        bodyParts: ['pris en charge le 01/04/2026'],
      },
      {
        subject: EventSubjects.dossierReturnedToConstruction,
        kind: 'dossier_returned_to_construction',
        overrides: {
          fromState: DossierState.EnInstruction,
          toState: DossierState.EnConstruction,
          action: InstructorAction.RepasserEnConstruction,
          instructionStartedAt: '2026-04-01T08:00:00.000Z',
          transitionMotivation: 'Joignez le RIB du club.',
        },
        title: (n: number) => `Votre dossier n° ${n} est à compléter (Aide à l’équipement sportif)`,
        bodyParts: ['pour que vous le complétiez ou le corrigiez.', 'Joignez le RIB du club.'],
      },
      {
        subject: EventSubjects.dossierAccepted,
        kind: 'dossier_accepted',
        overrides: { toState: DossierState.Accepte, decidedAt: '2026-05-02T10:00:00.000Z' },
        title: (n: number) => `Votre dossier n° ${n} a été accepté (Aide à l’équipement sportif)`,
        bodyParts: ['a été accepté le 02/05/2026'],
      },
      {
        subject: EventSubjects.dossierRefused,
        kind: 'dossier_refused',
        overrides: {
          toState: DossierState.Refuse,
          decidedAt: '2026-05-03T10:00:00.000Z',
          motivation: 'Pièces manquantes',
        },
        title: (n: number) => `Votre dossier n° ${n} a été refusé (Aide à l’équipement sportif)`,
        bodyParts: [
          'a été refusé le 03/05/2026',
          'Le motif de refus est le suivant : Pièces manquantes',
        ],
      },
      {
        subject: EventSubjects.dossierClosedWithoutFollowUp,
        kind: 'dossier_closed_without_follow_up',
        overrides: {
          toState: DossierState.SansSuite,
          decidedAt: '2026-05-04T10:00:00.000Z',
          motivation: 'Demande retirée',
        },
        title: (n: number) =>
          `Votre dossier n° ${n} a été classé sans suite (Aide à l’équipement sportif)`,
        bodyParts: ['classé sans suite le 04/05/2026', 'Le motif est le suivant : Demande retirée'],
      },
    ];

    it.each(cases)('sends the $kind e-mail to the applicant', async (testCase) => {
      const data = fixture.dossierEvent(testCase.overrides);
      const envelope = await fixture.publish(testCase.subject, data);

      const mail = await waitForMailTo(data.applicantEmail);

      expect(mail.subject).toBe(testCase.title(data.dossierNumber));
      expect(mail.from?.text).toContain('ne-pas-repondre@tps.local');
      for (const part of testCase.bodyParts) {
        expect(mail.text).toContain(part);
        expect(mail.html).toContain(part);
      }
      expect(mail.text).toContain('Mairie de Test');
      expect(mail.headers.get('x-tps-event-id')).toBe(envelope.id);
      await waitFor(async () => (await rowsFor(envelope.id))[0]?.status === 'sent');
      const [row] = await rowsFor(envelope.id);
      expect(row).toMatchObject({ status: 'sent', attempts: 1, kind: testCase.kind });
      const attempts = await fixture.query<{ outcome: string; attempt: number }>(
        `SELECT a.outcome, a.attempt FROM email_attempt a JOIN email e ON e.id = a.email_id
         WHERE e.event_id = $1`,
        [envelope.id],
      );
      expect(attempts).toEqual([{ outcome: 'sent', attempt: 1 }]);
      await sleep(300);
      expect(mailsTo(data.applicantEmail)).toHaveLength(1);
    });

    it('shows the acceptance motivation on its own line', async () => {
      const data = fixture.dossierEvent({
        toState: DossierState.Accepte,
        decidedAt: '2026-05-02T10:00:00.000Z',
        motivation: 'Dossier complet, subvention de 1 500 €.',
        transitionMotivation: 'Dossier complet, subvention de 1 500 €.',
      });
      await fixture.publish(EventSubjects.dossierAccepted, data);

      const mail = await waitForMailTo(data.applicantEmail);

      expect(mail.text).toContain(
        'accepté le 02/05/2026.\nDossier complet, subvention de 1 500 €.\nPour en savoir plus',
      );
      expect(mail.html).toContain('Dossier complet, subvention de 1 500 €.');
    });

    it('leaves no empty line for an acceptance without motivation', async () => {
      const data = fixture.dossierEvent({
        toState: DossierState.Accepte,
        decidedAt: '2026-05-02T10:00:00.000Z',
        motivation: null,
        transitionMotivation: null,
      });
      await fixture.publish(EventSubjects.dossierAccepted, data);

      const mail = await waitForMailTo(data.applicantEmail);

      expect(mail.text).toContain('accepté le 02/05/2026.\nPour en savoir plus');
      expect(mail.html).toContain('accepté le 02/05/2026.<br>\nPour en savoir plus');
    });

    it('links to the dossier in the applicant space', async () => {
      const data = fixture.dossierEvent();
      await fixture.publish(EventSubjects.dossierSubmitted, data);

      const mail = await waitForMailTo(data.applicantEmail);

      expect(mail.text).toContain(`${PUBLIC_URL}/dossiers/${data.dossierId}`);
    });

    it('ignores other dossier events and drops an invalid payload without blocking the next', async () => {
      const archived = fixture.dossierEvent({ archived: true });
      await fixture.publish(EventSubjects.dossierArchived, archived);
      const invalid = fixture.dossierEvent();
      const invalidEnvelope = await fixture.publish(EventSubjects.dossierSubmitted, {
        ...invalid,
        applicantEmail: 'pas une adresse',
      });
      const next = fixture.dossierEvent();
      await fixture.publish(EventSubjects.dossierSubmitted, next);

      await waitForMailTo(next.applicantEmail);
      await sleep(300);

      expect(mailsTo(archived.applicantEmail)).toHaveLength(0);
      expect(
        smtp.mails.filter((mail) => mail.subject?.includes(` ${invalid.dossierNumber} `)),
      ).toHaveLength(0);
      expect(await rowsFor(invalidEnvelope.id)).toHaveLength(0);
    });
  });

  describe('rendering of administrator templates', () => {
    it('renders administrator template safely', async () => {
      await fixture.saveTemplate(
        'dossier_refused',
        'Dossier --numéro du dossier-- : --NOM DU CLUB--',
        [
          'Bonjour --nom du club--,',
          '',
          'Motivation : [--motivation--]',
          '{{constructor}} {{#with this}}x{{/with}} \\{{lookup}}',
          'Lien : --lien dossier--',
        ].join('\n'),
      );
      const data = fixture.dossierEvent({
        toState: DossierState.Refuse,
        decidedAt: new Date().toISOString(),
        motivation: null,
        fields: [
          {
            stableId: fixture.clubField.stableId,
            type: fixture.clubField.type,
            label: 'Nom du club',
            value: '<script>alert(1)</script>',
            displayValue: '<script>alert(1)</script>',
          },
        ],
      });
      await fixture.publish(EventSubjects.dossierRefused, data);

      const mail = await waitForMailTo(data.applicantEmail);

      expect(mail.subject).toBe(`Dossier ${data.dossierNumber} : <script>alert(1)</script>`);
      expect(mail.html).toContain('Bonjour &lt;script&gt;alert(1)&lt;/script&gt;,');
      expect(mail.html).not.toContain('<script>');
      expect(mail.text).toContain('Bonjour <script>alert(1)</script>,');
      expect(mail.text).toContain('Motivation : []');
      expect(mail.text).toContain('{{constructor}} {{#with this}}x{{/with}} \\{{lookup}}');
      expect(mail.html).toContain('{{constructor}} {{#with this}}x{{/with}} \\{{lookup}}');
      expect(mail.html).toContain('<p style="margin:0 0 16px 0;">Bonjour');
    });
  });

  describe('notifications.email.preview', () => {
    it('renders the given text with sample values for an administrator', async () => {
      const rendered = await fixture.requester.send<RenderedEmail>(
        NotificationSubjects.preview,
        admin,
        {
          procedureId: fixture.procedure.id,
          kind: 'dossier_refused',
          subject: 'Refus n° --numéro du dossier-- (--libellé démarche--)',
          body: 'Club : --nom du club--\nMotif : --motivation--',
        },
      );

      expect(rendered.subject).toBe('Refus n° 1234 (Aide à l’équipement sportif)');
      expect(rendered.text).toBe(
        'Club : (valeur du champ « Nom du club »)\nMotif : Motivation de la décision, telle que l’instructeur la saisira.',
      );
      expect(rendered.html).toContain('Club : (valeur du champ « Nom du club »)<br>');
    });

    it('previews the returned e-mail with a sample request', async () => {
      const rendered = await fixture.requester.send<RenderedEmail>(
        NotificationSubjects.preview,
        admin,
        {
          procedureId: fixture.procedure.id,
          kind: 'dossier_returned_to_construction',
        },
      );

      expect(rendered.subject).toBe(
        'Votre dossier n° 1234 est à compléter (Aide à l’équipement sportif)',
      );
      expect(rendered.text).toContain(
        'Ce qu’il faut compléter ou corriger, tel que l’instructeur le saisira.',
      );
    });

    it('renders the stored template when no text is given', async () => {
      const rendered = await fixture.requester.send<RenderedEmail>(
        NotificationSubjects.preview,
        admin,
        {
          procedureId: fixture.procedure.id,
          kind: 'dossier_accepted',
        },
      );

      expect(rendered.subject).toBe(
        'Votre dossier n° 1234 a été accepté (Aide à l’équipement sportif)',
      );
    });

    it.each([
      ['an instructor', instructor],
      ['a stranger', stranger],
    ])('refuses %s', async (_name, actor) => {
      await expect(
        fixture.requester.send(NotificationSubjects.preview, actor, {
          procedureId: fixture.procedure.id,
          kind: 'dossier_accepted',
        }),
      ).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    });

    it('rejects an unknown tag naming it', async () => {
      const error = await fixture.requester
        .send(NotificationSubjects.preview, admin, {
          procedureId: fixture.procedure.id,
          kind: 'dossier_submitted',
          subject: 'Dossier --numéro du dossier-- --tag inconnu--',
          body: 'Bonjour',
        })
        .catch((caught: unknown) => caught);

      expect(error).toMatchObject({ code: ErrorCode.ValidationFailed });
      expect((error as { details: { fields: unknown[] } }).details.fields).toEqual([
        { field: 'subject', message: 'balises inconnues : --tag inconnu--' },
      ]);
    });

    it('accepts a tag typed in decomposed Unicode', async () => {
      const rendered = await fixture.requester.send<RenderedEmail>(
        NotificationSubjects.preview,
        admin,
        {
          procedureId: fixture.procedure.id,
          kind: 'dossier_submitted',
          subject: 'Dossier n° --nume\u0301ro du dossier--',
          body: 'Bonjour',
        },
      );

      expect(rendered.subject).toBe('Dossier n° 1234');
    });

    it('rejects an unknown kind', async () => {
      await expect(
        fixture.requester.send(NotificationSubjects.preview, admin, {
          procedureId: fixture.procedure.id,
          kind: 'dossier_lost',
        }),
      ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    });
  });

  describe('notifications.email.list', () => {
    it('lists the e-mails of a dossier for its instructors and administrators only', async () => {
      const submitted = fixture.dossierEvent();
      const first = await fixture.publish(EventSubjects.dossierSubmitted, submitted);
      await waitForMailTo(submitted.applicantEmail);
      const accepted = await fixture.publish(
        EventSubjects.dossierAccepted,
        fixture.dossierEvent({
          dossierId: submitted.dossierId,
          dossierNumber: submitted.dossierNumber,
          applicantEmail: submitted.applicantEmail,
          toState: DossierState.Accepte,
          decidedAt: new Date().toISOString(),
        }),
      );
      await waitFor(async () => (await rowsFor(accepted.id))[0]?.status === 'sent');

      for (const actor of [instructor, admin]) {
        const emails = await fixture.requester.send<EmailView[]>(
          NotificationSubjects.listForDossier,
          actor,
          {
            dossierId: submitted.dossierId,
          },
        );
        expect(
          emails.map((email) => [email.eventId, email.kind, email.status, email.attempts]),
        ).toEqual([
          [first.id, 'dossier_submitted', 'sent', 1],
          [accepted.id, 'dossier_accepted', 'sent', 1],
        ]);
        expect(emails[0]).toMatchObject({
          dossierId: submitted.dossierId,
          recipient: submitted.applicantEmail,
          lastError: null,
        });
        expect(emails[0].sentAt).not.toBeNull();
      }
      await expect(
        fixture.requester.send(NotificationSubjects.listForDossier, stranger, {
          dossierId: submitted.dossierId,
        }),
      ).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    });

    it('returns an empty list for a dossier without e-mails', async () => {
      await expect(
        fixture.requester.send(NotificationSubjects.listForDossier, stranger, {
          dossierId: randomUUID(),
        }),
      ).resolves.toEqual([]);
    });
  });

  describe('procedures service outage', () => {
    it('sends once the template can be read again', async () => {
      await fixture.procedures.close();
      const data = fixture.dossierEvent();
      const envelope = await fixture.publish(EventSubjects.dossierSubmitted, data);
      await waitFor(async () => (await rowsFor(envelope.id))[0]?.last_error);

      const [waiting] = await fixture.query<{
        status: string;
        last_error: string;
        attempts: number;
      }>(`SELECT status, last_error, attempts FROM email WHERE event_id = $1`, [envelope.id]);
      await fixture.restartProcedures(500);

      expect(waiting).toMatchObject({ status: 'pending', attempts: 0 });
      expect(waiting.last_error).toMatch(/^template unavailable/);
      const mail = await waitForMailTo(data.applicantEmail);
      expect(mail.subject).toContain(`n° ${data.dossierNumber} `);
      await waitFor(async () => (await rowsFor(envelope.id))[0]?.status === 'sent');
      expect(await rowsFor(envelope.id)).toMatchObject([{ status: 'sent', attempts: 1 }]);
    });
  });

  describe('exactly once', () => {
    it('takes over an expired lease', async () => {
      const data = fixture.dossierEvent();
      const envelope: CloudEvent<unknown> = {
        specversion: '1.0',
        id: randomUUID(),
        type: cloudEventTypeFor(EventSubjects.dossierSubmitted),
        source: '/tps/dossiers',
        time: new Date().toISOString(),
        datacontenttype: 'application/json',
        data,
      };
      const delivery = app!.get(EmailDeliveryService);
      await fixture.query(
        `INSERT INTO email (id, event_id, kind, dossier_id, dossier_number, procedure_id, recipient,
           lease_until)
         VALUES ($1, $2, 'dossier_submitted', $3, $4, $5, $6, now() + interval '1 hour')`,
        [
          randomUUID(),
          envelope.id,
          data.dossierId,
          data.dossierNumber,
          data.procedureId,
          data.applicantEmail,
        ],
      );

      await expect(
        delivery.handle(envelope, EventSubjects.dossierSubmitted, 1),
      ).rejects.toMatchObject({
        name: 'EmailLeaseHeldError',
      });
      expect(mailsTo(data.applicantEmail)).toHaveLength(0);

      await fixture.query(
        `UPDATE email SET lease_until = now() - interval '1 second' WHERE event_id = $1`,
        [envelope.id],
      );
      await delivery.handle(envelope, EventSubjects.dossierSubmitted, 2);

      expect(await rowsFor(envelope.id)).toMatchObject([{ status: 'sent', attempts: 1 }]);
      await waitForMailTo(data.applicantEmail);
    });

    it('sends the e-mails of events published while the service was stopped, once each', async () => {
      await app?.close();
      app = undefined;
      const events = [fixture.dossierEvent(), fixture.dossierEvent(), fixture.dossierEvent()];
      for (const data of events) {
        await fixture.publish(EventSubjects.dossierSubmitted, data);
      }
      await sleep(300);
      for (const data of events) {
        expect(mailsTo(data.applicantEmail)).toHaveLength(0);
      }

      app = await start();

      for (const data of events) {
        await waitForMailTo(data.applicantEmail);
      }
      await sleep(500);
      for (const data of events) {
        expect(mailsTo(data.applicantEmail)).toHaveLength(1);
      }
    });

    it('sends each e-mail once with two replicas consuming together', async () => {
      await app?.close();
      app = undefined;
      const [first, second] = await Promise.all([start(), start()]);
      try {
        const events = Array.from({ length: 8 }, () => fixture.dossierEvent());
        await Promise.all(
          events.map((data) => fixture.publish(EventSubjects.dossierSubmitted, data)),
        );

        for (const data of events) {
          await waitForMailTo(data.applicantEmail);
        }
        await sleep(500);
        for (const data of events) {
          expect(mailsTo(data.applicantEmail)).toHaveLength(1);
        }
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });

    it('sends once under concurrent handling', async () => {
      const [first, second] = await Promise.all([start(), start()]);
      try {
        const data = fixture.dossierEvent();
        const envelope: CloudEvent<unknown> = {
          specversion: '1.0',
          id: randomUUID(),
          type: cloudEventTypeFor(EventSubjects.dossierSubmitted),
          source: '/tps/dossiers',
          time: new Date().toISOString(),
          datacontenttype: 'application/json',
          data,
        };
        const handle = (replica: INestApplication) =>
          replica.get(EmailDeliveryService).handle(envelope, EventSubjects.dossierSubmitted, 1);

        const outcomes = await Promise.allSettled([handle(first), handle(second)]);

        expect(
          outcomes.filter((outcome) => outcome.status === 'fulfilled').length,
        ).toBeGreaterThanOrEqual(1);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') {
            expect((outcome.reason as Error).name).toBe('EmailLeaseHeldError');
          }
        }
        await waitForMailTo(data.applicantEmail);
        await handle(second);
        await handle(first);
        await sleep(300);
        expect(mailsTo(data.applicantEmail)).toHaveLength(1);
        expect(await rowsFor(envelope.id)).toMatchObject([{ status: 'sent', attempts: 1 }]);
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });
  });
});
