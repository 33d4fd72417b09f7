import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ask } from '../../src/answers/ask';
import { renderText } from '../../src/answers/render-text';
import { startRefresher } from '../../src/data/refresh/in-app';
import { SNAPSHOT_FILE, writeSnapshotDir } from '../../src/data/refresh/store';
import { readSnapshot } from '../../src/data/snapshot';
import type { StatsCore } from '../../src/data/stats';
import type { Snapshot } from '../../src/data/types';
import { createLogger } from '../../src/log';

// The running app picks up a refreshed snapshot from DATA_DIR (its own daily refresh, or another
// instance's) and swaps it in: the answer changes with no restart.

const PAY = 'gross-median-weekly-pay';
const LEEDS = 'E08000035';

function leedsPayRevisedTo(value: number): Snapshot {
  const snap = readSnapshot();
  const s = snap.series[PAY];
  const last = s.values[LEEDS].length - 1;
  const values = { ...s.values, [LEEDS]: s.values[LEEDS].map((v, i) => (i === last ? value : v)) };
  return { ...snap, series: { ...snap.series, [PAY]: { ...s, values } } };
}

function settings(dataDir: string, dailyAt: string) {
  return {
    dataDir,
    refresh: {
      source: '',
      timeoutMs: 1000,
      retries: 0,
      maxFileBytes: 1,
      dailyAt,
      tz: 'Europe/London',
      checkEveryMs: 3_600_000,
    },
  };
}

test('a newer snapshot under DATA_DIR is loaded and swapped in once, and a damaged one is not', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ns-inapp-'));
  const swapped: StatsCore[] = [];
  const refresher = startRefresher({
    config: settings(dataDir, 'off'),
    logger: createLogger({ level: 'silent' }),
    swap: async (next) => {
      swapped.push(next);
    },
    serving: null,
  });
  try {
    expect(await refresher.checkNow()).toBe(false); // nothing refreshed yet
    writeSnapshotDir(dataDir, '2026-12-01T07-30-00.000Z', leedsPayRevisedTo(650), {});
    expect(await refresher.checkNow()).toBe(true);
    expect(swapped).toHaveLength(1);
    expect(renderText(ask('/stats leeds pay', swapped[0]))).toContain('£650');
    expect(await refresher.checkNow()).toBe(false); // the same snapshot is not loaded twice
    // A later snapshot whose file is damaged after writing: its checksum fails, the old core keeps serving.
    const dir = writeSnapshotDir(dataDir, '2026-12-02T07-30-00.000Z', leedsPayRevisedTo(700), {});
    fs.writeFileSync(path.join(dir, SNAPSHOT_FILE), 'not gzip');
    expect(await refresher.checkNow()).toBe(false);
    expect(swapped).toHaveLength(1);
  } finally {
    refresher.stop();
  }
});

test('the daily refresh runs at REFRESH_TIME in its zone, then the new snapshot is served', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ns-inapp-'));
  const swapped: StatsCore[] = [];
  let runs = 0;
  // 07:29:59.800 in London (GMT in December): the refresh is due in 200 ms.
  const started = Date.now();
  const refresher = startRefresher({
    config: settings(dataDir, '07:30'),
    logger: createLogger({ level: 'silent' }),
    swap: async (next) => {
      swapped.push(next);
    },
    serving: null,
    now: () => new Date(Date.parse('2026-12-01T07:29:59.800Z') + (Date.now() - started)),
    runRefresh: async () => {
      runs++;
      writeSnapshotDir(dataDir, '2026-12-01T07-30-00.000Z', leedsPayRevisedTo(660), {});
      return 0;
    },
  });
  try {
    await new Promise((r) => setTimeout(r, 1500));
    expect(runs).toBe(1);
    expect(swapped).toHaveLength(1);
    expect(renderText(ask('/stats leeds pay', swapped[0]))).toContain('£660');
  } finally {
    refresher.stop();
  }
});

test('instances that share a database but not a disk: one refreshes, the other fetches and serves the result', async () => {
  const { SqliteStore } = await import('../../src/store/sqlite');
  const store = new SqliteStore({ filename: ':memory:' });
  const dirA = fs.mkdtempSync(path.join(os.tmpdir(), 'ns-inapp-a-'));
  const dirB = fs.mkdtempSync(path.join(os.tmpdir(), 'ns-inapp-b-'));
  const servedB: StatsCore[] = [];
  let runs = 0;
  const startedAt = Date.now();
  const a = startRefresher({
    config: settings(dirA, '07:30'),
    logger: createLogger({ level: 'silent' }),
    swap: async () => undefined,
    serving: null,
    shared: store.snapshots,
    now: () => new Date(Date.parse('2026-12-01T07:29:59.800Z') + (Date.now() - startedAt)),
    runRefresh: async () => {
      runs++;
      writeSnapshotDir(dirA, '2026-12-01T07-30-00.000Z', leedsPayRevisedTo(670), {});
      return 0;
    },
  });
  const b = startRefresher({
    config: settings(dirB, 'off'),
    logger: createLogger({ level: 'silent' }),
    swap: async (next) => {
      servedB.push(next);
    },
    serving: null,
    shared: store.snapshots,
  });
  try {
    await new Promise((r) => setTimeout(r, 1500));
    expect(runs).toBe(1);
    expect(await store.snapshots.latestStamp()).toBe('2026-12-01T07-30-00.000Z');
    expect(await b.checkNow()).toBe(true);
    expect(fs.existsSync(path.join(dirB, 'snapshots', '2026-12-01T07-30-00.000Z', SNAPSHOT_FILE))).toBe(true);
    expect(renderText(ask('/stats leeds pay', servedB[0]))).toContain('£670');
  } finally {
    a.stop();
    b.stop();
    await store.close();
  }
});
