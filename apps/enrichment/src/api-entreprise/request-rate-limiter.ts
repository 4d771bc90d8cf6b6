const WINDOW_MS = 60_000;

/**
 * Client-side quota for API Entreprise, shared by interactive lookups and the retry worker of
 * one process: at most `maxPerMinute` calls in any sliding minute, and no call at all before
 * the instant a 429's `Retry-After` named.
 */
export class RequestRateLimiter {
  private readonly sentAt: number[] = [];
  private blockedUntil = 0;

  constructor(private readonly maxPerMinute: number) {}

  /**
   * Takes one call from the quota when it is free. Otherwise returns the earliest instant
   * (epoch milliseconds) at which a call will be allowed.
   */
  tryAcquire(now = Date.now()): { allowed: true } | { allowed: false; retryAt: number } {
    if (now < this.blockedUntil) {
      return { allowed: false, retryAt: this.blockedUntil };
    }
    while (this.sentAt.length > 0 && this.sentAt[0] <= now - WINDOW_MS) {
      this.sentAt.shift();
    }
    if (this.sentAt.length >= this.maxPerMinute) {
      return { allowed: false, retryAt: this.sentAt[0] + WINDOW_MS };
    }
    this.sentAt.push(now);

    return { allowed: true };
  }

  /**
   * Counts calls made before this process started (from the call log), so that a restart does
   * not open a fresh quota window.
   */
  seed(sentAt: number[], now = Date.now()): void {
    const recent = sentAt.filter((at) => at > now - WINDOW_MS && at <= now);
    this.sentAt.push(...recent);
    this.sentAt.sort((a, b) => a - b);
  }

  /** Blocks every call until `until` (epoch milliseconds), e.g. after a 429 with Retry-After. */
  blockUntil(until: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, until);
  }

  /** Instant before which no call may be made, or 0 when calls are allowed by Retry-After. */
  get blockedUntilMs(): number {
    return this.blockedUntil;
  }
}
