import { type DynamicModule, Module } from '@nestjs/common';
import { EventBus, NatsRequester, openServiceDataSource, PlatformModule } from '@tps/platform';
import { DataSource } from 'typeorm';

import { DossierEventConsumer } from './delivery/dossier-event.consumer';
import { EmailDeliveryService } from './delivery/email-delivery.service';
import { EmailRepository } from './delivery/email.repository';
import { MailSender } from './delivery/mail-sender';
import { EmailsController } from './emails/emails.controller';
import { EmailsService } from './emails/emails.service';
import { CreateNotificationsTables1764864000000 } from './migrations/1764864000000-CreateNotificationsTables';
import type { NotificationsConfig } from './notifications.config';
import { NotificationsLifecycle } from './notifications.lifecycle';
import { NOTIFICATIONS_CONFIG } from './notifications.tokens';
import { MailRenderer } from './rendering/mail-renderer';

export const NOTIFICATIONS_SCHEMA = 'notifications';

/** Root module of the notifications service, built from a validated config. */
@Module({})
export class NotificationsModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [
        PlatformModule.forRoot({
          service: 'notifications',
          version: config.SERVICE_VERSION,
          logLevel: config.LOG_LEVEL,
          nodeEnv: config.NODE_ENV,
        }),
      ],
      controllers: [EmailsController],
      providers: [
        { provide: NOTIFICATIONS_CONFIG, useValue: config },
        {
          provide: DataSource,
          useFactory: () =>
            openServiceDataSource({
              url: config.DATABASE_URL,
              schema: NOTIFICATIONS_SCHEMA,
              entities: [],
              migrations: [CreateNotificationsTables1764864000000],
            }),
        },
        {
          provide: EventBus,
          useFactory: async () => {
            const bus = new EventBus({ natsUrl: config.NATS_URL, name: 'notifications-events' });
            await bus.connect();

            return bus;
          },
        },
        {
          provide: NatsRequester,
          useFactory: async () => {
            const requester = new NatsRequester(config.NATS_URL, config.REQUEST_TIMEOUT_MS);
            await requester.connect();

            return requester;
          },
        },
        {
          provide: MailSender,
          useFactory: () => new MailSender(config.SMTP_URL, config.MAIL_FROM),
        },
        { provide: MailRenderer, useValue: new MailRenderer() },
        EmailRepository,
        EmailDeliveryService,
        DossierEventConsumer,
        EmailsService,
        NotificationsLifecycle,
      ],
    };
  }
}
