import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DigestRunner, leaseTimings } from '../../src/digest/runner';
import { SqliteStore } from '../../src/store/sqlite';
import type { Store } from '../../src/store/types';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack';
import { digestClient, digestPosts, dueNow, runnerDeps } from './digest-helpers';

// The heartbeat runs on real time (a dead process is what stops it), so these tests use the system clock with
// a short lease. Bounds are generous: each beat has the whole lease minus one interval to land.

const LEASE = 1500;
const BEAT = 300;

let fake: FakeSlack;
let dir: string;
let stores: Store[];

beforeEach(async () => {
  fake = await startFakeSlack({ rateLimit: false });
  dir = mkdtempSync(join(tmpdir(), 'northstat-heartbeat-'));
  const file = join(dir, 'northstat.sqlite');
  stores = [new SqliteStore({ filename: file }), new SqliteStore({ filename: file })];
});

afterEach(async () => {
  for (const s of stores) await s.close();
  rmSync(dir, { recursive: true, force: true });
  await fake.close();
});

function runner(store: Store, instanceId: string, hooks: ConstructorParameters<typeof DigestRunner>[2] = {}) {
  return new DigestRunner(runnerDeps(store), digestClient(fake), {
    instanceId,
    leaseMs: LEASE,
    heartbeatMs: BEAT,
    charts: false,
    ...hooks,
  });
}

describe('lease timings', () => {
  it('defaults to a 30 s lease renewed every 10 s, and refuses a heartbeat over half the lease', () => {
    expect(leaseTimings({})).toEqual({ leaseMs: 30_000, heartbeatMs: 10_000 });
    expect(leaseTimings({ leaseMs: 1000 })).toEqual({ leaseMs: 1000, heartbeatMs: 333 });
    expect(() => leaseTimings({ leaseMs: 1000, heartbeatMs: 600 })).toThrow(RangeError);
    expect(() => leaseTimings({ leaseMs: 1000, heartbeatMs: 0 })).toThrow(RangeError);
  });
});

describe('the heartbeat', () => {
  it('keeps the claim of a live delivery slower than its lease; nobody else can take it', async () => {
    const { input, slot, createdAt } = dueNow();
    const sub = await stores[0].createSubscription(input, createdAt);
    const takeovers: boolean[] = [];
    const slow = runner(stores[0], 'slow', {
      hooks: {
        // Three leases long; another instance tries to claim the slot all the while.
        afterClaim: async () => {
          const until = Date.now() + 3 * LEASE;
          while (Date.now() < until) {
            await sleep(100);
            takeovers.push((await stores[1].claimSlot(sub.id, slot, 'other', new Date(), LEASE)).claimed);
          }
        },
      },
    });
    const report = await slow.tick();
    expect(report.outcomes).toMatchObject({ posted: 1, lost: 0, crashed: 0 });
    expect(takeovers.length).toBeGreaterThan(5);
    expect(takeovers.every((t) => !t)).toBe(true);
    expect(digestPosts(fake, 'C0CHAN')).toHaveLength(1);
    const d = await stores[1].getDelivery(sub.id, slot);
    expect(d).toMatchObject({ status: 'sent', claimedBy: 'slow', attempts: 1 });
  });

  it('stops a delivery whose claim was taken over (after its lease ran out) before it posts', async () => {
    const { input, slot, createdAt } = dueNow();
    const sub = await stores[0].createSubscription(input, createdAt);
    const stalled = runner(stores[0], 'stalled', {
      hooks: {
        afterClaim: async () => {
          // As if this instance had stalled past its lease: another one takes the slot over.
          const later = new Date(Date.now() + LEASE + 1);
          expect((await stores[1].claimSlot(sub.id, slot, 'other', later, LEASE)).claimed).toBe(true);
          await sleep(4 * BEAT);
        },
      },
    });
    const report = await stalled.tick();
    expect(report.outcomes).toMatchObject({ posted: 0, lost: 1 });
    expect(digestPosts(fake, 'C0CHAN')).toHaveLength(0);
    expect(await stores[1].getDelivery(sub.id, slot)).toMatchObject({
      status: 'claimed',
      claimedBy: 'other',
    });
  });

  it('does not renew a delivery that crashed in this process: its slot comes free after the lease', async () => {
    const { input, slot, createdAt } = dueNow();
    const sub = await stores[0].createSubscription(input, createdAt);
    // A second, slow delivery keeps the tick (and its heartbeat) running for two leases.
    const other = dueNow({ channelId: 'C0SLOW' });
    await stores[0].createSubscription(other.input, other.createdAt);
    const crashing = runner(stores[0], 'crashing', {
      hooks: {
        afterClaim: async (s) => {
          if (s.id === sub.id) throw new Error('simulated crash after claim');
          await sleep(2 * LEASE);
        },
      },
    });
    const report = await crashing.tick();
    expect(report.outcomes).toMatchObject({ crashed: 1, posted: 1 });
    const d = await stores[1].getDelivery(sub.id, slot);
    expect(d).toMatchObject({ status: 'claimed', claimedBy: 'crashing' });
    expect(d!.leaseUntil!.getTime()).toBeLessThanOrEqual(d!.claimedAt!.getTime() + LEASE);
    const healthy = runner(stores[1], 'healthy');
    expect((await healthy.tick()).outcomes).toMatchObject({ posted: 1 });
    expect(digestPosts(fake, 'C0CHAN')).toHaveLength(1);
  });
});
