import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DigestRunner } from '../../src/digest/runner';
import { PostgresStore } from '../../src/store/postgres';
import { SqliteStore } from '../../src/store/sqlite';
import type { Store } from '../../src/store/types';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack';
import { openTestSchema, postgresUnavailable } from '../support/postgres';
import { digestClient, newSub, postsBySlot, runnerDeps, VirtualClock } from './digest-helpers';

// Three runner instances (each with its own store connection, as separate processes would have) tick at the
// same moments over one database: every due digest is posted exactly once.

const SLOT = '2026-04-06T08:00:00.000Z';
const SUBS = 30;
const clock = new VirtualClock(Date.parse('2026-04-06T08:00:10Z'));

async function race(stores: [Store, Store, Store], fake: FakeSlack): Promise<void> {
  clock.set('2026-04-06T08:00:10Z');
  const channels = new Set<string>();
  const ids: string[] = [];
  for (let i = 0; i < SUBS; i++) {
    const channelId = `CRACE${i % 20}`;
    channels.add(channelId);
    const sub = await stores[0].createSubscription(newSub({ channelId }), new Date('2026-04-01T00:00:00Z'));
    ids.push(sub.id);
  }
  const runners = stores.map(
    (s, n) =>
      new DigestRunner(runnerDeps(s), digestClient(fake), {
        clock,
        instanceId: `i-${n}`,
        charts: false,
        concurrency: 4,
        random: () => 0.5,
      }),
  );
  for (let round = 0; round < 5; round++) {
    const now = clock.advance(round === 0 ? 0 : 60_000);
    const reports = await Promise.all(runners.map((r) => r.tick(now)));
    for (const r of reports) expect(r.outcomes.crashed).toBe(0);
  }
  const counts = postsBySlot(fake, channels);
  for (const id of ids) expect(counts.get(`${id}@${SLOT}`)).toBe(1);
  expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(SUBS);
  for (const id of ids) expect((await stores[0].getDelivery(id, new Date(SLOT)))?.status).toBe('sent');
  // The work really was shared out.
  const claimers = new Set<string>();
  for (const id of ids) claimers.add(String((await stores[0].getDelivery(id, new Date(SLOT)))?.claimedBy));
  expect(claimers.size).toBeGreaterThan(1);
}

describe('three runners racing', () => {
  let fake: FakeSlack;
  beforeEach(async () => {
    // The fake's per-channel limit runs on the same virtual clock as the runners' waits.
    fake = await startFakeSlack({ rateLimit: { perChannelPerSecond: 1 }, now: () => clock.ms });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('on one SQLite file: every due digest posted exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'northstat-race-'));
    const file = join(dir, 'northstat.sqlite');
    const stores = [
      new SqliteStore({ filename: file }),
      new SqliteStore({ filename: file }),
      new SqliteStore({ filename: file }),
    ] as [Store, Store, Store];
    try {
      await race(stores, fake);
    } finally {
      for (const s of stores) await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const reason = postgresUnavailable();
  if (reason) console.warn(`PostgreSQL digest race test SKIPPED: ${reason}`);
  (reason ? it.skip : it)('on one PostgreSQL database: every due digest posted exactly once', async () => {
    const db = await openTestSchema('northstat_digest');
    const stores: Store[] = [];
    try {
      for (let i = 0; i < 3; i++) stores.push(await PostgresStore.open({ connectionString: db.url, max: 4 }));
      await race(stores as [Store, Store, Store], fake);
    } finally {
      for (const s of stores) await s.close();
      await db.drop();
    }
  });
});
