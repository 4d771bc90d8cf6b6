import { OutboxEventEntity } from '@tps/platform';

import { AttachmentEntity } from './attachment.entity';
import { DossierEntity } from './dossier.entity';
import { FieldValueEntity } from './field-value.entity';
import { ProcessedEventEntity } from './processed-event.entity';
import { RevisionCacheEntity } from './revision-cache.entity';
import { TransitionEntity } from './transition.entity';
import { CreateDossiersTables1764853200000 } from '../migrations/1764853200000-CreateDossiersTables';

/** Entities of the `dossiers` schema; a test checks they match what the migrations create. */
export const DOSSIERS_ENTITIES = [
  AttachmentEntity,
  DossierEntity,
  FieldValueEntity,
  ProcessedEventEntity,
  RevisionCacheEntity,
  TransitionEntity,
  OutboxEventEntity,
];

/** Migrations of the `dossiers` schema, oldest first. */
export const DOSSIERS_MIGRATIONS = [CreateDossiersTables1764853200000];
