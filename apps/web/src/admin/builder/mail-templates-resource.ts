import type { MailTagView, MailTemplateView } from '@tps/contracts';

/** Body of GET /admin/procedures/:id/mail-templates. */
export interface MailTemplates {
  templates: MailTemplateView[];
  tags: MailTagView[];
}
