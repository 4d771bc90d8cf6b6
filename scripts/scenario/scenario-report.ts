import { DOSSIER_STATE_LABELS, DossierState } from '@tps/contracts';

import type { ScenarioResult } from './run-scenario';

/** Prints the dossiers of the run per state, then the e-mails each applicant received. */
export function printReport(result: ScenarioResult, log: (line: string) => void): void {
  log('');
  log('Dossiers per state (this run):');
  for (const state of Object.values(DossierState)) {
    const refs = result.dossiers
      .filter((dossier) => dossier.state === state)
      .map((dossier) => `${dossier.ref} n° ${dossier.number}`);
    log(
      `  ${DOSSIER_STATE_LABELS[state].padEnd(18)} ${String(result.countsByState[state]).padStart(2)}  ${refs.join(', ')}`,
    );
  }
  log(`  ${'Archivés'.padEnd(18)} ${String(result.archived).padStart(2)}`);

  log('');
  log(`E-mails sent: ${result.emailsSent}`);
  for (const dossier of result.dossiers) {
    for (const email of dossier.emails) {
      log(
        `  ${dossier.ref} ${email.recipient.padEnd(44)} ${email.kind.padEnd(34)} ${email.subject}`,
      );
    }
  }
  if (result.mailboxReceived !== undefined) {
    log(`Mails received by the SMTP server during the run: ${result.mailboxReceived}`);
  }
}
