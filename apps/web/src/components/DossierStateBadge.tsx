import { DOSSIER_STATE_LABELS, DossierState } from '@tps/contracts/dossiers/dossier-state';

const SEVERITY: Record<DossierState, string> = {
  [DossierState.Brouillon]: '',
  [DossierState.EnConstruction]: 'fr-badge--info',
  [DossierState.EnInstruction]: 'fr-badge--new',
  [DossierState.Accepte]: 'fr-badge--success',
  [DossierState.Refuse]: 'fr-badge--error',
  [DossierState.SansSuite]: 'fr-badge--warning',
};

/** Shows the dossier's state as a DSFR badge, with « Archivé » beside it when archived. */
export function DossierStateBadge({
  state,
  archived = false,
}: {
  state: DossierState;
  archived?: boolean;
}) {
  return (
    <span className="fr-badges-group fr-badges-group--sm" style={{ display: 'inline-flex' }}>
      <span className={`fr-badge fr-badge--sm fr-badge--no-icon ${SEVERITY[state]}`}>
        {DOSSIER_STATE_LABELS[state]}
      </span>
      {archived && <span className="fr-badge fr-badge--sm">Archivé</span>}
    </span>
  );
}
