import { SMTPServer } from 'smtp-server';

/**
 * SMTP server for the benchmark: accepts every message, drains it without parsing, and counts
 * the messages per recipient so that a run can wait for its own batch.
 */
export interface SmtpSink {
  url: string;
  /** Number of messages received with a recipient that contains `tag`. */
  countFor(tag: string): number;
  /** Resolves once `count` messages for `tag` arrived, or rejects after `timeoutMs`. */
  waitFor(tag: string, count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const recipients: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        for (const rcpt of session.envelope.rcptTo) {
          recipients.push(rcpt.address);
        }
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  const port = await new Promise<number>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  const countFor = (tag: string): number =>
    recipients.filter((address) => address.includes(tag)).length;

  return {
    url: `smtp://127.0.0.1:${port}`,
    countFor,
    waitFor: async (tag, count, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while (countFor(tag) < count) {
        if (Date.now() > deadline) {
          throw new Error(
            `SMTP sink received ${countFor(tag)} of ${count} messages for ${tag} after ${timeoutMs} ms`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
