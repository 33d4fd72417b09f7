import fs from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Config } from '../../config';
import { nextDueAt } from '../../digest/schedule';
import type { Logger } from '../../log';
import { repoRoot, readSnapshotSliced } from '../snapshot';
import { StatsCore } from '../stats';
import type { SnapshotStore } from '../../store/snapshots';
import {
  isValidSnapshotDir,
  readSnapshotChanges,
  SNAPSHOT_FILE,
  snapshotDirs,
  snapshotFiles,
  snapshotsDir,
  writeSnapshotFiles,
} from './store';

// Fresh data inside the running app, with no restart:
// - a watcher looks under DATA_DIR every SNAPSHOT_CHECK_SECONDS (default 60) for a snapshot newer
//   than the one being served (this instance's refresh, or another instance's on a shared DATA_DIR)
//   and swaps it in, read in slices so requests keep flowing;
// - once a day at REFRESH_TIME (default 07:30 Europe/London) it runs `northstat data refresh` in a
//   child process: the rebuild takes seconds of CPU and must not hold the server's event loop. The
//   refresh takes a lock in DATA_DIR, so of several instances on one DATA_DIR one refreshes.

export interface RefresherOptions {
  config: Pick<Config, 'dataDir' | 'refresh'>;
  logger: Logger;
  /** Warms and swaps a new core in (StartedApp.swapCore). */
  swap(next: StatsCore): Promise<void>;
  /** The snapshot file being served now (null: the bundled one). */
  serving: string | null;
  /**
   * With several instances on one PostgreSQL (DATABASE_URL): where refreshed snapshots are shared
   * (the refreshing instance stores its snapshot there; the others fetch it into their own DATA_DIR),
   * and whose advisory lock lets one instance at a time refresh.
   */
  shared?: SnapshotStore;
  /** Injected for tests. */
  now?: () => Date;
  runRefresh?: () => Promise<number>;
}

export interface Refresher {
  /** Looks for a newer snapshot now; true when one was swapped in. */
  checkNow(): Promise<boolean>;
  stop(): void;
}

/** `northstat data refresh` in a child process; resolves with its exit code (3: written, some dataset kept). */
function refreshInChild(logger: Logger): Promise<number> {
  const bin = path.join(repoRoot(), 'bin', 'northstat.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'data', 'refresh'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.on('error', (err) => {
      logger.error({ err: err.message }, 'data refresh could not start');
      resolve(1);
    });
    child.on('exit', (code) => {
      logger.info({ code, summary: output.split('\n').slice(0, 3).join(' | ') }, 'data refresh finished');
      resolve(code ?? 1);
    });
  });
}

export function startRefresher(options: RefresherOptions): Refresher {
  const { config, logger } = options;
  const now = options.now ?? (() => new Date());
  let serving = options.serving;
  let busy = false;
  let stopped = false;
  const timers: NodeJS.Timeout[] = [];

  const shared = options.shared;

  /** Copies the database's newest snapshot into DATA_DIR when this instance does not have it yet. */
  // Snapshot folders are written whole and renamed into place, so a folder's checksum verdict never
  // changes: each is hashed once, not on every minute's check.
  const judged = new Map<string, boolean>();
  const newestValid = (): string | null => {
    for (const dir of snapshotDirs(config.dataDir)) {
      let valid = judged.get(dir);
      if (valid === undefined) {
        valid = isValidSnapshotDir(dir);
        judged.set(dir, valid);
      }
      if (valid) return path.join(dir, SNAPSHOT_FILE);
    }
    return null;
  };

  const fetchShared = async (): Promise<void> => {
    if (!shared) return;
    const stamp = await shared.latestStamp();
    const local = newestValid();
    // A refresh run on this host by hand (northstat data refresh) is shared too.
    if (local && (!stamp || path.basename(path.dirname(local)) > stamp)) return publish();
    if (!stamp || fs.existsSync(path.join(snapshotsDir(config.dataDir), stamp))) return;
    const stored = await shared.get(stamp);
    if (stored && !writeSnapshotFiles(config.dataDir, stored))
      logger.error({ stamp }, 'shared snapshot failed its checksum: not used');
  };

  /** Stores this instance's newest snapshot in the database for the others (once per stamp). */
  const publish = async (): Promise<void> => {
    const newest = newestValid();
    if (!shared || !newest) return;
    if (await shared.put(snapshotFiles(path.dirname(newest))))
      logger.info({ snapshot: newest }, 'refreshed snapshot shared with the other instances');
  };

  const checkNow = async (): Promise<boolean> => {
    if (busy || stopped) return false;
    try {
      await fetchShared();
    } catch (err) {
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'shared snapshots unreadable');
    }
    const newest = newestValid();
    if (!newest || newest === serving) return false;
    busy = true;
    try {
      const next = new StatsCore(await readSnapshotSliced(newest));
      next.changes = readSnapshotChanges(newest);
      await options.swap(next);
      serving = newest;
      logger.info({ snapshot: newest }, 'serving a refreshed snapshot');
      return true;
    } catch (err) {
      // A snapshot that will not load is left alone: the old core keeps serving.
      logger.error(
        { snapshot: newest, err: err instanceof Error ? err.message : String(err) },
        'refreshed snapshot not loaded',
      );
      serving = newest;
      return false;
    } finally {
      busy = false;
    }
  };

  const watch = setInterval(() => void checkNow(), config.refresh.checkEveryMs);
  watch.unref();
  timers.push(watch);

  const { dailyAt, tz } = config.refresh;
  if (dailyAt !== 'off') {
    const runHere = options.runRefresh ?? (() => refreshInChild(logger));
    // One instance refreshes (the database's advisory lock; on one host the DATA_DIR lock as well),
    // then shares the result.
    const run = async () => {
      if (!shared) return runHere();
      const code = await shared.exclusively('northstat-data-refresh', runHere);
      if (code === null) logger.info('another instance is refreshing the data');
      else await publish().catch((err: unknown) => logger.error({ err: String(err) }, 'snapshot not shared'));
      return code ?? 0;
    };
    const scheduleNext = () => {
      if (stopped) return;
      const at = nextDueAt({ cadence: 'daily', weekday: null, time: dailyAt, tz }, now());
      const timer = setTimeout(
        async () => {
          await run();
          await checkNow();
          scheduleNext();
        },
        Math.max(0, at.getTime() - now().getTime()),
      );
      timer.unref();
      timers.push(timer);
    };
    scheduleNext();
  }

  return {
    checkNow,
    stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
    },
  };
}
