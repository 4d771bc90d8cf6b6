import { startGateway } from './gateway.bootstrap';

startGateway().catch((error: unknown) => {
  console.error(
    JSON.stringify({
      level: 'fatal',
      service: 'gateway',
      msg: 'gateway failed to start',
      err: String(error),
      stack: (error as Error)?.stack,
    }),
  );
  process.exit(1);
});
