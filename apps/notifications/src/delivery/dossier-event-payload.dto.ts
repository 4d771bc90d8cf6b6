import { Type } from 'class-transformer';
import {
  Allow,
  IsArray,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';

/**
 * The part of a field snapshot an e-mail needs: its label (the tag), its French rendering, and
 * for numbers the type and stored value, which the e-mail formats the French way.
 */
export class DossierFieldSnapshotDto {
  @IsString()
  label: string;

  @IsString()
  displayValue: string;

  @IsOptional()
  @IsString()
  type?: string;

  /** Stored value: a number for integer and decimal fields, other types are not read. */
  @Allow()
  value?: unknown;
}

/**
 * The fields of `DossierStateChangedV1` that an e-mail needs. An event that lacks one of them
 * cannot be rendered and is dropped; other fields are ignored.
 */
export class DossierEventPayloadDto {
  @IsUUID()
  dossierId: string;

  @IsInt()
  @Min(1)
  dossierNumber: number;

  @IsUUID()
  procedureId: string;

  @IsString()
  procedureTitle: string;

  @IsString()
  organisation: string;

  @IsEmail({ allow_display_name: false })
  applicantEmail: string;

  @IsOptional()
  @IsString()
  motivation: string | null;

  /** Absent from events published before the field was added to `DossierStateChangedV1`. */
  @IsOptional()
  @IsString()
  transitionMotivation?: string | null;

  @IsOptional()
  @IsString()
  submittedAt: string | null;

  @IsOptional()
  @IsString()
  instructionStartedAt: string | null;

  @IsOptional()
  @IsString()
  decidedAt: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DossierFieldSnapshotDto)
  fields: DossierFieldSnapshotDto[];
}
