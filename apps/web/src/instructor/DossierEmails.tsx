import type { EmailStatus, EmailView } from '@tps/contracts';

import { MAIL_KIND_LABELS } from '../admin/builder/mail-kinds';
import { formatDateTime } from '../components/format';
import { DsfrTable } from './DsfrTable';

const STATUS_BADGES: Record<EmailStatus, { label: string; severity: string }> = {
  sent: { label: 'Envoyé', severity: 'fr-badge--success' },
  pending: { label: 'En attente', severity: 'fr-badge--info' },
  failed: { label: 'Échec', severity: 'fr-badge--error' },
};

/** Lists the e-mails the platform sent (or tries to send) to the applicant about this dossier. */
export function DossierEmails({ emails }: { emails: EmailView[] }) {
  if (emails.length === 0) {
    return <p>Aucun e-mail n’a encore été envoyé pour ce dossier.</p>;
  }

  return (
    <DsfrTable
      caption="E-mails envoyés au demandeur, du plus ancien au plus récent"
      hideCaption
      className="fr-table--multiline"
    >
      <thead>
        <tr>
          <th scope="col">Envoyé le</th>
          <th scope="col">Type</th>
          <th scope="col">Objet</th>
          <th scope="col">Destinataire</th>
          <th scope="col">Statut</th>
        </tr>
      </thead>
      <tbody>
        {emails.map((email) => (
          <tr key={email.id}>
            <td>{formatDateTime(email.sentAt)}</td>
            <td>{MAIL_KIND_LABELS[email.kind]}</td>
            <td>{email.subject}</td>
            <td>{email.recipient}</td>
            <td>
              <EmailStatusCell email={email} />
            </td>
          </tr>
        ))}
      </tbody>
    </DsfrTable>
  );
}

function EmailStatusCell({ email }: { email: EmailView }) {
  const badge = STATUS_BADGES[email.status];
  const attempts = email.attempts > 1 ? `${email.attempts} tentatives` : null;

  return (
    <>
      <span className={`fr-badge fr-badge--sm fr-badge--no-icon ${badge.severity}`}>
        {badge.label}
      </span>
      {attempts && <p className="fr-text--xs fr-mb-0">{attempts}</p>}
      {email.status === 'failed' && email.lastError && (
        <p className="fr-text--xs fr-mb-0">Dernière erreur : {email.lastError}</p>
      )}
    </>
  );
}
