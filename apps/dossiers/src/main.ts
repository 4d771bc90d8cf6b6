import { startDossiersService } from './dossiers.bootstrap';

startDossiersService().catch((error: unknown) => {
  console.error(
    JSON.stringify({
      level: 'fatal',
      service: 'dossiers',
      msg: 'dossiers failed to start',
      err: String(error),
    }),
  );
  process.exit(1);
});
