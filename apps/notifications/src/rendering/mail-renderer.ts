import Handlebars from 'handlebars';
import type { RenderedEmail } from '@tps/contracts';

import { normalizeTag, TAG_PATTERN, type TagValues } from './mail-tags';

/** Administrator text of one e-mail: subject and body with `--tag--` placeholders. */
export interface MailTemplateText {
  subject: string;
  body: string;
}

type Mode = 'html' | 'plain';

/** Context keys that stand for the three characters Handlebars could read as syntax. */
const LITERAL_KEYS: Record<string, string> = { '\\': 'bs', '{': 'lb', '}': 'rb' };

/** Tags whose value is a URL: the HTML part shows them as a link. */
const LINK_TAGS: ReadonlySet<string> = new Set(['lien dossier']);

/** Every built-in helper, declared unknown so that `knownHelpersOnly` rejects each of them. */
const NO_KNOWN_HELPERS = {
  helperMissing: false,
  blockHelperMissing: false,
  each: false,
  if: false,
  unless: false,
  with: false,
  log: false,
  lookup: false,
};

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
  '=': '&#61;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (char) => HTML_ESCAPES[char]);
}

/** One template text turned into Handlebars source plus the data it reads. */
interface CompiledText {
  source: string;
  context: Record<string, string>;
}

/**
 * Renders administrator templates into the subject, HTML and text parts of an e-mail.
 *
 * The administrator's text is never interpreted. Each `{`, `}` and `\` it contains becomes a
 * lookup of a constant, so `{{constructor}}` or `{{#with}}` come out as written. Each `--tag--`
 * becomes a lookup of its value by position in a prototype-free context. Handlebars
 * runs in its own environment with no helpers and no partials, `knownHelpersOnly`, and
 * prototype access disabled. In the HTML part the administrator's text and the values are
 * HTML-escaped, and line breaks, in the text or inside a value, become `<br>`. The subject and
 * the text part are plain.
 */
export class MailRenderer {
  private readonly handlebars: typeof Handlebars;

  constructor() {
    this.handlebars = Handlebars.create();
    for (const name of Object.keys(this.handlebars.helpers)) {
      this.handlebars.unregisterHelper(name);
    }
    for (const name of Object.keys(this.handlebars.partials)) {
      this.handlebars.unregisterPartial(name);
    }
  }

  render(template: MailTemplateText, values: TagValues): RenderedEmail {
    const subject = this.renderPlain(template.subject, values)
      .replace(/\s*[\r\n]+\s*/g, ' ')
      .trim();
    const body = withoutEmptyTagLines(normalizeNewlines(template.body), values);
    const text = this.renderPlain(body, values);
    const paragraphs = body
      .split(/\n(?:[ \t]*\n)+/)
      .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
      .filter((paragraph) => paragraph.trim() !== '')
      .map((paragraph) => {
        const lines = paragraph.split('\n').map((line) => this.renderLine(line, values, 'html'));

        return `<p style="margin:0 0 16px 0;">${lines.join('<br>\n')}</p>`;
      });

    return { subject, html: layout(subject, paragraphs.join('\n')), text };
  }

  private renderPlain(text: string, values: TagValues): string {
    return normalizeNewlines(text)
      .split('\n')
      .map((line) => this.renderLine(line, values, 'plain'))
      .join('\n');
  }

  /** Renders one line (tags never span lines). */
  private renderLine(line: string, values: TagValues, mode: Mode): string {
    const compiled = toHandlebarsSource(line, values, mode);
    const template = this.handlebars.compile(compiled.source, {
      knownHelpers: NO_KNOWN_HELPERS,
      knownHelpersOnly: true,
      noEscape: mode === 'plain',
      strict: false,
      preventIndent: true,
    });

    return template(compiled.context, {
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
      allowCallsToHelperMissing: false,
    });
  }
}

function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Value of a `--tag--` written as `name`, or '' for an unknown tag. */
function tagValue(values: TagValues, name: string): string {
  const normalized = normalizeTag(name);

  return Object.hasOwn(values, normalized) ? values[normalized] : '';
}

/**
 * Leaves out the body lines made only of tags that all have no value, e.g. a `--motivation--`
 * line when the instructor wrote none. An optional value thus leaves no empty line. When such a
 * line follows a blank line or starts the body, the blank lines after it go too, so that no
 * paragraph gap doubles.
 */
function withoutEmptyTagLines(body: string, values: TagValues): string {
  const keptLines: string[] = [];
  let skipBlankLines = false;
  for (const line of body.split('\n')) {
    const isBlank = line.trim() === '';
    if (skipBlankLines && isBlank) {
      continue;
    }
    skipBlankLines = false;
    if (isEmptyTagLine(line, values)) {
      const previous = keptLines.at(-1);
      skipBlankLines = previous === undefined || previous.trim() === '';
      continue;
    }
    keptLines.push(line);
  }

  return keptLines.join('\n');
}

function isEmptyTagLine(line: string, values: TagValues): boolean {
  const tags = [...line.matchAll(TAG_PATTERN)];

  return (
    tags.length > 0 &&
    line.replace(TAG_PATTERN, '').trim() === '' &&
    tags.every((match) => tagValue(values, match[1]).trim() === '')
  );
}

/**
 * Builds the Handlebars source of one line. Literal text keeps no `{`, `}` or `\`, because each
 * one becomes a lookup of `bs`, `lb` or `rb`. Tag `n` reads `t<n>`, the tag's value or ''. In
 * HTML a value with line breaks reads one key per line, `t<n>_<line>`, joined by `<br>`.
 */
function toHandlebarsSource(line: string, values: TagValues, mode: Mode): CompiledText {
  const context = Object.create(null) as Record<string, string>;
  context.bs = '\\';
  context.lb = '{';
  context.rb = '}';
  let source = '';
  let last = 0;
  let index = 0;
  for (const match of line.matchAll(TAG_PATTERN)) {
    source += literal(line.slice(last, match.index), mode);
    const key = `t${index++}`;
    const name = normalizeTag(match[1]);
    const value = tagValue(values, name);
    // The value is HTML-escaped by `{{…}}` in the attribute too, and only http(s) URLs get a link.
    const isLink = mode === 'html' && LINK_TAGS.has(name) && /^https?:\/\/\S*$/.test(value);
    if (isLink) {
      context[key] = value;
      source += `<a href="{{${key}}}">{{${key}}}</a>`;
    } else if (mode === 'html') {
      // Each line stays escaped by `{{…}}`; only the `<br>` between them is markup.
      const lineKeys = value.split(/\r\n?|\n/).map((valueLine, lineIndex) => {
        const lineKey = `${key}_${lineIndex}`;
        context[lineKey] = valueLine;

        return `{{${lineKey}}}`;
      });
      source += lineKeys.join('<br>\n');
    } else {
      context[key] = value;
      source += `{{${key}}}`;
    }
    last = match.index + match[0].length;
  }
  source += literal(line.slice(last), mode);

  return { source, context };
}

function literal(text: string, mode: Mode): string {
  const shown = mode === 'html' ? escapeHtml(text) : text;

  return shown.replace(/[\\{}]/g, (char) => `{{${LITERAL_KEYS[char]}}}`);
}

/** Simple French e-mail layout with inline styles, as mail clients ignore style sheets. */
function layout(subject: string, content: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    '<body style="margin:0;padding:0;background-color:#f6f6f6;">',
    '<div style="max-width:600px;margin:0 auto;padding:24px;background-color:#ffffff;' +
      'font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#161616;">',
    content,
    '<p style="margin:24px 0 0 0;padding-top:16px;border-top:1px solid #dddddd;' +
      'font-size:13px;color:#666666;">Ce courriel a été envoyé automatiquement, ' +
      'merci de ne pas y répondre.</p>',
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}
