import type { DossierFieldView } from '@tps/contracts';
import { FieldType } from '@tps/contracts/procedures/field-type';

import { FieldValue } from '../components/fields/FieldValue';

interface FieldGroup {
  /** Label of the header section that opens the group; null for fields before the first one. */
  title: string | null;
  key: string;
  fields: DossierFieldView[];
}

/** Splits the fields at each header section; explanations carry no value and are left out. */
function groupFields(fields: DossierFieldView[]): FieldGroup[] {
  const groups: FieldGroup[] = [{ title: null, key: 'debut', fields: [] }];
  for (const field of fields) {
    const { type, label, stableId } = field.definition;
    if (type === FieldType.HeaderSection) {
      groups.push({ title: label, key: stableId, fields: [] });
    } else if (type !== FieldType.Explanation) {
      groups[groups.length - 1].fields.push(field);
    }
  }

  return groups.filter((group) => group.title !== null || group.fields.length > 0);
}

/** Renders every value of the dossier, read-only, under the procedure's section headings (h3). */
interface DossierFieldsProps {
  fields: DossierFieldView[];
  /** Prefix of the attachment download links, `/api/instructor/dossiers/<id>`. */
  attachmentBaseUrl: string;
}

export function DossierFields({ fields, attachmentBaseUrl }: DossierFieldsProps) {
  const groups = groupFields(fields);
  if (groups.length === 0) {
    return <p>Ce formulaire ne comporte aucun champ.</p>;
  }

  return (
    <>
      {groups.map((group) => (
        <div key={group.key} className="fr-mb-4w">
          {group.title !== null && <h3 className="fr-h5">{group.title}</h3>}
          {group.fields.length === 0 ? (
            <p className="fr-text--sm">Aucun champ dans cette section.</p>
          ) : (
            <dl className="fr-raw-list fr-mb-0">
              {group.fields.map((field) => (
                <div key={field.definition.stableId} className="fr-mb-3v">
                  <dt className="fr-text--bold">{field.definition.label}</dt>
                  <dd className="fr-ml-0">
                    <FieldValue field={field} attachmentBaseUrl={attachmentBaseUrl} />
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      ))}
    </>
  );
}
