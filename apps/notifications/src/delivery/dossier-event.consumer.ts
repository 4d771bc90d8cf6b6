import { Inject, Injectable, Logger } from '@nestjs/common';
import { EVENTS_SUBJECT_ROOT } from '@tps/contracts';
import { EventBus } from '@tps/platform';

import type { NotificationsConfig } from '../notifications.config';
import { NOTIFICATIONS_CONFIG } from '../notifications.tokens';
import { EmailDeliveryService } from './email-delivery.service';

/** Durable JetStream consumer shared by every replica of the service. */
export const NOTIFICATIONS_DURABLE = 'notifications';

/**
 * Feeds dossier events to the delivery service. While the app stops, new deliveries are refused
 * (they come back later) and the stop waits for the e-mails being sent.
 */
@Injectable()
export class DossierEventConsumer {
  private readonly logger = new Logger(DossierEventConsumer.name);
  private readonly inFlight = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(EventBus) private readonly bus: EventBus,
    @Inject(EmailDeliveryService) private readonly delivery: EmailDeliveryService,
  ) {}

  /**
   * Subscribes to the dossier events.
   * NOTE: EventBus writes maxDeliver and ackWait into the durable consumer only when it creates
   * it, so later changes of NOTIFICATIONS_MAX_ATTEMPTS or NOTIFICATIONS_LEASE_MS need that
   * consumer deleted first.
   */
  async start(): Promise<void> {
    await this.bus.consume({
      durable: NOTIFICATIONS_DURABLE,
      filterSubject: `${EVENTS_SUBJECT_ROOT}.dossier.>`,
      maxDeliver: this.config.NOTIFICATIONS_MAX_ATTEMPTS,
      retryDelayMs: this.config.NOTIFICATIONS_RETRY_BASE_MS,
      // Longer than one lease, so the server does not hand an event being sent to a replica.
      ackWaitMs: this.config.NOTIFICATIONS_LEASE_MS + 5000,
      handler: async (event, subject, msg) => {
        if (this.stopping) {
          throw new Error('notifications service is stopping');
        }
        const work = this.delivery.handle(event, subject, msg.info.deliveryCount);
        this.inFlight.add(work);
        try {
          await work;
        } finally {
          this.inFlight.delete(work);
        }
      },
    });
  }

  /** Refuses new deliveries and waits for the running ones. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.inFlight.size > 0) {
      this.logger.log({ inFlight: this.inFlight.size }, 'waiting for e-mails being sent');
      await Promise.allSettled([...this.inFlight]);
    }
  }
}
