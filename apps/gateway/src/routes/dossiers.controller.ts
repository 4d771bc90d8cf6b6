import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DossierSubjects, type DossierSummary, type DossierView } from '@tps/contracts';

import { bodySchema } from '../http/openapi-schema';
import type { RequestContext } from '../http/request-context';
import { Caller } from '../http/request-context.decorator';
import { UuidPipe } from '../http/uuid.pipe';
import { ServiceClient } from '../services/service-client';
import { UpdateFieldValuesDto } from './dto/update-field-values.dto';

/** The applicant's own dossiers; the dossiers service checks ownership on each call. */
@ApiTags('usager')
@Controller('api/dossiers')
export class DossiersController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @ApiOperation({ summary: 'Dossiers de l’utilisateur connecté.' })
  listMine(@Caller() context: RequestContext): Promise<DossierSummary[]> {
    return this.services.send(DossierSubjects.listMine, context, {});
  }

  @Get(':id')
  get(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) dossierId: string,
  ): Promise<DossierView> {
    return this.services.send(DossierSubjects.get, context, { dossierId });
  }

  @Patch(':id/fields')
  @ApiOperation({
    summary: 'Enregistre des valeurs de champs, par identifiant stable ; null efface.',
  })
  @ApiBody(bodySchema(UpdateFieldValuesDto))
  updateFields(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) dossierId: string,
    @Body() body: UpdateFieldValuesDto,
  ): Promise<DossierView> {
    return this.services.send(DossierSubjects.updateFields, context, {
      dossierId,
      values: body.values,
    });
  }

  @Post(':id/submit')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Dépose le dossier (brouillon → en_construction).' })
  submit(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) dossierId: string,
  ): Promise<DossierView> {
    return this.services.send(DossierSubjects.submit, context, { dossierId });
  }
}
