import { Injectable, type PipeTransform } from '@nestjs/common';
import type { ApiParamOptions } from '@nestjs/swagger';
import { MAIL_TEMPLATE_KINDS, type MailTemplateKind } from '@tps/contracts';
import { DomainError } from '@tps/platform';

/** OpenAPI description of the `:kind` route parameter, with the six kinds as its enum. */
export const MAIL_TEMPLATE_KIND_PARAM: ApiParamOptions = {
  name: 'kind',
  enum: [...MAIL_TEMPLATE_KINDS],
  description: 'Type d’e-mail envoyé au demandeur',
};

/** Checks the `:kind` route parameter against the six template kinds. */
@Injectable()
export class MailTemplateKindPipe implements PipeTransform<string, MailTemplateKind> {
  transform(value: string): MailTemplateKind {
    if ((MAIL_TEMPLATE_KINDS as readonly string[]).includes(value)) {
      return value as MailTemplateKind;
    }
    const message = `kind doit être l’une des valeurs suivantes : ${MAIL_TEMPLATE_KINDS.join(', ')}`;

    throw DomainError.invalid([{ field: 'kind', message }], `Données invalides : ${message}.`);
  }
}
