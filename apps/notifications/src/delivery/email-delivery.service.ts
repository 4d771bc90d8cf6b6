import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  type CloudEvent,
  ErrorCode,
  EventSubjects,
  type MailTemplateKind,
  type MailTemplateView,
  ProcedureSubjects,
  SYSTEM_ACTOR,
} from '@tps/contracts';
import { DomainError, flattenValidationErrors, NatsRequester } from '@tps/platform';

import type { NotificationsConfig } from '../notifications.config';
import { NOTIFICATIONS_CONFIG } from '../notifications.tokens';
import { MailRenderer } from '../rendering/mail-renderer';
import { tagValuesFromEvent } from '../rendering/tag-values';
import { DossierEventPayloadDto } from './dossier-event-payload.dto';
import { type EmailRow, EmailRepository } from './email.repository';
import { MailSender } from './mail-sender';

/** Event subjects that send an e-mail, and the template each one uses. */
const KIND_BY_SUBJECT: ReadonlyMap<string, MailTemplateKind> = new Map([
  [EventSubjects.dossierSubmitted, 'dossier_submitted'],
  [EventSubjects.dossierInstructionStarted, 'dossier_instruction_started'],
  [EventSubjects.dossierReturnedToConstruction, 'dossier_returned_to_construction'],
  [EventSubjects.dossierAccepted, 'dossier_accepted'],
  [EventSubjects.dossierRefused, 'dossier_refused'],
  [EventSubjects.dossierClosedWithoutFollowUp, 'dossier_closed_without_follow_up'],
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Thrown when another replica holds the lease: the event comes back later. */
export class EmailLeaseHeldError extends Error {
  constructor(eventId: string) {
    super(`e-mail of event ${eventId} is being sent by another replica`);
    this.name = 'EmailLeaseHeldError';
  }
}

/**
 * Turns one dossier event into at most one sent e-mail. Inserting the row keyed by the event id
 * claims the event. A time-limited lease on that row lets one replica at a time send it. The row
 * becomes `sent` right after the SMTP server accepted the message, before the event is
 * acknowledged.
 */
@Injectable()
export class EmailDeliveryService {
  private readonly logger = new Logger(EmailDeliveryService.name);

  constructor(
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(EmailRepository) private readonly emails: EmailRepository,
    @Inject(MailSender) private readonly sender: MailSender,
    @Inject(NatsRequester) private readonly requester: NatsRequester,
    @Inject(MailRenderer) private readonly renderer: MailRenderer,
  ) {}

  /**
   * Handles one delivery of an event. Returning acknowledges it, and throwing makes the event
   * bus deliver it again later. `delivery` counts from 1.
   */
  async handle(event: CloudEvent<unknown>, subject: string, delivery: number): Promise<void> {
    const kind = KIND_BY_SUBJECT.get(subject);
    if (!kind) {
      return;
    }
    const payload = this.parse(event, subject);
    if (!payload) {
      return;
    }
    await this.emails.claim({
      id: randomUUID(),
      eventId: event.id,
      kind,
      dossierId: payload.dossierId,
      dossierNumber: payload.dossierNumber,
      procedureId: payload.procedureId,
      recipient: payload.applicantEmail,
    });
    const email = await this.emails.lease(event.id, this.config.NOTIFICATIONS_LEASE_MS);
    if (!email) {
      const current = await this.emails.findByEvent(event.id);
      if (current && current.status !== 'pending') {
        return;
      }
      throw new EmailLeaseHeldError(event.id);
    }
    const final = delivery >= this.config.NOTIFICATIONS_MAX_ATTEMPTS;
    const content = await this.content(email, payload, final);
    if (!content) {
      return;
    }
    await this.send(email, content, final);
  }

  /** The stored rendering, or a new one from the procedure's current template. */
  private async content(
    email: EmailRow,
    payload: DossierEventPayloadDto,
    final: boolean,
  ): Promise<{ subject: string; html: string; text: string } | undefined> {
    if (email.subject !== null && email.html !== null && email.text !== null) {
      return { subject: email.subject, html: email.html, text: email.text };
    }
    let template: MailTemplateView;
    try {
      template = await this.requester.send<MailTemplateView>(
        ProcedureSubjects.getMailTemplate,
        SYSTEM_ACTOR,
        { procedureId: email.procedure_id, kind: email.kind },
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if ((error instanceof DomainError && error.code === ErrorCode.NotFound) || final) {
        await this.emails.markFailed(email.id, `template unavailable: ${message}`);
        this.logger.error(
          { err: error, emailId: email.id, eventId: email.event_id, dossierId: email.dossier_id },
          'e-mail given up: its template could not be read',
        );

        return undefined;
      }
      await this.emails.release(email.id, `template unavailable: ${message}`);
      throw error;
    }
    const rendered = this.renderer.render(
      template,
      tagValuesFromEvent(payload, this.config.PUBLIC_URL),
    );
    await this.emails.saveRendered(email.id, rendered);

    return rendered;
  }

  private async send(
    email: EmailRow,
    content: { subject: string; html: string; text: string },
    final: boolean,
  ): Promise<void> {
    try {
      const sent = await this.sender.send({
        to: email.recipient,
        subject: content.subject,
        html: content.html,
        text: content.text,
        messageId: `<${email.event_id}@notifications.tps>`,
        eventId: email.event_id,
      });
      // NOTE: a crash before this update commits resends the e-mail once the lease expires.
      // The fixed Message-ID lets the receiving side spot such a duplicate.
      await this.emails.recordAttempt(
        email,
        { outcome: 'sent', smtpResponse: sent.response, messageId: sent.messageId },
        true,
      );
      this.logger.log(
        {
          emailId: email.id,
          eventId: email.event_id,
          dossierId: email.dossier_id,
          kind: email.kind,
        },
        'e-mail sent',
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const response = (error as { response?: unknown }).response;
      await this.emails.recordAttempt(
        email,
        {
          outcome: 'failed',
          error: message,
          smtpResponse: typeof response === 'string' ? response : undefined,
        },
        final,
      );
      if (final) {
        this.logger.error(
          { err: error, emailId: email.id, eventId: email.event_id, dossierId: email.dossier_id },
          'e-mail failed for the last time; marked failed',
        );

        return;
      }
      throw error;
    }
  }

  private parse(event: CloudEvent<unknown>, subject: string): DossierEventPayloadDto | undefined {
    const data = event.data;
    const isObject = typeof data === 'object' && data !== null && !Array.isArray(data);
    const payload = plainToInstance(DossierEventPayloadDto, isObject ? data : {});
    const errors = validateSync(payload);
    if (typeof event.id !== 'string' || !UUID.test(event.id) || errors.length > 0) {
      this.logger.error(
        { eventId: event.id, subject, errors: flattenValidationErrors(errors) },
        'invalid dossier event dropped',
      );

      return undefined;
    }

    return payload;
  }
}
