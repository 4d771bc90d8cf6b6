import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

import { MAIL_TEMPLATE_KINDS, type MailTemplateKind } from '../procedures/mail-template';

export class PreviewEmailDto {
  @IsUUID()
  procedureId: string;

  @IsIn(MAIL_TEMPLATE_KINDS as unknown as string[])
  kind: MailTemplateKind;

  /** Unsaved template text to preview; the stored template is used when absent. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  subject?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  body?: string;
}

export class ListEmailsDto {
  @IsUUID()
  dossierId: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export type EmailStatus = 'pending' | 'sent' | 'failed';

export interface EmailView {
  id: string;
  eventId: string;
  kind: MailTemplateKind;
  dossierId: string;
  recipient: string;
  subject: string;
  status: EmailStatus;
  attempts: number;
  sentAt: string | null;
  lastError: string | null;
}
