import 'reflect-metadata';

import type { INestApplication } from '@nestjs/common';
import { bootstrapService, loadConfig } from '@tps/platform';

import { ProceduresConfig } from './procedures.config';
import { ProceduresModule } from './procedures.module';

/** Starts the procedures service with every setting taken from `env`. */
export async function startProceduresService(
  env: NodeJS.ProcessEnv = process.env,
): Promise<INestApplication> {
  const config = loadConfig(ProceduresConfig, env);

  return bootstrapService({
    name: 'procedures',
    module: ProceduresModule.forRoot(config),
    natsUrl: config.NATS_URL,
    httpPort: config.HTTP_PORT,
  });
}
