import 'reflect-metadata';

import type { INestApplication } from '@nestjs/common';
import { bootstrapService, loadConfig } from '@tps/platform';

import { DossiersConfig } from './dossiers.config';
import { DossiersModule } from './dossiers.module';

/** Starts the dossiers service with every setting taken from `env`. */
export async function startDossiersService(
  env: NodeJS.ProcessEnv = process.env,
): Promise<INestApplication> {
  const config = loadConfig(DossiersConfig, env);

  return bootstrapService({
    name: 'dossiers',
    module: DossiersModule.forRoot(config),
    natsUrl: config.NATS_URL,
    httpPort: config.HTTP_PORT,
  });
}
