import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Patch,
  Post,
  Put,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  AddInstructorDto,
  CreateFieldDto,
  CreateProcedureDto,
  type FieldDefinition,
  type InstructorView,
  type MailTagView,
  type MailTemplateKind,
  type MailTemplateView,
  MoveFieldDto,
  NotificationSubjects,
  ProcedureSubjects,
  type ProcedureSummary,
  type ProcedureView,
  type RenderedEmail,
  type RevisionView,
  UpdateFieldDto,
  UpdateProcedureDto,
} from '@tps/contracts';

import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { bodySchema } from '../http/openapi-schema';
import type { RequestContext } from '../http/request-context';
import { Caller } from '../http/request-context.decorator';
import { UuidPipe } from '../http/uuid.pipe';
import { ServiceClient } from '../services/service-client';
import { MailPreviewBodyDto } from './dto/mail-preview-body.dto';
import { MailTemplateBodyDto } from './dto/mail-template-body.dto';
import { assertFileSizeWithinUploadLimit } from './field-upload-limit';
import { MAIL_TEMPLATE_KIND_PARAM, MailTemplateKindPipe } from './mail-template-kind.pipe';

/** Procedure design for administrators; the procedures service checks the role on each call. */
@ApiTags('administration')
@Controller('api/admin/procedures')
export class AdminProceduresController {
  constructor(
    private readonly services: ServiceClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Démarches que l’utilisateur administre.' })
  list(@Caller() context: RequestContext): Promise<ProcedureSummary[]> {
    return this.services.send(ProcedureSubjects.listAdministered, context, {});
  }

  @Post()
  @ApiOperation({
    summary: 'Crée une démarche en brouillon ; l’utilisateur en devient administrateur.',
  })
  @ApiBody(bodySchema(CreateProcedureDto))
  create(
    @Caller() context: RequestContext,
    @Body() body: CreateProcedureDto,
  ): Promise<ProcedureView> {
    return this.services.send(ProcedureSubjects.create, context, { ...body });
  }

  @Get(':id')
  get(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) procedureId: string,
  ): Promise<ProcedureView> {
    return this.services.send(ProcedureSubjects.get, context, { procedureId });
  }

  @Patch(':id')
  @ApiBody(bodySchema(UpdateProcedureDto))
  update(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) procedureId: string,
    @Body() body: UpdateProcedureDto,
  ): Promise<ProcedureView> {
    return this.services.send(ProcedureSubjects.update, context, { procedureId, ...body });
  }

  @Post(':id/fields')
  @ApiOperation({ summary: 'Ajoute un champ à la version brouillon du formulaire.' })
  @ApiBody(bodySchema(CreateFieldDto))
  addField(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) procedureId: string,
    @Body() body: CreateFieldDto,
  ): Promise<FieldDefinition> {
    assertFileSizeWithinUploadLimit(body.options, this.config.MAX_UPLOAD_BYTES);

    return this.services.send(ProcedureSubjects.addField, context, { procedureId, ...body });
  }

  @Patch(':id/fields/:stableId')
  @ApiBody(bodySchema(UpdateFieldDto))
  updateField(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) procedureId: string,
    @Param('stableId', UuidPipe) stableId: string,
    @Body() body: UpdateFieldDto,
  ): Promise<FieldDefinition> {
    assertFileSizeWithinUploadLimit(body.options, this.config.MAX_UPLOAD_BYTES);

    return this.services.send(ProcedureSubjects.updateField, context, {
      procedureId,
      stableId,
      ...body,
    });
  }

  @Delete(':id/fields/:stableId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async deleteField(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) procedureId: string,
    @Param('stableId', UuidPipe) stableId: string,
  ): Promise<void> {
    await this.services.send(ProcedureSubjects.deleteField, context, { procedureId, stableId });
  }

  @Post(':id/fields/:stableId/move')
  @HttpCode(HttpStatus.OK)
  @ApiBody(bodySchema(MoveFieldDto))
  moveField(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) procedureId: string,
    @Param('stableId', UuidPipe) stableId: string,
    @Body() body: MoveFieldDto,
  ): Promise<RevisionView> {
    return this.services.send(ProcedureSubjects.moveField, context, {
      procedureId,
      stableId,
      position: body.position,
    });
  }

  @Post(':id/publish')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Publie la version brouillon ; les dossiers existants gardent leur version.',
  })
  publish(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) procedureId: string,
  ): Promise<ProcedureView> {
    return this.services.send(ProcedureSubjects.publish, context, { procedureId });
  }

  @Post(':id/close')
  @HttpCode(HttpStatus.OK)
  close(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) procedureId: string,
  ): Promise<ProcedureView> {
    return this.services.send(ProcedureSubjects.close, context, { procedureId });
  }

  @Get(':id/instructors')
  listInstructors(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) procedureId: string,
  ): Promise<InstructorView[]> {
    return this.services.send(ProcedureSubjects.listInstructors, context, { procedureId });
  }

  @Post(':id/instructors')
  @ApiBody(bodySchema(AddInstructorDto))
  addInstructor(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) procedureId: string,
    @Body() body: AddInstructorDto,
  ): Promise<InstructorView> {
    return this.services.send(ProcedureSubjects.addInstructor, context, {
      procedureId,
      email: body.email,
    });
  }

  @Delete(':id/instructors/:email')
  @HttpCode(HttpStatus.NO_CONTENT)
  async removeInstructor(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) procedureId: string,
    @Param('email') email: string,
  ): Promise<void> {
    await this.services.send(ProcedureSubjects.removeInstructor, context, { procedureId, email });
  }

  @Get(':id/mail-templates')
  listMailTemplates(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) procedureId: string,
  ): Promise<{ templates: MailTemplateView[]; tags: MailTagView[] }> {
    return this.services.send(ProcedureSubjects.listMailTemplates, context, { procedureId });
  }

  @Put(':id/mail-templates/:kind')
  @ApiParam(MAIL_TEMPLATE_KIND_PARAM)
  @ApiBody(bodySchema(MailTemplateBodyDto))
  updateMailTemplate(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) procedureId: string,
    @Param('kind', MailTemplateKindPipe) kind: MailTemplateKind,
    @Body() body: MailTemplateBodyDto,
  ): Promise<MailTemplateView> {
    return this.services.send(ProcedureSubjects.updateMailTemplate, context, {
      procedureId,
      kind,
      ...body,
    });
  }

  @Post(':id/mail-templates/:kind/preview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Rend un modèle de courriel avec des valeurs d’exemple, sans l’envoyer.',
  })
  @ApiParam(MAIL_TEMPLATE_KIND_PARAM)
  @ApiBody(bodySchema(MailPreviewBodyDto))
  previewMailTemplate(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) procedureId: string,
    @Param('kind', MailTemplateKindPipe) kind: MailTemplateKind,
    @Body() body: MailPreviewBodyDto,
  ): Promise<RenderedEmail> {
    return this.services.send(NotificationSubjects.preview, context, {
      procedureId,
      kind,
      ...body,
    });
  }
}
