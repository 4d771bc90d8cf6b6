import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';

import type { AccountView } from '@tps/contracts';
import type { AxeResults } from 'axe-core';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';

import { type Stack, type StackOptions, startStack } from './stack';

/**
 * Browser tests of the web front: Debian's Chromium driven by playwright-core, against a stack
 * from `startStack` whose gateway serves the built front. Paths are relative to the working
 * directory, which is the repository root under jest.
 */

/** Flags for a headless Chromium that contacts nothing but the site under test. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Desktop width, so the DSFR header shows its account tools instead of the « Menu » button. */
export const DESKTOP_VIEWPORT = { width: 1280, height: 900 };

const SCREENSHOTS_DIR = join('test-artifacts', 'screenshots');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Returns the absolute directory of the built front: WEB_ROOT from the environment of the test
 * run, else dist/web. Throws when it contains no index.html, so a test never runs against a
 * gateway that returns the API's 404 at `/`.
 */
export function builtWebRoot(): string {
  const webRoot = resolve(process.env.WEB_ROOT || join('dist', 'web'));
  if (!existsSync(join(webRoot, 'index.html'))) {
    throw new Error(
      `No built web front in ${webRoot} (index.html is missing): run \`npm run build\` first ` +
        '(`npm test` does), or point WEB_ROOT at a directory built by `vite build`.',
    );
  }

  return webRoot;
}

/** Starts the whole platform with the gateway serving the built front (see `builtWebRoot`). */
export async function startWebStack(options: StackOptions = {}): Promise<Stack> {
  const webRoot = builtWebRoot();

  return startStack({ ...options, env: { WEB_ROOT: webRoot, ...options.env } });
}

/**
 * Launches Chromium from CHROMIUM_PATH, else /usr/bin/chromium. playwright-core gives it a fresh
 * temporary profile (--user-data-dir) and deletes it on close.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: install Debian's chromium package ` +
        '(apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }

  // Chromium on Linux takes its interface language from LANGUAGE (it ignores --lang), so native
  // controls such as file inputs and date fields read as in a French user's browser. The French
  // strings come with Debian's chromium-l10n package.
  return chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, LANGUAGE: 'fr' },
  });
}

/** One browser context on the site, with what went wrong in it so far. */
export interface SiteSession {
  context: BrowserContext;
  page: Page;
  /**
   * Console errors, uncaught page errors, failed requests and HTTP responses of 400 and above,
   * one readable line each, in order. A 401 to GET /api/auth/me (signed out) is left out.
   */
  problems: string[];
  /**
   * Fails with the list of recorded problems that match none of `allowed`, then clears the
   * list, so each step of a test checks only its own requests.
   */
  expectNoProblems(allowed?: RegExp[]): void;
  close(): Promise<void>;
}

/**
 * Opens a context whose relative URLs go to `baseURL` (the stack's gatewayUrl), in French, at
 * desktop size, and records the problems of every page it opens.
 */
export async function openSite(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<SiteSession> {
  const context = await browser.newContext({
    baseURL,
    locale: 'fr-FR',
    viewport: DESKTOP_VIEWPORT,
    ...options,
  });
  const problems: string[] = [];
  context.on('console', (message) => {
    // Chromium also logs every HTTP error as a console error; the response listener below
    // records those with their method and URL.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console error: ${message.text()} (${message.location().url})`);
    }
  });
  context.on('weberror', (error) => {
    problems.push(`uncaught error: ${error.error().message}`);
  });
  context.on('requestfailed', (request) => {
    // A navigation aborts the requests still in flight on the page it leaves; that is no fault.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') {
      return;
    }
    problems.push(
      `request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`,
    );
  });
  context.on('response', (response) => {
    const request = response.request();
    const status = response.status();
    if (status < 400 || isSignedOutProbe(request.method(), response.url(), status)) {
      return;
    }
    problems.push(`HTTP ${status}: ${request.method()} ${response.url()}`);
  });
  const page = await context.newPage();

  return {
    context,
    page,
    problems,
    expectNoProblems(allowed = []) {
      const unexpected = problems.filter(
        (problem) => !allowed.some((pattern) => pattern.test(problem)),
      );
      problems.length = 0;
      expect(unexpected).toEqual([]);
    },
    close: () => context.close(),
  };
}

/**
 * Creates an account through POST /api/auth/sign-up from the session's context, so its pages
 * share the session cookie; pages already open see it after a reload. Faster than the form,
 * for tests about other pages. Returns the AccountView.
 */
export async function signUpThroughApi(
  site: SiteSession,
  email: string,
  password: string,
): Promise<AccountView> {
  const response = await site.context.request.post('/api/auth/sign-up', {
    data: { email, password },
  });
  if (response.status() !== 201) {
    throw new Error(
      `sign-up of ${email} failed with HTTP ${response.status()}: ${await response.text()}`,
    );
  }

  return (await response.json()) as AccountView;
}

/** Tells the 401 of GET /api/auth/me, requested on every load, which only means "signed out". */
function isSignedOutProbe(method: string, url: string, status: number): boolean {
  return method === 'GET' && status === 401 && new URL(url).pathname === '/api/auth/me';
}

const screenshotCounters = new Map<string, number>();

/**
 * Saves a full-page screenshot to test-artifacts/screenshots/<spec>/<NN-name>.png, where <spec>
 * is the test file's name without .spec.ts and NN counts the screenshots of that file. Returns
 * the path.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const testPath = expect.getState().testPath ?? 'unknown.spec.ts';
  const spec = basename(testPath).replace(/\.spec\.ts$/, '');
  const number = (screenshotCounters.get(spec) ?? 0) + 1;
  screenshotCounters.set(spec, number);
  const directory = join(SCREENSHOTS_DIR, spec);
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `${String(number).padStart(2, '0')}-${slug(name)}.png`);
  await page.screenshot({ path: file, fullPage: true });

  return file;
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface AxeViolationSummary {
  id: string;
  impact: string;
  help: string;
  targets: string[];
  count: number;
}

const requireFromRoot = createRequire(join(process.cwd(), 'package.json'));
let axeSource: string | undefined;

/**
 * Runs axe-core on the current page with the WCAG 2.0, 2.1 and 2.2 A and AA rules, and fails
 * with one line per serious or critical violation (rule id, impact, help text, first targets).
 * Minor and moderate findings do not fail the test.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  // A dialog that is still fading in (the DSFR modal's 0.3 s opacity transition) has text of
  // too little contrast, so axe would report the transition instead of the page.
  await page.evaluate(async () => {
    const { document } = globalThis as unknown as {
      document: { getAnimations(): { finished: Promise<unknown> }[] };
    };
    await Promise.all(document.getAnimations().map((animation) => animation.finished));
  });
  const alreadyLoaded = await page.evaluate(() => 'axe' in globalThis);
  if (!alreadyLoaded) {
    // page.addScriptTag would add an inline <script>, which the site's CSP (script-src 'self')
    // blocks. Playwright's evaluation runs outside the CSP and leaves the policy on for the app.
    axeSource ??= readFileSync(requireFromRoot.resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
  }
  const violations = await page.evaluate(async (tags): Promise<AxeViolationSummary[]> => {
    // Runs in the page; the tests' tsconfig has no DOM types, hence globalThis.
    const { axe } = globalThis as unknown as {
      axe: { run(options: object): Promise<AxeResults> };
    };
    const results = await axe.run({
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });

    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
      count: violation.nodes.length,
    }));
  }, AXE_TAGS);

  const blocking = violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact))
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}; ` +
        `${violation.count} element(s), e.g. ${violation.targets.join(' | ')}`,
    );
  if (blocking.length > 0) {
    throw new Error(
      `${label}: ${blocking.length} serious or critical accessibility violation(s) ` +
        `at ${page.url()}:\n  - ${blocking.join('\n  - ')}`,
    );
  }
}
