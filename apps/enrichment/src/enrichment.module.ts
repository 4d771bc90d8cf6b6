import { type DynamicModule, Module } from '@nestjs/common';
import { EventBus, openServiceDataSource, OutboxRelay, PlatformModule } from '@tps/platform';
import { DataSource } from 'typeorm';

import { ApiEntrepriseClient } from './api-entreprise/api-entreprise.client';
import { RequestRateLimiter } from './api-entreprise/request-rate-limiter';
import { EnrichmentLifecycle } from './enrichment-lifecycle.service';
import type { EnrichmentConfig } from './enrichment.config';
import { ENRICHMENT_CONFIG } from './enrichment.tokens';
import { CompanyFetcher } from './lookup/company-fetcher.service';
import { LookupRepository } from './lookup/lookup.repository';
import { PendingLookupWorker } from './lookup/pending-lookup.worker';
import { SiretLookupController } from './lookup/siret-lookup.controller';
import { SiretLookupService } from './lookup/siret-lookup.service';
import { ENRICHMENT_ENTITIES, ENRICHMENT_MIGRATIONS } from './database/enrichment-database';

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
              entities: ENRICHMENT_ENTITIES,
              migrations: ENRICHMENT_MIGRATIONS,
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
