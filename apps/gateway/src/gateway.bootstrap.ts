import 'reflect-metadata';

import { type INestApplication, Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { bootstrapService, loadConfig, webAppRouter } from '@tps/platform';

import { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { contentTypeMiddleware } from './http/content-type.middleware';
import { correlationIdMiddleware } from './http/correlation-id.middleware';

/** Starts the gateway (HTTP API, auth, uploads) with every setting taken from `env`. */
export async function startGateway(
  env: NodeJS.ProcessEnv = process.env,
): Promise<INestApplication> {
  const config = loadConfig(GatewayConfig, env);
  // loadConfig reads an empty variable as unset, but WEB_ROOT='' means "API only".
  if (env.WEB_ROOT === '') {
    config.WEB_ROOT = '';
  }

  return bootstrapService({
    name: 'gateway',
    module: GatewayModule.forRoot(config),
    natsUrl: config.NATS_URL,
    httpPort: config.HTTP_PORT,
    withoutMicroservice: true,
    configure: (app) => configureHttp(app as NestExpressApplication, config),
  });
}

function configureHttp(app: NestExpressApplication, config: GatewayConfig): void {
  // Behind a Kubernetes ingress the client address is in X-Forwarded-For; trust private hops only.
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: config.MAX_JSON_BODY_BYTES });
  app.use(cookieParser());
  app.use(correlationIdMiddleware);
  app.use(contentTypeMiddleware);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('TPS – API HTTP')
      .setDescription(
        'API de TéléProcédure Simplifiée : comptes, démarches, dossiers, instruction.',
      )
      .setVersion(config.SERVICE_VERSION ?? '0.1.0')
      .addCookieAuth('tps_session')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  serveWebFront(app, config);
}

const API_AND_PROBES = /^\/(api(\/|$)|health$|ready$)/;

function serveWebFront(app: NestExpressApplication, config: GatewayConfig): void {
  if (config.WEB_ROOT === '') {
    return;
  }
  const router = webAppRouter({
    rootDir: config.WEB_ROOT,
    passThrough: (path) => API_AND_PROBES.test(path),
  });
  if (router === null) {
    new Logger('Gateway').warn(
      `No web front in ${config.WEB_ROOT}: run \`npm run build\` to build it. The API still works.`,
    );
    return;
  }
  app.use(router);
}
