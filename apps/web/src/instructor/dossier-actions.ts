import type { DossierView } from '@tps/contracts';
import {
  DOSSIER_STATE_LABELS,
  DossierState,
  InstructorAction,
  MOTIVATION_REQUIRED,
  TERMINAL_STATES,
  TRANSITIONS,
} from '@tps/contracts/dossiers/dossier-state';

import { ApiError } from '../api/client';

/** An instructor action on a dossier: a state transition, or (un)archiving. */
export type DossierAction = InstructorAction | 'archiver' | 'desarchiver';

/**
 * Actions that ask for a motivation and a confirmation first: the three decisions, and the return
 * to construction, whose message explains to the applicant what to correct.
 */
export const DECISIONS: ReadonlySet<DossierAction> = new Set<DossierAction>([
  InstructorAction.RepasserEnConstruction,
  InstructorAction.Accepter,
  InstructorAction.Refuser,
  InstructorAction.ClasserSansSuite,
]);

export const ACTION_BUTTON_LABELS: Record<DossierAction, string> = {
  [InstructorAction.PasserEnInstruction]: 'Passer en instruction',
  [InstructorAction.RepasserEnConstruction]: 'Repasser en construction',
  [InstructorAction.Accepter]: 'Accepter',
  [InstructorAction.Refuser]: 'Refuser',
  [InstructorAction.ClasserSansSuite]: 'Classer sans suite',
  archiver: 'Archiver',
  desarchiver: 'Désarchiver',
};

/** Texts of the confirmation dialog of each decision. */
export interface DecisionTexts {
  title: (number: number) => string;
  motivationLabel: string;
  /** Hint under the motivation field: who reads it, and where. */
  motivationHint: string;
  confirm: string;
}

const DECISION_HINT =
  'Le demandeur pourra la lire dans son dossier, et dans l’e-mail de décision si son modèle la reprend.';

export const DECISION_TEXTS: Partial<Record<DossierAction, DecisionTexts>> = {
  [InstructorAction.RepasserEnConstruction]: {
    title: (number) => `Repasser en construction le dossier n° ${number}`,
    motivationLabel: 'Message au demandeur (facultatif)',
    motivationHint:
      'Indiquez ce que le demandeur doit corriger ou compléter. Il le lira dans son dossier et dans l’e-mail qui le prévient.',
    confirm: 'Confirmer le retour en construction',
  },
  [InstructorAction.Accepter]: {
    title: (number) => `Accepter le dossier n° ${number}`,
    motivationLabel: 'Motivation de l’acceptation (facultative)',
    motivationHint: DECISION_HINT,
    confirm: 'Confirmer l’acceptation',
  },
  [InstructorAction.Refuser]: {
    title: (number) => `Refuser le dossier n° ${number}`,
    motivationLabel: 'Motivation du refus',
    motivationHint: DECISION_HINT,
    confirm: 'Confirmer le refus',
  },
  [InstructorAction.ClasserSansSuite]: {
    title: (number) => `Classer sans suite le dossier n° ${number}`,
    motivationLabel: 'Motivation du classement sans suite',
    motivationHint: DECISION_HINT,
    confirm: 'Confirmer le classement sans suite',
  },
};

export function isMotivationRequired(action: DossierAction): boolean {
  return action !== 'archiver' && action !== 'desarchiver' && MOTIVATION_REQUIRED.has(action);
}

/**
 * Actions allowed in the dossier's current state, in display order. Only accepted, refused or
 * closed dossiers can be archived (the dossiers service rejects the others with a 409).
 */
export function allowedActions(dossier: Pick<DossierView, 'state' | 'archived'>): DossierAction[] {
  const transitions = Object.values(InstructorAction).filter((action) =>
    TRANSITIONS[action].from.includes(dossier.state),
  );
  if (!TERMINAL_STATES.has(dossier.state)) {
    return transitions;
  }

  return [...transitions, dossier.archived ? 'desarchiver' : 'archiver'];
}

/** Success notice after an action, naming the new state. */
export function successMessage(dossier: DossierView, action: DossierAction): string {
  if (action === 'archiver') {
    return `Le dossier n° ${dossier.number} est archivé.`;
  }
  if (action === 'desarchiver') {
    return `Le dossier n° ${dossier.number} n’est plus archivé.`;
  }

  return `Le dossier n° ${dossier.number} est maintenant « ${DOSSIER_STATE_LABELS[dossier.state]} ».`;
}

/**
 * Explanation of a 409 (INVALID_TRANSITION or CONFLICT): someone else changed the dossier since
 * the page loaded it. When the dossier is in fact unchanged, the server's own message is returned.
 * Returns null for any other error.
 */
export function conflictMessage(
  error: unknown,
  displayed: Pick<DossierView, 'state' | 'version'>,
): string | null {
  if (!(error instanceof ApiError) || error.status !== 409) {
    return null;
  }
  const state = error.details.currentState;
  if (state === displayed.state && error.details.currentVersion === displayed.version) {
    return error.message;
  }
  const stateLabel =
    typeof state === 'string' && state in DOSSIER_STATE_LABELS
      ? DOSSIER_STATE_LABELS[state as DossierState]
      : null;
  const where = stateLabel ? ` (il est maintenant « ${stateLabel} »)` : '';

  return (
    `Ce dossier a été modifié entre-temps${where}. ` +
    'La page affiche maintenant sa version à jour : vérifiez-la avant de recommencer.'
  );
}
