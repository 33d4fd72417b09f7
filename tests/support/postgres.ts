import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Why the PostgreSQL tests cannot run, or null when PostgreSQL answered. Jest must decide to skip
 * synchronously, so reachability is probed in a child process. Shared by the store and digest suites.
 */
export function postgresUnavailable(): string | null {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return 'TEST_DATABASE_URL is not set (see .ci/run for how to start PostgreSQL and set it)';
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const { Client } = require('pg');
       const c = new Client({ connectionString: process.env.TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
       c.connect().then(() => c.query('SELECT 1')).then(() => c.end(), (e) => { console.error(e.message); process.exit(1); });`,
    ],
    { cwd: resolve(__dirname, '../..'), env: process.env, encoding: 'utf8', timeout: 15_000 },
  );
  if (probe.status === 0) return null;
  return `PostgreSQL at TEST_DATABASE_URL is unreachable: ${(probe.stderr || probe.error?.message || 'no answer').trim()}`;
}

/**
 * A fresh schema on TEST_DATABASE_URL for one test (several stores, or processes, share it): `url`
 * selects it through search_path; `drop()` removes it and everything in it.
 */
export async function openTestSchema(
  prefix: string,
): Promise<{ schema: string; url: string; drop(): Promise<void> }> {
  const { randomBytes } = await import('node:crypto');
  const { Client } = await import('pg');
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return {
    schema,
    url: u.toString(),
    async drop() {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}
