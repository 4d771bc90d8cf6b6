import { Controller, Module } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { type INestApplication } from '@nestjs/common';
import { IsInt, Min } from 'class-validator';
import { type CloudEvent, ErrorCode, SYSTEM_ACTOR } from '@tps/contracts';
import {
  bootstrapService,
  DomainError,
  EventBus,
  listeningPort,
  NatsRequester,
  OUTBOX_TABLE_SQL,
  OutboxEventEntity,
  OutboxRelay,
  OutboxWriter,
  parseCommand,
  PlatformModule,
} from '@tps/platform';
import { DataSource } from 'typeorm';

import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestNats, type TestNats } from '../support/nats';

class DoubleDto {
  @IsInt()
  @Min(0)
  value: number;
}

@Controller()
class DoubleController {
  @MessagePattern('platform-test.number.double')
  double(raw: unknown): number {
    const { payload } = parseCommand(DoubleDto, raw);
    if (payload.value === 13) {
      throw DomainError.notFound('Nombre introuvable');
    }

    return payload.value * 2;
  }

  @MessagePattern('platform-test.number.slow')
  async slow(): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 1000));

    return 0;
  }
}

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'platform-test', logLevel: 'silent', nodeEnv: 'test' }),
  ],
  controllers: [DoubleController],
})
class TestServiceModule {}

describe('platform', () => {
  let nats: TestNats;
  let database: TestDatabase;

  beforeAll(async () => {
    nats = await startTestNats();
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
    await nats.stop();
  });

  describe('request-reply', () => {
    let app: INestApplication;
    let requester: NatsRequester;

    beforeAll(async () => {
      app = await bootstrapService({
        name: 'platform-test',
        module: TestServiceModule,
        natsUrl: nats.url,
        httpPort: 0,
      });
      requester = new NatsRequester(nats.url, 2000);
      await requester.connect();
    });

    afterAll(async () => {
      await requester.close();
      await app.close();
    });

    it('returns the handler result', async () => {
      await expect(
        requester.send('platform-test.number.double', SYSTEM_ACTOR, { value: 21 }),
      ).resolves.toBe(42);
    });

    it('re-raises a domain error', async () => {
      await expect(
        requester.send('platform-test.number.double', SYSTEM_ACTOR, { value: 13 }),
      ).rejects.toMatchObject({
        code: ErrorCode.NotFound,
        message: 'Nombre introuvable',
      });
    });

    it('rejects an unknown property naming it', async () => {
      const error = await requester
        .send('platform-test.number.double', SYSTEM_ACTOR, { value: 1, extra: true })
        .catch((e: DomainError) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(ErrorCode.ValidationFailed);
      expect((error as DomainError).details?.fields?.[0]?.field).toBe('extra');
    });

    it('times out on a slow handler', async () => {
      await expect(
        requester.send('platform-test.number.slow', SYSTEM_ACTOR, {}, { timeoutMs: 300 }),
      ).rejects.toMatchObject({
        code: ErrorCode.Timeout,
      });
    });

    it('reports unavailable when nobody listens', async () => {
      await expect(
        requester.send('platform-test.nobody.home', SYSTEM_ACTOR, {}),
      ).rejects.toMatchObject({
        code: ErrorCode.ServiceUnavailable,
      });
    });

    it('serves health', async () => {
      const response = await fetch(`http://127.0.0.1:${listeningPort(app)}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', service: 'platform-test' });
    });
  });

  describe('outbox to consumer', () => {
    it('delivers each committed event once', async () => {
      const dataSource = new DataSource({
        type: 'postgres',
        url: database.url,
        entities: [OutboxEventEntity],
        extra: { options: '-c search_path=public' },
      });
      await dataSource.initialize();
      for (const statement of OUTBOX_TABLE_SQL) {
        await dataSource.query(statement);
      }
      const bus = new EventBus({
        natsUrl: nats.url,
        name: 'platform-test',
        streamName: 'TPS_EVENTS',
      });
      await bus.connect();
      const received: Array<CloudEvent<unknown>> = [];
      await bus.consume({
        durable: 'platform-test',
        filterSubject: 'tps.events.test.>',
        handler: async (event) => {
          received.push(event);
        },
      });
      const writer = new OutboxWriter('/tps/platform-test');
      await dataSource.transaction((manager) =>
        writer.add(manager, 'tps.events.test.happened.v1', 'agg-1', { n: 1 }),
      );
      await dataSource
        .transaction(async (manager) => {
          await writer.add(manager, 'tps.events.test.happened.v1', 'agg-2', { n: 2 });
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      const relay = new OutboxRelay(dataSource, bus, 50);
      relay.start();
      const deadline = Date.now() + 5000;
      while (received.length < 1 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      await relay.stop();
      await bus.close();

      expect(received).toHaveLength(1);
      expect(received[0].type).toBe('fr.tps.test.happened.v1');
      expect(received[0].data).toEqual({ n: 1 });
      const [row] = await dataSource.query('SELECT published_at FROM outbox');
      expect(row.published_at).not.toBeNull();
      await dataSource.destroy();
    });
  });
});
