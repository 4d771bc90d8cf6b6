import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  DossierSubjects,
  type DossierCountByState,
  type DossierPage,
  DossierState,
  type DossierView,
  type EmailView,
  NotificationSubjects,
  ProcedureSubjects,
  type ProcedureSummary,
} from '@tps/contracts';

import { bodySchema } from '../http/openapi-schema';
import type { RequestContext } from '../http/request-context';
import { Caller } from '../http/request-context.decorator';
import { UuidPipe } from '../http/uuid.pipe';
import { ServiceClient } from '../services/service-client';
import { ArchiveBodyDto } from './dto/archive-body.dto';
import { InstructorDossierQueryDto } from './dto/instructor-dossier-query.dto';
import { TransitionBodyDto } from './dto/transition-body.dto';

/** Instruction of dossiers; the owning services check that the actor instructs the procedure. */
@ApiTags('instruction')
@Controller('api/instructor')
export class InstructorController {
  constructor(private readonly services: ServiceClient) {}

  @Get('procedures')
  @ApiOperation({ summary: 'Démarches dont l’utilisateur est instructeur.' })
  listProcedures(@Caller() context: RequestContext): Promise<ProcedureSummary[]> {
    return this.services.send(ProcedureSubjects.listInstructed, context, {});
  }

  @Get('procedures/:id/dossiers')
  @ApiOperation({ summary: 'Page de dossiers d’une démarche (pagination par curseur).' })
  @ApiQuery({ name: 'state', required: false, enum: DossierState })
  @ApiQuery({ name: 'archived', required: false, type: Boolean })
  @ApiQuery({ name: 'cursor', required: false, type: String })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: '1 à 100' })
  @ApiQuery({
    name: 'search',
    required: false,
    type: String,
    description: 'Numéro de dossier, ou partie de l’adresse électronique du demandeur',
  })
  listDossiers(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) procedureId: string,
    @Query() query: InstructorDossierQueryDto,
  ): Promise<DossierPage> {
    return this.services.send(DossierSubjects.listForProcedure, context, { procedureId, ...query });
  }

  @Get('procedures/:id/counts')
  counts(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) procedureId: string,
  ): Promise<DossierCountByState> {
    return this.services.send(DossierSubjects.countByState, context, { procedureId });
  }

  @Get('dossiers/:id')
  getDossier(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) dossierId: string,
  ): Promise<DossierView> {
    return this.services.send(DossierSubjects.getForInstructor, context, { dossierId });
  }

  @Post('dossiers/:id/transitions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Change l’état du dossier ; 409 si expectedVersion n’est plus la version courante.',
  })
  @ApiBody(bodySchema(TransitionBodyDto))
  transition(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) dossierId: string,
    @Body() body: TransitionBodyDto,
  ): Promise<DossierView> {
    return this.services.send(DossierSubjects.transition, context, { dossierId, ...body });
  }

  @Post('dossiers/:id/archive')
  @HttpCode(HttpStatus.OK)
  @ApiBody(bodySchema(ArchiveBodyDto))
  archive(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) dossierId: string,
    @Body() body: ArchiveBodyDto,
  ): Promise<DossierView> {
    return this.services.send(DossierSubjects.archive, context, {
      dossierId,
      archived: body.archived ?? true,
    });
  }

  @Get('dossiers/:id/emails')
  @ApiOperation({ summary: 'Courriels envoyés à l’usager pour ce dossier, avec leur statut.' })
  async emails(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) dossierId: string,
  ): Promise<EmailView[]> {
    // The dossiers service decides who instructs the dossier; a refusal stops here as a 404 or 403.
    await this.services.send(DossierSubjects.getForInstructor, context, { dossierId });

    return this.services.send(NotificationSubjects.listForDossier, context, { dossierId });
  }
}
