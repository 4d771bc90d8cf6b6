import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import { MAIL_TEMPLATE_KINDS, type MailTemplateKind, UpdateMailTemplateDto } from './mail-template';
import {
  AddInstructorDto,
  CreateFieldDto,
  MoveFieldDto,
  PROCEDURE_STATES,
  type ProcedureState,
  UpdateFieldDto,
  UpdateProcedureDto,
} from './procedure.dto';

/*
 * NATS payloads of the procedures service that combine a target (procedure, field) with the
 * body of the matching REST request. The gateway sends `{ procedureId, ...body }`.
 */

/** Payload of `procedures.procedure.update`. */
export class UpdateProcedureCommandDto extends UpdateProcedureDto {
  @IsUUID()
  procedureId: string;
}

/** Payload of `procedures.field.create`. */
export class CreateFieldCommandDto extends CreateFieldDto {
  @IsUUID()
  procedureId: string;
}

/** Payload of `procedures.field.update`. */
export class UpdateFieldCommandDto extends UpdateFieldDto {
  @IsUUID()
  procedureId: string;

  @IsUUID()
  stableId: string;
}

/** Payload of `procedures.field.move`. */
export class MoveFieldCommandDto extends MoveFieldDto {
  @IsUUID()
  procedureId: string;

  @IsUUID()
  stableId: string;
}

/** Payload of `procedures.instructor.add` and `procedures.instructor.remove`. */
export class InstructorCommandDto extends AddInstructorDto {
  @IsUUID()
  procedureId: string;
}

/** Payload of `procedures.mail-template.update`. */
export class UpdateMailTemplateCommandDto extends UpdateMailTemplateDto {
  @IsUUID()
  procedureId: string;
}

/** Payload of `procedures.mail-template.get`. */
export class MailTemplateRefDto {
  @IsUUID()
  procedureId: string;

  @IsIn(MAIL_TEMPLATE_KINDS as unknown as string[])
  kind: MailTemplateKind;
}

/** Payload of `procedures.procedure.list-published`; `{}` lists up to the default limit. */
export class ListPublishedProceduresDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** Payload of `procedures.procedure.list-administered` and `list-instructed`; `{}` lists all. */
export class ListProceduresDto {
  @IsOptional()
  @IsIn(PROCEDURE_STATES as unknown as string[])
  state?: ProcedureState;
}
