import { Link } from 'react-router';

/** Target of a pagination link: a query string and the history state to push with it. */
export interface PageTarget {
  search: string;
  state: unknown;
}

interface CursorPaginationProps {
  /** 1-based number of the page shown, or null when unknown (page opened from its address). */
  page: number | null;
  previous: PageTarget | null;
  next: PageTarget | null;
  /** Label of the previous link; « Première page » when the earlier cursors are unknown. */
  previousLabel?: string;
}

/**
 * DSFR pagination for keyset paging: the total number of pages is unknown, so it shows the
 * previous and next links around the current page number. A missing target renders the link
 * disabled, as the DSFR does, with `aria-disabled` and no `href`.
 */
export function CursorPagination({
  page,
  previous,
  next,
  previousLabel = 'Page précédente',
}: CursorPaginationProps) {
  if (!previous && !next) {
    return null;
  }

  return (
    <nav role="navigation" className="fr-pagination fr-mt-3w" aria-label="Pagination">
      <ul className="fr-pagination__list">
        <li>
          <PageLink
            target={previous}
            className="fr-pagination__link fr-pagination__link--prev fr-pagination__link--label"
            label={previousLabel}
          />
        </li>
        {page !== null && (
          <li>
            <a className="fr-pagination__link" aria-current="page" title={`Page ${page}`}>
              {page}
            </a>
          </li>
        )}
        <li>
          <PageLink
            target={next}
            className="fr-pagination__link fr-pagination__link--next fr-pagination__link--label"
            label="Page suivante"
          />
        </li>
      </ul>
    </nav>
  );
}

interface PageLinkProps {
  target: PageTarget | null;
  className: string;
  label: string;
}

function PageLink({ target, className, label }: PageLinkProps) {
  if (!target) {
    return (
      <a className={className} role="link" aria-disabled="true">
        {label}
      </a>
    );
  }

  return (
    <Link className={className} to={{ search: target.search }} state={target.state}>
      {label}
    </Link>
  );
}
