import { type FieldDefinition, FieldType, type MailTemplateKind } from '@tps/contracts';

import type {
  DossierEventPayloadDto,
  DossierFieldSnapshotDto,
} from '../delivery/dossier-event-payload.dto';
import { buildTagValues, formatParisDate, type TagValues } from './mail-tags';

/** Link to the dossier in the applicant's space. */
export function dossierLink(publicUrl: string, dossierId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/dossiers/${dossierId}`;
}

/** fr-FR grouping and decimal comma, with enough fraction digits never to round a stored value. */
const FRENCH_NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 20 });

/** Tag value of one field: numbers written as the pages write them (« 1 234,56 »). */
export function fieldTagValue(field: DossierFieldSnapshotDto): string {
  const isNumberField = field.type === FieldType.Integer || field.type === FieldType.Decimal;
  if (isNumberField && typeof field.value === 'number' && Number.isFinite(field.value)) {
    return FRENCH_NUMBER.format(field.value);
  }

  return field.displayValue;
}

/**
 * Values of every tag for one dossier event. Field labels match case-insensitively; a built-in
 * tag wins over a field of the same label. `--motivation--` is the motivation of this change,
 * e.g. the request sent with a return to construction. An event published before
 * `transitionMotivation` existed gives the decision's motivation instead, which is the same for
 * a decision.
 */
export function tagValuesFromEvent(event: DossierEventPayloadDto, publicUrl: string): TagValues {
  return buildTagValues([
    ...event.fields.map((field) => [field.label, fieldTagValue(field)] as const),
    ['numéro du dossier', String(event.dossierNumber)],
    ['libellé démarche', event.procedureTitle],
    ['nom du service', event.organisation],
    ['lien dossier', dossierLink(publicUrl, event.dossierId)],
    ['date de dépôt', formatParisDate(event.submittedAt)],
    ['date de passage en instruction', formatParisDate(event.instructionStartedAt)],
    ['date de décision', formatParisDate(event.decidedAt)],
    [
      'motivation',
      event.transitionMotivation !== undefined ? event.transitionMotivation : event.motivation,
    ],
  ]);
}

/** Sample values for a preview: the procedure's own title and service, made-up dossier data. */
export function exampleTagValues(
  procedure: { title: string; organisation: string; fields: readonly FieldDefinition[] },
  kind: MailTemplateKind,
  publicUrl: string,
  now: Date = new Date(),
): TagValues {
  const today = formatParisDate(now);

  return buildTagValues([
    ...procedure.fields.map(
      (field) => [field.label, `(valeur du champ « ${field.label} »)`] as const,
    ),
    ['numéro du dossier', '1234'],
    ['libellé démarche', procedure.title],
    ['nom du service', procedure.organisation],
    ['lien dossier', dossierLink(publicUrl, '00000000-0000-4000-8000-000000001234')],
    ['date de dépôt', today],
    ['date de passage en instruction', today],
    ['date de décision', today],
    [
      'motivation',
      kind === 'dossier_returned_to_construction'
        ? 'Ce qu’il faut compléter ou corriger, tel que l’instructeur le saisira.'
        : 'Motivation de la décision, telle que l’instructeur la saisira.',
    ],
  ]);
}
