import { startProceduresService } from './procedures.bootstrap';

startProceduresService().catch((error: unknown) => {
  console.error(
    JSON.stringify({
      level: 'fatal',
      service: 'procedures',
      msg: 'procedures failed to start',
      err: String(error),
    }),
  );
  process.exit(1);
});
