import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ReadinessRegistry } from '@tps/platform';

import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';

/**
 * A small NATS connection used only by `/ready`: NatsRequester does not expose its connection
 * state, so readiness round-trips a PING on a connection of its own.
 */
@Injectable()
export class NatsProbe implements OnModuleInit, OnApplicationShutdown {
  private connection?: NatsConnection;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly readiness: ReadinessRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    this.connection = await connect({ servers: [this.config.NATS_URL], name: 'gateway-readiness' });
    this.readiness.add('nats', async () => {
      if (!this.connection || this.connection.isClosed()) {
        throw new Error('NATS connection closed');
      }
      await this.connection.flush();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.close();
  }
}
