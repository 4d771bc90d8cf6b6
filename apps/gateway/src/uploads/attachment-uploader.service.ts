import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import multer, { MulterError } from 'multer';
import {
  AddAttachmentDto,
  type AttachmentPermit,
  type AttachmentView,
  DossierSubjects,
  ErrorCode,
} from '@tps/contracts';
import { DomainError } from '@tps/platform';

import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import type { GatewayRequest, RequestContext } from '../http/request-context';
import { ServiceClient } from '../services/service-client';
import { detectFileType } from './file-type-sniffer';
import { ObjectStorage } from './object-storage.service';

const FILE_PART = 'file';

/**
 * Receives one multipart upload to a temporary file, checks its size and detected type, stores
 * it in the bucket under the permit's prefix and registers it with the dossiers service. The
 * temporary file is always deleted; the object is deleted when registration fails.
 */
@Injectable()
export class AttachmentUploader {
  private readonly logger = new Logger(AttachmentUploader.name);

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly storage: ObjectStorage,
    private readonly services: ServiceClient,
  ) {}

  async upload(
    permit: AttachmentPermit,
    request: GatewayRequest,
    response: Response,
    context: RequestContext,
  ): Promise<AttachmentView> {
    const maxBytes = Math.min(
      permit.maxFileSizeBytes ?? Number.POSITIVE_INFINITY,
      this.config.MAX_UPLOAD_BYTES,
    );
    const file = await this.receive(request, response, maxBytes);
    try {
      return await this.store(permit, file, context);
    } finally {
      await unlink(file.path).catch((error: unknown) =>
        this.logger.warn({ err: error, path: file.path }, 'could not delete the temporary upload'),
      );
    }
  }

  private async store(
    permit: AttachmentPermit,
    file: Express.Multer.File,
    context: RequestContext,
  ): Promise<AttachmentView> {
    if (file.size === 0) {
      throw DomainError.invalid(
        [{ field: FILE_PART, message: 'le fichier est vide (0 octet)' }],
        'Le fichier envoyé est vide (0 octet) : choisissez un autre fichier.',
      );
    }
    const type = await detectFileType(file.path);
    if (!type) {
      throw new DomainError(
        ErrorCode.UnsupportedMediaType,
        'Ce type de fichier n’est pas accepté. Formats acceptés : PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, PPTX, ODT, ODS, ODP.',
        {
          fields: [
            {
              field: FILE_PART,
              message:
                'le contenu n’est pas d’un format accepté : envoyez un PDF, une image ou un document bureautique',
            },
          ],
        },
      );
    }
    const sha256 = await sha256OfFile(file.path);
    const objectKey = `${permit.objectKeyPrefix}${randomUUID()}`;
    await this.storage.putFile(objectKey, file.path, type.mime, sha256);
    const payload: AddAttachmentDto = {
      dossierId: permit.dossierId,
      fieldStableId: permit.fieldStableId,
      objectKey,
      filename: cleanFilename(file.originalname, type.extension),
      contentType: type.mime,
      sizeBytes: file.size,
      sha256,
    };
    try {
      return await this.services.send<AttachmentView>(
        DossierSubjects.addAttachment,
        context,
        payload,
      );
    } catch (error) {
      await this.storage
        .remove(objectKey)
        .catch((removeError: unknown) =>
          this.logger.error(
            { err: removeError, objectKey },
            'could not delete the object of a rejected attachment',
          ),
        );
      throw error;
    }
  }

  /** Runs multer on the request with the permit's size limit; multer errors become domain errors. */
  private receive(
    request: GatewayRequest,
    response: Response,
    maxBytes: number,
  ): Promise<Express.Multer.File> {
    const middleware = multer({
      storage: multer.diskStorage({
        destination: this.config.UPLOAD_TMP_DIR,
        filename: (_request, _file, callback) => callback(null, `tps-upload-${randomUUID()}`),
      }),
      limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 },
      defParamCharset: 'utf8',
      // busboy's own basename turns ".." into no name, and the part then stops being a file;
      // cleanFilename strips paths instead.
      preservePath: true,
    }).single(FILE_PART);

    return new Promise((resolve, reject) => {
      middleware(request, response, (error: unknown) => {
        if (error) {
          reject(toUploadError(error, maxBytes));
        } else if (!request.file) {
          reject(
            DomainError.invalid(
              [{ field: FILE_PART, message: 'la partie « file » est manquante' }],
              'Aucun fichier reçu : envoyez un formulaire multipart/form-data avec une partie « file ».',
            ),
          );
        } else {
          resolve(request.file);
        }
      });
    });
  }
}

function toUploadError(error: unknown, maxBytes: number): DomainError {
  if (error instanceof MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') {
      return new DomainError(
        ErrorCode.PayloadTooLarge,
        `Le fichier dépasse la taille maximale autorisée (${formatBytes(maxBytes)}).`,
        {
          fields: [
            {
              field: FILE_PART,
              message: `dépasse ${formatBytes(maxBytes)} : réduisez ou compressez le fichier`,
            },
          ],
          maxBytes,
        },
      );
    }
    const message =
      error.code === 'LIMIT_UNEXPECTED_FILE' ||
      error.code === 'LIMIT_FIELD_COUNT' ||
      error.code === 'LIMIT_PART_COUNT'
        ? 'envoyez une seule partie, nommée « file »'
        : `envoi invalide (${error.code})`;

    return DomainError.invalid(
      [{ field: error.field ?? FILE_PART, message }],
      `Fichier refusé : ${message}.`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);

  return DomainError.invalid(
    [{ field: FILE_PART, message: 'le formulaire multipart/form-data est illisible' }],
    `Le formulaire multipart/form-data est illisible (${message}).`,
  );
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);

  return hash.digest('hex');
}

/** Keeps the client's file name for display: no path, no control characters, at most 255 characters. */
export function cleanFilename(originalName: string, extension: string): string {
  const name = basename(originalName.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  const meaningful = name !== '' && !/^\.+$/.test(name);

  return (meaningful ? name : `fichier.${extension}`).slice(0, 255);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) {
    return `${bytes.toLocaleString('fr-FR')} octets`;
  }

  return `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}
