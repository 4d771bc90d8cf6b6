import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable Message-ID, so a receiving server may spot a duplicate. */
  messageId: string;
  eventId: string;
}

export interface SentEmail {
  messageId: string;
  response: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for plain `smtp://` to this machine (a local catcher that has no TLS). */
export function isLocalPlainSmtp(smtpUrl: string): boolean {
  const url = new URL(smtpUrl);

  return url.protocol === 'smtp:' && LOOPBACK_HOSTS.has(url.hostname);
}

/** Sends e-mails through a pooled SMTP connection with bounded timeouts. */
export class MailSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = createTransport({
      pool: true,
      url: smtpUrl,
      ignoreTLS: isLocalPlainSmtp(smtpUrl),
      maxConnections: 5,
      connectionTimeout: 10000,
      greetingTimeout: 10000,
      socketTimeout: 20000,
    });
  }

  async send(email: OutgoingEmail): Promise<SentEmail> {
    const info = await this.transport.sendMail({
      from: this.from,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      messageId: email.messageId,
      headers: { 'X-TPS-Event-Id': email.eventId },
    });

    return { messageId: String(info.messageId), response: String(info.response ?? '') };
  }

  /** Checks that the SMTP server accepts a connection, failing after `timeoutMs`. */
  async verify(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.transport.verify(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`SMTP verification timed out after ${timeoutMs} ms`)),
            timeoutMs,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.transport.close();
  }
}
