import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAlert } from '../../src/alerts/parse';
import { loadCore } from '../../src/data/core';
import { createLogger } from '../../src/log';
import { deliverAlerts } from '../../src/slack/alerts';
import { PostgresStore } from '../../src/store/postgres';
import { SqliteStore } from '../../src/store/sqlite';
import type { Store } from '../../src/store/types';
import { digestClient, VirtualClock } from '../digest/digest-helpers';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack';
import { withNewPeriod } from '../support/new-period';
import { openTestSchema, postgresUnavailable } from '../support/postgres';

// Alerts after a refresh, delivered exactly once by three instances on one database while Slack fails
// 30% of posts (20% 429 with Retry-After, 10% 500): every event is posted, none twice.

const before = loadCore();
const after = withNewPeriod('gross-median-weekly-pay', 'April 2026', '2026-04-29', 1.03, 640);
const logger = createLogger({ level: 'silent' });

async function race(stores: Store[], fake: FakeSlack): Promise<void> {
  const core = before;
  const team = `T${randomBytes(3).toString('hex')}`;
  for (const [k, text] of [
    'new data on pay for leeds, bradford',
    'when leeds pay rises',
    'new data on pay',
  ].entries()) {
    const cmd = parseAlert(text, core);
    if (cmd.kind !== 'create') throw new Error(text);
    await stores[0].alerts.create({ teamId: team, channelId: `C${k}`, createdBy: 'U1', spec: cmd.spec });
  }
  // 2 + 1 + 3 (the northern regions) = 6 events.
  const clock = new VirtualClock(Date.parse('2026-12-01T07:31:00Z'));
  const client = digestClient(fake);
  let failed = 1;
  for (let round = 0; failed > 0 && round < 10; round++) {
    const results = await Promise.all(
      stores.map((store, i) =>
        deliverAlerts({ before, after, store: store.alerts, client, instanceId: `i${i}`, logger, clock }),
      ),
    );
    failed = results.reduce((n, r) => n + r.failed, 0);
    clock.advance(60_000);
  }
  const posted = fake
    .calls('chat.postMessage')
    .filter((c) => c.status === 200 && (c.response as { ok?: boolean }).ok === true);
  const keys = posted.map((c) =>
    JSON.stringify((c.params.metadata as { event_payload: unknown }).event_payload),
  );
  expect(new Set(keys).size).toBe(keys.length); // none twice
  expect(keys.length).toBe(6); // every event
  expect(fake.calls('chat.postMessage').some((c) => c.fault)).toBe(true); // the faults did happen
  for (const c of posted) expect(JSON.stringify(c.params.blocks)).toContain('April 2026');
}

describe('alerts after a refresh, three instances, 30% Slack faults', () => {
  let fake: FakeSlack;
  beforeEach(async () => {
    fake = await startFakeSlack({ seed: 7 });
    fake.fail('chat.postMessage', { type: 'rate_limited', retryAfter: 1 }, { probability: 0.2 });
    fake.fail('chat.postMessage', { type: 'http', status: 500 }, { probability: 0.1 });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('on one SQLite file: each event posted exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'northstat-alerts-'));
    const file = join(dir, 'northstat.sqlite');
    const stores = [0, 1, 2].map(() => new SqliteStore({ filename: file }));
    try {
      await race(stores, fake);
    } finally {
      for (const s of stores) await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const reason = postgresUnavailable();
  if (reason) console.warn(`PostgreSQL alert delivery test SKIPPED: ${reason}`);
  (reason ? it.skip : it)('on one PostgreSQL database: each event posted exactly once', async () => {
    const db = await openTestSchema('northstat_alerts');
    const stores: Store[] = [];
    try {
      for (let i = 0; i < 3; i++) stores.push(await PostgresStore.open({ connectionString: db.url, max: 4 }));
      await race(stores, fake);
    } finally {
      for (const s of stores) await s.close();
      await db.drop();
    }
  });
});
