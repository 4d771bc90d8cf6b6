// The platform library's decorators need the Reflect metadata API before they load.
import 'reflect-metadata';

import { createServer } from 'node:http';

import { loadConfig } from '@tps/platform';

import { createWebLogger, createWebServer } from './serve-web/web-server';
import { WebServerConfig } from './serve-web/web-server.config';

/**
 * Serves the web front on its own (the image's APP=web), for Kubernetes where an ingress sends
 * /api to the gateway and everything else here: `node dist/scripts/serve-web.js`. Reads
 * HTTP_PORT (default 8080) and WEB_ROOT (default dist/web). SIGTERM or SIGINT stops accepting
 * connections, then the process exits once open requests finish, or after SHUTDOWN_TIMEOUT_MS.
 */
function main(): void {
  const config = loadConfig(WebServerConfig);
  const logger = createWebLogger(config);
  const server = createServer(createWebServer(config, logger));

  server.on('error', (error) => {
    logger.fatal({ err: error, port: config.HTTP_PORT }, 'web server failed');
    process.exit(1);
  });
  server.listen(config.HTTP_PORT, '0.0.0.0', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.HTTP_PORT;
    logger.info({ port, webRoot: config.WEB_ROOT }, 'web started');
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, 'web stopping');
    server.close(() => {
      logger.info('web stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => {
      logger.warn(
        { timeoutMs: config.SHUTDOWN_TIMEOUT_MS },
        'web stopped with requests still open after the shutdown timeout',
      );
      server.closeAllConnections();
      process.exit(0);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

try {
  main();
} catch (error) {
  console.error(
    JSON.stringify({
      level: 'fatal',
      service: 'web',
      msg: 'web failed to start',
      err: String(error),
    }),
  );
  process.exit(1);
}
