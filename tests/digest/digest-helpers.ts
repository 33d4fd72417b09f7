import { LogLevel, WebClient } from '@slack/web-api';
import type { ChartRenderer } from '../../src/charts';
import { loadCore } from '../../src/data/core';
import type { StatsCore } from '../../src/data/stats';
import { type Clock, DIGEST_EVENT_TYPE } from '../../src/digest/deliver';
import type { RunnerDeps } from '../../src/digest/runner';
import { createLogger } from '../../src/log';
import type { NewSubscription, Store } from '../../src/store/types';
import type { FakeSlack, StoredMessage } from '../support/fake-slack';

// Shared by the digest tests (not a test file itself): a virtual clock, a WebClient for the fake Slack,
// runner deps, and helpers to count digest posts by their metadata.

let core: StatsCore | undefined;
export function testCore(): StatsCore {
  core ??= loadCore();
  return core;
}

/** Time that only moves when told to: sleep() advances it at once, so nothing waits for real. */
export class VirtualClock implements Clock {
  constructor(public ms: number) {}
  now(): Date {
    return new Date(this.ms);
  }
  async sleep(ms: number): Promise<void> {
    this.ms += Math.max(0, ms);
  }
  set(at: Date | string): Date {
    this.ms = new Date(at).getTime();
    return this.now();
  }
  advance(ms: number): Date {
    this.ms += ms;
    return this.now();
  }
}

/** A WebClient like the scheduler's: 429s are returned (not waited out), no built-in retries. */
export function digestClient(fake: FakeSlack): WebClient {
  return new WebClient('xoxb-test', {
    slackApiUrl: fake.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
  });
}

/** Charts as image URLs (no canvas): deliverChart then posts an image block into the digest's thread. */
export const urlCharts: ChartRenderer = {
  render: async (input) => ({
    kind: 'url',
    url: 'https://charts.example.test/gap.png',
    altText: `Chart: ${input.title}`,
    title: input.title,
  }),
};

export function runnerDeps(store: Store, charts: ChartRenderer = urlCharts): RunnerDeps {
  return { core: testCore(), store, logger: createLogger({ level: 'silent' }), charts };
}

export function newSub(overrides: Partial<NewSubscription> = {}): NewSubscription {
  return {
    teamId: 'T0TEAM',
    channelId: 'C0CHAN',
    createdBy: 'U0USER',
    cadence: 'weekly',
    weekday: 1,
    time: '09:00',
    tz: 'Europe/London',
    places: ['E08000035', 'E08000003'],
    indicators: ['gross-value-added-per-hour-worked', 'gross-median-weekly-pay'],
    skipWhenNoNewData: false,
    ...overrides,
  };
}

/** Digest messages (by metadata) the fake holds for a channel. */
export function digestPosts(fake: FakeSlack, channel: string): StoredMessage[] {
  return fake.channelMessages(channel).filter((m) => m.metadata?.event_type === DIGEST_EVENT_TYPE);
}

/** subscription_id@slot → number of digest messages, across the given channels. */
export function postsBySlot(fake: FakeSlack, channels: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const channel of channels) {
    for (const m of digestPosts(fake, channel)) {
      const p = m.metadata?.event_payload ?? {};
      const key = `${String(p.subscription_id)}@${String(p.slot)}`;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
  }
  return out;
}

/**
 * A daily UTC subscription whose latest slot is the current minute of the real clock (created a day before), so
 * a runner on the system clock finds it due at once. Returns the input and the slot.
 */
export function dueNow(
  overrides: Partial<NewSubscription> = {},
  now: Date = new Date(),
): { input: NewSubscription; slot: Date; createdAt: Date } {
  const slot = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const time = `${String(slot.getUTCHours()).padStart(2, '0')}:${String(slot.getUTCMinutes()).padStart(2, '0')}`;
  return {
    input: newSub({ cadence: 'daily', weekday: null, time, tz: 'UTC', ...overrides }),
    slot,
    createdAt: new Date(slot.getTime() - 86_400_000),
  };
}
