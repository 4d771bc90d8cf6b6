import { IsEnum, IsOptional, IsUUID } from 'class-validator';

import { DossierState } from './dossier-state';

/** Payload of `dossiers.dossier.list-mine`: the actor's dossiers, optionally in one state. */
export class ListMyDossiersDto {
  @IsOptional()
  @IsEnum(DossierState)
  state?: DossierState;
}

/** Payload of `dossiers.dossier.count-by-state`. */
export class CountDossiersDto {
  @IsUUID()
  procedureId: string;
}
