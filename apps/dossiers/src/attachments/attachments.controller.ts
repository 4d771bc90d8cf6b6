import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  AddAttachmentDto,
  type AttachmentDownload,
  type AttachmentPermit,
  AttachmentRefDto,
  type AttachmentView,
  AuthorizeAttachmentDto,
  DossierSubjects,
} from '@tps/contracts';
import { parseCommand } from '@tps/platform';

import { AttachmentsService } from './attachments.service';

/** NATS handlers of `dossiers.attachment.*`. */
@Controller()
export class AttachmentsController {
  constructor(@Inject(AttachmentsService) private readonly attachments: AttachmentsService) {}

  @MessagePattern(DossierSubjects.authorizeAttachment)
  authorize(raw: unknown): Promise<AttachmentPermit> {
    const { actor, payload } = parseCommand(AuthorizeAttachmentDto, raw);

    return this.attachments.authorize(actor, payload.dossierId, payload.fieldStableId);
  }

  @MessagePattern(DossierSubjects.addAttachment)
  add(raw: unknown): Promise<AttachmentView> {
    const { actor, payload } = parseCommand(AddAttachmentDto, raw);

    return this.attachments.add(actor, payload);
  }

  /** Returns `{ deleted: true }`: a NATS reply needs a body. */
  @MessagePattern(DossierSubjects.removeAttachment)
  async remove(raw: unknown): Promise<{ deleted: true }> {
    const { actor, payload } = parseCommand(AttachmentRefDto, raw);
    await this.attachments.remove(actor, payload.dossierId, payload.attachmentId);

    return { deleted: true };
  }

  @MessagePattern(DossierSubjects.getAttachment)
  get(raw: unknown): Promise<AttachmentDownload> {
    const { actor, payload } = parseCommand(AttachmentRefDto, raw);

    return this.attachments.get(actor, payload.dossierId, payload.attachmentId);
  }
}
