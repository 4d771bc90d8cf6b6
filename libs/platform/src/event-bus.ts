import { Logger } from '@nestjs/common';
import {
  AckPolicy,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { type CloudEvent, EVENTS_STREAM, EVENTS_SUBJECT_ROOT } from '@tps/contracts';

const NANOS_PER_MILLISECOND = 1_000_000;

export interface EventBusOptions {
  natsUrl: string;
  /** Client name shown by the NATS server's monitoring. */
  name: string;
  /** JetStream stream; tests use a private one. */
  streamName?: string;
}

export interface ConsumerOptions {
  /** Durable consumer name: replicas that share it share the work. */
  durable: string;
  /** One subject filter, wildcards allowed (the NATS 2.9 server has no multi-filter consumers). */
  filterSubject: string;
  /** Deliveries before the event is given up and logged as dead-lettered. */
  maxDeliver?: number;
  /** Time a handler has before the server redelivers the event to another replica. */
  ackWaitMs?: number;
  /** Delay before redelivery after a failed attempt, growing with the attempt number. */
  retryDelayMs?: number;
  handler: (event: CloudEvent<unknown>, subject: string, msg: JsMsg) => Promise<void>;
}

/**
 * The JetStream side of the platform: one stream `TPS_EVENTS` over `tps.events.>`, published to
 * by the outbox relays and read by durable pull consumers that acknowledge after their work.
 */
export class EventBus {
  private readonly logger = new Logger(EventBus.name);
  private connection: NatsConnection | undefined;
  private js: JetStreamClient | undefined;
  private jsm: JetStreamManager | undefined;
  private readonly stopped: Array<() => Promise<void>> = [];
  readonly streamName: string;

  constructor(private readonly options: EventBusOptions) {
    this.streamName = options.streamName ?? EVENTS_STREAM;
  }

  async connect(): Promise<void> {
    this.connection = await connect({ servers: [this.options.natsUrl], name: this.options.name });
    this.jsm = await jetstreamManager(this.connection);
    this.js = jetstream(this.connection);
    await this.ensureStream();
  }

  get isConnected(): boolean {
    return this.connection !== undefined && !this.connection.isClosed();
  }

  /** Creates the event stream, or leaves it as it is when it exists. */
  private async ensureStream(): Promise<void> {
    const jsm = this.requireManager();
    try {
      await jsm.streams.info(this.streamName);
    } catch {
      try {
        await jsm.streams.add({
          name: this.streamName,
          subjects: [`${EVENTS_SUBJECT_ROOT}.>`],
          retention: RetentionPolicy.Limits,
          storage: StorageType.File,
          max_age: 30 * 24 * 3600 * 1000 * NANOS_PER_MILLISECOND,
          duplicate_window: 10 * 60 * 1000 * NANOS_PER_MILLISECOND,
        });
        this.logger.log({ stream: this.streamName }, 'event stream created');
      } catch (error) {
        // Another process may have created it in between.
        await jsm.streams.info(this.streamName).catch(() => {
          throw error;
        });
      }
    }
  }

  /** Publishes an envelope; its id is the Nats-Msg-Id, so a re-publish is dropped as a duplicate. */
  async publish(subject: string, envelope: CloudEvent<unknown>): Promise<{ duplicate: boolean }> {
    const h = headers();
    h.set('Content-Type', 'application/cloudevents+json');
    if (envelope.correlationid) {
      h.set('X-Correlation-Id', envelope.correlationid);
    }
    const ack = await this.requireClient().publish(subject, JSON.stringify(envelope), {
      msgID: envelope.id,
      headers: h,
      expect: { streamName: this.streamName },
    });

    return { duplicate: ack.duplicate };
  }

  /** Starts a durable pull consumer; returns when it is subscribed. */
  async consume(options: ConsumerOptions): Promise<void> {
    const jsm = this.requireManager();
    const maxDeliver = options.maxDeliver ?? 10;
    const retryDelayMs = options.retryDelayMs ?? 2000;
    const config = {
      durable_name: options.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: options.filterSubject,
      max_deliver: maxDeliver,
      ack_wait: (options.ackWaitMs ?? 30000) * NANOS_PER_MILLISECOND,
    };
    try {
      await jsm.consumers.info(this.streamName, options.durable);
    } catch {
      await jsm.consumers.add(this.streamName, config).catch(async (error: unknown) => {
        // Created concurrently by a replica: use it.
        await jsm.consumers.info(this.streamName, options.durable).catch(() => {
          throw error;
        });
      });
    }
    const consumer = await this.requireClient().consumers.get(this.streamName, options.durable);
    const messages = await consumer.consume({ max_messages: 20 });
    this.stopped.push(async () => {
      await messages.close();
    });
    this.logger.log(
      { stream: this.streamName, durable: options.durable, filter: options.filterSubject },
      'event consumer started',
    );

    void (async () => {
      for await (const msg of messages) {
        await this.handle(msg, options, maxDeliver, retryDelayMs);
      }
    })();
  }

  private async handle(
    msg: JsMsg,
    options: ConsumerOptions,
    maxDeliver: number,
    retryDelayMs: number,
  ): Promise<void> {
    let event: CloudEvent<unknown>;
    try {
      event = msg.json<CloudEvent<unknown>>();
    } catch (error) {
      this.logger.error(
        { err: error, subject: msg.subject, seq: msg.seq },
        'unparsable event dropped',
      );
      msg.term();

      return;
    }
    const attempt = msg.info.deliveryCount;
    try {
      await options.handler(event, msg.subject, msg);
      msg.ack();
    } catch (error) {
      if (attempt >= maxDeliver) {
        this.logger.error(
          {
            err: error,
            eventId: event.id,
            subject: msg.subject,
            attempt,
            durable: options.durable,
          },
          'event handling failed for the last time; event dead-lettered',
        );
        msg.term();

        return;
      }
      const delay = retryDelayMs * 2 ** (attempt - 1);
      this.logger.warn(
        { err: error, eventId: event.id, subject: msg.subject, attempt, retryInMs: delay },
        'event handling failed; will retry',
      );
      msg.nak(delay);
    }
  }

  async close(): Promise<void> {
    for (const stop of this.stopped.splice(0)) {
      await stop().catch(() => undefined);
    }
    if (this.connection && !this.connection.isClosed()) {
      await this.connection.drain();
    }
  }

  private requireClient(): JetStreamClient {
    if (!this.js) {
      throw new Error('EventBus used before connect()');
    }

    return this.js;
  }

  private requireManager(): JetStreamManager {
    if (!this.jsm) {
      throw new Error('EventBus used before connect()');
    }

    return this.jsm;
  }
}
