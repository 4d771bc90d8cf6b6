import {
  type AttachmentView,
  type Company,
  type DossierFieldSnapshotV1,
  type DossierFieldView,
  type DossierStateChangedV1,
  type DossierSummary,
  type DossierView,
  displayFieldValue,
  FieldType,
  NON_FILLABLE_FIELD_TYPES,
  type RevisionView,
  type SiretFieldData,
  type TransitionView,
} from '@tps/contracts';

import type { AttachmentEntity } from '../database/attachment.entity';
import type { DossierEntity } from '../database/dossier.entity';
import type { FieldValueEntity } from '../database/field-value.entity';
import type { TransitionEntity } from '../database/transition.entity';

/** Reader of a view. Applicants do not see the data of a company that opted out of publication. */
export type ViewAudience = 'applicant' | 'instructor';

/** A dossier row with everything its views and events need. */
export interface DossierDetails {
  dossier: DossierEntity;
  revision: RevisionView;
  values: FieldValueEntity[];
  attachments: AttachmentEntity[];
  transitions: TransitionEntity[];
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toSummary(dossier: DossierEntity): DossierSummary {
  return {
    id: dossier.id,
    number: Number(dossier.number),
    procedureId: dossier.procedureId,
    procedureTitle: dossier.procedureTitle,
    state: dossier.state,
    archived: dossier.archived,
    applicantEmail: dossier.applicantEmail,
    createdAt: dossier.createdAt.toISOString(),
    submittedAt: iso(dossier.submittedAt),
    updatedAt: dossier.updatedAt.toISOString(),
  };
}

export function toAttachmentView(attachment: AttachmentEntity): AttachmentView {
  return {
    id: attachment.id,
    fieldStableId: attachment.fieldStableId,
    filename: attachment.filename,
    contentType: attachment.contentType,
    sizeBytes: Number(attachment.sizeBytes),
    sha256: attachment.sha256,
    uploadedAt: attachment.uploadedAt.toISOString(),
  };
}

/**
 * Hides what INSEE does not publish for a non-diffusible company: the applicant keeps the SIRET,
 * whether it is active and its city, every other field becomes null (or empty).
 */
export function redactCompany(company: Company): Company {
  if (company.diffusible) {
    return company;
  }

  return {
    ...company,
    name: null,
    tradeName: null,
    nafCode: null,
    nafLabel: null,
    headcountBand: null,
    legalForm: null,
    addressLines: [],
    postalCode: null,
    creationDate: null,
    closedOn: null,
    capital: null,
  };
}

function siretForAudience(data: SiretFieldData, audience: ViewAudience): SiretFieldData {
  if (audience === 'instructor' || !data.company) {
    return data;
  }

  return { ...data, company: redactCompany(data.company) };
}

export function toDossierView(details: DossierDetails, audience: ViewAudience): DossierView {
  const { dossier, revision } = details;
  const valuesById = new Map(details.values.map((value) => [value.stableId, value]));
  const fields = [...revision.fields]
    .sort((left, right) => left.position - right.position)
    .map((definition): DossierFieldView => {
      const stored = valuesById.get(definition.stableId);
      const view: DossierFieldView = {
        definition,
        value: stored?.value ?? null,
        updatedAt: iso(stored?.updatedAt ?? null),
      };
      if (definition.type === FieldType.Siret && stored?.siretData) {
        view.siret = siretForAudience(stored.siretData, audience);
      }
      if (definition.type === FieldType.Attachment) {
        view.attachments = details.attachments
          .filter((attachment) => attachment.fieldStableId === definition.stableId)
          .map(toAttachmentView);
      }

      return view;
    });

  return {
    ...toSummary(dossier),
    revisionId: dossier.revisionId,
    version: dossier.version,
    instructionStartedAt: iso(dossier.instructionStartedAt),
    decidedAt: iso(dossier.decidedAt),
    motivation: dossier.motivation,
    fields,
    history: details.transitions.map(
      (transition): TransitionView => ({
        fromState: transition.fromState,
        toState: transition.toState,
        action: transition.action,
        // Applicants see their own changes; instructors' addresses stay inside the administration.
        actorEmail:
          audience === 'instructor' || transition.actorEmail === dossier.applicantEmail
            ? transition.actorEmail
            : null,
        motivation: transition.motivation,
        at: transition.at.toISOString(),
      }),
    ),
  };
}

/** Field snapshots of an event, in form order, without the structure-only fields. */
export function toFieldSnapshots(details: DossierDetails): DossierFieldSnapshotV1[] {
  const valuesById = new Map(details.values.map((value) => [value.stableId, value]));

  return [...details.revision.fields]
    .sort((left, right) => left.position - right.position)
    .filter((definition) => !NON_FILLABLE_FIELD_TYPES.has(definition.type))
    .map((definition) => {
      const stored = valuesById.get(definition.stableId);
      const attachmentNames = details.attachments
        .filter((attachment) => attachment.fieldStableId === definition.stableId)
        .map((attachment) => attachment.filename);
      const value =
        definition.type === FieldType.Attachment ? attachmentNames : (stored?.value ?? null);
      const snapshot: DossierFieldSnapshotV1 = {
        stableId: definition.stableId,
        type: definition.type,
        label: definition.label,
        value,
        displayValue: displayFieldValue(definition, stored?.value ?? null, { attachmentNames }),
      };
      if (definition.type === FieldType.Siret) {
        snapshot.company = stored?.siretData?.company ?? null;
      }

      return snapshot;
    });
}

/** Payload of a state event; `change` describes the change, the rest comes from the dossier. */
export function toStateChangedEvent(
  details: DossierDetails,
  change: Pick<DossierStateChangedV1, 'fromState' | 'action' | 'actorEmail'> & {
    transitionMotivation: string | null;
  },
): DossierStateChangedV1 {
  const { dossier } = details;

  return {
    dossierId: dossier.id,
    dossierNumber: Number(dossier.number),
    procedureId: dossier.procedureId,
    procedureTitle: dossier.procedureTitle,
    organisation: dossier.organisation,
    revisionId: dossier.revisionId,
    fromState: change.fromState,
    toState: dossier.state,
    action: change.action,
    archived: dossier.archived,
    version: dossier.version,
    applicantEmail: dossier.applicantEmail,
    actorEmail: change.actorEmail,
    motivation: dossier.motivation,
    transitionMotivation: change.transitionMotivation,
    submittedAt: iso(dossier.submittedAt),
    instructionStartedAt: iso(dossier.instructionStartedAt),
    decidedAt: iso(dossier.decidedAt),
    occurredAt: dossier.updatedAt.toISOString(),
    fields: toFieldSnapshots(details),
  };
}
