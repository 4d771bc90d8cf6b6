import { OmitType } from '@nestjs/swagger';
import { PreviewEmailDto } from '@tps/contracts';

/** Body of POST …/mail-templates/:kind/preview: unsaved text, or nothing to preview the stored one. */
export class MailPreviewBodyDto extends OmitType(PreviewEmailDto, [
  'procedureId',
  'kind',
] as const) {}
