import { startEnrichmentService } from './enrichment.bootstrap';

startEnrichmentService().catch((error: unknown) => {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(
    JSON.stringify({
      level: 'fatal',
      service: 'enrichment',
      msg: 'enrichment failed to start',
      err: detail,
    }),
  );
  process.exit(1);
});
