import { type INestApplication, Logger as NestLogger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type MicroserviceOptions, Transport } from '@nestjs/microservices';
import { Logger } from 'nestjs-pino';

import { DomainRpcExceptionFilter } from './rpc-exception.filter';

export interface BootstrapOptions {
  /** Service name: NATS queue group and log field. */
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  module: Type<any> | import('@nestjs/common').DynamicModule;
  natsUrl: string;
  httpPort: number;
  /** Skip the NATS listener (the gateway only sends requests). */
  withoutMicroservice?: boolean;
  /** Extra set-up before listening, e.g. HTTP middleware. */
  configure?: (app: INestApplication) => void | Promise<void>;
}

/**
 * Starts a TPS app the same way in production and in tests: pino logs, NATS listener in a queue
 * group named after the service, HTTP for probes, shutdown hooks. Returns the running app.
 */
export async function bootstrapService(options: BootstrapOptions): Promise<INestApplication> {
  const app = await NestFactory.create(options.module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  if (!options.withoutMicroservice) {
    // Global filters must be set before connectMicroservice, which copies the app's config.
    app.useGlobalFilters(new DomainRpcExceptionFilter());
    app.connectMicroservice<MicroserviceOptions>(
      {
        transport: Transport.NATS,
        options: {
          servers: [options.natsUrl],
          queue: options.name,
          name: `${options.name}-server`,
        },
      },
      { inheritAppConfig: true },
    );
  }
  await options.configure?.(app);
  if (!options.withoutMicroservice) {
    await app.startAllMicroservices();
  }
  await app.listen(options.httpPort, '0.0.0.0');
  new NestLogger('Bootstrap').log(
    { service: options.name, url: await app.getUrl() },
    `${options.name} started`,
  );

  return app;
}

/** Port the app listens on, useful when it was started on port 0. */
export function listeningPort(app: INestApplication): number {
  const address = app.getHttpServer().address();

  return typeof address === 'object' && address ? address.port : 0;
}
