import type BetterSqlite3 from 'better-sqlite3';
import type { Pool } from 'pg';

/**
 * Versioned schema migrations. Each version carries its SQL per engine because the dialects differ
 * (SQLite: INTEGER epoch milliseconds and JSON text; PostgreSQL: timestamptz, text[], jsonb, boolean).
 * Never edit a released migration: add a new version instead, since deployed databases have already
 * recorded the old one in schema_migrations.
 */
export interface Migration {
  version: number;
  name: string;
  sqlite: string[];
  postgres: string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'subscriptions, deliveries, user settings, processed events, digest state',
    sqlite: [
      `CREATE TABLE subscriptions (
        id TEXT PRIMARY KEY,
        team_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        created_by TEXT NOT NULL,
        cadence TEXT NOT NULL CHECK (cadence IN ('weekly', 'daily')),
        weekday INTEGER CHECK (weekday BETWEEN 0 AND 6),
        time TEXT NOT NULL,
        tz TEXT NOT NULL DEFAULT 'Europe/London',
        places TEXT NOT NULL,
        indicators TEXT NOT NULL,
        skip_when_no_new_data INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
        paused_reason TEXT,
        paused_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      )`,
      'CREATE INDEX subscriptions_team_channel ON subscriptions (team_id, channel_id)',
      'CREATE INDEX subscriptions_status ON subscriptions (status)',
      `CREATE TABLE deliveries (
        subscription_id TEXT NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        slot INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'skipped', 'failed')),
        claimed_by TEXT,
        claimed_at INTEGER,
        lease_until INTEGER,
        sent_at INTEGER,
        message_ts TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        retry_at INTEGER,
        PRIMARY KEY (subscription_id, slot)
      )`,
      'CREATE INDEX deliveries_status ON deliveries (status)',
      `CREATE TABLE user_settings (
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        settings TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (team_id, user_id)
      )`,
      `CREATE TABLE processed_events (
        event_id TEXT PRIMARY KEY,
        processed_at INTEGER NOT NULL
      )`,
      'CREATE INDEX processed_events_at ON processed_events (processed_at)',
      `CREATE TABLE digest_state (
        subscription_id TEXT PRIMARY KEY REFERENCES subscriptions (id) ON DELETE CASCADE,
        state TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      )`,
    ],
    postgres: [
      `CREATE TABLE subscriptions (
        id TEXT PRIMARY KEY,
        team_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        created_by TEXT NOT NULL,
        cadence TEXT NOT NULL CHECK (cadence IN ('weekly', 'daily')),
        weekday SMALLINT CHECK (weekday BETWEEN 0 AND 6),
        time TEXT NOT NULL,
        tz TEXT NOT NULL DEFAULT 'Europe/London',
        places TEXT[] NOT NULL,
        indicators TEXT[] NOT NULL,
        skip_when_no_new_data BOOLEAN NOT NULL DEFAULT FALSE,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
        paused_reason TEXT,
        paused_at TIMESTAMPTZ,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      )`,
      'CREATE INDEX subscriptions_team_channel ON subscriptions (team_id, channel_id)',
      'CREATE INDEX subscriptions_status ON subscriptions (status)',
      `CREATE TABLE deliveries (
        subscription_id TEXT NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        slot TIMESTAMPTZ NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'skipped', 'failed')),
        claimed_by TEXT,
        claimed_at TIMESTAMPTZ,
        lease_until TIMESTAMPTZ,
        sent_at TIMESTAMPTZ,
        message_ts TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        retry_at TIMESTAMPTZ,
        PRIMARY KEY (subscription_id, slot)
      )`,
      // Only unfinished rows are ever scanned by status, so a partial index stays small.
      `CREATE INDEX deliveries_open ON deliveries (status) WHERE status IN ('claimed', 'failed')`,
      `CREATE TABLE user_settings (
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        settings JSONB NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (team_id, user_id)
      )`,
      `CREATE TABLE processed_events (
        event_id TEXT PRIMARY KEY,
        processed_at TIMESTAMPTZ NOT NULL
      )`,
      'CREATE INDEX processed_events_at ON processed_events (processed_at)',
      `CREATE TABLE digest_state (
        subscription_id TEXT PRIMARY KEY REFERENCES subscriptions (id) ON DELETE CASCADE,
        state JSONB NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    name: 'alerts and their delivery ledger',
    sqlite: [
      `CREATE TABLE alerts (
        id TEXT PRIMARY KEY,
        team_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        created_by TEXT NOT NULL,
        spec TEXT NOT NULL,
        created_at INTEGER NOT NULL
      )`,
      'CREATE INDEX alerts_by_channel ON alerts (team_id, channel_id)',
      `CREATE TABLE alert_deliveries (
        alert_id TEXT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
        event_key TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent')),
        claimed_by TEXT NOT NULL,
        claimed_at INTEGER NOT NULL,
        sent_at INTEGER,
        message_ts TEXT,
        PRIMARY KEY (alert_id, event_key)
      )`,
    ],
    postgres: [
      `CREATE TABLE alerts (
        id TEXT PRIMARY KEY,
        team_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        created_by TEXT NOT NULL,
        spec JSONB NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      )`,
      'CREATE INDEX alerts_by_channel ON alerts (team_id, channel_id)',
      `CREATE TABLE alert_deliveries (
        alert_id TEXT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
        event_key TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent')),
        claimed_by TEXT NOT NULL,
        claimed_at TIMESTAMPTZ NOT NULL,
        sent_at TIMESTAMPTZ,
        message_ts TEXT,
        PRIMARY KEY (alert_id, event_key)
      )`,
    ],
  },
  {
    version: 3,
    name: 'refreshed snapshots shared by instances',
    sqlite: [
      `CREATE TABLE snapshots (
        stamp TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        gz BLOB NOT NULL,
        report TEXT,
        created_at INTEGER NOT NULL
      )`,
    ],
    postgres: [
      `CREATE TABLE snapshots (
        stamp TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        gz BYTEA NOT NULL,
        report JSONB,
        created_at TIMESTAMPTZ NOT NULL
      )`,
    ],
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

const SQLITE_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at INTEGER NOT NULL
)`;

const POSTGRES_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

/**
 * Any fixed 64-bit number works as long as every instance uses the same one; this is the first 8 bytes
 * of sha256('northstat:migrations') so it is unlikely to collide with another app's advisory lock.
 */
const PG_MIGRATION_LOCK_KEY = '-3116157588112415996';

function pending(applied: Set<number>): Migration[] {
  return MIGRATIONS.filter((m) => !applied.has(m.version));
}

/**
 * Applies pending migrations in one BEGIN IMMEDIATE transaction: IMMEDIATE takes SQLite's write lock up
 * front, so a second process starting at the same time waits (busy_timeout) and then sees the versions
 * the first one recorded, instead of both reading "nothing applied" and racing to create tables.
 * Returns the versions this call applied.
 */
export function migrateSqlite(db: BetterSqlite3.Database): number[] {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(SQLITE_LEDGER);
    const rows = db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[];
    const todo = pending(new Set(rows.map((r) => r.version)));
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of todo) {
      for (const sql of m.sqlite) db.exec(sql);
      record.run(m.version, m.name, Date.now());
    }
    db.exec('COMMIT');
    return todo.map((m) => m.version);
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

/**
 * Applies pending migrations in one transaction holding a transaction-scoped advisory lock. Without the
 * lock two instances could both find a version missing; CREATE TABLE IF NOT EXISTS is not safe against
 * that either (concurrent creators can fail on the catalogue's unique index). DDL is transactional in
 * PostgreSQL, so a failed migration leaves nothing half-applied. Returns the versions this call applied.
 */
export async function migratePostgres(pool: Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [PG_MIGRATION_LOCK_KEY]);
    await client.query(POSTGRES_LEDGER);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const todo = pending(new Set(rows.map((r) => r.version)));
    for (const m of todo) {
      for (const sql of m.postgres) await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
    }
    await client.query('COMMIT');
    return todo.map((m) => m.version);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
