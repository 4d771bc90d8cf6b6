import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

import { freePort } from './ports';

export interface TestSmtp {
  port: number;
  url: string;
  mails: ParsedMail[];
  /** Resolves when at least `count` mails matching `filter` arrived. */
  waitForMails(
    count: number,
    filter?: (mail: ParsedMail) => boolean,
    timeoutMs?: number,
  ): Promise<ParsedMail[]>;
  stop(): Promise<void>;
}

/** Starts an SMTP server that accepts every message and keeps it parsed in memory. */
export async function startTestSmtp(): Promise<TestSmtp> {
  const port = await freePort();
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitForMails: async (count, filter = () => true, timeoutMs = 20000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const matching = mails.filter(filter);
        if (matching.length >= count) {
          return matching;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(
        `expected ${count} mails, got ${mails.filter(filter).length} after ${timeoutMs} ms`,
      );
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
