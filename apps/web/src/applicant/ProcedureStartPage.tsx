import type { DossierSummary, DossierView, PublicProcedureView } from '@tps/contracts';
import { DossierState } from '@tps/contracts/dossiers/dossier-state';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';

import { api, ApiError } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate, formatDateTime } from '../components/format';
import { Loading } from '../components/Loading';
import { useResource } from '../components/useResource';
import { usePageTitle } from '../layout/usePageTitle';

/** Renders the public page of a procedure: its purpose, its organisation and the start button. */
export function ProcedureStartPage() {
  const { path = '' } = useParams();
  const resource = useResource(
    () => api<PublicProcedureView>('GET', `/procedures/${encodeURIComponent(path)}`),
    path,
  );
  const procedure = resource.data;
  usePageTitle(procedure ? procedure.title : 'Démarche');

  if (resource.error !== undefined) {
    const notFound = resource.error instanceof ApiError && resource.error.isNotFound();
    return (
      <>
        <h1>{notFound ? 'Démarche introuvable' : 'Démarche'}</h1>
        {notFound ? (
          <div className="fr-alert fr-alert--error fr-mb-3w">
            <h2 className="fr-alert__title">Cette démarche n’existe pas ou n’est pas publiée</h2>
            <p>Vérifiez le lien que l’administration vous a communiqué.</p>
          </div>
        ) : (
          <ErrorAlert error={resource.error} title="La démarche n’a pas pu être chargée" />
        )}
      </>
    );
  }
  if (!procedure || procedure.path !== path) {
    return <Loading label="Chargement de la démarche…" />;
  }

  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-9">
        <p className="fr-text--lead fr-mb-1w">{procedure.organisation}</p>
        <h1>{procedure.title}</h1>
        {procedure.state === 'close' && (
          <div className="fr-alert fr-alert--warning fr-mb-3w">
            <h2 className="fr-alert__title">Cette démarche est close</h2>
            <p>
              Elle n’accepte plus de nouveaux dossiers
              {procedure.closedAt ? ` depuis le ${formatDate(procedure.closedAt)}` : ''}. Vos
              dossiers déjà déposés restent visibles dans « Mes dossiers ».
            </p>
          </div>
        )}
        {paragraphs(procedure.description).map((paragraph, index) => (
          <p key={index} style={{ whiteSpace: 'pre-line' }}>
            {paragraph}
          </p>
        ))}
        {procedure.state === 'publiee' && <StartActions procedure={procedure} />}
        <h2 className="fr-h5 fr-mt-6w">Une question sur cette démarche ?</h2>
        <p>
          Écrivez à l’organisme qui la gère :{' '}
          <a href={`mailto:${procedure.contactEmail}`}>{procedure.contactEmail}</a>
        </p>
      </div>
    </div>
  );
}

/** Splits a description at blank lines. Single line breaks stay inside a paragraph. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

function StartActions({ procedure }: { procedure: PublicProcedureView }) {
  const { account } = useAuth();
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const startPagePath = `/commencer/${procedure.path}`;
  const mine = useResource(
    () => (account ? api<DossierSummary[]>('GET', '/dossiers') : Promise.resolve([])),
    account ? `${account.email}:${procedure.id}` : 'signed-out',
  );
  const draft = (mine.data ?? []).find(
    (dossier) => dossier.procedureId === procedure.id && dossier.state === DossierState.Brouillon,
  );

  async function start() {
    if (!account) {
      void navigate(`/connexion?suite=${encodeURIComponent(startPagePath)}`);
      return;
    }
    setStarting(true);
    setError(undefined);
    try {
      const dossier = await api<DossierView>('POST', `/procedures/${procedure.id}/dossiers`);
      void navigate(`/dossiers/${dossier.id}/formulaire`);
    } catch (caught) {
      setError(caught);
      setStarting(false);
    }
  }

  if (account === undefined) {
    return null;
  }

  return (
    <div className="fr-mt-4w">
      {error !== undefined && <ErrorAlert error={error} title="Le dossier n’a pas pu être créé" />}
      {account === null && (
        <p>Pour déposer un dossier, connectez-vous à votre compte TPS ou créez-en un.</p>
      )}
      {draft && (
        <p>
          Vous avez déjà un brouillon pour cette démarche (dossier n° {draft.number}, modifié le{' '}
          {formatDateTime(draft.updatedAt)}) : vous pouvez le reprendre, ou commencer un nouveau
          dossier.
        </p>
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {draft && (
          <li>
            <Link className="fr-btn" to={`/dossiers/${draft.id}/formulaire`}>
              Reprendre mon brouillon
            </Link>
          </li>
        )}
        <li>
          <button
            type="button"
            className={`fr-btn${draft ? ' fr-btn--secondary' : ''}`}
            disabled={starting}
            onClick={() => void start()}
          >
            Commencer la démarche
          </button>
        </li>
        {account === null && (
          <li>
            <Link
              className="fr-btn fr-btn--secondary"
              to={`/inscription?suite=${encodeURIComponent(startPagePath)}`}
            >
              Créer un compte
            </Link>
          </li>
        )}
      </ul>
    </div>
  );
}
