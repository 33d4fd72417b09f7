import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/store/migrations';

// Several app processes starting at once on a fresh SQLite file (one host, several workers, or a restart loop):
// every one opens the store, and the schema is migrated exactly once.

const PROCESSES = 8;
const ROUNDS = 3;

function openIn(
  file: string,
  startAt: number,
): Promise<{ ok: boolean; applied?: number[]; version?: number; error?: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        join(__dirname, '..', 'support', 'ts-register.cjs'),
        join(__dirname, 'fixtures', 'sqlite-open.ts'),
      ],
      {
        env: { ...process.env, NS_SQLITE_FILE: file, NS_START_AT: String(startAt) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        resolve(JSON.parse(out));
      } catch {
        resolve({ ok: false, error: `exit ${code}: ${err || out}` });
      }
    });
  });
}

describe('SQLite migrations racing across processes', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  // 'fresh': no file at all. 'pending': a database with the migration ledger but versions still to apply, as
  // after an upgrade adds a migration: there every process can read "not applied" first, so only taking the
  // write lock before reading (BEGIN IMMEDIATE) keeps them from all applying it.
  const cases = Array.from({ length: ROUNDS }, (_, i) =>
    ['fresh', 'pending'].map((kind) => [kind, i + 1] as const),
  ).flat();
  for (const [kind, round] of cases) {
    it(`${kind} database, round ${round}: ${PROCESSES} processes open it at once; all succeed, one migrates`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'northstat-migrate-race-'));
      dirs.push(dir);
      const file = join(dir, 'data', 'northstat.sqlite');
      if (kind === 'pending') {
        mkdirSync(join(dir, 'data'));
        const db = new Database(file);
        db.pragma('journal_mode = WAL');
        db.exec(
          'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
        );
        db.close();
      }
      // Far enough ahead that every process has loaded its modules and is waiting when the moment comes.
      const startAt = Date.now() + 2500;
      const results = await Promise.all(Array.from({ length: PROCESSES }, () => openIn(file, startAt)));

      for (const r of results)
        expect({ ...r, error: r.error ?? null }).toMatchObject({
          ok: true,
          version: LATEST_SCHEMA_VERSION,
          error: null,
        });
      const appliers = results.filter((r) => (r.applied ?? []).length > 0);
      expect(appliers).toHaveLength(1);
      expect(appliers[0].applied).toEqual(MIGRATIONS.map((m) => m.version));

      const db = new Database(file, { readonly: true });
      try {
        const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
        expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
        const tables = db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'deliveries'")
          .all();
        expect(tables).toHaveLength(1);
      } finally {
        db.close();
      }
    }, 30_000);
  }
});
