import type { DossierCountByState, ProcedureSummary } from '@tps/contracts';
import { Link } from 'react-router';

import { api } from '../api/client';
import { Breadcrumb } from '../admin/Breadcrumb';
import { ProcedureStateBadge } from '../admin/ProcedureStateBadge';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../components/format';
import { Loading } from '../components/Loading';
import { useResource } from '../components/useResource';
import { usePageTitle } from '../layout/usePageTitle';
import { DsfrTable } from './DsfrTable';
import { procedureDossiersPath } from './paths';

/** Procedures the signed-in user instructs, each with a link to its dossiers. */
export function InstructorProceduresPage() {
  usePageTitle('Démarches à instruire');
  const procedures = useResource(
    () => api<ProcedureSummary[]>('GET', '/instructor/procedures'),
    'instructor-procedures',
  );

  return (
    <>
      <Breadcrumb items={[{ label: 'Démarches à instruire' }]} />
      <h1>Démarches à instruire</h1>
      {procedures.error !== undefined && (
        <ErrorAlert error={procedures.error} title="Impossible d’afficher vos démarches" />
      )}
      {procedures.loading && procedures.data === undefined && (
        <Loading label="Chargement des démarches…" />
      )}
      {procedures.data?.length === 0 && (
        <div className="fr-callout">
          <h2 className="fr-callout__title fr-h5">Aucune démarche à instruire</h2>
          <p className="fr-callout__text">
            Vous n’instruisez encore aucune démarche. Un administrateur doit vous ajouter comme
            instructeur d’une démarche : ses dossiers déposés apparaîtront alors ici.
          </p>
        </div>
      )}
      {procedures.data !== undefined && procedures.data.length > 0 && (
        <ProceduresTable procedures={procedures.data} />
      )}
    </>
  );
}

function ProceduresTable({ procedures }: { procedures: ProcedureSummary[] }) {
  const caption =
    procedures.length === 1
      ? '1 démarche que vous instruisez'
      : `${procedures.length} démarches que vous instruisez`;

  return (
    <DsfrTable caption={caption} className="fr-table--multiline">
      <thead>
        <tr>
          <th scope="col">Démarche</th>
          <th scope="col">Organisation</th>
          <th scope="col">État</th>
          <th scope="col">Publiée le</th>
          <th scope="col">Dossiers à traiter</th>
        </tr>
      </thead>
      <tbody>
        {procedures.map((procedure) => (
          <tr key={procedure.id}>
            <th scope="row">
              <Link to={procedureDossiersPath(procedure.id)}>{procedure.title}</Link>
            </th>
            <td>{procedure.organisation}</td>
            <td>
              <ProcedureStateBadge state={procedure.state} />
            </td>
            <td>{formatDate(procedure.publishedAt)}</td>
            <td>
              <PendingCount procedureId={procedure.id} />
            </td>
          </tr>
        ))}
      </tbody>
    </DsfrTable>
  );
}

/** Number of dossiers still awaiting a decision: en construction plus en instruction. */
function PendingCount({ procedureId }: { procedureId: string }) {
  const counts = useResource(
    () => api<DossierCountByState>('GET', `/instructor/procedures/${procedureId}/counts`),
    procedureId,
  );
  if (counts.data === undefined) {
    return <span>{counts.error === undefined ? 'Chargement…' : 'Indisponible'}</span>;
  }
  const { en_construction: construction, en_instruction: instruction } = counts.data;

  return (
    <span>
      {construction} en construction, {instruction} en instruction
    </span>
  );
}
