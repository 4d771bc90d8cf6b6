import { createTransport } from 'nodemailer';

import { startMailCatcher, type MailCatcher } from '../../scripts/embedded/mail-catcher';
import { checkNats, checkPostgres } from '../../scripts/embedded/prerequisites';
import { createTestDatabase } from '../support/database';
import { startTestNats } from '../support/nats';
import { freePort } from '../support/ports';

describe('mail catcher', () => {
  let catcher: MailCatcher;
  let webUrl: string;

  beforeAll(async () => {
    const httpPort = await freePort();
    catcher = await startMailCatcher({ smtpPort: await freePort(), httpPort });
    webUrl = `http://127.0.0.1:${httpPort}`;
    const transport = createTransport({ url: catcher.smtpUrl, ignoreTLS: true });
    await transport.sendMail({
      from: 'TPS <ne-pas-repondre@tps.localhost>',
      to: 'jeanne.martin@example.fr',
      subject: 'Dossier n° 42 <déposé>',
      html: '<p>Bonjour <script>alert(1)</script></p>',
      text: 'Bonjour',
    });
  });

  afterAll(async () => {
    await catcher?.close();
  });

  it('lists caught mails as JSON', async () => {
    const list = (await (await fetch(`${webUrl}/api/messages`)).json()) as {
      to: string[];
      subject: string;
    }[];
    expect(list).toHaveLength(1);
    expect(list[0].to).toEqual(['jeanne.martin@example.fr']);
    expect(list[0].subject).toBe('Dossier n° 42 <déposé>');
  });

  it('escapes subjects in the page', async () => {
    const page = await (await fetch(`${webUrl}/`)).text();
    expect(page).toContain('Dossier n° 42 &lt;déposé&gt;');
    expect(page).not.toContain('<déposé>');
  });

  it('serves mail HTML without scripts', async () => {
    const response = await fetch(`${webUrl}/messages/${catcher.messages[0].id}.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('rejects writes', async () => {
    expect((await fetch(`${webUrl}/api/messages`, { method: 'POST' })).status).toBe(405);
  });

  it('names the busy port', async () => {
    const smtpPort = Number(new URL(catcher.smtpUrl).port);
    await expect(startMailCatcher({ smtpPort, httpPort: await freePort() })).rejects.toThrow(
      `SMTP port ${smtpPort}`,
    );
  });
});

describe('start prerequisites', () => {
  it('accepts a running PostgreSQL', async () => {
    const database = await createTestDatabase();
    try {
      await expect(checkPostgres(database.url)).resolves.toBeNull();
    } finally {
      await database.drop();
    }
  });

  it('explains a missing PostgreSQL', async () => {
    const problem = await checkPostgres(`postgres://postgres@127.0.0.1:${await freePort()}/tps`);
    expect(problem).toContain('PostgreSQL is not reachable');
    expect(problem).toContain('apt-get install postgresql');
    expect(problem).toContain('docker compose up -d postgres');
  });

  it('accepts NATS with JetStream', async () => {
    const nats = await startTestNats();
    try {
      await expect(checkNats(nats.url)).resolves.toBeNull();
    } finally {
      await nats.stop();
    }
  });

  it('explains a missing NATS', async () => {
    const problem = await checkNats(`nats://127.0.0.1:${await freePort()}`);
    expect(problem).toContain('NATS is not reachable');
    expect(problem).toContain('apt-get install nats-server');
    expect(problem).toContain('docker compose up -d nats');
  });
});
