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
}

/**
 * Shown when a search finds nothing in the open tab: the dossiers of the other tabs that match,
 * so that an instructor who searched the wrong tab still reaches the dossier.
 */
export function OtherTabsMatches({ procedureId, search }: OtherTabsMatchesProps) {
  const matches = useResource(async () => {
    const base = `/instructor/procedures/${procedureId}/dossiers`;
    const query = (archived: boolean) =>
      new URLSearchParams({ archived: String(archived), limit: String(MAX_MATCHES), search });
    const pages = await Promise.all([
      api<DossierPage>('GET', `${base}?${query(false).toString()}`),
      api<DossierPage>('GET', `${base}?${query(true).toString()}`),
    ]);

    return pages.flatMap((page) => page.items).slice(0, MAX_MATCHES);
  }, `${procedureId}|${search}`);

  // The tab's own message already says nothing matched; this list is only a shortcut.
  if (matches.data === undefined || matches.data.length === 0) {
    return null;
  }

  return (
    <div className="fr-mt-2w">
      <p className="fr-mb-1w">Dans les autres onglets :</p>
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
