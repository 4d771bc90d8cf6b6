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
 * Starts the outbox relay and registers the readiness checks (PostgreSQL, NATS). On shutdown it
 * stops the relay, then closes the JetStream client and the database pool.
 */
@Injectable()
export class ProceduresLifecycle
  implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown
{
  private readonly logger = new Logger(ProceduresLifecycle.name);

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
    this.logger.log('procedures resources closed');
  }
}
