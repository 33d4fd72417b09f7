import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { SnapshotStore, StoredSnapshot } from './snapshots';

/** The advisory lock key for a name: 64 bits of its SHA-256, as PostgreSQL's bigint. */
function lockKey(name: string): string {
  return BigInt.asIntN(
    64,
    BigInt(`0x${createHash('sha256').update(name).digest('hex').slice(0, 16)}`),
  ).toString();
}

export class PostgresSnapshotStore implements SnapshotStore {
  constructor(private readonly pool: Pool) {}

  async put(s: StoredSnapshot, now = new Date()): Promise<boolean> {
    const res = await this.pool.query(
      'INSERT INTO snapshots (stamp, sha256, gz, report, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (stamp) DO NOTHING',
      [s.stamp, s.sha256, s.gz, s.report, now],
    );
    return res.rowCount === 1;
  }

  async latestStamp(): Promise<string | null> {
    const { rows } = await this.pool.query<{ stamp: string }>(
      'SELECT stamp FROM snapshots ORDER BY stamp DESC LIMIT 1',
    );
    return rows[0]?.stamp ?? null;
  }

  async get(stamp: string): Promise<StoredSnapshot | null> {
    const { rows } = await this.pool.query<{ stamp: string; sha256: string; gz: Buffer; report: unknown }>(
      'SELECT stamp, sha256, gz, report FROM snapshots WHERE stamp = $1',
      [stamp],
    );
    const r = rows[0];
    return r
      ? {
          stamp: r.stamp,
          sha256: r.sha256,
          gz: r.gz,
          report: r.report === null ? null : JSON.stringify(r.report),
        }
      : null;
  }

  async exclusively<T>(name: string, fn: () => Promise<T>): Promise<T | null> {
    // A session lock on one checked-out connection: released by unlock, or by PostgreSQL when the
    // connection dies with its instance.
    const client = await this.pool.connect();
    try {
      const key = lockKey(name);
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key]);
      if (!rows[0]?.ok) return null;
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [key]);
      }
    } finally {
      client.release();
    }
  }
}
