import { Link } from 'react-router';

import { usePageTitle } from '../layout/usePageTitle';

export function NotFoundPage() {
  usePageTitle('Page introuvable');
  return (
    <>
      <h1>Page introuvable</h1>
      <p className="fr-text--lead">La page que vous cherchez n’existe pas ou a été déplacée.</p>
      <p>Si vous avez saisi l’adresse, vérifiez qu’elle est correcte.</p>
      <Link className="fr-btn" to="/">
        Retour à l’accueil
      </Link>
    </>
  );
}
