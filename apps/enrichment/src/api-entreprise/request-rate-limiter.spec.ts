import { RequestRateLimiter } from './request-rate-limiter';

describe('RequestRateLimiter', () => {
  it('allows calls up to the quota', () => {
    const limiter = new RequestRateLimiter(2);
    expect(limiter.tryAcquire(1000)).toEqual({ allowed: true });
    expect(limiter.tryAcquire(2000)).toEqual({ allowed: true });
    expect(limiter.tryAcquire(3000)).toEqual({ allowed: false, retryAt: 61000 });
  });

  it('frees a call after one minute', () => {
    const limiter = new RequestRateLimiter(1);
    expect(limiter.tryAcquire(1000).allowed).toBe(true);
    expect(limiter.tryAcquire(60999).allowed).toBe(false);
    expect(limiter.tryAcquire(61000).allowed).toBe(true);
  });

  it('blocks every call until Retry-After', () => {
    const limiter = new RequestRateLimiter(100);
    limiter.blockUntil(5000);
    expect(limiter.tryAcquire(4999)).toEqual({ allowed: false, retryAt: 5000 });
    expect(limiter.tryAcquire(5000)).toEqual({ allowed: true });
  });

  it('keeps the later block', () => {
    const limiter = new RequestRateLimiter(100);
    limiter.blockUntil(5000);
    limiter.blockUntil(3000);
    expect(limiter.blockedUntilMs).toBe(5000);
  });

  it('counts seeded calls of the last minute', () => {
    const limiter = new RequestRateLimiter(2);
    limiter.seed([1_000, 50_000], 65_000);
    expect(limiter.tryAcquire(65_000)).toEqual({ allowed: true });
    expect(limiter.tryAcquire(65_001)).toEqual({ allowed: false, retryAt: 110_000 });
  });
});
