import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPostgresUrl, openStore } from '../../src/store';
import { SqliteStore } from '../../src/store/sqlite';
import { runStoreContract } from './store.contract';

// A real file (not ':memory:') so several store instances share one database, as separate processes would.
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'northstat-store-'));
  dirs.push(dir);
  return dir;
};
const sharedDir = tempDir();

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

runStoreContract('SQLite', {
  engine: 'sqlite',
  open: async (options) => new SqliteStore({ filename: join(sharedDir, 'northstat.sqlite'), ...options }),
  fresh: async () => {
    const dir = tempDir();
    return {
      open: async () => openStore({ dataDir: join(dir, 'nested', 'data') }),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
});

describe('openStore engine selection', () => {
  it('uses SQLite in WAL mode at <dataDir>/northstat.sqlite, creating the directory', async () => {
    const dir = join(tempDir(), 'does', 'not', 'exist');
    const store = await openStore({ dataDir: dir, databaseUrl: 'file:ignored' });
    expect(store.engine).toBe('sqlite');
    await store.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(join(dir, 'northstat.sqlite'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it("supports ':memory:' for tests", async () => {
    const store = await openStore({ dataDir: ':memory:' });
    expect(store.engine).toBe('sqlite');
    await store.close();
  });

  it('recognises postgres:// and postgresql:// URLs only', () => {
    expect(isPostgresUrl('postgres://u:p@h/db')).toBe(true);
    expect(isPostgresUrl('postgresql://u:p@h/db')).toBe(true);
    expect(isPostgresUrl('mysql://u:p@h/db')).toBe(false);
    expect(isPostgresUrl(undefined)).toBe(false);
  });
});
