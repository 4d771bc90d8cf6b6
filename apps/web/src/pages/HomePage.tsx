import type { ProcedureSummary } from '@tps/contracts';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';

import { api } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../components/format';
import { Loading } from '../components/Loading';
import { useResource } from '../components/useResource';
import { usePageTitle } from '../layout/usePageTitle';

export function HomePage() {
  usePageTitle('Accueil');
  const { account } = useAuth();
  return (
    <>
      <h1>Vos démarches administratives en ligne</h1>
      <p className="fr-text--lead">
        TPS permet à toute administration de créer une démarche en ligne en quelques minutes, sans
        développement, puis de recevoir et d’instruire les dossiers qui y sont déposés.
      </p>
      <div className="fr-grid-row fr-grid-row--gutters fr-mt-4w">
        <div className="fr-col-12 fr-col-md-4">
          <Tile
            title="Déposer un dossier"
            text="Remplissez le formulaire d’une démarche, enregistrez votre brouillon et suivez l’avancement de votre dossier."
            to="/dossiers"
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Tile
            title="Instruire des dossiers"
            text="Consultez les dossiers reçus, passez-les en instruction et rendez votre décision."
            to="/instructeur/procedures"
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Tile
            title="Créer une démarche"
            text="Composez le formulaire, rédigez les e-mails envoyés aux usagers, désignez les instructeurs et publiez."
            to="/admin/procedures"
          />
        </div>
      </div>
      <PublishedProcedures />
      {account === null && (
        <div className="fr-callout fr-mt-6w">
          <h2 className="fr-callout__title">Première visite ?</h2>
          <p className="fr-callout__text">
            Créez votre compte avec votre adresse électronique. Pour déposer un dossier, choisissez
            une démarche ci-dessus ou ouvrez le lien que l’administration vous a communiqué.
          </p>
          <Link className="fr-btn" to="/inscription">
            Créer un compte
          </Link>
        </div>
      )}
    </>
  );
}

function Tile({ title, text, to }: { title: string; text: string; to: string }) {
  return (
    <div className="fr-tile fr-enlarge-link">
      <div className="fr-tile__body">
        <div className="fr-tile__content">
          <h2 className="fr-tile__title">
            <Link to={to}>{title}</Link>
          </h2>
          <p className="fr-tile__desc">{text}</p>
        </div>
      </div>
    </div>
  );
}

/** Anchor of the list of published procedures, linked to from other pages. */
export const LIST_HEADING_ID = 'demarches-en-ligne';

/** Lists every published procedure, with a link to its start page. */
function PublishedProcedures() {
  const procedures = useResource(() => api<ProcedureSummary[]>('GET', '/procedures'), 'catalogue');
  const { hash } = useLocation();
  const loaded = procedures.data !== undefined;
  // « Mes dossiers » links to `/#demarches-en-ligne`. The browser scrolls to an anchor only on a
  // full page load, so the page brings the list into view once it has loaded.
  useEffect(() => {
    if (loaded && hash === `#${LIST_HEADING_ID}`) {
      document.getElementById(LIST_HEADING_ID)?.scrollIntoView();
    }
  }, [loaded, hash]);
  return (
    <section className="fr-mt-6w" aria-labelledby={LIST_HEADING_ID}>
      <h2 id={LIST_HEADING_ID}>Démarches en ligne</h2>
      {procedures.loading && <Loading />}
      {procedures.error !== undefined && (
        <ErrorAlert
          error={procedures.error}
          title="La liste des démarches n’a pas pu être chargée"
        />
      )}
      {procedures.data?.length === 0 && <p>Aucune démarche n’est publiée pour le moment.</p>}
      {procedures.data && procedures.data.length > 0 && (
        <div className="fr-grid-row fr-grid-row--gutters">
          {procedures.data.map((procedure) => (
            <div className="fr-col-12 fr-col-md-6" key={procedure.id}>
              <div className="fr-card fr-enlarge-link">
                <div className="fr-card__body">
                  <div className="fr-card__content">
                    <h3 className="fr-card__title">
                      <Link to={`/commencer/${procedure.path}`}>{procedure.title}</Link>
                    </h3>
                    <p className="fr-card__desc">{procedure.organisation}</p>
                    {procedure.publishedAt && (
                      <div className="fr-card__end">
                        <p className="fr-card__detail">
                          Publiée le {formatDate(procedure.publishedAt)}
                        </p>
                      </div>
                    )}
                  </div>
                </div>
              </div>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
