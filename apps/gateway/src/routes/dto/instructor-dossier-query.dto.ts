import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { DossierState } from '@tps/contracts';

/** Query string of GET /api/instructor/procedures/:id/dossiers, converted from text. */
export class InstructorDossierQueryDto {
  @IsOptional()
  @IsEnum(DossierState)
  state?: DossierState;

  /** `true` or `false` in the query string; absent leaves the choice to the dossiers service. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => parseBooleanQuery(value))
  @IsBoolean()
  archived?: boolean;

  /** `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** A dossier number, or part of the applicant's e-mail address. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

/** Turns `true`/`false` text into booleans; other values stay as they are and fail @IsBoolean. */
function parseBooleanQuery(value: unknown): unknown {
  if (value === 'true') {
    return true;
  }
  if (value === 'false') {
    return false;
  }

  return value;
}
