import { Logger } from '@nestjs/common';
import type { CloudEvent } from '@tps/contracts';
import type { DataSource } from 'typeorm';

import type { EventBus } from './event-bus';

/**
 * Publishes the outbox to JetStream. Rows are claimed with `FOR UPDATE SKIP LOCKED`, so several
 * replicas never publish the same row at once. A row published twice after a crash is dropped
 * by JetStream's duplicate window, because its id is the message id.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: EventBus,
    private readonly intervalMs = 250,
    private readonly batchSize = 100,
  ) {}

  start(): void {
    this.stopping = false;
    this.schedule(0);
  }

  /** Asks for a publication pass as soon as possible, e.g. right after a commit. */
  poke(): void {
    if (!this.stopping && !this.running) {
      this.schedule(0);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    while (this.running) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    if (this.running || this.stopping) {
      return;
    }
    this.running = true;
    let published = 0;
    try {
      published = await this.publishBatch();
    } catch (error) {
      this.logger.error({ err: error }, 'outbox relay pass failed');
    } finally {
      this.running = false;
    }
    if (!this.stopping) {
      this.schedule(published === this.batchSize ? 0 : this.intervalMs);
    }
  }

  /** Publishes one batch in one transaction and returns how many rows it published. */
  async publishBatch(): Promise<number> {
    if (!this.bus.isConnected) {
      return 0;
    }

    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string; subject: string; envelope: CloudEvent<unknown> }> =
        await manager.query(
          `SELECT id, subject, envelope FROM outbox WHERE published_at IS NULL
           ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [this.batchSize],
        );
      let published = 0;
      for (const row of rows) {
        try {
          await this.bus.publish(row.subject, row.envelope);
          await manager.query(
            'UPDATE outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1',
            [row.id],
          );
          published++;
        } catch (error) {
          this.logger.warn(
            { err: error, eventId: row.id, subject: row.subject },
            'outbox publish failed; will retry',
          );
          await manager.query(
            'UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1',
            [row.id, String(error)],
          );
          // Keep order: stop at the first failure and retry the rest on the next pass.
          break;
        }
      }

      return published;
    });
  }
}
