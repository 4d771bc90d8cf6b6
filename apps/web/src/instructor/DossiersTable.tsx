import type { DossierSummary } from '@tps/contracts';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';

import { DossierStateBadge } from '../components/DossierStateBadge';
import { formatDateTime } from '../components/format';
import { DsfrTable } from './DsfrTable';
import { instructorDossierPath } from './paths';

interface DossiersTableProps {
  dossiers: DossierSummary[];
  caption: string;
  /** Moves focus to the table once shown, after « Page suivante » replaced the page's content. */
  focusOnShow?: boolean;
}

/** Renders one page of dossiers as a DSFR table, each number linking to its dossier. */
export function DossiersTable({ dossiers, caption, focusOnShow = false }: DossiersTableProps) {
  const region = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusOnShow) {
      region.current?.focus();
    }
  }, [focusOnShow]);

  return (
    <DsfrTable caption={caption} className="fr-mb-0 fr-table--multiline" regionRef={region}>
      <thead>
        <tr>
          <th scope="col">Dossier</th>
          <th scope="col">Demandeur</th>
          <th scope="col">État</th>
          <th scope="col">Déposé le</th>
          <th scope="col">Dernière modification</th>
        </tr>
      </thead>
      <tbody>
        {dossiers.map((dossier) => (
          <tr key={dossier.id}>
            <th scope="row">
              <Link to={instructorDossierPath(dossier.id)}>Dossier n° {dossier.number}</Link>
            </th>
            <td style={{ overflowWrap: 'anywhere' }}>{dossier.applicantEmail}</td>
            <td>
              <DossierStateBadge state={dossier.state} archived={dossier.archived} />
            </td>
            <td>{formatDateTime(dossier.submittedAt)}</td>
            <td>{formatDateTime(dossier.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </DsfrTable>
  );
}
