/** Addresses of the instructor pages, kept together so links and redirects agree. */

export const INSTRUCTOR_PROCEDURES_PATH = '/instructeur/procedures';

export function procedureDossiersPath(procedureId: string): string {
  return `${INSTRUCTOR_PROCEDURES_PATH}/${procedureId}`;
}

export function instructorDossierPath(dossierId: string): string {
  return `/instructeur/dossiers/${dossierId}`;
}
