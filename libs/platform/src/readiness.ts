/** A named dependency check run by `/ready`; it throws when the dependency is not usable. */
export type ReadinessCheck = () => Promise<void>;

/** Checks that `/ready` runs. Each module adds the dependencies it cannot work without. */
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  add(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  /** Runs every check with a timeout and reports each one's outcome. */
  async run(timeoutMs = 2000): Promise<{ ready: boolean; checks: Record<string, string> }> {
    const results: Record<string, string> = {};
    let ready = true;
    await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            check(),
            new Promise((_, reject) => {
              timer = setTimeout(
                () => reject(new Error(`timed out after ${timeoutMs} ms`)),
                timeoutMs,
              );
            }),
          ]);
          results[name] = 'ok';
        } catch (error) {
          ready = false;
          results[name] = error instanceof Error ? error.message : String(error);
        } finally {
          clearTimeout(timer);
        }
      }),
    );

    return { ready, checks: results };
  }
}

/** Registers the checks every service with a database and the event bus needs. */
export function addDatabaseAndNatsChecks(
  readiness: ReadinessRegistry,
  dataSource: { query(sql: string): Promise<unknown> },
  bus: { readonly isConnected: boolean },
): void {
  readiness.add('database', async () => {
    await dataSource.query('SELECT 1');
  });
  readiness.add('nats', async () => {
    if (!bus.isConnected) {
      throw new Error('NATS connection closed');
    }
  });
}
