import { Inject, Injectable } from '@nestjs/common';
import type { EmailView, MailTemplateKind, RenderedEmail } from '@tps/contracts';
import { DataSource } from 'typeorm';

/** A row of `email`, as PostgreSQL returns it. */
export interface EmailRow {
  id: string;
  event_id: string;
  kind: MailTemplateKind;
  dossier_id: string;
  dossier_number: number;
  procedure_id: string;
  recipient: string;
  subject: string | null;
  html: string | null;
  text: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  lease_until: Date | null;
  sent_at: Date | null;
  created_at: Date;
  message_id: string | null;
}

export interface NewEmail {
  id: string;
  eventId: string;
  kind: MailTemplateKind;
  dossierId: string;
  dossierNumber: number;
  procedureId: string;
  recipient: string;
}

/** One SMTP attempt, stored whatever its outcome. */
export interface AttemptOutcome {
  outcome: 'sent' | 'failed';
  error?: string;
  smtpResponse?: string;
  messageId?: string;
}

/** SQL on the `email` and `email_attempt` tables; search_path is the `notifications` schema. */
@Injectable()
export class EmailRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Creates the e-mail of an event unless it exists; duplicates and replicas meet here. */
  async claim(email: NewEmail): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO email (id, event_id, kind, dossier_id, dossier_number, procedure_id, recipient)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (event_id) DO NOTHING`,
      [
        email.id,
        email.eventId,
        email.kind,
        email.dossierId,
        email.dossierNumber,
        email.procedureId,
        email.recipient,
      ],
    );
  }

  /**
   * Takes the sending lease of a pending e-mail for `leaseMs`. Returns the row when this caller
   * holds the lease, or undefined when the e-mail is no longer pending or another replica holds it.
   */
  async lease(eventId: string, leaseMs: number): Promise<EmailRow | undefined> {
    const [rows] = (await this.dataSource.query(
      `UPDATE email SET lease_until = now() + $2 * interval '1 millisecond'
       WHERE event_id = $1 AND status = 'pending' AND (lease_until IS NULL OR lease_until < now())
       RETURNING *`,
      [eventId, leaseMs],
    )) as [EmailRow[], number];

    return rows[0];
  }

  async findByEvent(eventId: string): Promise<EmailRow | undefined> {
    const rows = (await this.dataSource.query(`SELECT * FROM email WHERE event_id = $1`, [
      eventId,
    ])) as EmailRow[];

    return rows[0];
  }

  /** Stores the rendered e-mail once, so every retry sends the same text. */
  async saveRendered(id: string, rendered: RenderedEmail): Promise<void> {
    await this.dataSource.query(
      `UPDATE email SET subject = $2, html = $3, text = $4 WHERE id = $1`,
      [id, rendered.subject, rendered.html, rendered.text],
    );
  }

  /**
   * Records one attempt and its effect on the e-mail: sent, failed for good, or pending again
   * with the lease released so the next delivery of the event can retry at once.
   */
  async recordAttempt(email: EmailRow, attempt: AttemptOutcome, final: boolean): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [updated] = (await manager.query(
        `UPDATE email SET attempts = attempts + 1, lease_until = NULL,
           status = CASE WHEN $2 = 'sent' THEN 'sent' WHEN $3 THEN 'failed' ELSE 'pending' END,
           sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END,
           last_error = CASE WHEN $2 = 'sent' THEN last_error ELSE $4 END,
           message_id = COALESCE($5, message_id)
         WHERE id = $1
         RETURNING attempts`,
        [email.id, attempt.outcome, final, attempt.error ?? null, attempt.messageId ?? null],
      )) as [Array<{ attempts: number }>, number];
      await manager.query(
        `INSERT INTO email_attempt (email_id, attempt, outcome, error, smtp_response)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          email.id,
          updated[0].attempts,
          attempt.outcome,
          attempt.error ?? null,
          attempt.smtpResponse ?? null,
        ],
      );
    });
  }

  /** Gives up an e-mail that can never be sent (its procedure is gone, for example). */
  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE email SET status = 'failed', last_error = $2, lease_until = NULL WHERE id = $1`,
      [id, error],
    );
  }

  /** Releases the lease without counting an attempt, for a failure before SMTP. */
  async release(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE email SET lease_until = NULL, last_error = $2 WHERE id = $1 AND status = 'pending'`,
      [id, error],
    );
  }

  async listForDossier(dossierId: string): Promise<EmailRow[]> {
    return (await this.dataSource.query(
      `SELECT * FROM email WHERE dossier_id = $1 ORDER BY created_at, dossier_number, id`,
      [dossierId],
    )) as EmailRow[];
  }

  static toView(row: EmailRow): EmailView {
    return {
      id: row.id,
      eventId: row.event_id,
      kind: row.kind,
      dossierId: row.dossier_id,
      recipient: row.recipient,
      subject: row.subject ?? '',
      status: row.status,
      attempts: row.attempts,
      sentAt: row.sent_at ? row.sent_at.toISOString() : null,
      lastError: row.last_error,
    };
  }
}
