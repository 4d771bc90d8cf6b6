import { Link } from 'react-router';

import { FormPreview } from '../../components/fields/FormPreview';
import { usePageTitle } from '../../layout/usePageTitle';
import type { BuilderSectionProps } from './builder-section';

/** The draft form as applicants will see it; nothing typed here is saved. */
export function PreviewSection({ procedure }: BuilderSectionProps) {
  usePageTitle(`Aperçu – ${procedure.title}`);
  const fields = [...procedure.draftRevision.fields].sort((a, b) => a.position - b.position);

  return (
    <>
      <h2>Aperçu du formulaire</h2>
      <p>
        Le brouillon du formulaire tel que l’usager le verra. Vous pouvez essayer les champs : rien
        de ce que vous saisissez ici n’est enregistré.
      </p>
      {fields.length === 0 ? (
        <p>
          Le formulaire est vide.{' '}
          <Link to={`/admin/procedures/${procedure.id}/champs`}>Ajouter des champs</Link>
        </p>
      ) : (
        <div className="tps-preview">
          <FormPreview fields={fields} />
        </div>
      )}
    </>
  );
}
