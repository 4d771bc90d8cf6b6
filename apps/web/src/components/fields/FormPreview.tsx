import type { FieldDefinition } from '@tps/contracts';

// Placeholder until the applicant form lands: the builder's preview renders the same inputs.
export function FormPreview({ fields }: { fields: FieldDefinition[] }) {
  return (
    <ul>
      {fields.map((field) => (
        <li key={field.stableId}>{field.label}</li>
      ))}
    </ul>
  );
}
