import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  type EmailView,
  type MailTemplateView,
  type PreviewEmailDto,
  type ProcedureAccess,
  type ProcedureRole,
  ProcedureSubjects,
  type ProcedureView,
  type RenderedEmail,
} from '@tps/contracts';
import { DomainError, NatsRequester } from '@tps/platform';

import { EmailRepository } from '../delivery/email.repository';
import type { NotificationsConfig } from '../notifications.config';
import { NOTIFICATIONS_CONFIG } from '../notifications.tokens';
import { MailRenderer } from '../rendering/mail-renderer';
import { normalizeTag, TAG_PATTERN, type TagValues } from '../rendering/mail-tags';
import { exampleTagValues } from '../rendering/tag-values';

/** Previews of templates for administrators and the e-mail history of a dossier. */
@Injectable()
export class EmailsService {
  constructor(
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(EmailRepository) private readonly emails: EmailRepository,
    @Inject(NatsRequester) private readonly requester: NatsRequester,
    @Inject(MailRenderer) private readonly renderer: MailRenderer,
  ) {}

  /**
   * Renders the given text, or the stored template of `kind`, with sample values. Only an
   * administrator of the procedure may preview it.
   */
  async preview(
    actor: Actor,
    request: PreviewEmailDto,
    correlationId?: string,
  ): Promise<RenderedEmail> {
    await this.requireRole(actor, request.procedureId, ['administrator'], correlationId);
    const procedure = await this.requester.send<ProcedureView>(
      ProcedureSubjects.get,
      actor,
      { procedureId: request.procedureId },
      { correlationId },
    );
    let subject = request.subject;
    let body = request.body;
    if (subject === undefined || body === undefined) {
      const stored = await this.requester.send<MailTemplateView>(
        ProcedureSubjects.getMailTemplate,
        actor,
        { procedureId: request.procedureId, kind: request.kind },
        { correlationId },
      );
      subject ??= stored.subject;
      body ??= stored.body;
    }

    const values = exampleTagValues(
      {
        title: procedure.title,
        organisation: procedure.organisation,
        fields: procedure.draftRevision.fields,
      },
      request.kind,
      this.config.PUBLIC_URL,
    );
    // Saving rejects unknown tags; the preview must not render them as a silent blank.
    const unknown = (['subject', 'body'] as const).flatMap((part) => {
      const tags = unknownTags(part === 'subject' ? subject : body, values);

      return tags.length > 0
        ? [{ field: part, message: `balises inconnues : ${tags.join(', ')}` }]
        : [];
    });
    if (unknown.length > 0) {
      throw DomainError.invalid(unknown);
    }

    return this.renderer.render({ subject, body }, values);
  }

  /** Lists a dossier's e-mails, oldest first, for the instructors and administrators. */
  async listForDossier(
    actor: Actor,
    dossierId: string,
    correlationId?: string,
  ): Promise<EmailView[]> {
    const rows = await this.emails.listForDossier(dossierId);
    if (rows.length === 0) {
      return [];
    }
    await this.requireRole(
      actor,
      rows[0].procedure_id,
      ['instructor', 'administrator'],
      correlationId,
    );

    return rows.map((row) => EmailRepository.toView(row));
  }

  private async requireRole(
    actor: Actor,
    procedureId: string,
    allowed: readonly ProcedureRole[],
    correlationId?: string,
  ): Promise<void> {
    const access = await this.requester.send<ProcedureAccess>(
      ProcedureSubjects.getAccess,
      actor,
      { procedureId },
      { correlationId },
    );
    if (!access.roles.some((role) => allowed.includes(role))) {
      const message = allowed.includes('instructor')
        ? 'Seuls les instructeurs et les administrateurs de la démarche peuvent voir ces courriels.'
        : 'Seuls les administrateurs de la démarche peuvent prévisualiser ses courriels.';
      throw DomainError.forbidden(message);
    }
  }
}

/** Returns the `--tag--` placeholders of a text that have no value, as written. */
function unknownTags(text: string, values: TagValues): string[] {
  return [...text.matchAll(TAG_PATTERN)]
    .filter((match) => !Object.hasOwn(values, normalizeTag(match[1])))
    .map((match) => match[0]);
}
