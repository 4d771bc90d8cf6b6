import { IsBoolean, IsOptional } from 'class-validator';

/** Body of POST /api/instructor/dossiers/:id/archive; `archived: false` un-archives. */
export class ArchiveBodyDto {
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}
