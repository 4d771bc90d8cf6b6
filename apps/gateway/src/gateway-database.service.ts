import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ReadinessRegistry } from '@tps/platform';
import { DataSource } from 'typeorm';

import { GATEWAY_DATA_SOURCE } from './gateway.tokens';

/** Registers the database readiness check and closes the pool on shutdown. */
@Injectable()
export class GatewayDatabase implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(GATEWAY_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.add('database', async () => {
      await this.dataSource.query('SELECT 1');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) {
      await this.dataSource.destroy();
    }
  }
}
