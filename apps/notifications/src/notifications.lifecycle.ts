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
  ReadinessRegistry,
} from '@tps/platform';
import { DataSource } from 'typeorm';

import { DossierEventConsumer } from './delivery/dossier-event.consumer';
import { MailSender } from './delivery/mail-sender';

/** Timeout of the SMTP readiness check, in milliseconds. */
const SMTP_CHECK_TIMEOUT_MS = 1500;

/**
 * Registers the readiness checks (PostgreSQL, NATS, SMTP) and starts the event consumer. On
 * shutdown it stops the consumer, waits for the e-mails being sent, then closes the JetStream
 * connection, the request client, the SMTP pool and the database pool.
 */
@Injectable()
export class NotificationsLifecycle
  implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown
{
  private readonly logger = new Logger(NotificationsLifecycle.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(EventBus) private readonly bus: EventBus,
    @Inject(NatsRequester) private readonly requester: NatsRequester,
    @Inject(MailSender) private readonly sender: MailSender,
    @Inject(DossierEventConsumer) private readonly consumer: DossierEventConsumer,
    @Inject(ReadinessRegistry) private readonly readiness: ReadinessRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    addDatabaseAndNatsChecks(this.readiness, this.dataSource, this.bus);
    this.readiness.add('smtp', () => this.sender.verify(SMTP_CHECK_TIMEOUT_MS));
    await this.consumer.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
    await this.requester.close();
    this.sender.close();
    if (this.dataSource.isInitialized) {
      await this.dataSource.destroy();
    }
    this.logger.log('notifications resources closed');
  }
}
