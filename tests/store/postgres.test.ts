import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openStore } from '../../src/store';
import { PostgresStore } from '../../src/store/postgres';
import { postgresUnavailable } from '../support/postgres';
import { runStoreContract } from './store.contract';

/*
 * Runs the store contract against a real PostgreSQL from TEST_DATABASE_URL (.ci/run sets it). Each test file
 * run gets its own random schema, pinned through the connection's search_path, and drops it afterwards, so
 * runs are repeatable and never see each other's rows.
 */

const url = process.env.TEST_DATABASE_URL;

/** The same database URL with every connection's search_path set to one schema. */
function urlForSchema(schema: string): string {
  const u = new URL(url!);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

const schemas: string[] = [];
async function createSchema(): Promise<string> {
  const schema = `northstat_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  schemas.push(schema);
  return schema;
}

async function dropSchema(schema: string): Promise<void> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
}

const reason = postgresUnavailable();
if (reason) {
  console.warn(`PostgreSQL store tests SKIPPED: ${reason}`);
}

let sharedSchema: Promise<string> | undefined;
const shared = () => {
  sharedSchema ??= createSchema();
  return sharedSchema;
};

if (!reason) {
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(schema);
  });
}

runStoreContract(
  'PostgreSQL',
  {
    engine: 'postgres',
    // Separate PostgresStore instances have separate Pools, like separate app instances.
    open: async (options) =>
      PostgresStore.open({ connectionString: urlForSchema(await shared()), max: 5, ...options }),
    fresh: async () => {
      const schema = await createSchema();
      return {
        open: () => openStore({ databaseUrl: urlForSchema(schema), dataDir: '/nonexistent-unused' }),
        cleanup: () => dropSchema(schema),
      };
    },
  },
  reason ? describe.skip : describe,
);

(reason ? describe.skip : describe)('PostgreSQL test isolation', () => {
  it('keeps the store tables in the per-run schema, not public', async () => {
    const schema = await shared();
    const admin = new Client({ connectionString: url });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ table_schema: string }>(
        `SELECT table_schema FROM information_schema.tables WHERE table_name = 'subscriptions'
         AND table_schema = $1`,
        [schema],
      );
      expect(rows).toHaveLength(1);
    } finally {
      await admin.end();
    }
  });
});
