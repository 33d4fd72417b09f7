import { randomUUID } from 'node:crypto';
import { LATEST_SCHEMA_VERSION } from '../../src/store/migrations';
import { type NewSubscription, type Store, StoreValidationError } from '../../src/store/types';

/**
 * One behavioural contract for every Store engine. tests/store/sqlite.test.ts and postgres.test.ts call
 * runStoreContract with a harness for their engine, so both are held to exactly the same expectations.
 */
export interface StoreContractHarness {
  engine: 'sqlite' | 'postgres';
  /** Opens another store instance (its own connection or pool) on this test file's shared database. */
  open(options?: { eventTtlMs?: number }): Promise<Store>;
  /** A brand-new, empty database (for migration tests): an opener for it and a cleanup. */
  fresh(): Promise<{ open(): Promise<Store>; cleanup(): Promise<void> }>;
}

const T0 = new Date('2026-03-23T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const SECOND = 1000;
const HOUR = 3600 * SECOND;

/** Unique ids per test, because every test in a file shares one database. */
const uid = (prefix: string) => `${prefix}${randomUUID().slice(0, 8).toUpperCase()}`;

function newSub(overrides: Partial<NewSubscription> = {}): NewSubscription {
  return {
    teamId: uid('T'),
    channelId: uid('C'),
    createdBy: uid('U'),
    cadence: 'weekly',
    weekday: 1,
    time: '09:00',
    places: ['E12000001', 'E12000007'],
    indicators: ['gdhi_per_head', 'employment_rate'],
    skipWhenNoNewData: true,
    ...overrides,
  };
}

export function runStoreContract(
  name: string,
  harness: StoreContractHarness,
  describeFn: jest.Describe = describe,
): void {
  describeFn(`${name} store contract`, () => {
    let store: Store;
    const opened: Store[] = [];
    const openExtra = async (options?: { eventTtlMs?: number }) => {
      const s = await harness.open(options);
      opened.push(s);
      return s;
    };

    beforeAll(async () => {
      store = await openExtra();
    });
    afterAll(async () => {
      await Promise.all(opened.map((s) => s.close()));
    });

    describe('migrations', () => {
      it('reports the engine and the latest schema version', async () => {
        expect(store.engine).toBe(harness.engine);
        expect(await store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      });

      it('applies nothing the second time and keeps existing rows', async () => {
        const sub = await store.createSubscription(newSub());
        const again = await openExtra();
        expect(await again.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
        expect(await again.getSubscription(sub.teamId, sub.id)).toEqual(sub);
      });

      it('survives several instances migrating an empty database at once', async () => {
        const db = await harness.fresh();
        try {
          const stores = await Promise.all([db.open(), db.open(), db.open()]);
          try {
            for (const s of stores) expect(await s.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
            const sub = await stores[0]!.createSubscription(newSub());
            expect(await stores[2]!.getSubscription(sub.teamId, sub.id)).not.toBeNull();
          } finally {
            await Promise.all(stores.map((s) => s.close()));
          }
        } finally {
          await db.cleanup();
        }
      });
    });

    describe('subscriptions', () => {
      it('creates with defaults and reads back the same object', async () => {
        const input = newSub({ tz: undefined });
        const sub = await store.createSubscription(input, T0);
        expect(sub).toMatchObject({
          teamId: input.teamId,
          channelId: input.channelId,
          createdBy: input.createdBy,
          cadence: 'weekly',
          weekday: 1,
          time: '09:00',
          tz: 'Europe/London',
          places: input.places,
          indicators: input.indicators,
          skipWhenNoNewData: true,
          status: 'active',
          pausedReason: null,
          pausedAt: null,
        });
        expect(sub.createdAt.toISOString()).toBe(T0.toISOString());
        expect(await store.getSubscription(input.teamId, sub.id)).toEqual(sub);
      });

      it('stores daily subscriptions without a weekday', async () => {
        const sub = await store.createSubscription(
          newSub({ cadence: 'daily', weekday: 3, tz: 'America/New_York' }),
        );
        expect(sub.weekday).toBeNull();
        expect(sub.tz).toBe('America/New_York');
      });

      it('rejects bad times, weekdays and time zones', async () => {
        await expect(store.createSubscription(newSub({ time: '9am' }))).rejects.toBeInstanceOf(
          StoreValidationError,
        );
        await expect(store.createSubscription(newSub({ weekday: 7 }))).rejects.toBeInstanceOf(
          StoreValidationError,
        );
        await expect(store.createSubscription(newSub({ weekday: null }))).rejects.toBeInstanceOf(
          StoreValidationError,
        );
        await expect(store.createSubscription(newSub({ tz: 'Mars/Olympus' }))).rejects.toBeInstanceOf(
          StoreValidationError,
        );
      });

      it('lists by team, optionally narrowed to a channel', async () => {
        const teamId = uid('T');
        const a = await store.createSubscription(newSub({ teamId, channelId: 'C1' }), at(0));
        const b = await store.createSubscription(newSub({ teamId, channelId: 'C2' }), at(SECOND));
        expect((await store.listSubscriptions(teamId)).map((s) => s.id)).toEqual([a.id, b.id]);
        expect((await store.listSubscriptions(teamId, 'C2')).map((s) => s.id)).toEqual([b.id]);
        expect(await store.listSubscriptions(teamId, 'C404')).toEqual([]);
      });

      it('isolates tenants: another team cannot list, get or delete a subscription', async () => {
        const teamA = uid('TA');
        const teamB = uid('TB');
        const sub = await store.createSubscription(newSub({ teamId: teamA, channelId: 'CSHARED' }));
        expect(await store.listSubscriptions(teamB)).toEqual([]);
        expect(await store.listSubscriptions(teamB, 'CSHARED')).toEqual([]);
        expect(await store.getSubscription(teamB, sub.id)).toBeNull();
        expect(await store.deleteSubscription(teamB, null, sub.id)).toBe(false);
        expect(await store.deleteSubscription(teamB, 'CSHARED', sub.id)).toBe(false);
        expect(await store.getSubscription(teamA, sub.id)).not.toBeNull();
      });

      it('deletes only within the given channel, and only once', async () => {
        const sub = await store.createSubscription(newSub());
        expect(await store.deleteSubscription(sub.teamId, 'COTHER', sub.id)).toBe(false);
        expect(await store.deleteSubscription(sub.teamId, sub.channelId, sub.id)).toBe(true);
        expect(await store.deleteSubscription(sub.teamId, sub.channelId, sub.id)).toBe(false);
        const other = await store.createSubscription(newSub());
        expect(await store.deleteSubscription(other.teamId, null, other.id)).toBe(true);
        expect(await store.getSubscription(other.teamId, other.id)).toBeNull();
      });

      it('pauses with a reason and resumes; the scheduler list follows', async () => {
        const sub = await store.createSubscription(newSub());
        const activeIds = async () => (await store.listActiveSubscriptions()).map((s) => s.id);
        expect(await activeIds()).toContain(sub.id);

        expect(await store.pauseSubscription(sub.id, 'channel_not_found', at(HOUR))).toBe(true);
        const paused = await store.getSubscription(sub.teamId, sub.id);
        expect(paused).toMatchObject({ status: 'paused', pausedReason: 'channel_not_found' });
        expect(paused!.pausedAt!.toISOString()).toBe(at(HOUR).toISOString());
        expect(await activeIds()).not.toContain(sub.id);
        expect(await store.pauseSubscription(sub.id, 'again')).toBe(false);

        expect(await store.resumeSubscription(sub.id)).toBe(true);
        expect(await store.getSubscription(sub.teamId, sub.id)).toMatchObject({
          status: 'active',
          pausedReason: null,
          pausedAt: null,
        });
        expect(await activeIds()).toContain(sub.id);
        expect(await store.resumeSubscription(sub.id)).toBe(false);
      });
    });

    describe('delivery ledger', () => {
      const LEASE = 60 * SECOND;

      it('claims a slot once, then refuses other claimers while the lease holds', async () => {
        const sub = await store.createSubscription(newSub());
        expect(await store.claimSlot(sub.id, T0, 'i-1', at(0), LEASE)).toEqual({
          claimed: true,
          attempt: 1,
          reclaim: false,
        });
        expect(await store.claimSlot(sub.id, T0, 'i-2', at(SECOND), LEASE)).toEqual({ claimed: false });
        expect(await store.claimSlot(sub.id, T0, 'i-1', at(LEASE - 1), LEASE)).toEqual({ claimed: false });
        const d = await store.getDelivery(sub.id, T0);
        expect(d).toMatchObject({ status: 'claimed', claimedBy: 'i-1', attempts: 1 });
        expect(d!.leaseUntil!.toISOString()).toBe(at(LEASE).toISOString());
      });

      it('lets an expired lease be re-claimed and says it is a re-claim', async () => {
        const sub = await store.createSubscription(newSub());
        await store.claimSlot(sub.id, T0, 'crashed', at(0), LEASE);
        expect(await store.claimSlot(sub.id, T0, 'i-2', at(LEASE), LEASE)).toEqual({
          claimed: true,
          attempt: 2,
          reclaim: true,
        });
        expect(await store.claimSlot(sub.id, T0, 'i-3', at(LEASE + 1), LEASE)).toEqual({ claimed: false });
        expect(await store.getDelivery(sub.id, T0)).toMatchObject({ claimedBy: 'i-2', attempts: 2 });
      });

      it('never re-claims a sent or skipped slot', async () => {
        const sub = await store.createSubscription(newSub());
        await store.claimSlot(sub.id, T0, 'i-1', at(0), LEASE);
        await store.markSent(sub.id, T0, 'i-1', '1742720400.000100', at(SECOND));
        const sent = await store.getDelivery(sub.id, T0);
        expect(sent).toMatchObject({ status: 'sent', messageTs: '1742720400.000100', leaseUntil: null });
        expect(sent!.sentAt!.toISOString()).toBe(at(SECOND).toISOString());
        expect(await store.claimSlot(sub.id, T0, 'i-2', at(10 * HOUR), LEASE)).toEqual({ claimed: false });

        const slot2 = at(168 * HOUR);
        await store.markSkipped(sub.id, slot2, 'no new data');
        expect(await store.getDelivery(sub.id, slot2)).toMatchObject({
          status: 'skipped',
          lastError: 'no new data',
        });
        expect(await store.claimSlot(sub.id, slot2, 'i-2', at(200 * HOUR), LEASE)).toEqual({
          claimed: false,
        });
      });

      it('retries a failed slot only after retryAt, and never a final failure', async () => {
        const sub = await store.createSubscription(newSub());
        await store.claimSlot(sub.id, T0, 'i-1', at(0), LEASE);
        await store.markFailed(sub.id, T0, 'i-1', 'ratelimited', at(30 * SECOND));
        expect(await store.getDelivery(sub.id, T0)).toMatchObject({
          status: 'failed',
          lastError: 'ratelimited',
        });
        expect(await store.claimSlot(sub.id, T0, 'i-2', at(29 * SECOND), LEASE)).toEqual({ claimed: false });
        expect((await store.listRetryableDeliveries(at(30 * SECOND))).map((d) => d.subscriptionId)).toContain(
          sub.id,
        );
        expect(await store.claimSlot(sub.id, T0, 'i-2', at(30 * SECOND), LEASE)).toEqual({
          claimed: true,
          attempt: 2,
          reclaim: true,
        });

        await store.markFailed(sub.id, T0, 'i-2', 'channel_not_found');
        expect(await store.getDelivery(sub.id, T0)).toMatchObject({ status: 'failed', retryAt: null });
        expect(await store.claimSlot(sub.id, T0, 'i-3', at(1000 * HOUR), LEASE)).toEqual({ claimed: false });
        expect(
          (await store.listRetryableDeliveries(at(1000 * HOUR))).map((d) => d.subscriptionId),
        ).not.toContain(sub.id);
      });

      it('lists claims whose lease expired as retryable', async () => {
        const sub = await store.createSubscription(newSub());
        await store.claimSlot(sub.id, T0, 'i-1', at(0), LEASE);
        const ids = async (now: Date) =>
          (await store.listRetryableDeliveries(now)).map((d) => d.subscriptionId);
        expect(await ids(at(LEASE - 1))).not.toContain(sub.id);
        expect(await ids(at(LEASE))).toContain(sub.id);
      });

      it('renews a lease only for the instance holding the claim (the heartbeat)', async () => {
        const sub = await store.createSubscription(newSub());
        await store.claimSlot(sub.id, T0, 'i-1', at(0), LEASE);
        // Renewed just before it ran out: still held a whole lease later than it would have expired.
        expect(await store.renewClaim(sub.id, T0, 'i-1', at(LEASE - SECOND), LEASE)).toBe(true);
        expect((await store.getDelivery(sub.id, T0))!.leaseUntil!.toISOString()).toBe(
          at(2 * LEASE - SECOND).toISOString(),
        );
        expect(await store.claimSlot(sub.id, T0, 'i-2', at(LEASE + SECOND), LEASE)).toEqual({
          claimed: false,
        });
        expect(await store.listRetryableDeliveries(at(LEASE + SECOND))).not.toContainEqual(
          expect.objectContaining({ subscriptionId: sub.id }),
        );
        // Another instance cannot renew it.
        expect(await store.renewClaim(sub.id, T0, 'i-2', at(LEASE), LEASE)).toBe(false);
        // Without heartbeats the lease runs out and another instance takes the slot; the old holder's
        // late heartbeat then finds it lost and changes nothing.
        expect((await store.claimSlot(sub.id, T0, 'i-2', at(2 * LEASE), LEASE)).claimed).toBe(true);
        expect(await store.renewClaim(sub.id, T0, 'i-1', at(2 * LEASE), LEASE)).toBe(false);
        expect(await store.getDelivery(sub.id, T0)).toMatchObject({ claimedBy: 'i-2', status: 'claimed' });
        expect((await store.getDelivery(sub.id, T0))!.leaseUntil!.toISOString()).toBe(
          at(3 * LEASE).toISOString(),
        );
        // A finished slot is not renewed either.
        await store.markSent(sub.id, T0, 'i-2', '1742720400.000200', at(2 * LEASE + SECOND));
        expect(await store.renewClaim(sub.id, T0, 'i-2', at(2 * LEASE + SECOND), LEASE)).toBe(false);
        expect(await store.renewClaim(sub.id, at(HOUR), 'i-2', at(0), LEASE)).toBe(false);
      });

      it('lets only the current claim holder mark a slot sent or failed', async () => {
        const sub = await store.createSubscription(newSub());
        const other = await openExtra();
        await store.claimSlot(sub.id, T0, 'stale', at(0), LEASE);
        // The stale instance stalls past its lease; another takes the slot over.
        expect((await other.claimSlot(sub.id, T0, 'fresh', at(LEASE), LEASE)).claimed).toBe(true);
        expect(await store.markSent(sub.id, T0, 'stale', '1742720400.000300', at(LEASE + SECOND))).toBe(
          false,
        );
        expect(await store.markFailed(sub.id, T0, 'stale', 'internal_error', at(LEASE + HOUR))).toBe(false);
        expect(await store.markFailed(sub.id, T0, 'stale', 'invalid_blocks')).toBe(false);
        expect(await store.getDelivery(sub.id, T0)).toMatchObject({
          status: 'claimed',
          claimedBy: 'fresh',
          messageTs: null,
          lastError: null,
        });
        // The holder's writes land; after that the slot is finished for everyone, the holder included.
        expect(await other.markSent(sub.id, T0, 'fresh', '1742720400.000400', at(LEASE + SECOND))).toBe(true);
        expect(await store.markSent(sub.id, T0, 'stale', '1742720400.000300', at(LEASE + 2 * SECOND))).toBe(
          false,
        );
        expect(await other.markFailed(sub.id, T0, 'fresh', 'late error')).toBe(false);
        expect(await store.getDelivery(sub.id, T0)).toMatchObject({
          status: 'sent',
          claimedBy: 'fresh',
          messageTs: '1742720400.000400',
          lastError: null,
        });

        // A failed slot is not the stale instance's to change either.
        const slot2 = at(24 * HOUR);
        await store.claimSlot(sub.id, slot2, 'a', at(0), LEASE);
        expect(await store.markFailed(sub.id, slot2, 'a', 'ratelimited', at(SECOND))).toBe(true);
        expect(await store.markSent(sub.id, slot2, 'a', '1742720400.000500', at(2 * SECOND))).toBe(false);
        expect(await store.getDelivery(sub.id, slot2)).toMatchObject({
          status: 'failed',
          lastError: 'ratelimited',
        });
      });

      it('makes the latest failed slot retryable when a paused subscription is resumed', async () => {
        const sub = await store.createSubscription(newSub());
        const old = at(-7 * 24 * HOUR);
        await store.claimSlot(sub.id, old, 'i-1', at(-7 * 24 * HOUR), LEASE);
        await store.markFailed(sub.id, old, 'i-1', 'invalid_blocks');
        await store.claimSlot(sub.id, T0, 'i-1', at(0), LEASE);
        await store.markFailed(sub.id, T0, 'i-1', 'not_in_channel');
        await store.pauseSubscription(sub.id, 'not_in_channel', at(SECOND));
        const retryable = async (now: Date) =>
          (await store.listRetryableDeliveries(now))
            .filter((d) => d.subscriptionId === sub.id)
            .map((d) => d.slot.toISOString());
        expect(await retryable(at(HOUR))).toEqual([]);

        expect(await store.resumeSubscription(sub.id, at(HOUR))).toBe(true);
        // Only the latest slot: an older final failure stays final.
        expect(await retryable(at(HOUR))).toEqual([T0.toISOString()]);
        expect(await store.claimSlot(sub.id, T0, 'i-2', at(HOUR), LEASE)).toMatchObject({
          claimed: true,
          reclaim: true,
        });
        expect(await store.claimSlot(sub.id, old, 'i-2', at(HOUR), LEASE)).toEqual({ claimed: false });
        // Resuming an active subscription changes nothing.
        expect(await store.resumeSubscription(sub.id, at(2 * HOUR))).toBe(false);
      });

      it('reports the latest ledger slot whatever its status', async () => {
        const sub = await store.createSubscription(newSub());
        expect(await store.lastSlot(sub.id)).toBeNull();
        await store.claimSlot(sub.id, at(168 * HOUR), 'i-1', at(0), LEASE);
        await store.markSkipped(sub.id, T0, 'too old');
        expect((await store.lastSlot(sub.id))!.toISOString()).toBe(at(168 * HOUR).toISOString());
      });

      it('gives each of 50 slots to exactly one of 3 racing instances', async () => {
        const instances = [store, await openExtra(), await openExtra()];
        const sub = await store.createSubscription(newSub());
        const slots = Array.from({ length: 50 }, (_, i) => at(i * 24 * HOUR));
        const attempts = instances.flatMap((s, n) =>
          // Each instance walks the slots in a different order so they really collide.
          (n % 2 === 0 ? slots : [...slots].reverse()).map(async (slot) => ({
            instance: `i-${n}`,
            slot: slot.toISOString(),
            result: await s.claimSlot(sub.id, slot, `i-${n}`, at(0), LEASE),
          })),
        );
        const results = await Promise.all(attempts);
        const winners = results.filter((r) => r.result.claimed);
        expect(winners).toHaveLength(50);
        expect(new Set(winners.map((w) => w.slot)).size).toBe(50);
        for (const w of winners) {
          expect(await store.getDelivery(sub.id, new Date(w.slot))).toMatchObject({
            claimedBy: w.instance,
            attempts: 1,
          });
        }
      });

      it('gives each expired lease to exactly one of 3 racing re-claimers', async () => {
        const instances = [store, await openExtra(), await openExtra()];
        const sub = await store.createSubscription(newSub());
        const slots = Array.from({ length: 20 }, (_, i) => at(i * 24 * HOUR));
        for (const slot of slots) await store.claimSlot(sub.id, slot, 'crashed', at(0), LEASE);
        const results = await Promise.all(
          instances.flatMap((s, n) =>
            slots.map(
              async (slot) => (await s.claimSlot(sub.id, slot, `i-${n}`, at(LEASE + 1), LEASE)).claimed,
            ),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(20);
        for (const slot of slots) {
          expect(await store.getDelivery(sub.id, slot)).toMatchObject({ status: 'claimed', attempts: 2 });
        }
      });

      it('removes ledger rows and digest state with their subscription', async () => {
        const sub = await store.createSubscription(newSub());
        await store.claimSlot(sub.id, T0, 'i-1', at(0), LEASE);
        await store.setDigestState(sub.id, { releases: { gdhi: '2026-01-01' } });
        await store.deleteSubscription(sub.teamId, null, sub.id);
        expect(await store.getDelivery(sub.id, T0)).toBeNull();
        expect(await store.lastSlot(sub.id)).toBeNull();
        expect(await store.getDigestState(sub.id)).toBeNull();
      });
    });

    describe('processed events', () => {
      it('is true only the first time an event id is seen', async () => {
        const id = uid('Ev');
        expect(await store.markEventProcessed(id, at(0))).toBe(true);
        expect(await store.markEventProcessed(id, at(SECOND))).toBe(false);
        expect(await store.markEventProcessed(uid('Ev'), at(SECOND))).toBe(true);
      });

      it('prunes ids older than the TTL', async () => {
        const short = await openExtra({ eventTtlMs: 10 * 60 * SECOND });
        const id = uid('Ev');
        expect(await short.markEventProcessed(id, at(0))).toBe(true);
        expect(await short.markEventProcessed(id, at(9 * 60 * SECOND))).toBe(false);
        // Past the TTL, the next call prunes the old row first, so the id counts as new again.
        expect(await short.markEventProcessed(id, at(11 * 60 * SECOND))).toBe(true);
      });
    });

    describe('user settings and digest state', () => {
      it('stores user settings per team and user, replacing on write', async () => {
        const team = uid('T');
        expect(await store.getUserSettings(team, 'U1')).toBeNull();
        await store.setUserSettings(team, 'U1', { homePlaceCode: 'E08000003', chartStyle: 'bar' });
        expect(await store.getUserSettings(team, 'U1')).toEqual({
          homePlaceCode: 'E08000003',
          chartStyle: 'bar',
        });
        await store.setUserSettings(team, 'U1', { homePlaceCode: 'E09000001' });
        expect(await store.getUserSettings(team, 'U1')).toEqual({ homePlaceCode: 'E09000001' });
        expect(await store.getUserSettings(uid('T'), 'U1')).toBeNull();
      });

      it('round-trips digest state as JSON', async () => {
        const sub = await store.createSubscription(newSub());
        expect(await store.getDigestState(sub.id)).toBeNull();
        const state = { releases: { gdhi: '2025-09-04', employment: '2026-03-17' }, lastValues: [1.5, null] };
        await store.setDigestState(sub.id, state);
        expect(await store.getDigestState(sub.id)).toEqual(state);
        await store.setDigestState(sub.id, { releases: {} });
        expect(await store.getDigestState(sub.id)).toEqual({ releases: {} });
      });
    });

    describe('shared snapshots', () => {
      it('stores a snapshot once per stamp, gives the newest stamp and the bytes back', async () => {
        const stamp = `2026-12-0${Math.floor(Math.random() * 9) + 1}T07-30-00.000Z-${uid('s')}`;
        const gz = Buffer.from([0x1f, 0x8b, 1, 2, 3, 0, 255]);
        expect(await store.snapshots.put({ stamp, sha256: 'abc', gz, report: '{"changes":null}' })).toBe(
          true,
        );
        expect(await store.snapshots.put({ stamp, sha256: 'abc', gz, report: null })).toBe(false);
        const back = await store.snapshots.get(stamp);
        expect(back?.gz.equals(gz)).toBe(true);
        expect(back?.sha256).toBe('abc');
        expect(JSON.parse(back?.report ?? 'null')).toEqual({ changes: null });
        expect((await store.snapshots.latestStamp())! >= stamp).toBe(true);
        expect(await store.snapshots.get('no-such-stamp')).toBeNull();
      });

      it('runs a job on one instance at a time', async () => {
        const other = await openExtra();
        let release!: () => void;
        const held = new Promise<void>((r) => {
          release = r;
        });
        const name = uid('job');
        const first = store.snapshots.exclusively(name, async () => {
          await held;
          return 'first';
        });
        await new Promise((r) => setTimeout(r, 50));
        // The same store (SQLite: one host) or another instance (PostgreSQL) is refused while it runs.
        const second = await (harness.engine === 'postgres' ? other : store).snapshots.exclusively(
          name,
          async () => 'second',
        );
        expect(second).toBeNull();
        release();
        expect(await first).toBe('first');
        expect(await other.snapshots.exclusively(name, async () => 'again')).toBe('again');
      });
    });

    describe('alerts and their ledger', () => {
      const spec = {
        kind: 'threshold' as const,
        indicator: 'claimant-count',
        label: 'Claimant Count',
        place: 'E08000035',
        op: 'above' as const,
        value: 4,
      };

      it('creates, lists by channel, deletes by id prefix in its own channel only', async () => {
        const team = uid('T');
        const a = await store.alerts.create({ teamId: team, channelId: 'C1', createdBy: 'U1', spec }, T0);
        await store.alerts.create({ teamId: team, channelId: 'C2', createdBy: 'U1', spec }, at(SECOND));
        expect((await store.alerts.list(team, 'C1')).map((x) => x.id)).toEqual([a.id]);
        expect((await store.alerts.list(team, 'C1'))[0].spec).toEqual(spec);
        expect(await store.alerts.list(team)).toHaveLength(2);
        expect(await store.alerts.remove(team, 'C2', a.id.slice(0, 8))).toBe(false); // another channel's
        expect(await store.alerts.remove(team, 'C1', a.id.slice(0, 3))).toBe(false); // too short to be sure
        expect(await store.alerts.remove(team, 'C1', a.id.slice(0, 8))).toBe(true);
        expect(await store.alerts.list(team, 'C1')).toEqual([]);
      });

      it('one claim per event across instances; only the holder marks it sent; a lapsed claim can be taken over', async () => {
        const other = await openExtra();
        const alert = await store.alerts.create(
          { teamId: uid('T'), channelId: 'C1', createdBy: 'U1', spec },
          T0,
        );
        const key = 'threshold|claimant-count|E08000035|2026|above|4';
        const claims = await Promise.all([
          store.alerts.claim(alert.id, key, 'i1', T0),
          other.alerts.claim(alert.id, key, 'i2', T0),
          store.alerts.claim(alert.id, key, 'i3', T0),
        ]);
        expect(claims.filter(Boolean)).toHaveLength(1);
        const holder = ['i1', 'i2', 'i3'][claims.indexOf(true)];
        expect(await store.alerts.markSent(alert.id, key, 'not-the-holder', '1.1', at(SECOND))).toBe(false);
        // Within the lease nobody else may take it; after the lease (holder presumed dead) one may.
        expect(await other.alerts.claim(alert.id, key, 'i9', at(30 * SECOND))).toBe(false);
        expect(await other.alerts.claim(alert.id, key, 'i9', at(61 * SECOND))).toBe(true);
        expect(await store.alerts.markSent(alert.id, key, holder, '1.2', at(62 * SECOND))).toBe(false);
        expect(await other.alerts.markSent(alert.id, key, 'i9', '1.3', at(62 * SECOND))).toBe(true);
        expect(await store.alerts.delivery(alert.id, key)).toEqual({
          status: 'sent',
          claimedBy: 'i9',
          messageTs: '1.3',
        });
        // Sent is final: never claimed again, however late.
        expect(await store.alerts.claim(alert.id, key, 'i1', at(10 * HOUR))).toBe(false);
      });

      it('a released claim (the post failed) can be claimed again at once', async () => {
        const alert = await store.alerts.create(
          { teamId: uid('T'), channelId: 'C1', createdBy: 'U1', spec },
          T0,
        );
        expect(await store.alerts.claim(alert.id, 'k', 'i1', T0)).toBe(true);
        await store.alerts.release(alert.id, 'k', 'i1');
        expect(await store.alerts.claim(alert.id, 'k', 'i2', at(SECOND))).toBe(true);
      });
    });
  });
}
