import {
  IsEnum,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import type { Company, SiretLookupStatus } from '../enrichment/company';
import type { FieldDefinition } from '../procedures/procedure.dto';
import { DossierState, InstructorAction } from './dossier-state';

export class CreateDossierDto {
  @IsUUID()
  procedureId: string;
}

export class DossierRefDto {
  @IsUUID()
  dossierId: string;
}

/**
 * Raw values keyed by field stable id. Each value is checked against its field definition by the
 * dossiers service: strings for text-like fields, "12,5" or 12.5 for decimals, ISO dates,
 * booleans, arrays of choices. `null` clears a value.
 */
export class UpdateDossierFieldsDto {
  @IsUUID()
  dossierId: string;

  @IsObject()
  values: Record<string, unknown>;
}

export class TransitionDossierDto {
  @IsUUID()
  dossierId: string;

  @IsEnum(InstructorAction)
  action: InstructorAction;

  /** Required for `refuser` and `classer_sans_suite`. */
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  motivation?: string;

  /** Version the instructor last saw; a different current version gives a 409. */
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}

export class ArchiveDossierDto {
  @IsUUID()
  dossierId: string;

  /** False un-archives. */
  @IsOptional()
  archived?: boolean;
}

export class ListDossiersDto {
  @IsUUID()
  procedureId: string;

  @IsOptional()
  @IsEnum(DossierState)
  state?: DossierState;

  @IsOptional()
  @IsIn(['true', 'false', true, false])
  archived?: boolean | 'true' | 'false';

  /** Opaque cursor returned as `nextCursor` by the previous page. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /**
   * A dossier number (`42`, `n° 42`) finds that dossier; any other text finds the dossiers whose
   * applicant e-mail address contains it, ignoring case.
   */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

export class AuthorizeAttachmentDto {
  @IsUUID()
  dossierId: string;

  @IsUUID()
  fieldStableId: string;
}

export class AddAttachmentDto {
  @IsUUID()
  dossierId: string;

  @IsUUID()
  fieldStableId: string;

  /** Key of the object the gateway stored in the private bucket. */
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  objectKey: string;

  @IsString()
  @MinLength(1)
  @MaxLength(255)
  filename: string;

  /** MIME type detected from the content, not from the name. */
  @IsString()
  @MaxLength(150)
  contentType: string;

  @IsInt()
  @Min(1)
  sizeBytes: number;

  /** Hex SHA-256 of the content. */
  @Matches(/^[0-9a-f]{64}$/)
  sha256: string;
}

export class AttachmentRefDto {
  @IsUUID()
  dossierId: string;

  @IsUUID()
  attachmentId: string;
}

export interface AttachmentView {
  id: string;
  fieldStableId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

/** Upload permit for the gateway, with limits taken from the field definition. */
export interface AttachmentPermit {
  dossierId: string;
  fieldStableId: string;
  maxFileSizeBytes: number | null;
  /** Object key prefix the gateway must use, e.g. `dossiers/<id>/`. */
  objectKeyPrefix: string;
}

/** Download grant: the object to stream and its metadata. */
export interface AttachmentDownload extends AttachmentView {
  objectKey: string;
}

/** Enrichment of a SIRET field, kept with its value. */
export interface SiretFieldData {
  status: SiretLookupStatus;
  company: Company | null;
  message?: string;
}

/** A field of the dossier: its definition (from the pinned revision) and its value. */
export interface DossierFieldView {
  definition: FieldDefinition;
  /** Normalised value: string, number, boolean, string[] or null. */
  value: unknown;
  /** Company data for a SIRET field. */
  siret?: SiretFieldData;
  attachments?: AttachmentView[];
  updatedAt: string | null;
}

export interface TransitionView {
  fromState: DossierState;
  toState: DossierState;
  action: InstructorAction | 'deposer' | 'archiver' | 'desarchiver';
  /**
   * E-mail of the person who made the change, or null in the applicant's view of an
   * instructor's change.
   */
  actorEmail: string | null;
  motivation: string | null;
  at: string;
}

export interface DossierSummary {
  id: string;
  number: number;
  procedureId: string;
  procedureTitle: string;
  state: DossierState;
  archived: boolean;
  applicantEmail: string;
  createdAt: string;
  submittedAt: string | null;
  updatedAt: string;
}

export interface DossierView extends DossierSummary {
  revisionId: string;
  version: number;
  instructionStartedAt: string | null;
  decidedAt: string | null;
  motivation: string | null;
  fields: DossierFieldView[];
  history: TransitionView[];
}

export interface DossierPage {
  items: DossierSummary[];
  nextCursor: string | null;
}

export type DossierCountByState = Record<DossierState, number> & { archived: number };
