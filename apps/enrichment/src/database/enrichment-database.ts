import { OutboxEventEntity } from '@tps/platform';

import { ApiCallLogEntity } from './api-call-log.entity';
import { CompanyCacheEntity } from './company-cache.entity';
import { PendingLookupEntity } from './pending-lookup.entity';
import { CreateEnrichmentTables1764842400000 } from '../migrations/1764842400000-CreateEnrichmentTables';

/** Entities of the `enrichment` schema; a test checks they match what the migrations create. */
export const ENRICHMENT_ENTITIES = [
  ApiCallLogEntity,
  CompanyCacheEntity,
  PendingLookupEntity,
  OutboxEventEntity,
];

/** Migrations of the `enrichment` schema, oldest first. */
export const ENRICHMENT_MIGRATIONS = [CreateEnrichmentTables1764842400000];
