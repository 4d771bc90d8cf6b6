import type { TransitionView } from '@tps/contracts';
import { DOSSIER_STATE_LABELS } from '@tps/contracts/dossiers/dossier-state';

import { formatDateTime } from '../components/format';
import { DsfrTable } from './DsfrTable';

const ACTION_LABELS: Record<TransitionView['action'], string> = {
  deposer: 'Dépôt',
  passer_en_instruction: 'Passage en instruction',
  repasser_en_construction: 'Retour en construction',
  accepter: 'Acceptation',
  refuser: 'Refus',
  classer_sans_suite: 'Classement sans suite',
  archiver: 'Archivage',
  desarchiver: 'Désarchivage',
};

/** Lists every change of state (and archiving) of the dossier, oldest first, in a DSFR table. */
export function DossierHistory({ history }: { history: TransitionView[] }) {
  if (history.length === 0) {
    return <p>Aucun changement d’état n’a encore été enregistré.</p>;
  }

  return (
    <DsfrTable
      caption="Historique des changements d’état, du plus ancien au plus récent"
      hideCaption
      className="fr-table--multiline"
    >
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Action</th>
          <th scope="col">État</th>
          <th scope="col">Par</th>
          <th scope="col">Motivation</th>
        </tr>
      </thead>
      <tbody>
        {history.map((transition) => (
          <tr key={`${transition.at}:${transition.action}`}>
            <td>{formatDateTime(transition.at)}</td>
            <td>{ACTION_LABELS[transition.action]}</td>
            <td>
              <StateChange transition={transition} />
            </td>
            <td>{transition.actorEmail ?? '—'}</td>
            <td style={{ whiteSpace: 'pre-wrap' }}>{transition.motivation ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </DsfrTable>
  );
}

function StateChange({ transition }: { transition: TransitionView }) {
  const from = DOSSIER_STATE_LABELS[transition.fromState];
  const to = DOSSIER_STATE_LABELS[transition.toState];
  if (transition.fromState === transition.toState) {
    return <>{to}</>;
  }

  return (
    <>
      {from} <span aria-hidden="true">→</span>
      <span className="fr-sr-only"> vers </span> {to}
    </>
  );
}
