import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  CreateFieldCommandDto,
  CreateProcedureDto,
  type FieldDefinition,
  FieldRefDto,
  InstructorCommandDto,
  ListProceduresDto,
  ListPublishedProceduresDto,
  type InstructorView,
  MailTemplateRefDto,
  type MailTagView,
  type MailTemplateView,
  MoveFieldCommandDto,
  type ProcedureAccess,
  ProcedureLookupDto,
  ProcedureRefDto,
  type ProcedureSummary,
  ProcedureSubjects,
  type ProcedureView,
  type PublicProcedureView,
  RevisionRefDto,
  type RevisionView,
  type RevisionWithProcedure,
  UpdateFieldCommandDto,
  UpdateMailTemplateCommandDto,
  UpdateProcedureCommandDto,
} from '@tps/contracts';
import { parseCommand } from '@tps/platform';

import { MailTemplatesService } from '../mail/mail-templates.service';
import { FormService } from './form.service';
import { InstructorsService } from './instructors.service';
import { ProceduresService } from './procedures.service';

/** NATS handlers of `procedures.*`. Each one validates its payload before use. */
@Controller()
export class ProceduresController {
  constructor(
    @Inject(ProceduresService) private readonly procedures: ProceduresService,
    @Inject(FormService) private readonly form: FormService,
    @Inject(InstructorsService) private readonly instructors: InstructorsService,
    @Inject(MailTemplatesService) private readonly mailTemplates: MailTemplatesService,
  ) {}

  @MessagePattern(ProcedureSubjects.create)
  create(raw: unknown): Promise<ProcedureView> {
    const { actor, payload } = parseCommand(CreateProcedureDto, raw);

    return this.procedures.create(actor, payload);
  }

  @MessagePattern(ProcedureSubjects.update)
  update(raw: unknown): Promise<ProcedureView> {
    const { actor, payload } = parseCommand(UpdateProcedureCommandDto, raw);
    const { procedureId, ...changes } = payload;

    return this.procedures.update(actor, procedureId, changes);
  }

  @MessagePattern(ProcedureSubjects.get)
  get(raw: unknown): Promise<ProcedureView> {
    const { actor, payload } = parseCommand(ProcedureRefDto, raw);

    return this.procedures.get(actor, payload.procedureId);
  }

  @MessagePattern(ProcedureSubjects.listAdministered)
  listAdministered(raw: unknown): Promise<ProcedureSummary[]> {
    const { actor, payload } = parseCommand(ListProceduresDto, raw);

    return this.procedures.listAdministered(actor, payload.state);
  }

  @MessagePattern(ProcedureSubjects.listInstructed)
  listInstructed(raw: unknown): Promise<ProcedureSummary[]> {
    const { actor, payload } = parseCommand(ListProceduresDto, raw);

    return this.procedures.listInstructed(actor, payload.state);
  }

  @MessagePattern(ProcedureSubjects.listPublished)
  listPublished(raw: unknown): Promise<ProcedureSummary[]> {
    const { payload } = parseCommand(ListPublishedProceduresDto, raw);

    return this.procedures.listPublished(payload.limit);
  }

  @MessagePattern(ProcedureSubjects.getPublic)
  getPublic(raw: unknown): Promise<PublicProcedureView> {
    const { payload } = parseCommand(ProcedureLookupDto, raw);

    return this.procedures.getPublic(payload.idOrPath);
  }

  @MessagePattern(ProcedureSubjects.publish)
  publish(raw: unknown): Promise<ProcedureView> {
    const { actor, correlationId, payload } = parseCommand(ProcedureRefDto, raw);

    return this.procedures.publish(actor, payload.procedureId, correlationId);
  }

  @MessagePattern(ProcedureSubjects.close)
  close(raw: unknown): Promise<ProcedureView> {
    const { actor, correlationId, payload } = parseCommand(ProcedureRefDto, raw);

    return this.procedures.close(actor, payload.procedureId, correlationId);
  }

  @MessagePattern(ProcedureSubjects.addField)
  addField(raw: unknown): Promise<FieldDefinition> {
    const { actor, payload } = parseCommand(CreateFieldCommandDto, raw);
    const { procedureId, ...field } = payload;

    return this.form.addField(actor, procedureId, field);
  }

  @MessagePattern(ProcedureSubjects.updateField)
  updateField(raw: unknown): Promise<FieldDefinition> {
    const { actor, payload } = parseCommand(UpdateFieldCommandDto, raw);
    const { procedureId, stableId, ...changes } = payload;

    return this.form.updateField(actor, procedureId, stableId, changes);
  }

  @MessagePattern(ProcedureSubjects.deleteField)
  deleteField(raw: unknown): Promise<RevisionView> {
    const { actor, payload } = parseCommand(FieldRefDto, raw);

    return this.form.deleteField(actor, payload.procedureId, payload.stableId);
  }

  @MessagePattern(ProcedureSubjects.moveField)
  moveField(raw: unknown): Promise<RevisionView> {
    const { actor, payload } = parseCommand(MoveFieldCommandDto, raw);

    return this.form.moveField(actor, payload.procedureId, payload.stableId, payload.position);
  }

  @MessagePattern(ProcedureSubjects.getRevision)
  getRevision(raw: unknown): Promise<RevisionWithProcedure> {
    const { payload } = parseCommand(RevisionRefDto, raw);

    return this.procedures.getRevision(payload.revisionId);
  }

  @MessagePattern(ProcedureSubjects.getAccess)
  getAccess(raw: unknown): Promise<ProcedureAccess> {
    const { actor, payload } = parseCommand(ProcedureRefDto, raw);

    return this.procedures.getAccess(actor, payload.procedureId);
  }

  @MessagePattern(ProcedureSubjects.listInstructors)
  listInstructors(raw: unknown): Promise<InstructorView[]> {
    const { actor, payload } = parseCommand(ProcedureRefDto, raw);

    return this.instructors.list(actor, payload.procedureId);
  }

  @MessagePattern(ProcedureSubjects.addInstructor)
  addInstructor(raw: unknown): Promise<InstructorView> {
    const { actor, payload } = parseCommand(InstructorCommandDto, raw);

    return this.instructors.add(actor, payload.procedureId, payload.email);
  }

  @MessagePattern(ProcedureSubjects.removeInstructor)
  removeInstructor(raw: unknown): Promise<InstructorView[]> {
    const { actor, payload } = parseCommand(InstructorCommandDto, raw);

    return this.instructors.remove(actor, payload.procedureId, payload.email);
  }

  @MessagePattern(ProcedureSubjects.listMailTemplates)
  listMailTemplates(raw: unknown): Promise<{ templates: MailTemplateView[]; tags: MailTagView[] }> {
    const { actor, payload } = parseCommand(ProcedureRefDto, raw);

    return this.mailTemplates.list(actor, payload.procedureId);
  }

  @MessagePattern(ProcedureSubjects.updateMailTemplate)
  updateMailTemplate(raw: unknown): Promise<MailTemplateView> {
    const { actor, payload } = parseCommand(UpdateMailTemplateCommandDto, raw);

    return this.mailTemplates.update(
      actor,
      payload.procedureId,
      payload.kind,
      payload.subject,
      payload.body,
    );
  }

  @MessagePattern(ProcedureSubjects.getMailTemplate)
  getMailTemplate(raw: unknown): Promise<MailTemplateView> {
    const { actor, payload } = parseCommand(MailTemplateRefDto, raw);

    return this.mailTemplates.get(actor, payload.procedureId, payload.kind);
  }
}
