import type { FieldDefinition } from '@tps/contracts';
import { DomainError } from '@tps/platform';

import { formatBytes } from '../uploads/attachment-uploader.service';

/**
 * Rejects an attachment field limit above MAX_UPLOAD_BYTES. The gateway rejects every upload
 * over MAX_UPLOAD_BYTES with a 413, so a higher field limit would promise sizes that always
 * fail. The procedures service never reads MAX_UPLOAD_BYTES, so the gateway checks it.
 */
export function assertFileSizeWithinUploadLimit(
  options: Partial<FieldDefinition['options']> | undefined,
  maxUploadBytes: number,
): void {
  const requested = options?.maxFileSizeBytes;
  if (typeof requested !== 'number' || requested <= maxUploadBytes) {
    return;
  }
  const limit = formatBytes(maxUploadBytes);

  throw DomainError.invalid(
    [
      {
        field: 'options.maxFileSizeBytes',
        message: `dépasse la taille maximale d’un fichier sur la plateforme : saisissez au plus ${limit}`,
      },
    ],
    `La taille maximale des fichiers de ce champ dépasse celle que la plateforme accepte (${limit}) : choisissez une taille d’au plus ${limit}.`,
  );
}
