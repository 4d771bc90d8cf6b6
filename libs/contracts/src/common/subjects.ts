/**
 * Every NATS subject of the platform. Commands and queries read `<service>.<resource>.<verb>`
 * and are served in a queue group named after the owning service. Events read
 * `tps.events.<aggregate>.<event>.v<N>` and travel through the JetStream stream `EVENTS_STREAM`.
 */
export const ProcedureSubjects = {
  create: 'procedures.procedure.create',
  update: 'procedures.procedure.update',
  /** Full procedure with its draft revision, for its administrators. */
  get: 'procedures.procedure.get',
  /** Procedures the actor administers. */
  listAdministered: 'procedures.procedure.list-administered',
  /** Procedures where the actor is an instructor. */
  listInstructed: 'procedures.procedure.list-instructed',
  /** Published procedures, for the site's public catalogue. */
  listPublished: 'procedures.procedure.list-published',
  /** Published (or closed) procedure as an applicant sees it, by id or path. */
  getPublic: 'procedures.procedure.get-public',
  publish: 'procedures.procedure.publish',
  close: 'procedures.procedure.close',
  addField: 'procedures.field.create',
  updateField: 'procedures.field.update',
  deleteField: 'procedures.field.delete',
  moveField: 'procedures.field.move',
  /** A frozen revision with its fields; used by the dossiers service. */
  getRevision: 'procedures.revision.get',
  /** The actor's role on a procedure: administrator, instructor or none. */
  getAccess: 'procedures.access.get',
  listInstructors: 'procedures.instructor.list',
  addInstructor: 'procedures.instructor.add',
  removeInstructor: 'procedures.instructor.remove',
  listMailTemplates: 'procedures.mail-template.list',
  updateMailTemplate: 'procedures.mail-template.update',
  /** The template of one kind, for the notifications service (system actor). */
  getMailTemplate: 'procedures.mail-template.get',
} as const;

export const DossierSubjects = {
  create: 'dossiers.dossier.create',
  /** The applicant's view of one of their dossiers. */
  get: 'dossiers.dossier.get',
  listMine: 'dossiers.dossier.list-mine',
  updateFields: 'dossiers.dossier.update-fields',
  submit: 'dossiers.dossier.submit',
  /** The instructor's view of a dossier. */
  getForInstructor: 'dossiers.dossier.get-for-instructor',
  listForProcedure: 'dossiers.dossier.list',
  countByState: 'dossiers.dossier.count-by-state',
  transition: 'dossiers.dossier.transition',
  archive: 'dossiers.dossier.archive',
  /** Checks that the actor may attach a file to a field, before the gateway stores the upload. */
  authorizeAttachment: 'dossiers.attachment.authorize',
  addAttachment: 'dossiers.attachment.create',
  removeAttachment: 'dossiers.attachment.delete',
  /** Authorizes a download and returns the object key. */
  getAttachment: 'dossiers.attachment.get',
} as const;

export const EnrichmentSubjects = {
  lookupSiret: 'enrichment.siret.lookup',
} as const;

export const NotificationSubjects = {
  /** Renders a template against sample or real values without sending it. */
  preview: 'notifications.email.preview',
  /** E-mails sent for a dossier, for its instructors and the scenario. */
  listForDossier: 'notifications.email.list',
} as const;

/** JetStream stream that carries every domain event. */
export const EVENTS_STREAM = 'TPS_EVENTS';
export const EVENTS_SUBJECT_ROOT = 'tps.events';

export const EventSubjects = {
  procedurePublished: 'tps.events.procedure.published.v1',
  procedureClosed: 'tps.events.procedure.closed.v1',
  dossierSubmitted: 'tps.events.dossier.submitted.v1',
  dossierInstructionStarted: 'tps.events.dossier.instruction-started.v1',
  dossierReturnedToConstruction: 'tps.events.dossier.returned-to-construction.v1',
  dossierAccepted: 'tps.events.dossier.accepted.v1',
  dossierRefused: 'tps.events.dossier.refused.v1',
  dossierClosedWithoutFollowUp: 'tps.events.dossier.closed-without-follow-up.v1',
  dossierArchived: 'tps.events.dossier.archived.v1',
  /** A SIRET lookup that had failed earlier succeeded on retry. */
  companyResolved: 'tps.events.company.resolved.v1',
} as const;

export type EventSubject = (typeof EventSubjects)[keyof typeof EventSubjects];
