import { configuredDataDir } from '../config';
import { validSnapshotPaths } from './refresh/store';
import { defaultSnapshotPath, readSnapshot, readSnapshotAsync } from './snapshot';
import { StatsCore } from './stats';
import type { Snapshot } from './types';

// One StatsCore per process: the snapshot is read and indexed once, at start. It comes from the
// newest valid refreshed snapshot under DATA_DIR (northstat data refresh), else the bundled one.
// The shared core is one reference, so swapping in a refreshed core (`reloadCore` + `useCore`)
// is a single assignment: answers already running keep the core they started with.
let shared: StatsCore | undefined;

/** The snapshot files loadCore would try, in order: refreshed ones newest first, then the bundled one. */
export function snapshotCandidates(dataDir = configuredDataDir()): string[] {
  return [...validSnapshotPaths(dataDir), defaultSnapshotPath()];
}

/** Reads the first candidate that parses and has the right shape (a damaged refresh is skipped). */
function readNewest(dataDir?: string): { snapshot: Snapshot; file: string } {
  const candidates = snapshotCandidates(dataDir);
  for (const file of candidates.slice(0, -1)) {
    try {
      return { snapshot: readSnapshot(file), file };
    } catch {
      // A snapshot that passed its checksum but will not parse: fall through to an older one.
    }
  }
  const file = candidates[candidates.length - 1];
  return { snapshot: readSnapshot(file), file };
}

export function loadCore(file?: string): StatsCore {
  if (file) shared = new StatsCore(readSnapshot(file));
  else if (!shared) shared = new StatsCore(readNewest().snapshot);
  return shared;
}

/** Loads the shared core without blocking the event loop (JSON.parse itself still runs in one go). */
export async function loadCoreAsync(): Promise<StatsCore> {
  if (shared) return shared;
  const candidates = snapshotCandidates();
  for (const file of candidates) {
    try {
      shared = new StatsCore(await readSnapshotAsync(file));
      return shared;
    } catch (err) {
      if (file === candidates[candidates.length - 1]) throw err;
    }
  }
  throw new Error('no snapshot to load');
}

/** A fresh core from the newest valid snapshot; does not replace the shared one (see `useCore`). */
export function reloadCore(dataDir?: string): StatsCore {
  return new StatsCore(readNewest(dataDir).snapshot);
}

/** Makes `core` the one loadCore()/loadCoreAsync() hand out from now on. */
export function useCore(core: StatsCore): void {
  shared = core;
}
