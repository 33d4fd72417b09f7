import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteAlertStore } from './alerts-sqlite';
import { SqliteSnapshotStore } from './snapshots-sqlite';
import { migrateSqlite } from './migrations';
import {
  type ClaimResult,
  DEFAULT_EVENT_TTL_MS,
  type Delivery,
  type DeliveryStatus,
  type DigestState,
  type NewSubscription,
  type Store,
  type Subscription,
  type SubscriptionStatus,
  type UserSettings,
} from './types';
import { normaliseNewSubscription } from './validate';

/*
 * SQLite engine for a single instance. Times are INTEGER epoch milliseconds, lists and settings are
 * JSON text. better-sqlite3 is synchronous; the async methods only satisfy the shared interface.
 */

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests. */
  filename: string;
  eventTtlMs?: number;
  /**
   * How long to wait for another process's write lock before SQLITE_BUSY (default 15 s: processes
   * starting together on a loaded host queue behind the one migrating instead of failing).
   */
  busyTimeoutMs?: number;
}

interface SubscriptionRow {
  id: string;
  team_id: string;
  channel_id: string;
  created_by: string;
  cadence: 'weekly' | 'daily';
  weekday: number | null;
  time: string;
  tz: string;
  places: string;
  indicators: string;
  skip_when_no_new_data: number;
  status: SubscriptionStatus;
  paused_reason: string | null;
  paused_at: number | null;
  created_at: number;
  updated_at: number;
}

interface DeliveryRow {
  subscription_id: string;
  slot: number;
  status: DeliveryStatus;
  claimed_by: string | null;
  claimed_at: number | null;
  lease_until: number | null;
  sent_at: number | null;
  message_ts: string | null;
  attempts: number;
  last_error: string | null;
  retry_at: number | null;
}

const toDate = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

/** Runs `fn`, again every 25 ms while SQLite answers SQLITE_BUSY, for at most `timeoutMs` (start-up only). */
function retryWhileBusy<T>(fn: () => T, timeoutMs: number): T {
  const deadline = Date.now() + timeoutMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return fn();
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw err;
      Atomics.wait(pause, 0, 0, 25); // a synchronous wait: the constructor is synchronous
    }
  }
}

function toSubscription(r: SubscriptionRow): Subscription {
  return {
    id: r.id,
    teamId: r.team_id,
    channelId: r.channel_id,
    createdBy: r.created_by,
    cadence: r.cadence,
    weekday: r.weekday,
    time: r.time,
    tz: r.tz,
    places: JSON.parse(r.places) as string[],
    indicators: JSON.parse(r.indicators) as string[],
    skipWhenNoNewData: r.skip_when_no_new_data === 1,
    status: r.status,
    pausedReason: r.paused_reason,
    pausedAt: toDate(r.paused_at),
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

function toDelivery(r: DeliveryRow): Delivery {
  return {
    subscriptionId: r.subscription_id,
    slot: new Date(r.slot),
    status: r.status,
    claimedBy: r.claimed_by,
    claimedAt: toDate(r.claimed_at),
    leaseUntil: toDate(r.lease_until),
    sentAt: toDate(r.sent_at),
    messageTs: r.message_ts,
    attempts: r.attempts,
    lastError: r.last_error,
    retryAt: toDate(r.retry_at),
  };
}

export class SqliteStore implements Store {
  readonly engine = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly eventTtlMs: number;
  readonly alerts: SqliteAlertStore;
  readonly snapshots: SqliteSnapshotStore;
  /** Migration versions this open applied (empty when another process, or an earlier start, had done it). */
  readonly appliedMigrations: readonly number[];

  constructor(options: SqliteStoreOptions) {
    if (options.filename !== ':memory:') mkdirSync(dirname(options.filename), { recursive: true });
    this.db = new Database(options.filename, { timeout: options.busyTimeoutMs ?? 15_000 });
    this.eventTtlMs = options.eventTtlMs ?? DEFAULT_EVENT_TTL_MS;
    // WAL lets the scheduler read while a command handler writes; NORMAL sync is durable enough in WAL.
    // Switching a fresh file to WAL while another process does the same can fail at once with
    // SQLITE_BUSY (SQLite does not call the busy handler there): retried until the busy timeout.
    const busyMs = options.busyTimeoutMs ?? 15_000;
    if (options.filename !== ':memory:') retryWhileBusy(() => this.db.pragma('journal_mode = WAL'), busyMs);
    this.db.pragma('synchronous = NORMAL');
    // SQLite leaves foreign keys off by default; the ON DELETE CASCADE clauses depend on them.
    this.db.pragma('foreign_keys = ON');
    this.appliedMigrations = retryWhileBusy(() => migrateSqlite(this.db), busyMs);
    this.alerts = new SqliteAlertStore(this.db);
    this.snapshots = new SqliteSnapshotStore(this.db);
  }

  async schemaVersion(): Promise<number> {
    const row = this.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as {
      v: number | null;
    };
    return row.v ?? 0;
  }

  async createSubscription(input: NewSubscription, now: Date = new Date()): Promise<Subscription> {
    const s = normaliseNewSubscription(input);
    const id = randomUUID();
    const ms = now.getTime();
    this.db
      .prepare(
        `INSERT INTO subscriptions (id, team_id, channel_id, created_by, cadence, weekday, time, tz, places,
           indicators, skip_when_no_new_data, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
      )
      .run(
        id,
        s.teamId,
        s.channelId,
        s.createdBy,
        s.cadence,
        s.weekday,
        s.time,
        s.tz,
        JSON.stringify(s.places),
        JSON.stringify(s.indicators),
        s.skipWhenNoNewData ? 1 : 0,
        ms,
        ms,
      );
    const created = await this.getSubscription(s.teamId, id);
    return created!;
  }

  async listSubscriptions(teamId: string, channelId?: string): Promise<Subscription[]> {
    const rows = (
      channelId === undefined
        ? this.db.prepare('SELECT * FROM subscriptions WHERE team_id = ? ORDER BY created_at, id').all(teamId)
        : this.db
            .prepare(
              'SELECT * FROM subscriptions WHERE team_id = ? AND channel_id = ? ORDER BY created_at, id',
            )
            .all(teamId, channelId)
    ) as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  async getSubscription(teamId: string, id: string): Promise<Subscription | null> {
    const row = this.db.prepare('SELECT * FROM subscriptions WHERE team_id = ? AND id = ?').get(teamId, id) as
      | SubscriptionRow
      | undefined;
    return row ? toSubscription(row) : null;
  }

  async deleteSubscription(teamId: string, channelId: string | null, id: string): Promise<boolean> {
    const info = this.db
      .prepare('DELETE FROM subscriptions WHERE team_id = ? AND id = ? AND (? IS NULL OR channel_id = ?)')
      .run(teamId, id, channelId, channelId);
    return info.changes > 0;
  }

  async pauseSubscription(id: string, reason: string, now: Date = new Date()): Promise<boolean> {
    const info = this.db
      .prepare(
        `UPDATE subscriptions SET status = 'paused', paused_reason = ?, paused_at = ?, updated_at = ?
         WHERE id = ? AND status = 'active'`,
      )
      .run(reason, now.getTime(), now.getTime(), id);
    return info.changes > 0;
  }

  async resumeSubscription(id: string, now: Date = new Date()): Promise<boolean> {
    const resume = this.db.transaction(() => {
      const info = this.db
        .prepare(
          `UPDATE subscriptions SET status = 'active', paused_reason = NULL, paused_at = NULL, updated_at = ?
           WHERE id = ? AND status = 'paused'`,
        )
        .run(now.getTime(), id);
      if (info.changes === 0) return false;
      this.db
        .prepare(
          `UPDATE deliveries SET retry_at = ?
           WHERE subscription_id = ? AND status = 'failed'
             AND slot = (SELECT MAX(slot) FROM deliveries WHERE subscription_id = ?)`,
        )
        .run(now.getTime(), id, id);
      return true;
    });
    return resume.immediate();
  }

  async listActiveSubscriptions(): Promise<Subscription[]> {
    const rows = this.db
      .prepare(`SELECT * FROM subscriptions WHERE status = 'active' ORDER BY team_id, created_at, id`)
      .all() as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  async claimSlot(
    subscriptionId: string,
    slot: Date,
    instanceId: string,
    now: Date,
    leaseMs: number,
  ): Promise<ClaimResult> {
    // One statement: insert a fresh claim, or take over an expired lease / a due retry. The upsert's
    // WHERE makes the takeover conditional, and SQLite's single writer makes the statement atomic
    // across connections and processes. No row back means someone else holds the slot.
    const row = this.db
      .prepare(
        `INSERT INTO deliveries (subscription_id, slot, status, claimed_by, claimed_at, lease_until, attempts)
         VALUES (@sub, @slot, 'claimed', @by, @now, @lease, 1)
         ON CONFLICT (subscription_id, slot) DO UPDATE SET
           status = 'claimed', claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at,
           lease_until = excluded.lease_until, attempts = deliveries.attempts + 1, retry_at = NULL
         WHERE (deliveries.status = 'claimed' AND deliveries.lease_until <= excluded.claimed_at)
            OR (deliveries.status = 'failed' AND deliveries.retry_at IS NOT NULL
                AND deliveries.retry_at <= excluded.claimed_at)
         RETURNING attempts`,
      )
      .get({
        sub: subscriptionId,
        slot: slot.getTime(),
        by: instanceId,
        now: now.getTime(),
        lease: now.getTime() + leaseMs,
      }) as { attempts: number } | undefined;
    if (!row) return { claimed: false };
    return { claimed: true, attempt: row.attempts, reclaim: row.attempts > 1 };
  }

  async renewClaim(
    subscriptionId: string,
    slot: Date,
    instanceId: string,
    now: Date,
    leaseMs: number,
  ): Promise<boolean> {
    const info = this.db
      .prepare(
        `UPDATE deliveries SET lease_until = ?
         WHERE subscription_id = ? AND slot = ? AND status = 'claimed' AND claimed_by = ?`,
      )
      .run(now.getTime() + leaseMs, subscriptionId, slot.getTime(), instanceId);
    return info.changes > 0;
  }

  async markSent(
    subscriptionId: string,
    slot: Date,
    instanceId: string,
    messageTs: string,
    now: Date = new Date(),
  ): Promise<boolean> {
    const info = this.db
      .prepare(
        `UPDATE deliveries SET status = 'sent', sent_at = ?, message_ts = ?, lease_until = NULL, retry_at = NULL,
           last_error = NULL
         WHERE subscription_id = ? AND slot = ? AND status = 'claimed' AND claimed_by = ?`,
      )
      .run(now.getTime(), messageTs, subscriptionId, slot.getTime(), instanceId);
    return info.changes > 0;
  }

  async markSkipped(subscriptionId: string, slot: Date, reason: string): Promise<void> {
    // Upsert, because a slot too old to post is skipped without ever being claimed.
    this.db
      .prepare(
        `INSERT INTO deliveries (subscription_id, slot, status, last_error, attempts)
         VALUES (?, ?, 'skipped', ?, 0)
         ON CONFLICT (subscription_id, slot) DO UPDATE SET
           status = 'skipped', last_error = excluded.last_error, lease_until = NULL, retry_at = NULL`,
      )
      .run(subscriptionId, slot.getTime(), reason);
  }

  async markFailed(
    subscriptionId: string,
    slot: Date,
    instanceId: string,
    error: string,
    retryAt?: Date,
  ): Promise<boolean> {
    const info = this.db
      .prepare(
        `UPDATE deliveries SET status = 'failed', last_error = ?, retry_at = ?, lease_until = NULL
         WHERE subscription_id = ? AND slot = ? AND status = 'claimed' AND claimed_by = ?`,
      )
      .run(error, retryAt ? retryAt.getTime() : null, subscriptionId, slot.getTime(), instanceId);
    return info.changes > 0;
  }

  async getDelivery(subscriptionId: string, slot: Date): Promise<Delivery | null> {
    const row = this.db
      .prepare('SELECT * FROM deliveries WHERE subscription_id = ? AND slot = ?')
      .get(subscriptionId, slot.getTime()) as DeliveryRow | undefined;
    return row ? toDelivery(row) : null;
  }

  async lastSlot(subscriptionId: string): Promise<Date | null> {
    const row = this.db
      .prepare('SELECT MAX(slot) AS slot FROM deliveries WHERE subscription_id = ?')
      .get(subscriptionId) as { slot: number | null };
    return toDate(row.slot);
  }

  async listRetryableDeliveries(now: Date): Promise<Delivery[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM deliveries
         WHERE (status = 'failed' AND retry_at IS NOT NULL AND retry_at <= @now)
            OR (status = 'claimed' AND lease_until <= @now)
         ORDER BY slot, subscription_id`,
      )
      .all({ now: now.getTime() }) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  async getUserSettings(teamId: string, userId: string): Promise<UserSettings | null> {
    const row = this.db
      .prepare('SELECT settings FROM user_settings WHERE team_id = ? AND user_id = ?')
      .get(teamId, userId) as { settings: string } | undefined;
    return row ? (JSON.parse(row.settings) as UserSettings) : null;
  }

  async setUserSettings(
    teamId: string,
    userId: string,
    settings: UserSettings,
    now: Date = new Date(),
  ): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO user_settings (team_id, user_id, settings, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (team_id, user_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
      )
      .run(teamId, userId, JSON.stringify(settings), now.getTime());
  }

  async markEventProcessed(eventId: string, now: Date): Promise<boolean> {
    const ms = now.getTime();
    // Prune first so an id seen longer ago than the TTL counts as new again rather than lingering forever.
    this.db.prepare('DELETE FROM processed_events WHERE processed_at < ?').run(ms - this.eventTtlMs);
    const info = this.db
      .prepare('INSERT INTO processed_events (event_id, processed_at) VALUES (?, ?) ON CONFLICT DO NOTHING')
      .run(eventId, ms);
    return info.changes === 1;
  }

  async getDigestState(subscriptionId: string): Promise<DigestState | null> {
    const row = this.db
      .prepare('SELECT state FROM digest_state WHERE subscription_id = ?')
      .get(subscriptionId) as { state: string } | undefined;
    return row ? (JSON.parse(row.state) as DigestState) : null;
  }

  async setDigestState(subscriptionId: string, state: DigestState, now: Date = new Date()): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO digest_state (subscription_id, state, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (subscription_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
      )
      .run(subscriptionId, JSON.stringify(state), now.getTime());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
