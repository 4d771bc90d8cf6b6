import 'reflect-metadata';

import type { INestApplication } from '@nestjs/common';
import { bootstrapService, loadConfig } from '@tps/platform';

import { EnrichmentConfig } from './enrichment.config';
import { EnrichmentModule } from './enrichment.module';

/** Starts the enrichment service with every setting taken from `env`. */
export async function startEnrichmentService(
  env: NodeJS.ProcessEnv = process.env,
): Promise<INestApplication> {
  const config = loadConfig(EnrichmentConfig, env);

  return bootstrapService({
    name: 'enrichment',
    module: EnrichmentModule.forRoot(config),
    natsUrl: config.NATS_URL,
    httpPort: config.HTTP_PORT,
  });
}
