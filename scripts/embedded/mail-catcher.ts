import { randomUUID } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * Local stand-in for a mail server: an SMTP server that accepts every message and keeps it in
 * memory, and a read-only web page that lists the caught mails and shows each one's HTML.
 */

export interface CaughtMail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  date: string;
  text: string;
  html: string | null;
}

export interface MailCatcher {
  smtpUrl: string;
  webUrl: string;
  messages: CaughtMail[];
  close(): Promise<void>;
}

export interface MailCatcherOptions {
  smtpPort: number;
  httpPort: number;
  host?: string;
  /** Older mails are dropped beyond this number. */
  maxMessages?: number;
}

const DEFAULT_MAX_MESSAGES = 1000;

export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const maxMessages = options.maxMessages ?? DEFAULT_MAX_MESSAGES;
  const messages: CaughtMail[] = [];

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.unshift({
            id: randomUUID(),
            from: mail.from?.text ?? '',
            to: addresses(mail.to),
            subject: mail.subject ?? '',
            date: (mail.date ?? new Date()).toISOString(),
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : null,
          });
          messages.splice(maxMessages);
          callback();
        })
        .catch(callback);
    },
  });
  await listen(
    smtp,
    (done) => smtp.listen(options.smtpPort, host, done),
    `SMTP port ${options.smtpPort}`,
  );
  // Errors of single connections (a client that hangs up) must not stop the catcher.
  smtp.on('error', () => undefined);

  const web = createServer((request, response) => serveWeb(messages, request, response));
  await listen(
    web,
    (done) => web.listen(options.httpPort, host, done),
    `HTTP port ${options.httpPort}`,
  );

  return {
    smtpUrl: `smtp://${host}:${options.smtpPort}`,
    webUrl: `http://localhost:${options.httpPort}`,
    messages,
    close: async () => {
      web.closeAllConnections();
      await new Promise<void>((resolve) => web.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  let list = field ?? [];
  if (!Array.isArray(list)) {
    list = [list];
  }

  return list
    .flatMap((entry) => entry.value.map((address) => address.address ?? ''))
    .filter(Boolean);
}

/** Starts listening, turning EADDRINUSE and other bind errors into a rejection naming the port. */
async function listen(
  emitter: EventEmitter,
  start: (done: () => void) => void,
  what: string,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error): void =>
      reject(new Error(`mail catcher cannot listen on ${what}: ${error.message}`));
    emitter.once('error', fail);
    start(() => {
      emitter.off('error', fail);
      resolve();
    });
  });
}

function serveWeb(
  messages: CaughtMail[],
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (request.method !== 'GET') {
    return send(response, 405, 'text/plain; charset=utf-8', 'Read-only: only GET is served.');
  }
  if (url.pathname === '/api/messages') {
    const list = messages.map(({ html: _html, ...summary }) => summary);

    return send(response, 200, 'application/json', JSON.stringify(list));
  }
  const apiMatch = /^\/api\/messages\/([0-9a-f-]+)$/.exec(url.pathname);
  if (apiMatch) {
    const mail = messages.find((candidate) => candidate.id === apiMatch[1]);

    return mail
      ? send(response, 200, 'application/json', JSON.stringify(mail))
      : send(response, 404, 'application/json', JSON.stringify({ message: 'Message introuvable' }));
  }
  const htmlMatch = /^\/messages\/([0-9a-f-]+)\.html$/.exec(url.pathname);
  if (htmlMatch) {
    const mail = messages.find((candidate) => candidate.id === htmlMatch[1]);
    if (!mail) {
      return send(response, 404, 'text/plain; charset=utf-8', 'Message introuvable');
    }
    const body = mail.html ?? `<pre>${escapeHtml(mail.text)}</pre>`;

    // The mail's own HTML is shown in a sandboxed frame without scripts or remote loads.
    return send(response, 200, 'text/html; charset=utf-8', body, {
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    });
  }
  if (url.pathname === '/') {
    return send(
      response,
      200,
      'text/html; charset=utf-8',
      renderIndex(messages, url.searchParams.get('id')),
    );
  }
  send(response, 404, 'text/plain; charset=utf-8', 'Not found');
}

function renderIndex(messages: CaughtMail[], selectedId: string | null): string {
  const selected = messages.find((mail) => mail.id === selectedId) ?? messages[0];
  const rows = messages
    .map((mail) => {
      const current = mail === selected ? ' class="selected"' : '';

      return (
        `<tr${current}><td>${escapeHtml(new Date(mail.date).toLocaleString('fr-FR'))}</td>` +
        `<td>${escapeHtml(mail.to.join(', '))}</td>` +
        `<td><a href="/?id=${mail.id}">${escapeHtml(mail.subject || '(sans objet)')}</a></td></tr>`
      );
    })
    .join('\n');
  const preview = selected
    ? `<h2>${escapeHtml(selected.subject)}</h2><p>De : ${escapeHtml(selected.from)}<br>` +
      `À : ${escapeHtml(selected.to.join(', '))}</p>` +
      `<iframe sandbox src="/messages/${selected.id}.html" title="Contenu du courriel"></iframe>`
    : '<p>Aucun courriel reçu pour l’instant.</p>';

  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Courriels reçus – TPS</title>
<meta http-equiv="refresh" content="10">
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#161616}
table{border-collapse:collapse;width:100%}td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:left}
tr.selected{background:#e3e3fd}iframe{width:100%;height:32rem;border:1px solid #ccc}
</style></head><body>
<h1>Courriels reçus (${messages.length})</h1>
<p>Serveur SMTP local de TPS : rien n’est envoyé à l’extérieur. Liste en JSON : <a href="/api/messages">/api/messages</a>.</p>
<table><thead><tr><th>Date</th><th>Destinataire</th><th>Objet</th></tr></thead><tbody>
${rows}
</tbody></table>
${preview}
</body></html>`;
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(body);
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
