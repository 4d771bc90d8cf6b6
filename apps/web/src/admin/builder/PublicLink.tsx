import type { ProcedureView } from '@tps/contracts';
import { Link } from 'react-router';

/** Shows the start page applicants open, with its full address so it can be copied and shared. */
export function PublicLink({ procedure }: { procedure: ProcedureView }) {
  const path = `/commencer/${procedure.path}`;
  if (procedure.state === 'brouillon') {
    return (
      <p>
        Une fois la démarche publiée, les usagers la commenceront à l’adresse{' '}
        <span className="tps-nowrap">{window.location.origin + path}</span>.
      </p>
    );
  }

  return (
    <p>
      {procedure.state === 'close'
        ? 'La démarche est close : sa page reste en ligne mais n’accepte plus de nouveau dossier. '
        : 'Les usagers commencent la démarche à l’adresse '}
      <Link to={path} aria-label={`Lien public de la démarche : ${window.location.origin + path}`}>
        {window.location.origin + path}
      </Link>
    </p>
  );
}
