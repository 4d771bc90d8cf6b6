import { InstructorAction } from '@tps/contracts/dossiers/dossier-state';

import { ACTION_BUTTON_LABELS } from './dossier-actions';
import type { DossierAction } from './dossier-actions';

const BUTTON_STYLES: Record<DossierAction, string> = {
  [InstructorAction.PasserEnInstruction]: 'fr-btn',
  [InstructorAction.RepasserEnConstruction]: 'fr-btn fr-btn--secondary',
  [InstructorAction.Accepter]: 'fr-btn',
  [InstructorAction.Refuser]: 'fr-btn fr-btn--secondary',
  [InstructorAction.ClasserSansSuite]: 'fr-btn fr-btn--tertiary',
  archiver: 'fr-btn fr-btn--secondary',
  desarchiver: 'fr-btn fr-btn--secondary',
};

interface DossierActionsProps {
  actions: DossierAction[];
  /** The action being sent, if any: the buttons are marked busy meanwhile. */
  pending: DossierAction | null;
  onAction: (action: DossierAction) => void;
}

/** Renders one button per action allowed in the dossier's current state. */
export function DossierActions({ actions, pending, onAction }: DossierActionsProps) {
  if (actions.length === 0) {
    return <p>Aucune action n’est possible sur ce dossier dans son état actuel.</p>;
  }

  return (
    <ul className="fr-btns-group fr-btns-group--inline-md fr-mb-0">
      {actions.map((action) => (
        <li key={action}>
          <button
            type="button"
            className={BUTTON_STYLES[action]}
            aria-disabled={pending !== null ? true : undefined}
            onClick={() => {
              if (pending === null) {
                onAction(action);
              }
            }}
          >
            {ACTION_BUTTON_LABELS[action]}
          </button>
        </li>
      ))}
    </ul>
  );
}
