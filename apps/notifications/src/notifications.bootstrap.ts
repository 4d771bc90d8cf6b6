import 'reflect-metadata';

import type { INestApplication } from '@nestjs/common';
import { bootstrapService, loadConfig } from '@tps/platform';

import { NotificationsConfig } from './notifications.config';
import { NotificationsModule } from './notifications.module';

/** Starts the notifications service with every setting taken from `env`. */
export async function startNotificationsService(
  env: NodeJS.ProcessEnv = process.env,
): Promise<INestApplication> {
  const config = loadConfig(NotificationsConfig, env);

  return bootstrapService({
    name: 'notifications',
    module: NotificationsModule.forRoot(config),
    natsUrl: config.NATS_URL,
    httpPort: config.HTTP_PORT,
  });
}
