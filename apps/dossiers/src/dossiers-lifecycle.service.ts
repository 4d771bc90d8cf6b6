import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  addDatabaseAndNatsChecks,
  EventBus,
  NatsRequester,
  OutboxRelay,
  ReadinessRegistry,
} from '@tps/platform';
import type { Client as MinioClient } from 'minio';
import { DataSource } from 'typeorm';

import type { DossiersConfig } from './dossiers.config';
import { ATTACHMENT_STORAGE_CLIENT, DOSSIERS_CONFIG } from './dossiers.tokens';
import { CompanyResolvedConsumer } from './events/company-resolved.consumer';

/**
 * Starts the outbox relay and the event consumer, and registers the readiness checks
 * (PostgreSQL, NATS, object storage). On shutdown it stops them, then closes the NATS clients and
 * the database pool.
 */
@Injectable()
export class DossiersLifecycle
  implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown
{
  private readonly logger = new Logger(DossiersLifecycle.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(EventBus) private readonly bus: EventBus,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(NatsRequester) private readonly requester: NatsRequester,
    @Inject(CompanyResolvedConsumer) private readonly companyConsumer: CompanyResolvedConsumer,
    @Inject(ReadinessRegistry) private readonly readiness: ReadinessRegistry,
    @Inject(ATTACHMENT_STORAGE_CLIENT) private readonly storage: MinioClient,
    @Inject(DOSSIERS_CONFIG) private readonly config: DossiersConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    addDatabaseAndNatsChecks(this.readiness, this.dataSource, this.bus);
    this.readiness.add('object-storage', async () => {
      await this.storage.bucketExists(this.config.S3_BUCKET);
    });
    this.relay.start();
    await this.companyConsumer.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
    await this.requester.close();
    if (this.dataSource.isInitialized) {
      await this.dataSource.destroy();
    }
    this.logger.log('dossiers resources closed');
  }
}
