import {
  BUILT_IN_MAIL_TAGS,
  type FieldDefinition,
  FieldType,
  type MailTagView,
  type MailTemplateKind,
  NON_FILLABLE_FIELD_TYPES,
} from '@tps/contracts';

/** Built-in tags that only have a value once the dossier reached some states. */
const TAG_KINDS: Record<string, readonly MailTemplateKind[]> = Object.fromEntries(
  BUILT_IN_MAIL_TAGS.flatMap((tag) => (tag.kinds ? [[normalizeTag(tag.tag), tag.kinds]] : [])),
);

/** Normal form used to compare tags: Unicode NFC, trimmed, single spaces, lower case. */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Returns the `--tag--` placeholders of a text, in order of appearance, without the hyphens. */
export function extractTags(text: string): string[] {
  const tags: string[] = [];
  for (const match of text.matchAll(/--([^\n]+?)--/g)) {
    tags.push(match[1]);
  }

  return tags;
}

/** Tells whether fields of this type give a tag: fillable and not an attachment. */
export function givesTag(type: FieldType): boolean {
  return !NON_FILLABLE_FIELD_TYPES.has(type) && type !== FieldType.Attachment;
}

/** Fields that give a tag: fillable and not an attachment. */
export function taggableFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.filter((field) => givesTag(field.type));
}

/**
 * Lists the built-in tags followed by one tag per taggable field of the form.
 * The form service rejects two taggable fields whose labels normalise alike, but a draft saved
 * before that check may still hold such a pair, and then one tag reads either field.
 * A saved template that uses the old label of a renamed field is caught only at publication.
 */
export function availableTags(fields: readonly FieldDefinition[]): MailTagView[] {
  return [
    ...BUILT_IN_MAIL_TAGS,
    ...taggableFields(fields).map((field) => ({
      tag: field.label,
      description: `Valeur du champ « ${field.label} »`,
      fieldStableId: field.stableId,
    })),
  ];
}

export interface TagProblems {
  /** Tags that are neither built in nor a field label. */
  unknown: string[];
  /** Known tags that have no value when a template of this kind is sent. */
  notInKind: string[];
}

/** Checks every tag of `text` against the tags a template of `kind` may use. */
export function checkTags(
  text: string,
  kind: MailTemplateKind,
  fields: readonly FieldDefinition[],
): TagProblems {
  const known = new Set(availableTags(fields).map((tag) => normalizeTag(tag.tag)));
  const problems: TagProblems = { unknown: [], notInKind: [] };
  for (const tag of extractTags(text)) {
    const normalized = normalizeTag(tag);
    const restricted = TAG_KINDS[normalized];
    if (!known.has(normalized)) {
      problems.unknown.push(tag);
    } else if (restricted && !restricted.includes(kind)) {
      problems.notInKind.push(tag);
    }
  }

  return problems;
}
