// The contracts' DTO decorators need the Reflect metadata API before they load.
import 'reflect-metadata';

import { runScenario } from './scenario/run-scenario';

/**
 * `npm run scenario`: plays the demo procedures against a running platform at GATEWAY_URL
 * (default http://localhost:3000). When MAIL_CATCHER_URL is set (e.g. http://localhost:1080, the
 * catcher that `npm start` runs), it also counts the mails that reached it.
 */
async function main(): Promise<void> {
  const gatewayUrl = process.env.GATEWAY_URL ?? 'http://localhost:3000';
  const mailCatcherUrl = process.env.MAIL_CATCHER_URL;
  const startedAt = Date.now();
  console.log(`Scenario against ${gatewayUrl}`);

  const mailbox = mailCatcherUrl
    ? async (): Promise<number> => {
        const response = await fetch(new URL('/api/messages', mailCatcherUrl));
        if (!response.ok) {
          throw new Error(`GET ${mailCatcherUrl}/api/messages returned ${response.status}`);
        }

        return ((await response.json()) as unknown[]).length;
      }
    : undefined;
  await runScenario({ gatewayUrl, mailbox });
  console.log(`\nScenario passed in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(`\nScenario failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
