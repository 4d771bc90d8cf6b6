import 'reflect-metadata';

import { startApiEntrepriseSandbox } from './api-entreprise-sandbox';

/**
 * Runs the API Entreprise sandbox on its own:
 * `API_ENTREPRISE_SANDBOX_PORT=3005 node dist/apps/enrichment/src/sandbox/api-entreprise-sandbox.main.js`.
 * `HTTP_PORT` is read when `API_ENTREPRISE_SANDBOX_PORT` is unset, as the container image sets it.
 * `API_ENTREPRISE_SANDBOX_TOKEN` sets the accepted bearer token.
 */
async function main(): Promise<void> {
  const sandbox = await startApiEntrepriseSandbox({
    port: Number(process.env.API_ENTREPRISE_SANDBOX_PORT ?? process.env.HTTP_PORT ?? 3005),
    token: process.env.API_ENTREPRISE_SANDBOX_TOKEN || undefined,
  });
  console.log(JSON.stringify({ msg: 'API Entreprise sandbox started', url: sandbox.url }));
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(
    JSON.stringify({ msg: 'API Entreprise sandbox failed to start', err: String(error) }),
  );
  process.exit(1);
});
