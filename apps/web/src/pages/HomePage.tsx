import { Link } from 'react-router';

import { useAuth } from '../auth/AuthContext';
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
      {account === null && (
        <div className="fr-callout fr-mt-6w">
          <h2 className="fr-callout__title">Première visite ?</h2>
          <p className="fr-callout__text">
            Créez votre compte avec votre adresse électronique. Pour déposer un dossier, ouvrez le
            lien de la démarche que l’administration vous a communiqué.
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
