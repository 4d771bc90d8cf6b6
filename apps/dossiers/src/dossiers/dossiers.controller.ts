import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  ArchiveDossierDto,
  CountDossiersDto,
  CreateDossierDto,
  type DossierCountByState,
  type DossierPage,
  DossierRefDto,
  DossierSubjects,
  type DossierSummary,
  type DossierView,
  ListDossiersDto,
  ListMyDossiersDto,
  TransitionDossierDto,
  UpdateDossierFieldsDto,
} from '@tps/contracts';
import { DomainError, parseCommand } from '@tps/platform';

import { ApplicantDossiersService } from './applicant-dossiers.service';
import { InstructionService } from './instruction.service';

/** NATS handlers of `dossiers.dossier.*`; every payload is validated before use. */
@Controller()
export class DossiersController {
  constructor(
    @Inject(ApplicantDossiersService) private readonly applicant: ApplicantDossiersService,
    @Inject(InstructionService) private readonly instruction: InstructionService,
  ) {}

  @MessagePattern(DossierSubjects.create)
  create(raw: unknown): Promise<DossierView> {
    const { actor, payload } = parseCommand(CreateDossierDto, raw);

    return this.applicant.create(actor, payload.procedureId);
  }

  @MessagePattern(DossierSubjects.get)
  get(raw: unknown): Promise<DossierView> {
    const { actor, payload } = parseCommand(DossierRefDto, raw);

    return this.applicant.get(actor, payload.dossierId);
  }

  @MessagePattern(DossierSubjects.listMine)
  listMine(raw: unknown): Promise<DossierSummary[]> {
    const { actor, payload } = parseCommand(ListMyDossiersDto, raw);

    return this.applicant.listMine(actor, payload.state);
  }

  @MessagePattern(DossierSubjects.updateFields)
  updateFields(raw: unknown): Promise<DossierView> {
    const { actor, payload } = parseCommand(UpdateDossierFieldsDto, raw);

    return this.applicant.updateFields(actor, payload.dossierId, payload.values);
  }

  @MessagePattern(DossierSubjects.submit)
  submit(raw: unknown): Promise<DossierView> {
    const { actor, correlationId, payload } = parseCommand(DossierRefDto, raw);

    return this.applicant.submit(actor, payload.dossierId, correlationId);
  }

  @MessagePattern(DossierSubjects.getForInstructor)
  getForInstructor(raw: unknown): Promise<DossierView> {
    const { actor, payload } = parseCommand(DossierRefDto, raw);

    return this.instruction.get(actor, payload.dossierId);
  }

  @MessagePattern(DossierSubjects.listForProcedure)
  listForProcedure(raw: unknown): Promise<DossierPage> {
    const { actor, payload } = parseCommand(ListDossiersDto, raw);

    return this.instruction.list(actor, payload);
  }

  @MessagePattern(DossierSubjects.countByState)
  countByState(raw: unknown): Promise<DossierCountByState> {
    const { actor, payload } = parseCommand(CountDossiersDto, raw);

    return this.instruction.countByState(actor, payload.procedureId);
  }

  @MessagePattern(DossierSubjects.transition)
  transition(raw: unknown): Promise<DossierView> {
    const { actor, correlationId, payload } = parseCommand(TransitionDossierDto, raw);

    return this.instruction.transition(actor, payload, correlationId);
  }

  @MessagePattern(DossierSubjects.archive)
  archive(raw: unknown): Promise<DossierView> {
    const { actor, correlationId, payload } = parseCommand(ArchiveDossierDto, raw);
    if (payload.archived !== undefined && typeof payload.archived !== 'boolean') {
      throw DomainError.invalid([
        { field: 'archived', message: 'archived doit être true ou false' },
      ]);
    }

    return this.instruction.archive(
      actor,
      payload.dossierId,
      payload.archived ?? true,
      correlationId,
    );
  }
}
