import type Database from 'better-sqlite3';
import type { SnapshotStore, StoredSnapshot } from './snapshots';

/** One SQLite file serves one host: the refresh lock in DATA_DIR does the excluding; kept for symmetry. */
export class SqliteSnapshotStore implements SnapshotStore {
  private running = new Set<string>();
  constructor(private readonly db: Database.Database) {}

  async put(s: StoredSnapshot, now = new Date()): Promise<boolean> {
    const res = this.db
      .prepare(
        'INSERT INTO snapshots (stamp, sha256, gz, report, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (stamp) DO NOTHING',
      )
      .run(s.stamp, s.sha256, s.gz, s.report, now.getTime());
    return res.changes === 1;
  }

  async latestStamp(): Promise<string | null> {
    const row = this.db.prepare('SELECT stamp FROM snapshots ORDER BY stamp DESC LIMIT 1').get() as
      | { stamp: string }
      | undefined;
    return row?.stamp ?? null;
  }

  async get(stamp: string): Promise<StoredSnapshot | null> {
    const row = this.db
      .prepare('SELECT stamp, sha256, gz, report FROM snapshots WHERE stamp = ?')
      .get(stamp) as StoredSnapshot | undefined;
    return row ? { ...row, gz: Buffer.from(row.gz) } : null;
  }

  async exclusively<T>(name: string, fn: () => Promise<T>): Promise<T | null> {
    if (this.running.has(name)) return null;
    this.running.add(name);
    try {
      return await fn();
    } finally {
      this.running.delete(name);
    }
  }
}
