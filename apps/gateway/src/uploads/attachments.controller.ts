import { pipeline } from 'node:stream/promises';

import {
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  type AttachmentDownload,
  type AttachmentPermit,
  type AttachmentView,
  DossierSubjects,
} from '@tps/contracts';
import { DomainError } from '@tps/platform';

import type { GatewayRequest, RequestContext } from '../http/request-context';
import { Caller } from '../http/request-context.decorator';
import { UuidPipe } from '../http/uuid.pipe';
import { ServiceClient } from '../services/service-client';
import { AttachmentUploader } from './attachment-uploader.service';
import { ObjectStorage } from './object-storage.service';

/** Attachment upload, deletion and download; the dossiers service authorizes each one first. */
@ApiTags('pièces jointes')
@Controller('api')
export class AttachmentsController {
  constructor(
    private readonly services: ServiceClient,
    private readonly uploader: AttachmentUploader,
    private readonly storage: ObjectStorage,
  ) {}

  @Post('dossiers/:id/fields/:stableId/attachments')
  @ApiOperation({
    summary: 'Joint un fichier à un champ ; le type est détecté d’après le contenu.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  async upload(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) dossierId: string,
    @Param('stableId', UuidPipe) fieldStableId: string,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AttachmentView> {
    const permit = await this.services.send<AttachmentPermit>(
      DossierSubjects.authorizeAttachment,
      context,
      {
        dossierId,
        fieldStableId,
      },
    );
    const attachment = await this.uploader.upload(permit, request, response, context);
    response.status(HttpStatus.CREATED);

    return attachment;
  }

  @Delete('dossiers/:id/attachments/:attachmentId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) dossierId: string,
    @Param('attachmentId', UuidPipe) attachmentId: string,
  ): Promise<void> {
    await this.services.send(DossierSubjects.removeAttachment, context, {
      dossierId,
      attachmentId,
    });
  }

  @Get('dossiers/:id/attachments/:attachmentId')
  @ApiOperation({ summary: 'Télécharge une pièce jointe d’un de ses dossiers.' })
  downloadAsApplicant(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) dossierId: string,
    @Param('attachmentId', UuidPipe) attachmentId: string,
    @Res() response: Response,
  ): Promise<void> {
    return this.download(context, dossierId, attachmentId, response);
  }

  @Get('instructor/dossiers/:id/attachments/:attachmentId')
  @ApiTags('instruction')
  @ApiOperation({ summary: 'Télécharge une pièce jointe d’un dossier instruit.' })
  downloadAsInstructor(
    @Caller() context: RequestContext,
    @Param('id', UuidPipe) dossierId: string,
    @Param('attachmentId', UuidPipe) attachmentId: string,
    @Res() response: Response,
  ): Promise<void> {
    return this.download(context, dossierId, attachmentId, response);
  }

  /** Streams the object after the dossiers service granted access; the browser must save it, not render it. */
  private async download(
    context: RequestContext,
    dossierId: string,
    attachmentId: string,
    response: Response,
  ): Promise<void> {
    const grant = await this.services.send<AttachmentDownload>(
      DossierSubjects.getAttachment,
      context,
      {
        dossierId,
        attachmentId,
      },
    );
    const body = await this.storage.open(grant.objectKey).catch((error: unknown) => {
      const code = (error as { code?: string }).code;
      if (code === 'NoSuchKey' || code === 'NotFound') {
        throw DomainError.notFound(
          'Le fichier de cette pièce jointe est introuvable dans le stockage.',
        );
      }
      throw error;
    });
    response.setHeader('Content-Type', grant.contentType);
    response.setHeader('Content-Length', String(grant.sizeBytes));
    response.setHeader('Content-Disposition', contentDisposition(grant.filename));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-store');
    await pipeline(body, response);
  }
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 and RFC 8187). */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );

  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
