import { Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DossierSubjects,
  type DossierView,
  ProcedureSubjects,
  type ProcedureSummary,
  type PublicProcedureView,
} from '@tps/contracts';

import { Public } from '../http/public.decorator';
import type { RequestContext } from '../http/request-context';
import { Caller } from '../http/request-context.decorator';
import { UuidPipe } from '../http/uuid.pipe';
import { ServiceClient } from '../services/service-client';

/** A procedure's public start page and the creation of a dossier on it. */
@ApiTags('usager')
@Controller('api/procedures')
export class PublicProceduresController {
  constructor(private readonly services: ServiceClient) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Démarches publiées, la plus récemment publiée en premier ; sans authentification.',
  })
  list(@Caller() context: RequestContext): Promise<ProcedureSummary[]> {
    return this.services.send(ProcedureSubjects.listPublished, context, {});
  }

  @Public()
  @Get(':idOrPath')
  @ApiOperation({
    summary: 'Démarche publiée ou close, par identifiant ou par chemin ; sans authentification.',
  })
  get(
    @Caller() context: RequestContext,
    @Param('idOrPath') idOrPath: string,
  ): Promise<PublicProcedureView> {
    return this.services.send(ProcedureSubjects.getPublic, context, { idOrPath });
  }

  @Post(':id/dossiers')
  @ApiOperation({
    summary: 'Commence un dossier (brouillon) sur la version publiée de la démarche.',
  })
  createDossier(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) procedureId: string,
  ): Promise<DossierView> {
    return this.services.send(DossierSubjects.create, context, { procedureId });
  }
}
