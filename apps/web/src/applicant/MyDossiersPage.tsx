import type { DossierSummary } from '@tps/contracts';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';

import { api } from '../api/client';
import { DossierStateBadge } from '../components/DossierStateBadge';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDateTime } from '../components/format';
import { Loading } from '../components/Loading';
import { useResource } from '../components/useResource';
import { usePageTitle } from '../layout/usePageTitle';
import { afterLeavingSaves } from './useAutosave';
import { LIST_HEADING_ID } from '../pages/HomePage';

/** Location state of « Mes dossiers » after « Enregistrer et reprendre plus tard ». */
export interface MyDossiersPageState {
  /** Number of the draft just saved. */
  savedDraft?: number;
}

/** Lists the signed-in applicant's dossiers, most recently changed first. */
export function MyDossiersPage() {
  usePageTitle('Mes dossiers');
  const location = useLocation();
  const navigate = useNavigate();
  const [savedDraft] = useState(() => (location.state as MyDossiersPageState | null)?.savedDraft);
  // The notice confirms the action just taken: the history entry drops it, so that a reload or
  // a later return to this entry does not show it again.
  useEffect(() => {
    if ((location.state as MyDossiersPageState | null)?.savedDraft !== undefined) {
      void navigate(`${location.pathname}${location.search}${location.hash}`, {
        replace: true,
        state: null,
      });
    }
  }, [location, navigate]);
  const resource = useResource(
    () => afterLeavingSaves(() => api<DossierSummary[]>('GET', '/dossiers')),
    'mine',
  );
  const dossiers = resource.data;

  return (
    <>
      <h1>Mes dossiers</h1>
      {savedDraft !== undefined && (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>
            Votre brouillon du dossier n° {savedDraft} est enregistré : vous pouvez le reprendre à
            tout moment depuis cette page.
          </p>
        </div>
      )}
      {resource.error !== undefined && (
        <ErrorAlert error={resource.error} title="Vos dossiers n’ont pas pu être chargés" />
      )}
      {dossiers === undefined && resource.error === undefined && (
        <Loading label="Chargement de vos dossiers…" />
      )}
      {dossiers !== undefined && dossiers.length === 0 && (
        <div className="fr-callout">
          <h2 className="fr-callout__title">Vous n’avez encore aucun dossier</h2>
          <p className="fr-callout__text">
            Choisissez une démarche dans la{' '}
            <Link to={`/#${LIST_HEADING_ID}`}>liste des démarches en ligne</Link> de la page
            d’accueil, ou ouvrez le lien que l’administration vous a communiqué, puis cliquez sur «
            Commencer la démarche ». Vos brouillons et vos dossiers déposés apparaîtront ici.
          </p>
        </div>
      )}
      {dossiers !== undefined && dossiers.length > 0 && (
        <div className="fr-table">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table>
                  <caption>
                    {dossiers.length === 1 ? '1 dossier' : `${dossiers.length} dossiers`}, du plus
                    récemment modifié au plus ancien
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">N°</th>
                      <th scope="col">Démarche</th>
                      <th scope="col">État</th>
                      <th scope="col">Dernière modification</th>
                    </tr>
                  </thead>
                  <tbody>
                    {dossiers.map((dossier) => (
                      <tr key={dossier.id}>
                        <td className="tps-nowrap">
                          <Link to={`/dossiers/${dossier.id}`}>N° {dossier.number}</Link>
                        </td>
                        <td className="fr-cell--multiline">{dossier.procedureTitle}</td>
                        <td>
                          <DossierStateBadge state={dossier.state} />
                        </td>
                        <td className="fr-cell--multiline">{formatDateTime(dossier.updatedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
