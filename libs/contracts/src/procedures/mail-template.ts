import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

/** The six e-mails an applicant receives, one per state change that has a template. */
export const MAIL_TEMPLATE_KINDS = [
  'dossier_submitted',
  'dossier_instruction_started',
  'dossier_returned_to_construction',
  'dossier_accepted',
  'dossier_refused',
  'dossier_closed_without_follow_up',
] as const;

export type MailTemplateKind = (typeof MAIL_TEMPLATE_KINDS)[number];

/** Dossier state reached when the template of that kind is sent. */
export const MAIL_TEMPLATE_TARGET_STATE: Record<MailTemplateKind, string> = {
  dossier_submitted: 'en_construction',
  dossier_instruction_started: 'en_instruction',
  dossier_returned_to_construction: 'en_construction',
  dossier_accepted: 'accepte',
  dossier_refused: 'refuse',
  dossier_closed_without_follow_up: 'sans_suite',
};

export class UpdateMailTemplateDto {
  @IsIn(MAIL_TEMPLATE_KINDS as unknown as string[])
  kind: MailTemplateKind;

  /** Plain-text subject with `--tag--` placeholders. */
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  subject: string;

  /** Body with `--tag--` placeholders; line breaks become paragraphs in the HTML e-mail. */
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  body: string;
}

export interface MailTemplateView {
  kind: MailTemplateKind;
  subject: string;
  body: string;
  /** True while the administrator has not changed the French default. */
  isDefault: boolean;
  updatedAt: string | null;
  /**
   * In the administrator's list only: tags of the subject or body that match no built-in tag and
   * no field of the draft form any more (a field was renamed or deleted). Publication is refused
   * until they are fixed.
   */
  unknownTags?: string[];
}

/** A `--tag--` usable in a template, with the states in which it has a value. */
export interface MailTagView {
  /** Text between the double hyphens, e.g. `numéro du dossier`. */
  tag: string;
  description: string;
  /** Set for tags that stand for a form field. */
  fieldStableId?: string;
  /** E-mails in which the tag has a value; absent means every e-mail. */
  kinds?: readonly MailTemplateKind[];
}

const DECISION_KINDS: readonly MailTemplateKind[] = [
  'dossier_accepted',
  'dossier_refused',
  'dossier_closed_without_follow_up',
];

/** E-mails sent once an instructor has taken the dossier into instruction. */
const AFTER_INSTRUCTION_KINDS: readonly MailTemplateKind[] = [
  'dossier_instruction_started',
  'dossier_returned_to_construction',
  ...DECISION_KINDS,
];

/** E-mails of the instructor actions that take a motivation. */
const MOTIVATED_KINDS: readonly MailTemplateKind[] = [
  'dossier_returned_to_construction',
  ...DECISION_KINDS,
];

/** Tags that every template may use, whatever the form. Field labels add one tag each. */
export const BUILT_IN_MAIL_TAGS: readonly MailTagView[] = [
  { tag: 'numéro du dossier', description: 'Numéro du dossier' },
  { tag: 'libellé démarche', description: 'Titre de la démarche' },
  { tag: 'nom du service', description: 'Organisme qui gère la démarche' },
  { tag: 'lien dossier', description: 'Lien vers le dossier de l’usager' },
  { tag: 'date de dépôt', description: 'Date de dépôt du dossier' },
  {
    tag: 'date de passage en instruction',
    description: 'Date de passage en instruction',
    kinds: AFTER_INSTRUCTION_KINDS,
  },
  { tag: 'date de décision', description: 'Date de la décision', kinds: DECISION_KINDS },
  {
    tag: 'motivation',
    description: 'Motivation donnée par l’instructeur (décision ou retour en construction)',
    kinds: MOTIVATED_KINDS,
  },
];
