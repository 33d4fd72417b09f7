/*
 * Pacing for digest posts. Slack allows chat.postMessage about one message per second per channel (short
 * bursts tolerated) plus a workspace-wide limit, and answers 429 with Retry-After when we overdo it.
 * Everything here takes the time as an argument, so it is deterministic under test; only waitForSlot()
 * touches timers, through an injected sleep.
 */

export interface RateLimiterOptions {
  /** Minimum gap between two posts to the same channel. */
  perChannelIntervalMs?: number;
  /** Global token bucket: sustained posts per second across all channels. */
  globalPerSecond?: number;
  /** Global token bucket size: how many posts may go out back to back after a quiet spell. */
  globalBurst?: number;
}

export type Acquire = { ok: true } | { ok: false; retryInMs: number };

export class DigestRateLimiter {
  private readonly intervalMs: number;
  private readonly ratePerMs: number;
  private readonly capacity: number;
  private tokens: number;
  private refilledAt: number | null = null;
  private readonly channelNextAt = new Map<string, number>();
  /** Set from a 429's Retry-After: nothing goes out anywhere before this. */
  private globalPausedUntil = 0;

  constructor(options: RateLimiterOptions = {}) {
    this.intervalMs = options.perChannelIntervalMs ?? 1000;
    this.ratePerMs = (options.globalPerSecond ?? 1) / 1000;
    this.capacity = options.globalBurst ?? 5;
    if (this.ratePerMs <= 0 || this.capacity < 1)
      throw new RangeError('global rate and burst must be positive');
    this.tokens = this.capacity;
  }

  private refill(nowMs: number): void {
    if (this.refilledAt !== null && nowMs > this.refilledAt) {
      this.tokens = Math.min(this.capacity, this.tokens + (nowMs - this.refilledAt) * this.ratePerMs);
    }
    // Never move the refill clock backwards, so an out-of-order `now` cannot mint tokens twice.
    if (this.refilledAt === null || nowMs > this.refilledAt) this.refilledAt = nowMs;
  }

  /**
   * Takes a send permit for channelId if both the channel gap and the global bucket allow it now; otherwise
   * consumes nothing and says how long to wait before asking again.
   */
  tryAcquire(channelId: string, nowMs: number): Acquire {
    this.refill(nowMs);
    const waits: number[] = [];
    if (nowMs < this.globalPausedUntil) waits.push(this.globalPausedUntil - nowMs);
    const channelAt = this.channelNextAt.get(channelId) ?? 0;
    if (nowMs < channelAt) waits.push(channelAt - nowMs);
    if (this.tokens < 1) waits.push(Math.ceil((1 - this.tokens) / this.ratePerMs));
    if (waits.length > 0) return { ok: false, retryInMs: Math.max(...waits) };
    this.tokens -= 1;
    this.channelNextAt.set(channelId, nowMs + this.intervalMs);
    this.pruneChannels(nowMs);
    return { ok: true };
  }

  /**
   * Records a 429. Slack's chat.postMessage limits are per channel and per workspace, and the response does
   * not say which one tripped, so both the channel and the whole limiter wait out Retry-After.
   */
  onRateLimited(channelId: string, retryAfterSeconds: number, nowMs: number): void {
    const until = nowMs + Math.max(0, retryAfterSeconds) * 1000;
    this.channelNextAt.set(channelId, Math.max(this.channelNextAt.get(channelId) ?? 0, until));
    this.globalPausedUntil = Math.max(this.globalPausedUntil, until);
  }

  /** Loops tryAcquire with injected clock and sleep (real timers in the app, fakes in tests). */
  async waitForSlot(
    channelId: string,
    now: () => number,
    sleep: (ms: number) => Promise<void>,
  ): Promise<void> {
    for (;;) {
      const r = this.tryAcquire(channelId, now());
      if (r.ok) return;
      await sleep(r.retryInMs);
    }
  }

  /** Forget channels whose gap has passed, so a long-running process does not keep one entry per channel. */
  private pruneChannels(nowMs: number): void {
    if (this.channelNextAt.size < 1000) return;
    for (const [channel, at] of this.channelNextAt) if (at <= nowMs) this.channelNextAt.delete(channel);
  }
}

export interface RetryDelayOptions {
  /** First backoff step. */
  baseMs?: number;
  /** Upper bound for one backoff step. */
  maxMs?: number;
  /** Returns a number in [0, 1); Math.random in the app, a constant in tests. */
  random?: () => number;
}

/**
 * How long to wait before retry number `attempt` (1 = the first retry).
 * - With a Retry-After (Slack's 429) the wait is exactly that many seconds: Slack asked for it, and waiting
 *   less only earns another 429.
 * - Otherwise (5xx, timeouts) exponential backoff with "equal jitter": half the step fixed, half random,
 *   so instances that failed together do not all retry in the same instant yet never retry immediately.
 */
export function retryDelay(
  attempt: number,
  retryAfterSeconds?: number,
  options: RetryDelayOptions = {},
): number {
  if (retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0) {
    return Math.ceil(retryAfterSeconds * 1000);
  }
  const base = options.baseMs ?? 1000;
  const max = options.maxMs ?? 5 * 60 * 1000;
  const random = options.random ?? Math.random;
  const n = Math.max(1, Math.floor(attempt));
  // Cap the exponent first so a large attempt number cannot overflow to Infinity.
  const step = Math.min(max, base * 2 ** Math.min(n - 1, 30));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Whether an HTTP outcome is worth retrying: rate limits and server-side or network trouble, not 4xx. */
export function isRetryableStatus(status: number | undefined): boolean {
  if (status === undefined) return true; // no response at all: timeout or connection reset
  return status === 429 || status === 408 || status >= 500;
}
