import type { MailTagView, MailTemplateKind } from '@tps/contracts';

/**
 * French names of the six e-mails, in the order a dossier goes through them; the builder and the
 * instructor's e-mail log both show them.
 */
export const MAIL_KIND_LABELS: Record<MailTemplateKind, string> = {
  dossier_submitted: 'Accusé de réception',
  dossier_instruction_started: 'Passage en instruction',
  dossier_returned_to_construction: 'Retour en construction',
  dossier_accepted: 'Acceptation',
  dossier_refused: 'Refus',
  dossier_closed_without_follow_up: 'Classement sans suite',
};

/** When each e-mail leaves, for the administrator who edits it. */
export const MAIL_KIND_TRIGGERS: Record<MailTemplateKind, string> = {
  dossier_submitted: 'Envoyé à l’usager quand il dépose son dossier.',
  dossier_instruction_started: 'Envoyé quand un instructeur passe le dossier en instruction.',
  dossier_returned_to_construction:
    'Envoyé quand l’instructeur repasse le dossier en construction pour que le demandeur le corrige.',
  dossier_accepted: 'Envoyé quand le dossier est accepté.',
  dossier_refused: 'Envoyé quand le dossier est refusé.',
  dossier_closed_without_follow_up: 'Envoyé quand le dossier est classé sans suite.',
};

export const MAIL_KINDS = Object.keys(MAIL_KIND_LABELS) as MailTemplateKind[];

export function isMailKind(value: string | undefined): value is MailTemplateKind {
  return value !== undefined && value in MAIL_KIND_LABELS;
}

/** Tells whether the tag has a value in this e-mail, from the e-mails the server lists for it. */
export function tagUsableIn(tag: MailTagView, kind: MailTemplateKind): boolean {
  return tag.kinds === undefined || tag.kinds.includes(kind);
}
