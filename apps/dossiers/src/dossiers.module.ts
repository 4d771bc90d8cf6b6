import { type DynamicModule, Module } from '@nestjs/common';
import {
  createObjectStorageClient,
  EventBus,
  NatsRequester,
  openServiceDataSource,
  OutboxRelay,
  OutboxWriter,
  PlatformModule,
} from '@tps/platform';
import { DataSource } from 'typeorm';

import { AttachmentsController } from './attachments/attachments.controller';
import { AttachmentsService } from './attachments/attachments.service';
import { EnrichmentClient } from './clients/enrichment.client';
import { ProceduresClient } from './clients/procedures.client';
import { DossiersLifecycle } from './dossiers-lifecycle.service';
import type { DossiersConfig } from './dossiers.config';
import { ATTACHMENT_STORAGE_CLIENT, DOSSIERS_CONFIG } from './dossiers.tokens';
import { ApplicantDossiersService } from './dossiers/applicant-dossiers.service';
import { DossierRepository } from './dossiers/dossier.repository';
import { DossiersController } from './dossiers/dossiers.controller';
import { InstructionService } from './dossiers/instruction.service';
import { CompanyResolvedConsumer } from './events/company-resolved.consumer';
import { DOSSIERS_ENTITIES, DOSSIERS_MIGRATIONS } from './database/dossiers-database';

export const DOSSIERS_SCHEMA = 'dossiers';

/** Root module of the dossiers service, built from a validated config. */
@Module({})
export class DossiersModule {
  static forRoot(config: DossiersConfig): DynamicModule {
    return {
      module: DossiersModule,
      imports: [
        PlatformModule.forRoot({
          service: 'dossiers',
          version: config.SERVICE_VERSION,
          logLevel: config.LOG_LEVEL,
          nodeEnv: config.NODE_ENV,
        }),
      ],
      controllers: [DossiersController, AttachmentsController],
      providers: [
        { provide: DOSSIERS_CONFIG, useValue: config },
        {
          provide: DataSource,
          useFactory: () =>
            openServiceDataSource({
              url: config.DATABASE_URL,
              schema: DOSSIERS_SCHEMA,
              entities: DOSSIERS_ENTITIES,
              migrations: DOSSIERS_MIGRATIONS,
            }),
        },
        {
          provide: EventBus,
          useFactory: async () => {
            const bus = new EventBus({ natsUrl: config.NATS_URL, name: 'dossiers-events' });
            await bus.connect();

            return bus;
          },
        },
        {
          provide: OutboxRelay,
          useFactory: (dataSource: DataSource, bus: EventBus) => new OutboxRelay(dataSource, bus),
          inject: [DataSource, EventBus],
        },
        { provide: OutboxWriter, useValue: new OutboxWriter('/tps/dossiers') },
        {
          provide: NatsRequester,
          useFactory: async () => {
            const requester = new NatsRequester(config.NATS_URL, config.REQUEST_TIMEOUT_MS);
            await requester.connect();

            return requester;
          },
        },
        {
          provide: ATTACHMENT_STORAGE_CLIENT,
          useFactory: () => createObjectStorageClient(config),
        },
        ProceduresClient,
        EnrichmentClient,
        DossierRepository,
        ApplicantDossiersService,
        InstructionService,
        AttachmentsService,
        CompanyResolvedConsumer,
        DossiersLifecycle,
      ],
    };
  }
}
