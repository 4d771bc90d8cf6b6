import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Runs each TPS app as a child process (`node dist/apps/<name>/src/main.js`), forwards its log
 * lines to this process's output, and waits for its `/ready` endpoint.
 */

export const APP_NAMES = [
  'procedures',
  'dossiers',
  'enrichment',
  'notifications',
  'gateway',
] as const;
export type AppName = (typeof APP_NAMES)[number];

/** HTTP port of each app's probes (and of the API for the gateway), as in .env.example. */
export const APP_PORTS: Record<AppName, number> = {
  gateway: 3000,
  procedures: 3001,
  dossiers: 3002,
  notifications: 3003,
  enrichment: 3004,
};

const STOP_GRACE_MS = 10000;

export class AppProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);
  /** Set once stop() was called, so an exit is not reported as a crash. */
  private stopping = false;

  constructor(
    readonly name: AppName,
    readonly port: number,
    private readonly rootDir: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the app; `onUnexpectedExit` is called when it exits before stop() was called. */
  start(
    env: Record<string, string | undefined>,
    onUnexpectedExit: (code: number | null) => void,
  ): void {
    const main = join(this.rootDir, 'dist', 'apps', this.name, 'src', 'main.js');
    if (!existsSync(main)) {
      throw new Error(`${main} does not exist: run npm run build first`);
    }
    const child = spawn(process.execPath, [main], {
      cwd: this.rootDir,
      env: { ...env, HTTP_PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    this.forward(child.stdout, process.stdout);
    this.forward(child.stderr, process.stderr);
    child.once('exit', (code) => {
      if (!this.stopping) {
        onUnexpectedExit(code);
      }
    });
  }

  /** Polls GET /ready until it returns 200; rejects when the app exits or after `timeoutMs`. */
  async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastProblem = 'no response yet';
    while (Date.now() < deadline) {
      if (this.child?.exitCode !== null) {
        throw new Error(
          `${this.name} exited with code ${this.child?.exitCode} before it was ready`,
        );
      }
      try {
        const response = await fetch(`${this.url}/ready`, { signal: AbortSignal.timeout(2000) });
        if (response.ok) {
          return;
        }
        lastProblem = `/ready returned ${response.status}: ${(await response.text()).slice(0, 300)}`;
      } catch (error) {
        lastProblem = (error as Error).message;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${this.name} was not ready after ${timeoutMs / 1000} s (${lastProblem})`);
  }

  /** Sends SIGTERM, then SIGKILL when the app has not exited after a grace period. */
  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      console.error(`${this.name} did not stop within ${STOP_GRACE_MS / 1000} s: killing it`);
      child.kill('SIGKILL');
    }, STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }

  /** JSON log lines (pino) pass as they are, since they carry the service name; others get a prefix. */
  private forward(stream: NodeJS.ReadableStream | null, target: NodeJS.WritableStream): void {
    if (!stream) {
      return;
    }
    const prefix = `[${this.name}] `;
    createInterface({ input: stream }).on('line', (line) => {
      target.write(line.startsWith('{') ? `${line}\n` : `${prefix}${line}\n`);
    });
  }
}
