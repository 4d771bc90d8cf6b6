import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  type EmailView,
  ListEmailsDto,
  NotificationSubjects,
  PreviewEmailDto,
  type RenderedEmail,
} from '@tps/contracts';
import { parseCommand } from '@tps/platform';

import { EmailsService } from './emails.service';

/** NATS handlers of the notifications service; the gateway calls them. */
@Controller()
export class EmailsController {
  constructor(@Inject(EmailsService) private readonly emails: EmailsService) {}

  @MessagePattern(NotificationSubjects.preview)
  preview(raw: unknown): Promise<RenderedEmail> {
    const { actor, correlationId, payload } = parseCommand(PreviewEmailDto, raw);

    return this.emails.preview(actor, payload, correlationId);
  }

  @MessagePattern(NotificationSubjects.listForDossier)
  list(raw: unknown): Promise<EmailView[]> {
    const { actor, correlationId, payload } = parseCommand(ListEmailsDto, raw);

    return this.emails.listForDossier(actor, payload.dossierId, correlationId);
  }
}
