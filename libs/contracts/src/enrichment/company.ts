import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/**
 * Company data kept on a SIRET field, mapped from API Entreprise (INSEE établissement and unité
 * légale). Fields that INSEE does not publish for the entity are null.
 */
export interface Company {
  siret: string;
  siren: string;
  /** Raison sociale, or "NOM Prénom" for an individual entrepreneur. */
  name: string | null;
  tradeName: string | null;
  nafCode: string | null;
  nafLabel: string | null;
  headcountBand: { code: string; label: string } | null;
  legalForm: { code: string; label: string } | null;
  /** Postal address lines (acheminement postal), empty lines removed. */
  addressLines: string[];
  postalCode: string | null;
  city: string | null;
  /** ISO date (YYYY-MM-DD) of the legal unit's creation. */
  creationDate: string | null;
  /** False when the établissement is closed (F) or the legal unit ceased (C). */
  active: boolean;
  closedOn: string | null;
  headOffice: boolean;
  /** False when the entity has opted out of publication; applicants then see only the SIRET. */
  diffusible: boolean;
  /** Share capital in euros, from the RCS extract, when registered. */
  capital: number | null;
  /** Instant of the successful lookup. */
  fetchedAt: string;
}

/** Result of a SIRET lookup. */
export type SiretLookupStatus =
  /** Data found and returned. */
  | 'found'
  /** Valid SIRET that API Entreprise does not know. */
  | 'not_found'
  /** The entity is never distributed (HTTP 451). */
  | 'unavailable_for_legal_reasons'
  /** API Entreprise is down, slow or rate-limited: the lookup is retried and a `company.resolved` event follows. */
  | 'pending';

export interface SiretLookupResult {
  siret: string;
  status: SiretLookupStatus;
  company: Company | null;
  /** French message for the applicant when the status is not `found`. */
  message?: string;
}

export class LookupSiretDto {
  /** Raw input: spaces and non-breaking spaces are removed by the service. */
  @IsString()
  @MaxLength(40)
  siret: string;

  /** Procedure the lookup is made for, sent as API Entreprise's `object`. */
  @IsOptional()
  @IsUUID()
  procedureId?: string;
}
