import type { FieldDefinition } from '@tps/contracts';
import type { ReactNode } from 'react';

import { FieldInput } from './FieldInput';
import type { AttachmentControls, FieldInputValue } from './FieldInput';

interface FormFieldsProps {
  fields: FieldDefinition[];
  values: Record<string, FieldInputValue>;
  onChange: (stableId: string, value: FieldInputValue) => void;
  /** Error message per stable id. */
  errors?: Record<string, string | undefined>;
  disabled?: boolean;
  idPrefix: string;
  /** Level of the header_section headings (2 on a page whose only heading above is the h1). */
  headingLevel?: 2 | 3 | 4;
  /** Upload controls per piece_justificative; undefined shows the upload disabled. */
  attachmentControls?: (definition: FieldDefinition) => AttachmentControls | undefined;
  /** Content shown under a field's control, e.g. the company card of a SIRET. */
  renderExtra?: (definition: FieldDefinition) => ReactNode;
}

/** Renders the fields of a form in order, after the note that explains the required mark. */
export function FormFields({
  fields,
  values,
  onChange,
  errors = {},
  disabled = false,
  idPrefix,
  headingLevel = 2,
  attachmentControls,
  renderExtra,
}: FormFieldsProps) {
  const ordered = [...fields].sort((left, right) => left.position - right.position);
  const anyRequired = ordered.some((field) => field.required);
  return (
    <>
      {anyRequired && (
        <p className="fr-text--sm fr-mb-3w">
          Les champs marqués d’un astérisque * sont obligatoires.
        </p>
      )}
      {ordered.map((definition) => (
        <div className="fr-mb-3w" key={definition.stableId} data-field={definition.stableId}>
          <FieldInput
            definition={definition}
            value={values[definition.stableId] ?? null}
            onChange={(value) => onChange(definition.stableId, value)}
            error={errors[definition.stableId]}
            disabled={disabled}
            idPrefix={idPrefix}
            headingLevel={headingLevel}
            attachment={attachmentControls?.(definition)}
          >
            {renderExtra?.(definition)}
          </FieldInput>
        </div>
      ))}
    </>
  );
}
