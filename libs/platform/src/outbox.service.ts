import { randomUUID } from 'node:crypto';

import { type CloudEvent, cloudEventTypeFor } from '@tps/contracts';
import type { EntityManager } from 'typeorm';

import { OutboxEventEntity } from './outbox.entity';

/**
 * Writes domain events into the outbox with the caller's transaction manager, so an event
 * exists exactly when its state change was committed.
 */
export class OutboxWriter {
  constructor(private readonly source: string) {}

  async add<T>(
    manager: EntityManager,
    subject: string,
    aggregateId: string,
    data: T,
    correlationId?: string,
  ): Promise<CloudEvent<T>> {
    const envelope: CloudEvent<T> = {
      specversion: '1.0',
      id: randomUUID(),
      type: cloudEventTypeFor(subject),
      source: this.source,
      subject: aggregateId,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      ...(correlationId ? { correlationid: correlationId } : {}),
      data,
    };
    await manager.insert(OutboxEventEntity, {
      id: envelope.id,
      subject,
      envelope: envelope as never,
      publishedAt: null,
    });

    return envelope;
  }
}
