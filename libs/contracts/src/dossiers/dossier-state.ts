/** States of a dossier as stored and sent to partners. `archived` is a flag beside the state. */
export enum DossierState {
  Brouillon = 'brouillon',
  EnConstruction = 'en_construction',
  EnInstruction = 'en_instruction',
  Accepte = 'accepte',
  Refuse = 'refuse',
  SansSuite = 'sans_suite',
}

/** Instructor actions and the single state each one leads to. */
export enum InstructorAction {
  PasserEnInstruction = 'passer_en_instruction',
  RepasserEnConstruction = 'repasser_en_construction',
  Accepter = 'accepter',
  Refuser = 'refuser',
  ClasserSansSuite = 'classer_sans_suite',
}

export const TRANSITIONS: Record<InstructorAction, { from: DossierState[]; to: DossierState }> = {
  [InstructorAction.PasserEnInstruction]: {
    from: [DossierState.EnConstruction],
    to: DossierState.EnInstruction,
  },
  [InstructorAction.RepasserEnConstruction]: {
    from: [DossierState.EnInstruction],
    to: DossierState.EnConstruction,
  },
  [InstructorAction.Accepter]: { from: [DossierState.EnInstruction], to: DossierState.Accepte },
  [InstructorAction.Refuser]: { from: [DossierState.EnInstruction], to: DossierState.Refuse },
  [InstructorAction.ClasserSansSuite]: {
    from: [DossierState.EnInstruction],
    to: DossierState.SansSuite,
  },
};

/** Actions whose motivation is mandatory. */
export const MOTIVATION_REQUIRED: ReadonlySet<InstructorAction> = new Set([
  InstructorAction.Refuser,
  InstructorAction.ClasserSansSuite,
]);

export const TERMINAL_STATES: ReadonlySet<DossierState> = new Set([
  DossierState.Accepte,
  DossierState.Refuse,
  DossierState.SansSuite,
]);

/** States in which the applicant may still change field values. */
export const APPLICANT_EDITABLE_STATES: ReadonlySet<DossierState> = new Set([
  DossierState.Brouillon,
  DossierState.EnConstruction,
]);

export const DOSSIER_STATE_LABELS: Record<DossierState, string> = {
  [DossierState.Brouillon]: 'Brouillon',
  [DossierState.EnConstruction]: 'En construction',
  [DossierState.EnInstruction]: 'En instruction',
  [DossierState.Accepte]: 'Accepté',
  [DossierState.Refuse]: 'Refusé',
  [DossierState.SansSuite]: 'Classé sans suite',
};
