/** Latency samples of one measured operation and the figures printed from them. */
export interface LatencySummary {
  label: string;
  /** Completed requests (the sample size). */
  count: number;
  errors: number;
  concurrency: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Completed requests per second over the wall-clock time of the whole run. */
  throughputPerSecond: number;
}

/** Nearest-rank percentile of sorted samples. `fraction` is between 0 and 1. */
export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const rank = Math.ceil(fraction * sorted.length);

  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/**
 * Runs `operation(0 … total-1)` with `concurrency` workers that each take the next index, and
 * times every call. A failed call counts as an error and keeps its first message.
 */
export async function measure(
  label: string,
  total: number,
  concurrency: number,
  operation: (index: number) => Promise<unknown>,
): Promise<LatencySummary & { firstError?: string }> {
  const samples: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      const index = next;
      next += 1;
      const start = performance.now();
      try {
        await operation(index);
        samples.push(performance.now() - start);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  const runStart = performance.now();
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  const elapsedSeconds = (performance.now() - runStart) / 1000;
  samples.sort((a, b) => a - b);

  return {
    label,
    count: samples.length,
    errors,
    concurrency,
    p50Ms: percentile(samples, 0.5),
    p95Ms: percentile(samples, 0.95),
    p99Ms: percentile(samples, 0.99),
    maxMs: samples[samples.length - 1] ?? Number.NaN,
    throughputPerSecond: samples.length / elapsedSeconds,
    firstError,
  };
}

export function formatLatencyRow(summary: LatencySummary): string {
  const ms = (value: number): string => value.toFixed(1).padStart(7);

  return (
    `${summary.label.padEnd(36)} n=${String(summary.count).padStart(4)} c=${summary.concurrency}` +
    ` p50 ${ms(summary.p50Ms)} ms  p95 ${ms(summary.p95Ms)} ms  p99 ${ms(summary.p99Ms)} ms` +
    `  max ${ms(summary.maxMs)} ms  ${summary.throughputPerSecond.toFixed(0).padStart(5)} req/s` +
    (summary.errors > 0 ? `  errors ${summary.errors}` : '')
  );
}
