import type { Company } from '../enrichment/company';
import type { FieldType } from '../procedures/field-type';
import { DossierState, InstructorAction } from '../dossiers/dossier-state';

/** One field value as partners and e-mail templates see it. */
export interface DossierFieldSnapshotV1 {
  stableId: string;
  type: FieldType;
  label: string;
  /** Normalised value (string, number, boolean, string[] or null). */
  value: unknown;
  /** Human-readable French rendering, the value of the field's `--tag--` in e-mails. */
  displayValue: string;
  company?: Company | null;
}

/**
 * Payload of every dossier state event (`submitted`, `instruction-started`,
 * `returned-to-construction`, `accepted`, `refused`, `closed-without-follow-up`, `archived`).
 */
export interface DossierStateChangedV1 {
  dossierId: string;
  dossierNumber: number;
  procedureId: string;
  procedureTitle: string;
  organisation: string;
  revisionId: string;
  fromState: DossierState;
  toState: DossierState;
  action: InstructorAction | 'deposer' | 'archiver' | 'desarchiver';
  archived: boolean;
  /** Version after the change; strictly increasing per dossier. */
  version: number;
  applicantEmail: string;
  actorEmail: string;
  /** Motivation of the dossier's decision; null before a decision and for a decision without one. */
  motivation: string | null;
  /**
   * Motivation the actor gave with this change, whatever the action (e.g. the request sent with
   * `repasser_en_construction`); null when none was given. Absent from events published before
   * the field was added.
   */
  transitionMotivation?: string | null;
  submittedAt: string | null;
  instructionStartedAt: string | null;
  decidedAt: string | null;
  occurredAt: string;
  fields: DossierFieldSnapshotV1[];
}

/** Payload of `tps.events.company.resolved.v1`: a retried SIRET lookup finished. */
export interface CompanyResolvedV1 {
  siret: string;
  status: 'found' | 'not_found' | 'unavailable_for_legal_reasons';
  company: Company | null;
  resolvedAt: string;
}

/** Payload of `tps.events.procedure.published.v1` and `.closed.v1`. */
export interface ProcedurePublicationChangedV1 {
  procedureId: string;
  path: string;
  title: string;
  organisation: string;
  state: 'publiee' | 'close';
  revisionId: string | null;
  revisionNumber: number | null;
  occurredAt: string;
}
