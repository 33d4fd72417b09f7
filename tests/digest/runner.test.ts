import type { WebClient } from '@slack/web-api';
import { DIGEST_EVENT_TYPE } from '../../src/digest/deliver';
import { DigestRunner, type RunnerOptions, startDigestScheduler } from '../../src/digest/runner';
import { validateBlocks } from '../../src/slack/limits';
import { openStore } from '../../src/store';
import type { Store, Subscription } from '../../src/store/types';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack';
import { digestClient, digestPosts, newSub, postsBySlot, runnerDeps, VirtualClock } from './digest-helpers';

// The runner driven by tick(now) with injected times and a virtual clock: no test sleeps for real. The fake
// Slack reads the same virtual clock, so its per-channel rate limit and message timestamps agree with ours.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const LEASE = 10 * MIN;

let fake: FakeSlack;
let store: Store;
let client: WebClient;
let clock: VirtualClock;

beforeAll(async () => {
  clock = new VirtualClock(Date.parse('2026-03-01T00:00:00Z'));
  fake = await startFakeSlack({ seed: 42, now: () => clock.ms });
  client = digestClient(fake);
});

afterAll(async () => {
  await fake.close();
});

beforeEach(async () => {
  fake.reset();
  store = await openStore({ dataDir: ':memory:' });
});

afterEach(async () => {
  await store.close();
});

function runner(options: RunnerOptions = {}): DigestRunner {
  return new DigestRunner(runnerDeps(store), client, {
    clock,
    leaseMs: LEASE,
    charts: false,
    random: () => 0.5,
    ...options,
  });
}

async function createAt(at: string, overrides: Parameters<typeof newSub>[0] = {}): Promise<Subscription> {
  return store.createSubscription(newSub(overrides), new Date(at));
}

/** Ticks every `stepMs` from `from` to `to` (inclusive), moving the clock along. */
async function tickRange(r: DigestRunner, from: string, to: string, stepMs: number): Promise<void> {
  for (let t = Date.parse(from); t <= Date.parse(to); t += stepMs) {
    clock.set(new Date(t));
    await r.tick(new Date(t));
  }
}

function slotsPosted(channel = 'C0CHAN'): string[] {
  return digestPosts(fake, channel).map((m) => String(m.metadata?.event_payload.slot));
}

describe('DST: a Monday 09:00 Europe/London digest', () => {
  it('goes out at 08:00Z after the BST start and at 09:00Z after the BST end, once each week', async () => {
    const sub = await createAt('2026-03-16T12:00:00Z');
    const r = runner();
    // Hourly ticks through both changes (29 Mar and 25 Oct 2026).
    await tickRange(r, '2026-03-20T00:00:00Z', '2026-11-05T00:00:00Z', HOUR);
    const posted = slotsPosted();
    expect(posted[0]).toBe('2026-03-23T09:00:00.000Z'); // GMT
    expect(posted[1]).toBe('2026-03-30T08:00:00.000Z'); // first Monday of BST
    expect(posted).toContain('2026-10-19T08:00:00.000Z'); // last Monday of BST
    expect(posted).toContain('2026-10-26T09:00:00.000Z'); // first Monday of GMT
    expect(posted.at(-1)).toBe('2026-11-02T09:00:00.000Z');
    expect(new Set(posted).size).toBe(posted.length);
    expect(posted).toHaveLength(33);
    // Each at exactly 09:00 local: the fake stamped the message at the tick that posted it.
    for (const m of digestPosts(fake, 'C0CHAN')) {
      expect(Number(m.ts.split('.')[0]) * 1000).toBe(Date.parse(String(m.metadata?.event_payload.slot)));
    }
    expect((await store.getDelivery(sub.id, new Date('2026-10-26T09:00:00Z')))?.status).toBe('sent');
  });

  it('does nothing at 08:00Z on the first GMT Monday, and posts at 09:00Z', async () => {
    await createAt('2026-10-20T12:00:00Z');
    const r = runner();
    clock.set('2026-10-26T08:00:00Z');
    await r.tick(new Date('2026-10-26T08:00:00Z'));
    await r.tick(new Date('2026-10-26T08:59:59Z'));
    expect(slotsPosted()).toEqual([]);
    clock.set('2026-10-26T09:00:00Z');
    await r.tick(new Date('2026-10-26T09:00:00Z'));
    expect(slotsPosted()).toEqual(['2026-10-26T09:00:00.000Z']);
  });
});

describe('downtime', () => {
  it('posts one catch-up digest for several missed slots, not one per missed tick', async () => {
    const sub = await createAt('2026-04-01T00:00:00Z', { cadence: 'daily', weekday: null });
    const r = runner();
    await tickRange(r, '2026-04-06T07:00:00Z', '2026-04-06T10:00:00Z', 30_000); // Monday: posted
    expect(slotsPosted()).toEqual(['2026-04-06T08:00:00.000Z']);
    // Down from Monday 10:00 to Thursday 10:00 local (missed Tue, Wed, Thu 09:00 BST = 08:00Z).
    await tickRange(r, '2026-04-09T09:00:00Z', '2026-04-09T11:00:00Z', 30_000);
    expect(slotsPosted()).toEqual(['2026-04-06T08:00:00.000Z', '2026-04-09T08:00:00.000Z']);
    expect(await store.getDelivery(sub.id, new Date('2026-04-07T08:00:00Z'))).toBeNull();
  });

  it('skips (and records) a missed digest older than the maximum catch-up, then carries on', async () => {
    const sub = await createAt('2026-04-01T00:00:00Z', { cadence: 'daily', weekday: null });
    const r = runner({ maxCatchUpMs: 6 * HOUR });
    clock.set('2026-04-07T15:00:00Z'); // 7 h after Tuesday's 08:00Z slot
    const report = await r.tick(clock.now());
    expect(report.outcomes.skipped).toBe(1);
    expect(slotsPosted()).toEqual([]);
    expect(await store.getDelivery(sub.id, new Date('2026-04-07T08:00:00Z'))).toMatchObject({
      status: 'skipped',
    });
    await tickRange(r, '2026-04-07T15:30:00Z', '2026-04-08T09:00:00Z', 30 * MIN);
    expect(slotsPosted()).toEqual(['2026-04-08T08:00:00.000Z']);
  });
});

describe('crash recovery (the metadata check)', () => {
  const slot = new Date('2026-04-06T08:00:00Z');

  it('recovers a crash after the claim and before the post: posts once, after the lease', async () => {
    const sub = await createAt('2026-04-01T00:00:00Z');
    const crashing = runner({
      instanceId: 'a',
      hooks: {
        afterClaim: () => {
          throw new Error('simulated crash after claim');
        },
      },
    });
    clock.set('2026-04-06T08:00:30Z');
    expect((await crashing.tick(clock.now())).outcomes.crashed).toBe(1);
    expect(await store.getDelivery(sub.id, slot)).toMatchObject({ status: 'claimed', claimedBy: 'a' });

    const healthy = runner({ instanceId: 'b' });
    clock.advance(MIN);
    expect((await healthy.tick(clock.now())).outcomes.posted).toBe(0); // lease still held
    clock.advance(LEASE);
    expect((await healthy.tick(clock.now())).outcomes.posted).toBe(1);
    expect(slotsPosted()).toEqual([slot.toISOString()]);
    expect(await store.getDelivery(sub.id, slot)).toMatchObject({
      status: 'sent',
      claimedBy: 'b',
      attempts: 2,
    });
  });

  it('recovers a crash after the post and before markSent: finds the post, does not post again', async () => {
    const sub = await createAt('2026-04-01T00:00:00Z');
    const crashing = runner({
      instanceId: 'a',
      hooks: {
        afterPost: () => {
          throw new Error('simulated crash after post');
        },
      },
    });
    clock.set('2026-04-06T08:00:30Z');
    await crashing.tick(clock.now());
    const [posted] = digestPosts(fake, 'C0CHAN');
    expect(posted).toBeDefined();
    expect(await store.getDelivery(sub.id, slot)).toMatchObject({ status: 'claimed' });

    const healthy = runner({ instanceId: 'b' });
    clock.advance(LEASE + MIN);
    expect((await healthy.tick(clock.now())).outcomes.found).toBe(1);
    expect(slotsPosted()).toEqual([slot.toISOString()]);
    expect(await store.getDelivery(sub.id, slot)).toMatchObject({ status: 'sent', messageTs: posted.ts });
    // It looked with include_all_metadata, or it would not have seen the tag.
    const history = fake.calls('conversations.history');
    expect(history.at(-1)?.params.include_all_metadata).toBe('true');
    expect(await store.getDigestState(sub.id)).not.toBeNull();
  });

  it('a stale instance that posts after its lease was taken over cannot mark the slot: still one post', async () => {
    const sub = await createAt('2026-04-01T00:00:00Z');
    const b = runner({ instanceId: 'b' });
    let bReport: Awaited<ReturnType<DigestRunner['tick']>> | undefined;
    const stale = runner({
      instanceId: 'a',
      hooks: {
        // Stalls past its lease right after posting; b takes the slot over and finds the post meanwhile.
        afterPost: async () => {
          clock.advance(LEASE + MIN);
          bReport = await b.tick(clock.now());
        },
      },
    });
    clock.set('2026-04-06T08:00:30Z');
    const report = await stale.tick(clock.now());
    expect(bReport?.outcomes.found).toBe(1);
    expect(report.outcomes).toMatchObject({ posted: 0, lost: 1 });
    expect(slotsPosted()).toEqual([slot.toISOString()]);
    expect(await store.getDelivery(sub.id, slot)).toMatchObject({
      status: 'sent',
      claimedBy: 'b',
      attempts: 2,
    });
  });

  it('checks the history before retrying a post that failed with a 500 (it may have gone through)', async () => {
    await createAt('2026-04-01T00:00:00Z');
    fake.fail('chat.postMessage', { type: 'http', status: 500 }, { times: 1 });
    clock.set('2026-04-06T08:00:30Z');
    const report = await runner().tick(clock.now());
    expect(report.outcomes.posted).toBe(1);
    expect(fake.calls('conversations.history')).toHaveLength(1);
    expect(slotsPosted()).toEqual([slot.toISOString()]);
  });
});

describe('Slack faults', () => {
  it('delivers every due digest exactly once with 30% of posts answered 429 or 500 (seeded)', async () => {
    const subs: Subscription[] = [];
    const channels = new Set<string>();
    for (let i = 0; i < 40; i++) {
      // Some channels carry two digests, so the per-channel pacing matters too.
      const channelId = `C${String(i % 30).padStart(4, '0')}`;
      channels.add(channelId);
      subs.push(await createAt('2026-04-01T00:00:00Z', { channelId }));
    }
    fake.setRateLimit({ perChannelPerSecond: 1, retryAfter: 1 });
    fake.fail('chat.postMessage', { type: 'rate_limited', retryAfter: 2 }, { probability: 0.15 });
    fake.fail('chat.postMessage', { type: 'http', status: 500 }, { probability: 0.18 });
    const r = runner({ maxAttempts: 2 });
    await tickRange(r, '2026-04-06T08:00:00Z', '2026-04-06T10:00:00Z', MIN);

    const injected = fake.calls('chat.postMessage').filter((c) => c.fault).length;
    const all = fake.calls('chat.postMessage').length;
    expect(injected / all).toBeGreaterThan(0.2);
    const counts = postsBySlot(fake, channels);
    expect(counts.size).toBe(40);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    for (const sub of subs) {
      expect((await store.getDelivery(sub.id, new Date('2026-04-06T08:00:00Z')))?.status).toBe('sent');
    }
    // (The fake's own per-channel limit may still answer a few 429s: with 16 posts in flight on one virtual
    // clock, a permit's time and its request's arrival can drift apart. Those are retried like any 429.)
  });

  it('honours Retry-After: the retry waits at least that long on the clock', async () => {
    await createAt('2026-04-01T00:00:00Z');
    fake.fail('chat.postMessage', { type: 'rate_limited', retryAfter: 7 }, { times: 1 });
    clock.set('2026-04-06T08:00:30Z');
    await runner().tick(clock.now());
    const [first, second] = fake.calls('chat.postMessage');
    expect(first.status).toBe(429);
    expect(second.status).toBe(200);
    expect(second.at - first.at).toBeGreaterThanOrEqual(7000);
  });

  it('marks a slot failed with a retryAt after N attempts, and a later tick delivers it', async () => {
    const sub = await createAt('2026-04-01T00:00:00Z');
    fake.fail('chat.postMessage', { type: 'http', status: 503 }, { times: 3 });
    clock.set('2026-04-06T08:00:30Z');
    const r = runner({ maxAttempts: 3 });
    expect((await r.tick(clock.now())).outcomes['retry-later']).toBe(1);
    const failed = await store.getDelivery(sub.id, new Date('2026-04-06T08:00:00Z'));
    expect(failed).toMatchObject({ status: 'failed', lastError: 'http_503' });
    expect(failed?.retryAt?.getTime()).toBeGreaterThan(clock.ms);
    clock.set(failed!.retryAt!);
    expect((await r.tick(clock.now())).outcomes.posted).toBe(1);
    expect(slotsPosted()).toHaveLength(1);
  });

  it.each(['not_in_channel', 'channel_not_found', 'is_archived', 'account_inactive'])(
    'pauses the subscription on %s and keeps going with the others',
    async (error) => {
      const bad = await createAt('2026-04-01T00:00:00Z', { channelId: 'CBAD' });
      const good = await createAt('2026-04-01T00:00:00Z', { channelId: 'CGOOD' });
      fake.fail('chat.postMessage', { type: 'error', error }, { when: (c) => c.params.channel === 'CBAD' });
      clock.set('2026-04-06T08:00:30Z');
      const report = await runner().tick(clock.now());
      expect(report.outcomes).toMatchObject({ paused: 1, posted: 1 });
      expect(await store.getSubscription('T0TEAM', bad.id)).toMatchObject({
        status: 'paused',
        pausedReason: error,
      });
      expect((await store.getSubscription('T0TEAM', good.id))?.status).toBe('active');
      // A paused subscription is not retried.
      clock.advance(DAY);
      expect((await runner().tick(clock.now())).outcomes.posted).toBe(0);
    },
  );
});

describe('pause and resume', () => {
  it('pauses on not_in_channel, and after /digest resume (resumeSubscription) posts the failed slot', async () => {
    const sub = await createAt('2026-04-01T00:00:00Z');
    const slot = new Date('2026-04-06T08:00:00Z');
    fake.fail('chat.postMessage', { type: 'error', error: 'not_in_channel' }, { times: 1 });
    const r = runner();
    clock.set('2026-04-06T08:00:30Z');
    expect((await r.tick(clock.now())).outcomes.paused).toBe(1);
    expect(await store.getDelivery(sub.id, slot)).toMatchObject({ status: 'failed', retryAt: null });
    clock.advance(HOUR);
    expect((await r.tick(clock.now())).outcomes.posted).toBe(0); // paused: nothing

    // Someone invites the bot and resumes the digest; the next tick sends the slot that failed.
    clock.advance(MIN);
    expect(await store.resumeSubscription(sub.id, clock.now())).toBe(true);
    expect((await r.tick(clock.now())).outcomes.posted).toBe(1);
    expect(slotsPosted()).toEqual([slot.toISOString()]);
    expect(await store.getDelivery(sub.id, slot)).toMatchObject({ status: 'sent' });
    clock.advance(HOUR);
    expect((await r.tick(clock.now())).outcomes.posted).toBe(0);
  });
});

describe('content in the post', () => {
  it('posts blocks within the limits, the metadata, and the gap chart in the thread', async () => {
    const sub = await createAt('2026-04-01T00:00:00Z');
    clock.set('2026-04-06T08:00:30Z');
    await runner({ charts: true }).tick(clock.now());
    const [digest] = fake.calls('chat.postMessage').filter((c) => c.params.metadata);
    expect(digest.params.metadata).toEqual({
      event_type: DIGEST_EVENT_TYPE,
      event_payload: { subscription_id: sub.id, slot: '2026-04-06T08:00:00.000Z' },
    });
    expect(validateBlocks(digest.params.blocks as never)).toEqual([]);
    const ts = (digest.response as { ts: string }).ts;
    const chart = fake.calls('chat.postMessage').find((c) => c.params.thread_ts === ts);
    expect(chart?.params.blocks).toEqual([expect.objectContaining({ type: 'image' })]);
  });

  it('with skipWhenNoNewData, skips a digest when nothing changed since the last one', async () => {
    const sub = await createAt('2026-04-01T00:00:00Z', { skipWhenNoNewData: true });
    const r = runner();
    clock.set('2026-04-06T08:00:30Z');
    expect((await r.tick(clock.now())).outcomes.posted).toBe(1); // first digest: everything is new
    clock.set('2026-04-13T08:00:30Z');
    expect((await r.tick(clock.now())).outcomes['no-new-data']).toBe(1);
    expect(await store.getDelivery(sub.id, new Date('2026-04-13T08:00:00Z'))).toMatchObject({
      status: 'skipped',
      lastError: 'no new data',
    });
  });

  it('without it, says "no new data"', async () => {
    await createAt('2026-04-01T00:00:00Z');
    const r = runner();
    clock.set('2026-04-06T08:00:30Z');
    await r.tick(clock.now());
    clock.set('2026-04-13T08:00:30Z');
    await r.tick(clock.now());
    const second = digestPosts(fake, 'C0CHAN')[1];
    expect(JSON.stringify(second.blocks)).toContain('no new data since the last digest');
  });
});

describe('startDigestScheduler', () => {
  it('ticks right away and stops cleanly', async () => {
    await createAt('2026-04-01T00:00:00Z');
    clock.set('2026-04-06T08:00:30Z');
    const scheduler = startDigestScheduler(runnerDeps(store), client, {
      clock,
      charts: false,
      intervalMs: 60_000,
    });
    await fake.waitFor('chat.postMessage');
    await scheduler.stop();
    expect(slotsPosted()).toHaveLength(1);
  });
});
