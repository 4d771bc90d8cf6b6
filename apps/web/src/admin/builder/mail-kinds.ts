import type { MailTemplateKind } from '@tps/contracts';

/** French names of the five e-mails, in the order a dossier goes through them. */
export const MAIL_KIND_LABELS: Record<MailTemplateKind, string> = {
  dossier_submitted: 'Accusé de réception',
  dossier_instruction_started: 'Passage en instruction',
  dossier_accepted: 'Acceptation',
  dossier_refused: 'Refus',
  dossier_closed_without_follow_up: 'Classement sans suite',
};

/** When each e-mail leaves, for the administrator who edits it. */
export const MAIL_KIND_TRIGGERS: Record<MailTemplateKind, string> = {
  dossier_submitted: 'Envoyé à l’usager quand il dépose son dossier.',
  dossier_instruction_started: 'Envoyé quand un instructeur passe le dossier en instruction.',
  dossier_accepted: 'Envoyé quand le dossier est accepté.',
  dossier_refused: 'Envoyé quand le dossier est refusé.',
  dossier_closed_without_follow_up: 'Envoyé quand le dossier est classé sans suite.',
};

export const MAIL_KINDS = Object.keys(MAIL_KIND_LABELS) as MailTemplateKind[];

export function isMailKind(value: string | undefined): value is MailTemplateKind {
  return value !== undefined && value in MAIL_KIND_LABELS;
}

const DECISION_KINDS: readonly MailTemplateKind[] = [
  'dossier_accepted',
  'dossier_refused',
  'dossier_closed_without_follow_up',
];

/**
 * Built-in tags that have a value only from some state on. The procedures service rejects them
 * in the other templates; the API does not list this, so it is repeated here to offer only
 * usable tags.
 */
const TAG_KINDS: Record<string, readonly MailTemplateKind[]> = {
  'date de décision': DECISION_KINDS,
  motivation: DECISION_KINDS,
  'date de passage en instruction': ['dossier_instruction_started', ...DECISION_KINDS],
};

export function tagUsableIn(tag: string, kind: MailTemplateKind): boolean {
  const kinds = TAG_KINDS[tag.normalize('NFC').trim().toLowerCase()];

  return kinds === undefined || kinds.includes(kind);
}
