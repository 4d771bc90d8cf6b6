import type { ProcedureSummary } from '@tps/contracts';
import { Link } from 'react-router';

import { api } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../components/format';
import { Loading } from '../components/Loading';
import { useResource } from '../components/useResource';
import { usePageTitle } from '../layout/usePageTitle';
import { Breadcrumb } from './Breadcrumb';
import { ProcedureStateBadge } from './ProcedureStateBadge';

/** Lists the procedures the signed-in account administers and links to the creation form. */
export function AdminProceduresPage() {
  usePageTitle('Mes démarches');
  const procedures = useResource(() => api<ProcedureSummary[]>('GET', '/admin/procedures'), 'list');

  return (
    <>
      <Breadcrumb items={[{ label: 'Mes démarches' }]} />
      <div
        className="fr-grid-row fr-grid-row--middle fr-mb-3w"
        style={{ gap: '1rem', justifyContent: 'space-between' }}
      >
        <h1 className="fr-mb-0">Mes démarches</h1>
        <Link className="fr-btn fr-icon-add-line fr-btn--icon-left" to="/admin/procedures/nouvelle">
          Créer une démarche
        </Link>
      </div>
      {procedures.error !== undefined && (
        <ErrorAlert error={procedures.error} title="Impossible d’afficher vos démarches" />
      )}
      {procedures.loading && procedures.data === undefined && <Loading />}
      {procedures.data && procedures.data.length === 0 && (
        <div className="fr-callout">
          <h2 className="fr-callout__title">Vous n’administrez encore aucune démarche</h2>
          <p className="fr-callout__text">
            Créez une démarche, composez son formulaire, désignez ses instructeurs puis publiez-la :
            les usagers pourront alors y déposer leurs dossiers.
          </p>
        </div>
      )}
      {procedures.data && procedures.data.length > 0 && (
        <ProcedureTable procedures={procedures.data} />
      )}
    </>
  );
}

function ProcedureTable({ procedures }: { procedures: ProcedureSummary[] }) {
  return (
    <div className="fr-table fr-table--no-caption">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>Démarches que vous administrez</caption>
              <thead>
                <tr>
                  <th scope="col">Démarche</th>
                  <th scope="col">Organisme</th>
                  <th scope="col">État</th>
                  <th scope="col">Publiée le</th>
                </tr>
              </thead>
              <tbody>
                {procedures.map((procedure) => (
                  <tr key={procedure.id}>
                    <th scope="row">
                      <Link to={`/admin/procedures/${procedure.id}`}>{procedure.title}</Link>
                    </th>
                    <td>{procedure.organisation}</td>
                    <td>
                      <ProcedureStateBadge state={procedure.state} />
                    </td>
                    <td>{formatDate(procedure.publishedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
