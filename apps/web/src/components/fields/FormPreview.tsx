import type { FieldDefinition } from '@tps/contracts';
import { useState } from 'react';

import { toInputValue } from './FieldInput';
import type { FieldInputValue } from './FieldInput';
import { FormFields } from './FormFields';

interface FormPreviewProps {
  fields: FieldDefinition[];
  /** Level of the section headings; 3 fits a preview placed under an h2. */
  headingLevel?: 2 | 3 | 4;
}

/**
 * Renders the form exactly as an applicant gets it, for the form builder. Values stay in local state and
 * nothing is sent; file uploads are disabled.
 */
export function FormPreview({ fields, headingLevel = 3 }: FormPreviewProps) {
  const [values, setValues] = useState<Record<string, FieldInputValue>>({});
  return (
    // A <div>, not a <form>: the builder may place the preview inside a form of its own.
    <div>
      <FormFields
        fields={fields}
        values={Object.fromEntries(
          fields.map((field) => [
            field.stableId,
            values[field.stableId] ?? toInputValue(field, null),
          ]),
        )}
        onChange={(stableId, value) => setValues((current) => ({ ...current, [stableId]: value }))}
        idPrefix="apercu"
        headingLevel={headingLevel}
      />
    </div>
  );
}
