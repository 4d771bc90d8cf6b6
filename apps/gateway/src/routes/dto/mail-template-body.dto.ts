import { OmitType } from '@nestjs/swagger';
import { UpdateMailTemplateDto } from '@tps/contracts';

/** Body of PUT /api/admin/procedures/:id/mail-templates/:kind. */
export class MailTemplateBodyDto extends OmitType(UpdateMailTemplateDto, ['kind'] as const) {}
