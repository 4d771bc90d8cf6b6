import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { FieldType } from './field-type';

/** Publication state of a procedure. `brouillon` has never been published; `close` takes no new dossier. */
export type ProcedureState = 'brouillon' | 'publiee' | 'close';

/** Type-specific settings of a field definition. */
export class FieldOptionsDto {
  /** Allowed values of a drop-down or multiple-choice list, in display order. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  choices?: string[];

  /** Maximum size of one attachment in bytes; the gateway's global limit applies when absent. */
  @IsOptional()
  @IsInt()
  @Min(1)
  maxFileSizeBytes?: number;

  /** Maximum length of a text or textarea value. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  maxLength?: number;

  /** Lower and upper bounds of an integer or decimal value, inclusive. */
  @IsOptional()
  min?: number;

  @IsOptional()
  max?: number;
}

export class CreateProcedureDto {
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @IsString()
  @MaxLength(20000)
  description: string;

  /** Name of the public body that runs the procedure ("nom du service"). */
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  organisation: string;

  @IsEmail()
  contactEmail: string;

  /** URL slug of the start page; generated from the title when absent. */
  @IsOptional()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'path ne doit contenir que des minuscules, des chiffres et des tirets',
  })
  @MaxLength(100)
  path?: string;
}

export class UpdateProcedureDto {
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title?: string;

  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  organisation?: string;

  @IsOptional()
  @IsEmail()
  contactEmail?: string;

  @IsOptional()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'path ne doit contenir que des minuscules, des chiffres et des tirets',
  })
  @MaxLength(100)
  path?: string;
}

export class CreateFieldDto {
  @IsEnum(FieldType)
  type: FieldType;

  @IsString()
  @MinLength(1)
  @MaxLength(500)
  label: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => FieldOptionsDto)
  options?: FieldOptionsDto;

  /** 0-based position in the form; appended at the end when absent. */
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export class UpdateFieldDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  label?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => FieldOptionsDto)
  options?: FieldOptionsDto;
}

export class MoveFieldDto {
  @IsInt()
  @Min(0)
  position: number;
}

export class AddInstructorDto {
  @IsEmail()
  email: string;
}

/** Payload that targets one procedure. */
export class ProcedureRefDto {
  @IsUUID()
  procedureId: string;
}

/** Payload that targets a procedure by id or by its path (public start page). */
export class ProcedureLookupDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  idOrPath: string;
}

export class FieldRefDto {
  @IsUUID()
  procedureId: string;

  /** Stable id of the field, kept across revisions. */
  @IsUUID()
  stableId: string;
}

export class RevisionRefDto {
  @IsUUID()
  revisionId: string;
}

/** A field as stored in a revision. */
export interface FieldDefinition {
  stableId: string;
  type: FieldType;
  label: string;
  description: string;
  required: boolean;
  options: {
    choices?: string[];
    maxFileSizeBytes?: number;
    maxLength?: number;
    min?: number;
    max?: number;
  };
  position: number;
}

/** One version of the form. Published revisions are frozen; the draft revision is editable. */
export interface RevisionView {
  id: string;
  procedureId: string;
  /** 0 for the draft, then 1, 2, … in publication order. */
  number: number;
  publishedAt: string | null;
  fields: FieldDefinition[];
}

/** Procedure as applicants and the dossiers service see it. */
export interface PublicProcedureView {
  id: string;
  path: string;
  title: string;
  description: string;
  organisation: string;
  contactEmail: string;
  state: ProcedureState;
  publishedAt: string | null;
  closedAt: string | null;
  /** The revision new dossiers are pinned to; null while the procedure is a draft. */
  publishedRevision: RevisionView | null;
}

/** Procedure as its administrators see it: the public view plus the editable draft revision. */
export interface ProcedureView extends PublicProcedureView {
  draftRevision: RevisionView;
  administratorEmails: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ProcedureSummary {
  id: string;
  path: string;
  title: string;
  organisation: string;
  state: ProcedureState;
  publishedAt: string | null;
}

/** A frozen revision together with the procedure's current publication state. */
export interface RevisionWithProcedure {
  revision: RevisionView;
  procedure: Omit<PublicProcedureView, 'publishedRevision'>;
}

export type ProcedureRole = 'administrator' | 'instructor';

export interface ProcedureAccess {
  procedureId: string;
  roles: ProcedureRole[];
}

export interface InstructorView {
  email: string;
  addedAt: string;
  addedBy: string;
}

export const PROCEDURE_STATES: readonly ProcedureState[] = ['brouillon', 'publiee', 'close'];
export const isProcedureState = (value: string): value is ProcedureState =>
  (PROCEDURE_STATES as readonly string[]).includes(value);
