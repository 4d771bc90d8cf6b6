import type { AttachmentView, DossierView, FieldDefinition } from '@tps/contracts';
import { DossierState } from '@tps/contracts/dossiers/dossier-state';
import { FieldType } from '@tps/contracts/procedures/field-type';
import { useState } from 'react';

import { api, errorMessage, uploadFile } from '../api/client';
import type { AttachmentControls } from '../components/fields/FieldInput';
import { formatBytes } from '../components/format';

interface UploadProgress {
  filename: string;
  /** 0 to 1. */
  fraction: number;
}

export interface Attachments {
  /** Upload controls of one piece_justificative field. */
  controls: (definition: FieldDefinition) => AttachmentControls;
  /** Upload or deletion error per stable id. */
  errors: Record<string, string>;
  /** Number of files of a piece_justificative field. */
  countOf: (stableId: string) => number;
  uploading: boolean;
  /** Last completed upload or deletion, for screen readers. */
  announcement: string;
}

/**
 * Files of the dossier's piece_justificative fields: upload with progress, deletion, and the
 * server's 400/413/415 messages kept on the field.
 */
export function useAttachments(
  dossier: DossierView,
  idPrefix: string,
  onChanged: (stableId: string) => void,
): Attachments {
  const [byField, setByField] = useState<Record<string, AttachmentView[]>>(() =>
    Object.fromEntries(
      dossier.fields
        .filter((field) => field.definition.type === FieldType.Attachment)
        .map((field) => [field.definition.stableId, field.attachments ?? []]),
    ),
  );
  const [uploads, setUploads] = useState<Record<string, UploadProgress>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [deletingId, setDeletingId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  function setError(stableId: string, message: string | null) {
    setErrors(({ [stableId]: _previous, ...rest }) =>
      message ? { ...rest, [stableId]: message } : rest,
    );
  }

  function select(definition: FieldDefinition, file: File) {
    const stableId = definition.stableId;
    const maxBytes = definition.options.maxFileSizeBytes;
    if (file.size === 0) {
      setError(
        stableId,
        `Le fichier « ${file.name} » est vide (0 octet) : choisissez un autre fichier.`,
      );
      return;
    }
    if (maxBytes && file.size > maxBytes) {
      setError(
        stableId,
        `Le fichier « ${file.name} » pèse ${formatBytes(file.size)}, pour ${formatBytes(maxBytes)} au maximum : réduisez ou compressez-le.`,
      );
      return;
    }
    setError(stableId, null);
    setAnnouncement('');
    setUploads((current) => ({ ...current, [stableId]: { filename: file.name, fraction: 0 } }));
    const handle = uploadFile<AttachmentView>(
      `/dossiers/${dossier.id}/fields/${stableId}/attachments`,
      file,
      (fraction) =>
        setUploads((current) => ({ ...current, [stableId]: { filename: file.name, fraction } })),
    );
    handle.promise
      .then((attachment) => {
        setByField((current) => ({
          ...current,
          [stableId]: [...(current[stableId] ?? []), attachment],
        }));
        setAnnouncement(`Le fichier « ${attachment.filename} » a été ajouté.`);
        onChanged(stableId);
      })
      .catch((error: unknown) => setError(stableId, errorMessage(error)))
      .finally(() => setUploads(({ [stableId]: _done, ...rest }) => rest));
  }

  async function remove(definition: FieldDefinition, attachment: AttachmentView) {
    const stableId = definition.stableId;
    setDeletingId(attachment.id);
    setError(stableId, null);
    try {
      await api<void>('DELETE', `/dossiers/${dossier.id}/attachments/${attachment.id}`);
      setByField((current) => ({
        ...current,
        [stableId]: (current[stableId] ?? []).filter((entry) => entry.id !== attachment.id),
      }));
      setAnnouncement(`Le fichier « ${attachment.filename} » a été supprimé.`);
      onChanged(stableId);
      // The focused button is gone with its file: focus goes back to the field's file input.
      requestAnimationFrame(() => document.getElementById(`${idPrefix}-${stableId}`)?.focus());
    } catch (error) {
      setError(stableId, errorMessage(error));
    } finally {
      setDeletingId(null);
    }
  }

  return {
    controls: (definition) => ({
      attachments: byField[definition.stableId] ?? [],
      downloadBaseUrl: `/api/dossiers/${dossier.id}`,
      upload: uploads[definition.stableId] ?? null,
      onSelect: (file) => select(definition, file),
      onDelete: (attachment) => void remove(definition, attachment),
      deletingId,
      // The dossiers service rejects removing the only file of a required field once the
      // dossier is submitted, so the form explains how to replace it instead.
      keepsOneFile: definition.required && dossier.state !== DossierState.Brouillon,
    }),
    errors,
    countOf: (stableId) => byField[stableId]?.length ?? 0,
    uploading: Object.keys(uploads).length > 0,
    announcement,
  };
}
