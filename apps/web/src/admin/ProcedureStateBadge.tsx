import type { ProcedureState } from '@tps/contracts';

export const PROCEDURE_STATE_LABELS: Record<ProcedureState, string> = {
  brouillon: 'Brouillon',
  publiee: 'Publiée',
  close: 'Close',
};

const SEVERITY: Record<ProcedureState, string> = {
  brouillon: 'fr-badge--new',
  publiee: 'fr-badge--success',
  close: '',
};

/** Shows the publication state of a procedure as a DSFR badge. */
export function ProcedureStateBadge({ state }: { state: ProcedureState }) {
  return (
    <span className={`fr-badge fr-badge--sm fr-badge--no-icon ${SEVERITY[state]}`}>
      {PROCEDURE_STATE_LABELS[state]}
    </span>
  );
}
