import type { FieldDefinition } from '@tps/contracts';

import type { DossierEventPayloadDto } from '../delivery/dossier-event-payload.dto';
import { buildTagValues, formatParisDate, type TagValues } from './mail-tags';

/** Link to the dossier in the applicant's space. */
export function dossierLink(publicUrl: string, dossierId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/dossiers/${dossierId}`;
}

/**
 * Values of every tag for one dossier event. Field labels match case-insensitively; a built-in
 * tag wins over a field of the same label.
 */
export function tagValuesFromEvent(event: DossierEventPayloadDto, publicUrl: string): TagValues {
  return buildTagValues([
    ...event.fields.map((field) => [field.label, field.displayValue] as const),
    ['numéro du dossier', String(event.dossierNumber)],
    ['libellé démarche', event.procedureTitle],
    ['nom du service', event.organisation],
    ['lien dossier', dossierLink(publicUrl, event.dossierId)],
    ['date de dépôt', formatParisDate(event.submittedAt)],
    ['date de passage en instruction', formatParisDate(event.instructionStartedAt)],
    ['date de décision', formatParisDate(event.decidedAt)],
    ['motivation', event.motivation],
  ]);
}

/** Sample values for a preview: the procedure's own title and service, made-up dossier data. */
export function exampleTagValues(
  procedure: { title: string; organisation: string; fields: readonly FieldDefinition[] },
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
    ['motivation', 'Motivation de la décision, telle que l’instructeur la saisira.'],
  ]);
}
