import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { addDatabaseAndNatsChecks, EventBus, OutboxRelay, ReadinessRegistry } from '@tps/platform';
import { DataSource } from 'typeorm';

/**
 * Starts the outbox relay and registers the readiness checks. On shutdown it stops the relay,
 * then closes the JetStream connection and the database pool. API Entreprise is not a readiness
 * check, because without it the service still serves lookups (as pending).
 */
@Injectable()
export class EnrichmentLifecycle
  implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown
{
  private readonly logger = new Logger(EnrichmentLifecycle.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(EventBus) private readonly bus: EventBus,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(ReadinessRegistry) private readonly readiness: ReadinessRegistry,
  ) {}

  onApplicationBootstrap(): void {
    addDatabaseAndNatsChecks(this.readiness, this.dataSource, this.bus);
    this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
    if (this.dataSource.isInitialized) {
      await this.dataSource.destroy();
    }
    this.logger.log('enrichment resources closed');
  }
}
