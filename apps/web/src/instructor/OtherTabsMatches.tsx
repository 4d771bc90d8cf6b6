import type { DossierPage, DossierSummary } from '@tps/contracts';
import { Link } from 'react-router';

import { api } from '../api/client';
import { DossierStateBadge } from '../components/DossierStateBadge';
import { useResource } from '../components/useResource';
import { instructorDossierPath } from './paths';

/** At most this many dossiers of other tabs are offered; a search by number finds one. */
const MAX_MATCHES = 10;

interface OtherTabsMatchesProps {
  procedureId: string;
  search: string;
  /** The open tab's state and archive flag: its dossiers are listed above, not here. */
  tab: { state?: string; archived: boolean };
  /** True when the open tab found dossiers too, so the list starts with « Aussi ». */
  tabHasMatches: boolean;
}

/**
 * Lists the dossiers of the other tabs that match a search, so that an instructor who searched
 * the wrong tab still reaches the dossier.
 */
export function OtherTabsMatches({
  procedureId,
  search,
  tab,
  tabHasMatches,
}: OtherTabsMatchesProps) {
  const matches = useResource(
    async () => {
      const base = `/instructor/procedures/${procedureId}/dossiers`;
      const query = (archived: boolean) =>
        new URLSearchParams({ archived: String(archived), limit: String(MAX_MATCHES), search });
      const pages = await Promise.all([
        api<DossierPage>('GET', `${base}?${query(false).toString()}`),
        api<DossierPage>('GET', `${base}?${query(true).toString()}`),
      ]);

      return pages
        .flatMap((page) => page.items)
        .filter((dossier) => !isInTab(dossier, tab))
        .slice(0, MAX_MATCHES);
    },
    `${procedureId}|${search}|${tab.state ?? ''}|${String(tab.archived)}`,
  );

  // Without matches elsewhere, the tab's own list or message is all the page shows.
  if (matches.data === undefined || matches.data.length === 0) {
    return null;
  }

  return (
    <div className="fr-mt-2w">
      <p className="fr-mb-1w">
        {tabHasMatches ? 'Aussi dans les autres onglets :' : 'Dans les autres onglets :'}
      </p>
      <ul>
        {matches.data.map((dossier: DossierSummary) => (
          <li key={dossier.id}>
            <Link to={instructorDossierPath(dossier.id)}>Dossier n° {dossier.number}</Link>{' '}
            <DossierStateBadge state={dossier.state} archived={dossier.archived} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function isInTab(dossier: DossierSummary, tab: OtherTabsMatchesProps['tab']): boolean {
  if (tab.archived) {
    return dossier.archived;
  }

  return !dossier.archived && dossier.state === tab.state;
}
