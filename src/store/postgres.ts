import { randomUUID } from 'node:crypto';
import { Pool, type PoolConfig } from 'pg';
import { PostgresAlertStore } from './alerts-postgres';
import { PostgresSnapshotStore } from './snapshots-postgres';
import { migratePostgres } from './migrations';
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
 * PostgreSQL engine, for one or many app instances sharing a database. Every multi-instance guarantee
 * (one delivery per slot, one migration run) comes from the database itself: a unique key plus
 * INSERT … ON CONFLICT for claims, and an advisory lock for migrations. Nothing is coordinated in memory.
 */

export interface PostgresStoreOptions {
  connectionString: string;
  eventTtlMs?: number;
  /** Pool size per instance. */
  max?: number;
  /**
   * Called for errors on idle pooled connections (e.g. the server restarting). pg emits these on the Pool,
   * and an unhandled 'error' event would crash the process, so there is always a listener.
   */
  onPoolError?: (err: Error) => void;
  /** Extra pg settings, e.g. a statement timeout; tests use `options` to pin search_path. */
  pool?: Omit<PoolConfig, 'connectionString' | 'max'>;
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
  places: string[];
  indicators: string[];
  skip_when_no_new_data: boolean;
  status: SubscriptionStatus;
  paused_reason: string | null;
  paused_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

interface DeliveryRow {
  subscription_id: string;
  slot: Date;
  status: DeliveryStatus;
  claimed_by: string | null;
  claimed_at: Date | null;
  lease_until: Date | null;
  sent_at: Date | null;
  message_ts: string | null;
  attempts: number;
  last_error: string | null;
  retry_at: Date | null;
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
    places: r.places,
    indicators: r.indicators,
    skipWhenNoNewData: r.skip_when_no_new_data,
    status: r.status,
    pausedReason: r.paused_reason,
    pausedAt: r.paused_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toDelivery(r: DeliveryRow): Delivery {
  return {
    subscriptionId: r.subscription_id,
    slot: r.slot,
    status: r.status,
    claimedBy: r.claimed_by,
    claimedAt: r.claimed_at,
    leaseUntil: r.lease_until,
    sentAt: r.sent_at,
    messageTs: r.message_ts,
    attempts: r.attempts,
    lastError: r.last_error,
    retryAt: r.retry_at,
  };
}

export class PostgresStore implements Store {
  readonly engine = 'postgres' as const;
  private readonly eventTtlMs: number;
  private closed = false;
  readonly alerts: PostgresAlertStore;
  readonly snapshots: PostgresSnapshotStore;

  private constructor(
    private readonly pool: Pool,
    eventTtlMs: number,
  ) {
    this.eventTtlMs = eventTtlMs;
    this.alerts = new PostgresAlertStore(pool);
    this.snapshots = new PostgresSnapshotStore(pool);
  }

  /** Connects and applies pending migrations before handing the store out. */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const pool = new Pool({
      ...options.pool,
      connectionString: options.connectionString,
      max: options.max ?? 10,
    });
    pool.on('error', options.onPoolError ?? (() => undefined));
    try {
      await migratePostgres(pool);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
    return new PostgresStore(pool, options.eventTtlMs ?? DEFAULT_EVENT_TTL_MS);
  }

  async schemaVersion(): Promise<number> {
    const { rows } = await this.pool.query<{ v: number | null }>(
      'SELECT MAX(version) AS v FROM schema_migrations',
    );
    return rows[0]?.v ?? 0;
  }

  async createSubscription(input: NewSubscription, now: Date = new Date()): Promise<Subscription> {
    const s = normaliseNewSubscription(input);
    const { rows } = await this.pool.query<SubscriptionRow>(
      `INSERT INTO subscriptions (id, team_id, channel_id, created_by, cadence, weekday, time, tz, places,
         indicators, skip_when_no_new_data, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'active', $12, $12)
       RETURNING *`,
      [
        randomUUID(),
        s.teamId,
        s.channelId,
        s.createdBy,
        s.cadence,
        s.weekday,
        s.time,
        s.tz,
        s.places,
        s.indicators,
        s.skipWhenNoNewData,
        now,
      ],
    );
    return toSubscription(rows[0]!);
  }

  async listSubscriptions(teamId: string, channelId?: string): Promise<Subscription[]> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      `SELECT * FROM subscriptions WHERE team_id = $1 AND ($2::text IS NULL OR channel_id = $2)
       ORDER BY created_at, id`,
      [teamId, channelId ?? null],
    );
    return rows.map(toSubscription);
  }

  async getSubscription(teamId: string, id: string): Promise<Subscription | null> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE team_id = $1 AND id = $2',
      [teamId, id],
    );
    return rows[0] ? toSubscription(rows[0]) : null;
  }

  async deleteSubscription(teamId: string, channelId: string | null, id: string): Promise<boolean> {
    const res = await this.pool.query(
      'DELETE FROM subscriptions WHERE team_id = $1 AND id = $2 AND ($3::text IS NULL OR channel_id = $3)',
      [teamId, id, channelId],
    );
    return (res.rowCount ?? 0) > 0;
  }

  async pauseSubscription(id: string, reason: string, now: Date = new Date()): Promise<boolean> {
    const res = await this.pool.query(
      `UPDATE subscriptions SET status = 'paused', paused_reason = $2, paused_at = $3, updated_at = $3
       WHERE id = $1 AND status = 'active'`,
      [id, reason, now],
    );
    return (res.rowCount ?? 0) > 0;
  }

  async resumeSubscription(id: string, now: Date = new Date()): Promise<boolean> {
    // One statement, so the retry is scheduled exactly when the resume happens (data-modifying CTEs always run).
    const { rows } = await this.pool.query<{ n: string }>(
      `WITH resumed AS (
         UPDATE subscriptions SET status = 'active', paused_reason = NULL, paused_at = NULL, updated_at = $2
         WHERE id = $1 AND status = 'paused' RETURNING id
       ), retried AS (
         UPDATE deliveries SET retry_at = $2
         WHERE subscription_id IN (SELECT id FROM resumed) AND status = 'failed'
           AND slot = (SELECT MAX(slot) FROM deliveries WHERE subscription_id = $1)
       )
       SELECT count(*) AS n FROM resumed`,
      [id, now],
    );
    return Number(rows[0]?.n ?? 0) > 0;
  }

  async listActiveSubscriptions(): Promise<Subscription[]> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      `SELECT * FROM subscriptions WHERE status = 'active' ORDER BY team_id, created_at, id`,
    );
    return rows.map(toSubscription);
  }

  async claimSlot(
    subscriptionId: string,
    slot: Date,
    instanceId: string,
    now: Date,
    leaseMs: number,
  ): Promise<ClaimResult> {
    // A single INSERT … ON CONFLICT DO UPDATE … WHERE is atomic under READ COMMITTED: racing inserters
    // of a new key wait for the first to commit and then take the conflict path; racing re-claimers
    // queue on the row lock and re-check the WHERE against the winner's row, which no longer qualifies.
    // So exactly one caller gets a row back, on any number of instances, without explicit locks.
    const { rows } = await this.pool.query<{ attempts: number }>(
      `INSERT INTO deliveries AS d (subscription_id, slot, status, claimed_by, claimed_at, lease_until, attempts)
       VALUES ($1, $2, 'claimed', $3, $4, $5, 1)
       ON CONFLICT (subscription_id, slot) DO UPDATE SET
         status = 'claimed', claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at,
         lease_until = EXCLUDED.lease_until, attempts = d.attempts + 1, retry_at = NULL
       WHERE (d.status = 'claimed' AND d.lease_until <= EXCLUDED.claimed_at)
          OR (d.status = 'failed' AND d.retry_at IS NOT NULL AND d.retry_at <= EXCLUDED.claimed_at)
       RETURNING attempts`,
      [subscriptionId, slot, instanceId, now, new Date(now.getTime() + leaseMs)],
    );
    const row = rows[0];
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
    const res = await this.pool.query(
      `UPDATE deliveries SET lease_until = $4
       WHERE subscription_id = $1 AND slot = $2 AND status = 'claimed' AND claimed_by = $3`,
      [subscriptionId, slot, instanceId, new Date(now.getTime() + leaseMs)],
    );
    return (res.rowCount ?? 0) > 0;
  }

  async markSent(
    subscriptionId: string,
    slot: Date,
    instanceId: string,
    messageTs: string,
    now: Date = new Date(),
  ): Promise<boolean> {
    const res = await this.pool.query(
      `UPDATE deliveries SET status = 'sent', sent_at = $3, message_ts = $4, lease_until = NULL, retry_at = NULL,
         last_error = NULL
       WHERE subscription_id = $1 AND slot = $2 AND status = 'claimed' AND claimed_by = $5`,
      [subscriptionId, slot, now, messageTs, instanceId],
    );
    return (res.rowCount ?? 0) > 0;
  }

  async markSkipped(subscriptionId: string, slot: Date, reason: string): Promise<void> {
    // Upsert, because a slot too old to post is skipped without ever being claimed.
    await this.pool.query(
      `INSERT INTO deliveries (subscription_id, slot, status, last_error, attempts)
       VALUES ($1, $2, 'skipped', $3, 0)
       ON CONFLICT (subscription_id, slot) DO UPDATE SET
         status = 'skipped', last_error = EXCLUDED.last_error, lease_until = NULL, retry_at = NULL`,
      [subscriptionId, slot, reason],
    );
  }

  async markFailed(
    subscriptionId: string,
    slot: Date,
    instanceId: string,
    error: string,
    retryAt?: Date,
  ): Promise<boolean> {
    const res = await this.pool.query(
      `UPDATE deliveries SET status = 'failed', last_error = $3, retry_at = $4, lease_until = NULL
       WHERE subscription_id = $1 AND slot = $2 AND status = 'claimed' AND claimed_by = $5`,
      [subscriptionId, slot, error, retryAt ?? null, instanceId],
    );
    return (res.rowCount ?? 0) > 0;
  }

  async getDelivery(subscriptionId: string, slot: Date): Promise<Delivery | null> {
    const { rows } = await this.pool.query<DeliveryRow>(
      'SELECT * FROM deliveries WHERE subscription_id = $1 AND slot = $2',
      [subscriptionId, slot],
    );
    return rows[0] ? toDelivery(rows[0]) : null;
  }

  async lastSlot(subscriptionId: string): Promise<Date | null> {
    const { rows } = await this.pool.query<{ slot: Date | null }>(
      'SELECT MAX(slot) AS slot FROM deliveries WHERE subscription_id = $1',
      [subscriptionId],
    );
    return rows[0]?.slot ?? null;
  }

  async listRetryableDeliveries(now: Date): Promise<Delivery[]> {
    const { rows } = await this.pool.query<DeliveryRow>(
      `SELECT * FROM deliveries
       WHERE (status = 'failed' AND retry_at IS NOT NULL AND retry_at <= $1)
          OR (status = 'claimed' AND lease_until <= $1)
       ORDER BY slot, subscription_id`,
      [now],
    );
    return rows.map(toDelivery);
  }

  async getUserSettings(teamId: string, userId: string): Promise<UserSettings | null> {
    const { rows } = await this.pool.query<{ settings: UserSettings }>(
      'SELECT settings FROM user_settings WHERE team_id = $1 AND user_id = $2',
      [teamId, userId],
    );
    return rows[0]?.settings ?? null;
  }

  async setUserSettings(
    teamId: string,
    userId: string,
    settings: UserSettings,
    now: Date = new Date(),
  ): Promise<void> {
    // JSON.stringify + ::jsonb, because pg would otherwise encode a JS array as a PostgreSQL array literal.
    await this.pool.query(
      `INSERT INTO user_settings (team_id, user_id, settings, updated_at) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (team_id, user_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = EXCLUDED.updated_at`,
      [teamId, userId, JSON.stringify(settings), now],
    );
  }

  async markEventProcessed(eventId: string, now: Date): Promise<boolean> {
    // Prune first so an id seen longer ago than the TTL counts as new again rather than lingering forever.
    await this.pool.query('DELETE FROM processed_events WHERE processed_at < $1', [
      new Date(now.getTime() - this.eventTtlMs),
    ]);
    const res = await this.pool.query(
      'INSERT INTO processed_events (event_id, processed_at) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [eventId, now],
    );
    return res.rowCount === 1;
  }

  async getDigestState(subscriptionId: string): Promise<DigestState | null> {
    const { rows } = await this.pool.query<{ state: DigestState }>(
      'SELECT state FROM digest_state WHERE subscription_id = $1',
      [subscriptionId],
    );
    return rows[0]?.state ?? null;
  }

  async setDigestState(subscriptionId: string, state: DigestState, now: Date = new Date()): Promise<void> {
    await this.pool.query(
      `INSERT INTO digest_state (subscription_id, state, updated_at) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (subscription_id) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
      [subscriptionId, JSON.stringify(state), now],
    );
  }

  async close(): Promise<void> {
    // pool.end() rejects when called twice; callers (and tests' afterAll) should not have to track that.
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
