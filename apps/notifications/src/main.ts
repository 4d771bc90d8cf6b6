import { startNotificationsService } from './notifications.bootstrap';

startNotificationsService().catch((error: unknown) => {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(
    JSON.stringify({
      level: 'fatal',
      service: 'notifications',
      msg: 'notifications failed to start',
      err: detail,
    }),
  );
  process.exit(1);
});
