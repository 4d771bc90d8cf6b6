import { Link } from 'react-router';

export interface BreadcrumbItem {
  label: string;
  /** Absent on the last item, the current page. */
  to?: string;
}

/**
 * DSFR breadcrumb. The DSFR script that folds it behind a button on small screens is not
 * loaded, so the list is always shown.
 */
export function Breadcrumb({ items }: { items: BreadcrumbItem[] }) {
  return (
    <nav className="fr-breadcrumb" aria-label="vous êtes ici :">
      <ol className="fr-breadcrumb__list">
        <li>
          <Link className="fr-breadcrumb__link" to="/">
            Accueil
          </Link>
        </li>
        {items.map((item) => (
          <li key={`${item.label}:${item.to ?? ''}`}>
            {item.to ? (
              <Link className="fr-breadcrumb__link" to={item.to}>
                {item.label}
              </Link>
            ) : (
              <a className="fr-breadcrumb__link" aria-current="page">
                {item.label}
              </a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
