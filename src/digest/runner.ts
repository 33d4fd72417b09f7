import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import { deliverChart } from '../slack/deliver';
import type { AppDeps } from '../slack/deps';
import type { DigestState, Subscription } from '../store/types';
import { buildDigest, type DigestContent } from './message';
import {
  type Clock,
  classifySlackError,
  findPostedDigest,
  type PostResult,
  postDigest,
  systemClock,
} from './deliver';
import { DigestRateLimiter, type RateLimiterOptions, retryDelay } from './rate-limit';
import { DEFAULT_MAX_CATCH_UP_MS, dueSlots } from './schedule';

/*
 * The digest scheduler. tick(now) does one pass: for every active subscription it asks dueSlots what is due
 * (after its last ledger slot), and it picks up ledger rows that are retryable (failed with a retryAt that has
 * come, or claimed by an instance whose lease ran out). Each slot is claimed in the store first, so across
 * any number of instances exactly one of them works on a slot; a re-claimed slot is looked up in the channel
 * history (message metadata) before anything is posted again.
 *
 * Order of one delivery: claim → build → post (with retries) → remember digest state → markSent → chart in the
 * digest's thread (best effort: a lost chart is better than a second digest). A crash anywhere before markSent
 * leaves a 'claimed' row; its lease expires, another tick re-claims it and finds the post by its metadata.
 *
 * Leases are short (DEFAULT_LEASE_MS, 30 s) so a killed instance's slots come free within half a minute, and a
 * heartbeat renews them (every DEFAULT_HEARTBEAT_MS, 10 s) while this instance is still working on them, so a
 * slow live delivery (Retry-After waits, backoff) keeps its claim. Only slots in flight are renewed: a delivery
 * that threw is forgotten at once, so its claim runs out like a dead instance's would. A renewal that finds
 * the slot taken over marks the delivery lost, and it posts nothing more.
 *
 * Time only comes from the `now` handed to tick() and from the injected clock (for waits), so tests drive
 * days of schedule in milliseconds.
 */

/** How long a claim protects a slot without a heartbeat: a dead instance's slots are free again after this. */
export const DEFAULT_LEASE_MS = 30_000;
/** How often the claims in flight are renewed. Three beats per lease, so one slow store call loses nothing. */
export const DEFAULT_HEARTBEAT_MS = 10_000;

export type RunnerDeps = Pick<AppDeps, 'core' | 'store' | 'logger' | 'charts'>;

export interface RunnerOptions {
  /** Identifies this instance in ledger claims. Default: a random id. */
  instanceId?: string;
  clock?: Clock;
  /** Digests found later than this after their slot are skipped (default DEFAULT_MAX_CATCH_UP_MS, 6 h). */
  maxCatchUpMs?: number;
  /** How long a claim protects a slot from other instances without a heartbeat (default DEFAULT_LEASE_MS). */
  leaseMs?: number;
  /** Time between lease renewals of the slots in flight (default DEFAULT_HEARTBEAT_MS; under leaseMs / 2). */
  heartbeatMs?: number;
  /** Slots delivered in parallel within one tick (default 16). Per-channel pacing is the limiter's job. */
  concurrency?: number;
  /** A shared limiter, or options for a new one. Default: 1 s per channel, 20/s overall, bursts of 20. */
  limiter?: DigestRateLimiter | RateLimiterOptions;
  /** Post attempts for 5xx / timeouts within one claim (default 3). */
  maxAttempts?: number;
  /** Claims of one slot before it is given up as failed for good (default 5). */
  maxClaims?: number;
  /** Post "the gap this week" chart in the digest's thread (default true). */
  charts?: boolean;
  /** For retryDelay's jitter; Math.random by default. */
  random?: () => number;
  /** Backoff base for retries (default 1000 ms). */
  backoffBaseMs?: number;
  /** Test hooks at the steps of a delivery; a throw here behaves like a crash at that step. */
  hooks?: {
    afterClaim?: (sub: Subscription, slot: Date) => void | Promise<void>;
    afterPost?: (sub: Subscription, slot: Date, ts: string) => void | Promise<void>;
  };
  /** Called after each successful chat.postMessage (not for digests found in history). */
  onPosted?: (sub: Subscription, slot: Date, ts: string) => void;
}

export type SlotOutcome =
  | 'posted'
  | 'found'
  | 'skipped'
  | 'no-new-data'
  | 'failed'
  | 'retry-later'
  | 'paused'
  | 'not-claimed'
  | 'lost'
  | 'crashed';

export interface TickReport {
  /** Slots this tick looked at, and what became of each. */
  outcomes: Record<SlotOutcome, number>;
}

/** Production default: Slack's ~1/s per channel; 20 posts/s in all keeps well inside workspace limits. */
export const DEFAULT_LIMITER: RateLimiterOptions = {
  perChannelIntervalMs: 1000,
  globalPerSecond: 20,
  globalBurst: 20,
};

interface WorkItem {
  sub: Subscription;
  slot: Date;
}

/** A slot this runner holds a claim on, while it works on it. */
interface HeldClaim extends WorkItem {
  /** Set by the heartbeat when the claim was found taken over: post nothing more. */
  lost: boolean;
}

/** Lease and heartbeat, checked: a heartbeat must fit at least twice in a lease, or one late beat loses it. */
export function leaseTimings(options: Pick<RunnerOptions, 'leaseMs' | 'heartbeatMs'>): {
  leaseMs: number;
  heartbeatMs: number;
} {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const heartbeatMs = options.heartbeatMs ?? Math.min(DEFAULT_HEARTBEAT_MS, Math.floor(leaseMs / 3));
  if (!(heartbeatMs > 0) || heartbeatMs * 2 > leaseMs) {
    throw new RangeError(
      `digest heartbeat (${heartbeatMs} ms) must be positive and at most half the lease (${leaseMs} ms)`,
    );
  }
  return { leaseMs, heartbeatMs };
}

export class DigestRunner {
  readonly instanceId: string;
  readonly limiter: DigestRateLimiter;
  private readonly clock: Clock;
  private readonly maxCatchUpMs: number;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly concurrency: number;
  /** Claims in flight, by `${subscriptionId}@${slot ms}`: what the heartbeat renews. */
  private readonly held = new Map<string, HeldClaim>();
  /**
   * buildDigest is pure, so within one tick subscriptions with the same places, indicators, zone, slot and
   * previous state (typically everyone on the defaults) share one build. Cleared at every tick.
   */
  private contentCache = new Map<string, DigestContent>();

  constructor(
    private readonly deps: RunnerDeps,
    private readonly client: WebClient,
    private readonly options: RunnerOptions = {},
  ) {
    this.instanceId = options.instanceId ?? `digest-${randomUUID().slice(0, 8)}`;
    this.clock = options.clock ?? systemClock;
    this.maxCatchUpMs = options.maxCatchUpMs ?? DEFAULT_MAX_CATCH_UP_MS;
    ({ leaseMs: this.leaseMs, heartbeatMs: this.heartbeatMs } = leaseTimings(options));
    this.concurrency = Math.max(1, options.concurrency ?? 16);
    this.limiter =
      options.limiter instanceof DigestRateLimiter
        ? options.limiter
        : new DigestRateLimiter(options.limiter ?? DEFAULT_LIMITER);
  }

  /** One pass over every active subscription and every retryable delivery. Never throws. */
  async tick(now: Date = this.clock.now()): Promise<TickReport> {
    const outcomes: Record<SlotOutcome, number> = {
      posted: 0,
      found: 0,
      skipped: 0,
      'no-new-data': 0,
      failed: 0,
      'retry-later': 0,
      paused: 0,
      'not-claimed': 0,
      lost: 0,
      crashed: 0,
    };
    this.contentCache = new Map();
    const started = this.clock.now().getTime();
    // `now` moves on with the clock while the tick runs, so claims made late in a long tick get fresh leases.
    const at = () => new Date(now.getTime() + (this.clock.now().getTime() - started));
    const { store, logger } = this.deps;
    let subs: Subscription[];
    let retryable: Awaited<ReturnType<typeof store.listRetryableDeliveries>>;
    try {
      subs = await store.listActiveSubscriptions();
      retryable = await store.listRetryableDeliveries(now);
    } catch (err) {
      logger.error({ err: String(err) }, 'digest tick: could not read the store');
      return { outcomes };
    }
    const byId = new Map(subs.map((s) => [s.id, s]));
    const work = new Map<string, WorkItem>();
    const add = (sub: Subscription, slot: Date) => work.set(`${sub.id}@${slot.getTime()}`, { sub, slot });

    for (const d of retryable) {
      const sub = byId.get(d.subscriptionId);
      if (sub) add(sub, d.slot);
    }
    await this.pool(subs, async (sub) => {
      try {
        const last = await store.lastSlot(sub.id);
        for (const due of dueSlots(sub, last, now, this.maxCatchUpMs)) {
          if (due.action === 'post') {
            if (due.supersededCount > 0) {
              logger.info(
                { subscriptionId: sub.id, slot: due.slot.toISOString(), missed: due.supersededCount },
                'digest catch-up: posting the latest missed slot only',
              );
            }
            add(sub, due.slot);
            continue;
          }
          await store.markSkipped(sub.id, due.slot, 'missed: older than the maximum catch-up');
          outcomes.skipped++;
          logger.warn(
            {
              subscriptionId: sub.id,
              slot: due.slot.toISOString(),
              lateMs: now.getTime() - due.slot.getTime(),
              maxCatchUpMs: this.maxCatchUpMs,
              missed: due.supersededCount,
            },
            'digest skipped: too late to be useful',
          );
        }
      } catch (err) {
        outcomes.crashed++;
        logger.error({ err: String(err), subscriptionId: sub.id }, 'digest tick: schedule check failed');
      }
    });

    const heartbeat = this.startHeartbeat(at);
    try {
      await this.pool([...work.values()], async (item) => {
        const outcome = await this.deliverSlot(item.sub, item.slot, at);
        outcomes[outcome]++;
      });
    } finally {
      heartbeat.stop();
    }
    return { outcomes };
  }

  /**
   * Renews every claim in flight each heartbeatMs (real time: the timer is what a dead process stops). Beats
   * never overlap; a store error is logged and the next beat tries again, with the lease's slack to spare.
   */
  private startHeartbeat(at: () => Date): { stop(): void } {
    let beating = false;
    const timer = setInterval(() => {
      if (beating || this.held.size === 0) return;
      beating = true;
      void this.renewHeld(at).finally(() => {
        beating = false;
      });
    }, this.heartbeatMs);
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }

  /** One heartbeat: renews the claims in flight, marking lost the ones another instance has taken over. */
  async renewHeld(at: () => Date = () => this.clock.now()): Promise<void> {
    const { store, logger } = this.deps;
    await Promise.all(
      [...this.held.values()].map(async (claim) => {
        try {
          const kept = await store.renewClaim(claim.sub.id, claim.slot, this.instanceId, at(), this.leaseMs);
          if (!kept && this.held.has(heldKey(claim.sub, claim.slot))) {
            claim.lost = true;
            logger.warn(
              { subscriptionId: claim.sub.id, slot: claim.slot.toISOString() },
              'digest claim lost to another instance; this one stops',
            );
          }
        } catch (err) {
          logger.warn({ err: String(err), subscriptionId: claim.sub.id }, 'digest heartbeat: renewal failed');
        }
      }),
    );
  }

  /** Runs fn over items with at most `concurrency` in flight. */
  private async pool<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    const workers = Array.from({ length: Math.min(this.concurrency, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++];
        await fn(item);
      }
    });
    await Promise.all(workers);
  }

  private async deliverSlot(sub: Subscription, slot: Date, at: () => Date): Promise<SlotOutcome> {
    const { store, logger } = this.deps;
    const log = { subscriptionId: sub.id, slot: slot.toISOString(), channel: sub.channelId };
    let held: HeldClaim | undefined;
    try {
      const claim = await store.claimSlot(sub.id, slot, this.instanceId, at(), this.leaseMs);
      if (!claim.claimed) return 'not-claimed';
      held = { sub, slot, lost: false };
      this.held.set(heldKey(sub, slot), held);
      await this.options.hooks?.afterClaim?.(sub, slot);

      const maxClaims = this.options.maxClaims ?? 5;
      if (claim.attempt > maxClaims) {
        if (!(await store.markFailed(sub.id, slot, this.instanceId, `gave up after ${maxClaims} attempts`))) {
          return this.lostAt(log, 'give up');
        }
        logger.error(log, 'digest failed for good: too many attempts');
        return 'failed';
      }

      const previous = await store.getDigestState(sub.id);
      const content = this.content(sub, previous, slot);

      if (claim.reclaim) {
        // An earlier attempt may have posted before it died or failed: look for the slot's metadata.
        let ts: string | null;
        try {
          ts = await findPostedDigest(this.client, sub.channelId, sub.id, slot);
        } catch (err) {
          return await this.onFailure(sub, slot, claim.attempt, {
            ok: false,
            failure: classifySlackError(err),
            attempts: 1,
          });
        }
        if (ts) {
          await store.setDigestState(sub.id, content.state, at());
          if (!(await store.markSent(sub.id, slot, this.instanceId, ts, at())))
            return this.lostAt(log, 'mark sent');
          logger.info({ ...log, ts }, 'digest was already posted (found by metadata); marked sent');
          return 'found';
        }
      }

      if (at().getTime() - slot.getTime() > this.maxCatchUpMs) {
        await store.markSkipped(sub.id, slot, 'retry came later than the maximum catch-up');
        logger.warn(log, 'digest skipped: retry too late to be useful');
        return 'skipped';
      }
      if (held.lost) {
        logger.warn(log, 'digest not posted: the claim was taken over while this instance was slow');
        return 'lost';
      }
      if (!content.hasNewData && sub.skipWhenNoNewData) {
        await store.markSkipped(sub.id, slot, 'no new data');
        logger.info(log, 'digest skipped: no new data since the last one');
        return 'no-new-data';
      }

      const result = await postDigest(this.client, sub.channelId, sub.id, slot, content, {
        limiter: this.limiter,
        clock: this.clock,
        maxAttempts: this.options.maxAttempts,
        random: this.options.random,
        backoffBaseMs: this.options.backoffBaseMs,
      });
      if (!result.ok) return await this.onFailure(sub, slot, claim.attempt, result);

      if (!result.found) this.options.onPosted?.(sub, slot, result.ts);
      await this.options.hooks?.afterPost?.(sub, slot, result.ts);
      await store.setDigestState(sub.id, content.state, at());
      if (!(await store.markSent(sub.id, slot, this.instanceId, result.ts, at()))) {
        // Posted, but another instance took the slot over meanwhile: it finds this post by its metadata.
        return this.lostAt({ ...log, ts: result.ts }, 'mark sent');
      }
      logger.info({ ...log, ts: result.ts, attempts: result.attempts }, 'digest posted');

      if (!result.found && content.gap && this.options.charts !== false) {
        // The chart is a second message in the same channel: it waits its turn like any post.
        await this.limiter.waitForSlot(
          sub.channelId,
          () => this.clock.now().getTime(),
          (ms) => this.clock.sleep(ms),
        );
        await deliverChart(this.client, this.deps as AppDeps, content.gap, {
          channel: sub.channelId,
          threadTs: result.ts,
          user: sub.createdBy,
        }).catch((err: unknown) => logger.warn({ ...log, err: String(err) }, 'digest chart failed'));
      }
      return result.found ? 'found' : 'posted';
    } catch (err) {
      // Unexpected (a store outage, a bug, an injected crash): leave the claim; its lease runs out and the
      // slot is re-claimed, with the metadata check, by a later tick here or on another instance.
      logger.error({ ...log, err: String(err) }, 'digest delivery interrupted; will be re-claimed');
      return 'crashed';
    } finally {
      // No longer renewed: finished, or crashed, in which case the lease runs out and another tick retries.
      if (held) this.held.delete(heldKey(sub, slot));
    }
  }

  /** A ledger write refused because the claim is no longer ours: the new holder decides what happens. */
  private lostAt(log: Record<string, unknown>, step: string): SlotOutcome {
    this.deps.logger.warn({ ...log, step }, 'digest claim was taken over by another instance; left to it');
    return 'lost';
  }

  private content(sub: Subscription, previous: DigestState | null, slot: Date): DigestContent {
    const key = JSON.stringify([sub.places, sub.indicators, sub.tz, previous, slot.getTime()]);
    let content = this.contentCache.get(key);
    if (!content) {
      content = buildDigest(this.deps.core, sub, previous, slot);
      if (this.contentCache.size < 1000) this.contentCache.set(key, content);
    }
    return content;
  }

  private async onFailure(
    sub: Subscription,
    slot: Date,
    claimAttempt: number,
    result: Extract<PostResult, { ok: false }>,
  ): Promise<SlotOutcome> {
    const { store, logger } = this.deps;
    const { failure } = result;
    const log = {
      subscriptionId: sub.id,
      slot: slot.toISOString(),
      channel: sub.channelId,
      error: failure.error,
    };
    if (failure.kind === 'pause') {
      if (!(await store.markFailed(sub.id, slot, this.instanceId, failure.error)))
        return this.lostAt(log, 'pause');
      await store.pauseSubscription(sub.id, failure.error, this.clock.now());
      logger.warn(log, 'digest subscription paused: Slack will not take posts in this channel');
      return 'paused';
    }
    if (failure.kind === 'fatal') {
      if (!(await store.markFailed(sub.id, slot, this.instanceId, failure.error)))
        return this.lostAt(log, 'fail');
      logger.error(log, 'digest failed for good');
      return 'failed';
    }
    const wait = retryDelay(
      claimAttempt,
      failure.kind === 'rate_limited' ? failure.retryAfterSeconds : undefined,
      { random: this.options.random, baseMs: Math.max(30_000, this.options.backoffBaseMs ?? 0) },
    );
    const retryAt = new Date(this.clock.now().getTime() + wait);
    if (!(await store.markFailed(sub.id, slot, this.instanceId, failure.error, retryAt))) {
      return this.lostAt(log, 'retry later');
    }
    logger.warn({ ...log, retryAt: retryAt.toISOString() }, 'digest failed; will retry');
    return 'retry-later';
  }
}

function heldKey(sub: Subscription, slot: Date): string {
  return `${sub.id}@${slot.getTime()}`;
}

export interface SchedulerOptions extends RunnerOptions {
  /** Time between ticks (default 30 s). */
  intervalMs?: number;
}

export interface DigestScheduler {
  runner: DigestRunner;
  /** Stops the timer and waits for a tick in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Ticks every intervalMs (the first tick right away, so a restart catches up at once). Ticks never overlap, and
 * the timer does not keep the process alive.
 */
export function startDigestScheduler(
  deps: RunnerDeps,
  client: WebClient,
  options: SchedulerOptions = {},
): DigestScheduler {
  const runner = new DigestRunner(deps, client, options);
  const intervalMs = options.intervalMs ?? 30_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const loop = () => {
    if (stopped) return;
    running = runner
      .tick()
      .catch((err: unknown) => deps.logger.error({ err: String(err) }, 'digest tick failed'))
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(loop, intervalMs);
        timer.unref();
      });
  };
  timer = setTimeout(loop, 0);
  timer.unref();
  deps.logger.info({ instanceId: runner.instanceId, intervalMs }, 'digest scheduler started');
  return {
    runner,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
