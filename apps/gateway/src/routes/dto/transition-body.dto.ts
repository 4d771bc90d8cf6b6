import { OmitType } from '@nestjs/swagger';
import { TransitionDossierDto } from '@tps/contracts';

/** Body of POST /api/instructor/dossiers/:id/transitions. */
export class TransitionBodyDto extends OmitType(TransitionDossierDto, ['dossierId'] as const) {}
