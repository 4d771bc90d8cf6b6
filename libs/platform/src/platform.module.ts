import { type DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

import { HealthController, SERVICE_INFO, type ServiceInfo } from './health.controller';
import { ReadinessRegistry } from './readiness';

export interface PlatformModuleOptions {
  service: string;
  version?: string;
  logLevel: string;
  nodeEnv: string;
}

/** Paths removed from every log line: credentials and personal data. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.email',
  '*.phone',
];

/**
 * Module every TPS app imports: JSON logs through pino with the service name and version on each
 * line, and the `/health` and `/ready` endpoints.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    const info: ServiceInfo = { name: options.service, version: options.version ?? '0.1.0' };

    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: options.logLevel,
            base: { service: info.name, version: info.version, env: options.nodeEnv },
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
            customProps: (req) => ({ correlationId: req.headers['x-correlation-id'] }),
          },
        }),
      ],
      controllers: [HealthController],
      providers: [ReadinessRegistry, { provide: SERVICE_INFO, useValue: info }],
      exports: [ReadinessRegistry, SERVICE_INFO],
    };
  }
}
