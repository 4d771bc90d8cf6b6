import { type DynamicModule, Module } from '@nestjs/common';
import {
  EventBus,
  openServiceDataSource,
  OutboxEventEntity,
  OutboxRelay,
  PlatformModule,
} from '@tps/platform';
import { DataSource } from 'typeorm';

import { ApiEntrepriseClient } from './api-entreprise/api-entreprise.client';
import { RequestRateLimiter } from './api-entreprise/request-rate-limiter';
import { ApiCallLogEntity } from './database/api-call-log.entity';
import { CompanyCacheEntity } from './database/company-cache.entity';
import { PendingLookupEntity } from './database/pending-lookup.entity';
import { EnrichmentLifecycle } from './enrichment-lifecycle.service';
import type { EnrichmentConfig } from './enrichment.config';
import { ENRICHMENT_CONFIG } from './enrichment.tokens';
import { CompanyFetcher } from './lookup/company-fetcher.service';
import { LookupRepository } from './lookup/lookup.repository';
import { PendingLookupWorker } from './lookup/pending-lookup.worker';
import { SiretLookupController } from './lookup/siret-lookup.controller';
import { SiretLookupService } from './lookup/siret-lookup.service';
import { CreateEnrichmentTables1764842400000 } from './migrations/1764842400000-CreateEnrichmentTables';

export const ENRICHMENT_SCHEMA = 'enrichment';

/** Root module of the enrichment service, built from a validated config. */
@Module({})
export class EnrichmentModule {
  static forRoot(config: EnrichmentConfig): DynamicModule {
    return {
      module: EnrichmentModule,
      imports: [
        PlatformModule.forRoot({
          service: 'enrichment',
          version: config.SERVICE_VERSION,
          logLevel: config.LOG_LEVEL,
          nodeEnv: config.NODE_ENV,
        }),
      ],
      controllers: [SiretLookupController],
      providers: [
        { provide: ENRICHMENT_CONFIG, useValue: config },
        {
          provide: DataSource,
          useFactory: () =>
            openServiceDataSource({
              url: config.DATABASE_URL,
              schema: ENRICHMENT_SCHEMA,
              entities: [
                CompanyCacheEntity,
                PendingLookupEntity,
                ApiCallLogEntity,
                OutboxEventEntity,
              ],
              migrations: [CreateEnrichmentTables1764842400000],
            }),
        },
        {
          provide: EventBus,
          useFactory: async () => {
            const bus = new EventBus({ natsUrl: config.NATS_URL, name: 'enrichment-events' });
            await bus.connect();

            return bus;
          },
        },
        {
          provide: OutboxRelay,
          useFactory: (dataSource: DataSource, bus: EventBus) => new OutboxRelay(dataSource, bus),
          inject: [DataSource, EventBus],
        },
        {
          provide: RequestRateLimiter,
          useFactory: () => new RequestRateLimiter(config.API_ENTREPRISE_MAX_REQUESTS_PER_MINUTE),
        },
        ApiEntrepriseClient,
        CompanyFetcher,
        LookupRepository,
        SiretLookupService,
        PendingLookupWorker,
        EnrichmentLifecycle,
      ],
    };
  }
}
