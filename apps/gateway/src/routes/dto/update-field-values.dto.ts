import { OmitType } from '@nestjs/swagger';
import { UpdateDossierFieldsDto } from '@tps/contracts';

/** Body of PATCH /api/dossiers/:id/fields: `{ values: { <stableId>: value } }`. */
export class UpdateFieldValuesDto extends OmitType(UpdateDossierFieldsDto, [
  'dossierId',
] as const) {}
