import { Injectable, type PipeTransform } from '@nestjs/common';
import { MAIL_TEMPLATE_KINDS, type MailTemplateKind } from '@tps/contracts';
import { DomainError } from '@tps/platform';

/** Checks the `:kind` route parameter against the five template kinds. */
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
