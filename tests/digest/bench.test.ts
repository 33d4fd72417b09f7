import { benchDigests, runDigestBench } from '../../scripts/bench/digests';
import { openStore } from '../../src/store';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack';
import { digestClient, testCore } from './digest-helpers';

// benchDigests against the fake Slack enforcing Slack's per-channel limit (real time here: this is a bench).

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack({ rateLimit: { perChannelPerSecond: 1, retryAfter: 1 } });
});
afterAll(async () => {
  await fake.close();
});

it('delivers 300 digests due in the same minute across 300 channels, none twice', async () => {
  const store = await openStore({ dataDir: ':memory:' });
  try {
    const r = await benchDigests({ subscriptions: 300, store, client: digestClient(fake), core: testCore() });
    expect(r).toMatchObject({ delivered: 300, duplicates: 0, posts: 300, undelivered: 0 });
    expect(r.totalMs).toBeGreaterThan(0);
    expect(r.peakRssMb).toBeGreaterThan(0);
    const posts = fake.calls('chat.postMessage');
    expect(new Set(posts.map((c) => c.params.channel)).size).toBe(300);
    expect(posts.filter((c) => c.status !== 200)).toEqual([]);
  } finally {
    await store.close();
  }
});

it('runDigestBench (the bench script entry) reports 1,000 of 1,000 delivered on SQLite', async () => {
  const line = await runDigestBench('sqlite');
  expect(line).toMatch(/delivered 1000, duplicates 0/);
});
