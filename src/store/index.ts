import { join } from 'node:path';
import { PostgresStore } from './postgres';
import { SqliteStore } from './sqlite';
import type { Store } from './types';

export { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
export { PostgresStore } from './postgres';
export { SqliteStore } from './sqlite';
export * from './types';

export interface OpenStoreOptions {
  /** postgres:// or postgresql:// selects PostgreSQL; anything else (or nothing) selects SQLite. */
  databaseUrl?: string;
  /** SQLite lives at `${dataDir}/northstat.sqlite`; ':memory:' gives a throwaway in-memory database. */
  dataDir: string;
  /** How long Slack event ids are remembered for retry de-duplication. */
  eventTtlMs?: number;
  onPoolError?: (err: Error) => void;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url);
}

/** Opens the configured engine and brings its schema up to date before returning. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (isPostgresUrl(options.databaseUrl)) {
    return PostgresStore.open({
      connectionString: options.databaseUrl,
      eventTtlMs: options.eventTtlMs,
      onPoolError: options.onPoolError,
    });
  }
  const filename = options.dataDir === ':memory:' ? ':memory:' : join(options.dataDir, 'northstat.sqlite');
  return new SqliteStore({ filename, eventTtlMs: options.eventTtlMs });
}
