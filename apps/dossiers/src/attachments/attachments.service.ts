import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type Actor,
  type AddAttachmentDto,
  APPLICANT_EDITABLE_STATES,
  type AttachmentDownload,
  type AttachmentPermit,
  type AttachmentView,
  DOSSIER_STATE_LABELS,
  DossierState,
  ErrorCode,
  FieldType,
} from '@tps/contracts';
import { DomainError } from '@tps/platform';
import type { Client as MinioClient } from 'minio';
import { DataSource, type EntityManager } from 'typeorm';

import { ProceduresClient } from '../clients/procedures.client';
import { AttachmentEntity } from '../database/attachment.entity';
import type { DossierEntity } from '../database/dossier.entity';
import type { DossiersConfig } from '../dossiers.config';
import { ATTACHMENT_STORAGE_CLIENT, DOSSIERS_CONFIG } from '../dossiers.tokens';
import { DossierRepository } from '../dossiers/dossier.repository';
import { toAttachmentView } from '../dossiers/dossier-view.builder';

const ATTACHMENT_NOT_FOUND_MESSAGE = 'Pièce jointe introuvable.';

/** Prefix of every object key of a dossier's files in the bucket. */
export function objectKeyPrefix(dossierId: string): string {
  return `dossiers/${dossierId}/`;
}

/**
 * Metadata of the files attached to piece_justificative fields. The gateway stores the content
 * in the bucket; this service authorizes uploads and downloads, and deletes removed objects.
 */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger(AttachmentsService.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(ProceduresClient) private readonly procedures: ProceduresClient,
    @Inject(ATTACHMENT_STORAGE_CLIENT) private readonly storage: MinioClient,
    @Inject(DOSSIERS_CONFIG) private readonly config: DossiersConfig,
  ) {}

  async authorize(
    actor: Actor,
    dossierId: string,
    fieldStableId: string,
  ): Promise<AttachmentPermit> {
    const dossier = await this.dossiers.requireOwned(actor, dossierId);
    assertEditable(dossier);
    const field = await this.requireAttachmentField(dossier, fieldStableId);

    return {
      dossierId,
      fieldStableId,
      maxFileSizeBytes: field.options.maxFileSizeBytes ?? null,
      objectKeyPrefix: objectKeyPrefix(dossierId),
    };
  }

  async add(actor: Actor, command: AddAttachmentDto): Promise<AttachmentView> {
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const dossier = await this.dossiers.requireOwned(actor, command.dossierId, manager, true);
      assertEditable(dossier);
      const field = await this.requireAttachmentField(dossier, command.fieldStableId, manager);
      if (
        !command.objectKey.startsWith(objectKeyPrefix(dossier.id)) ||
        command.objectKey.includes('..')
      ) {
        throw DomainError.invalid([
          {
            field: 'objectKey',
            message: `la clé doit commencer par ${objectKeyPrefix(dossier.id)}`,
          },
        ]);
      }
      const maxSize = field.options.maxFileSizeBytes;
      if (maxSize !== undefined && command.sizeBytes > maxSize) {
        throw new DomainError(
          ErrorCode.PayloadTooLarge,
          `Le fichier dépasse la taille maximale de ce champ (${maxSize} octets).`,
          { maxFileSizeBytes: maxSize },
        );
      }
      await manager.insert(AttachmentEntity, {
        id,
        dossierId: dossier.id,
        fieldStableId: command.fieldStableId,
        objectKey: command.objectKey,
        filename: command.filename,
        contentType: command.contentType,
        sizeBytes: String(command.sizeBytes),
        sha256: command.sha256,
        uploadedAt: new Date(),
        uploadedBy: actor.accountId,
      });
      await touchDossier(manager, dossier.id);
    });
    const stored = await this.dataSource.manager.findOneByOrFail(AttachmentEntity, { id });

    return toAttachmentView(stored);
  }

  /** Deletes the metadata, then the object; a failed object deletion is logged, not raised. */
  async remove(actor: Actor, dossierId: string, attachmentId: string): Promise<void> {
    const removed = await this.dataSource.transaction(async (manager) => {
      const dossier = await this.dossiers.requireOwned(actor, dossierId, manager, true);
      const attachment = await manager.findOneBy(AttachmentEntity, { id: attachmentId, dossierId });
      if (!attachment) {
        throw DomainError.notFound(ATTACHMENT_NOT_FOUND_MESSAGE);
      }
      assertEditable(dossier);
      if (dossier.state === DossierState.EnConstruction) {
        await this.assertNotLastRequired(dossier, attachment, manager);
      }
      await manager.delete(AttachmentEntity, { id: attachmentId });
      await touchDossier(manager, dossier.id);

      return attachment;
    });
    try {
      await this.storage.removeObject(this.config.S3_BUCKET, removed.objectKey);
    } catch (error) {
      this.logger.warn(
        { err: error, dossierId, attachmentId, objectKey: removed.objectKey },
        'attachment object deletion failed; the object is orphaned',
      );
    }
  }

  /**
   * Rejects removing the only file of a required field once the dossier is submitted: the
   * instructors would receive a dossier that could not have been submitted that way.
   */
  private async assertNotLastRequired(
    dossier: DossierEntity,
    attachment: AttachmentEntity,
    manager: EntityManager,
  ): Promise<void> {
    const revision = await this.procedures.getRevision(dossier.revisionId, manager);
    const field = revision.fields.find(
      (candidate) => candidate.stableId === attachment.fieldStableId,
    );
    if (!field?.required) {
      return;
    }
    const remaining = await manager.countBy(AttachmentEntity, {
      dossierId: dossier.id,
      fieldStableId: attachment.fieldStableId,
    });
    if (remaining <= 1) {
      throw DomainError.invalid(
        [
          {
            field: `values.${field.stableId}`,
            label: field.label,
            message:
              'Ce fichier est obligatoire et le dossier est déposé : ajoutez d’abord le fichier qui le remplace, puis supprimez celui-ci.',
          },
        ],
        'Ce fichier est le seul d’un champ obligatoire d’un dossier déposé : pour le remplacer, ajoutez d’abord le nouveau fichier, puis supprimez celui-ci.',
      );
    }
  }

  /** Grants a download to the dossier's owner or to an instructor of a submitted dossier. */
  async get(actor: Actor, dossierId: string, attachmentId: string): Promise<AttachmentDownload> {
    const dossier = await this.dossiers.find(this.dataSource.manager, dossierId, false);
    if (!dossier) {
      throw DomainError.notFound(ATTACHMENT_NOT_FOUND_MESSAGE);
    }
    if (dossier.applicantAccountId !== actor.accountId) {
      if (dossier.state === DossierState.Brouillon) {
        throw DomainError.notFound(ATTACHMENT_NOT_FOUND_MESSAGE);
      }
      await this.dossiers.requireInstructorOf(
        actor,
        dossier.procedureId,
        ATTACHMENT_NOT_FOUND_MESSAGE,
      );
    }
    const attachment = await this.dataSource.manager.findOneBy(AttachmentEntity, {
      id: attachmentId,
      dossierId,
    });
    if (!attachment) {
      throw DomainError.notFound(ATTACHMENT_NOT_FOUND_MESSAGE);
    }

    return { ...toAttachmentView(attachment), objectKey: attachment.objectKey };
  }

  private async requireAttachmentField(
    dossier: DossierEntity,
    fieldStableId: string,
    manager: EntityManager = this.dataSource.manager,
  ) {
    const revision = await this.procedures.getRevision(dossier.revisionId, manager);
    const field = revision.fields.find((candidate) => candidate.stableId === fieldStableId);
    if (!field || field.type !== FieldType.Attachment) {
      throw DomainError.invalid([
        {
          field: 'fieldStableId',
          message: 'ce champ n’est pas une pièce justificative du formulaire de ce dossier',
        },
      ]);
    }

    return field;
  }
}

function assertEditable(dossier: DossierEntity): void {
  if (!APPLICANT_EDITABLE_STATES.has(dossier.state)) {
    throw new DomainError(
      ErrorCode.Conflict,
      `Ce dossier est « ${DOSSIER_STATE_LABELS[dossier.state]} » : ses pièces jointes ne peuvent plus être modifiées.`,
      { currentState: dossier.state, currentVersion: dossier.version },
    );
  }
}

async function touchDossier(manager: EntityManager, dossierId: string): Promise<void> {
  await manager.query(
    'UPDATE dossier SET version = version + 1, updated_at = now() WHERE id = $1',
    [dossierId],
  );
}
