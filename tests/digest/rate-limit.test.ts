import { DigestRateLimiter, isRetryableStatus, retryDelay } from '../../src/digest/rate-limit';

describe('DigestRateLimiter per channel', () => {
  it('allows about one message per second per channel', () => {
    const limiter = new DigestRateLimiter({
      perChannelIntervalMs: 1000,
      globalPerSecond: 100,
      globalBurst: 100,
    });
    expect(limiter.tryAcquire('C1', 0)).toEqual({ ok: true });
    expect(limiter.tryAcquire('C1', 400)).toEqual({ ok: false, retryInMs: 600 });
    expect(limiter.tryAcquire('C1', 1000)).toEqual({ ok: true });
  });

  it('does not hold one channel back because of another', () => {
    const limiter = new DigestRateLimiter({
      perChannelIntervalMs: 1000,
      globalPerSecond: 100,
      globalBurst: 100,
    });
    expect(limiter.tryAcquire('C1', 0).ok).toBe(true);
    expect(limiter.tryAcquire('C2', 0).ok).toBe(true);
    expect(limiter.tryAcquire('C3', 1).ok).toBe(true);
  });

  it('consumes nothing when refusing', () => {
    const limiter = new DigestRateLimiter({ perChannelIntervalMs: 1000, globalPerSecond: 1, globalBurst: 1 });
    expect(limiter.tryAcquire('C1', 0).ok).toBe(true);
    // C1 is refused for its channel gap; that refusal must not spend C2's global token at t=1000.
    expect(limiter.tryAcquire('C1', 500).ok).toBe(false);
    expect(limiter.tryAcquire('C2', 1000)).toEqual({ ok: true });
  });
});

describe('DigestRateLimiter global token bucket', () => {
  it('allows a burst, then paces to the sustained rate', () => {
    const limiter = new DigestRateLimiter({ perChannelIntervalMs: 1000, globalPerSecond: 2, globalBurst: 3 });
    expect(['A', 'B', 'C'].map((c) => limiter.tryAcquire(c, 0).ok)).toEqual([true, true, true]);
    expect(limiter.tryAcquire('D', 0)).toEqual({ ok: false, retryInMs: 500 });
    expect(limiter.tryAcquire('D', 499).ok).toBe(false);
    expect(limiter.tryAcquire('D', 500).ok).toBe(true);
    expect(limiter.tryAcquire('E', 500).ok).toBe(false);
  });

  it('refills no further than the burst size after a quiet spell', () => {
    const limiter = new DigestRateLimiter({ globalPerSecond: 1, globalBurst: 2 });
    limiter.tryAcquire('A', 0);
    const later = 3_600_000;
    expect(['B', 'C', 'D'].map((c) => limiter.tryAcquire(c, later).ok)).toEqual([true, true, false]);
  });

  it('does not mint tokens when time appears to go backwards', () => {
    const limiter = new DigestRateLimiter({ globalPerSecond: 1, globalBurst: 1 });
    expect(limiter.tryAcquire('A', 10_000).ok).toBe(true);
    expect(limiter.tryAcquire('B', 5_000).ok).toBe(false);
    expect(limiter.tryAcquire('B', 10_000).ok).toBe(false);
  });
});

describe('DigestRateLimiter and Retry-After', () => {
  it('holds everything back until Retry-After has passed', () => {
    const limiter = new DigestRateLimiter({ globalPerSecond: 100, globalBurst: 100 });
    limiter.onRateLimited('C1', 30, 0);
    expect(limiter.tryAcquire('C1', 1000)).toEqual({ ok: false, retryInMs: 29_000 });
    expect(limiter.tryAcquire('C2', 1000)).toEqual({ ok: false, retryInMs: 29_000 });
    expect(limiter.tryAcquire('C1', 30_000).ok).toBe(true);
  });

  it('waitForSlot sleeps the advised time through an injected clock', async () => {
    const limiter = new DigestRateLimiter({
      perChannelIntervalMs: 1000,
      globalPerSecond: 100,
      globalBurst: 100,
    });
    let clock = 0;
    const sleeps: number[] = [];
    const sleep = async (ms: number) => {
      sleeps.push(ms);
      clock += ms;
    };
    await limiter.waitForSlot('C1', () => clock, sleep);
    await limiter.waitForSlot('C1', () => clock, sleep);
    await limiter.waitForSlot('C1', () => clock, sleep);
    expect(sleeps).toEqual([1000, 1000]);
    expect(clock).toBe(2000);
  });
});

describe('retryDelay', () => {
  it("honours Slack's Retry-After exactly", () => {
    expect(retryDelay(1, 30)).toBe(30_000);
    expect(retryDelay(7, 1.5)).toBe(1500);
    expect(retryDelay(3, 0)).toBe(0);
  });

  it('backs off exponentially with jitter when there is no Retry-After', () => {
    const low = { baseMs: 1000, maxMs: 60_000, random: () => 0 };
    const high = { baseMs: 1000, maxMs: 60_000, random: () => 0.999999 };
    expect([1, 2, 3, 4].map((a) => retryDelay(a, undefined, low))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((a) => retryDelay(a, undefined, high))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelay(2, undefined, { baseMs: 1000, random: () => 0.5 })).toBe(1500);
  });

  it('caps the step and survives huge attempt numbers', () => {
    const opts = { baseMs: 1000, maxMs: 60_000, random: () => 0.999999 };
    expect(retryDelay(10, undefined, opts)).toBe(60_000);
    expect(retryDelay(10_000, undefined, opts)).toBe(60_000);
  });

  it('ignores a malformed Retry-After and falls back to backoff', () => {
    expect(retryDelay(1, Number.NaN, { random: () => 0 })).toBe(500);
    expect(retryDelay(1, -5, { random: () => 0 })).toBe(500);
  });
});

describe('isRetryableStatus', () => {
  it('retries 429, 408, 5xx and no response; not other 4xx', () => {
    expect([429, 408, 500, 502, 503, undefined].map(isRetryableStatus)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([400, 401, 403, 404].map(isRetryableStatus)).toEqual([false, false, false, false]);
  });
});
