import path from 'node:path';
import { configuredDataDir } from '../config';
import { SNAPSHOT_FILE, isValidSnapshotDir, readSnapshotChanges, snapshotDirs } from './refresh/store';
import { defaultSnapshotPath, readSnapshot, readSnapshotAsync } from './snapshot';
import { StatsCore } from './stats';
import type { Snapshot } from './types';

// One StatsCore per process: the snapshot is read and indexed once, at start. It comes from the
// newest valid refreshed snapshot under DATA_DIR (northstat data refresh), else the bundled one.
// A running app does not replace this one: it swaps refreshed cores in through its CoreRef
// (src/data/core-ref.ts, driven by src/data/refresh/in-app.ts).
let shared: StatsCore | undefined;

/**
 * The snapshot files loadCore would try, in order: refreshed ones newest first (checked against their
 * stored checksum only when reached, so a start never hashes every old snapshot), then the bundled one.
 */
export function* snapshotCandidates(dataDir = configuredDataDir()): Generator<string> {
  for (const dir of snapshotDirs(dataDir)) if (isValidSnapshotDir(dir)) yield path.join(dir, SNAPSHOT_FILE);
  yield defaultSnapshotPath();
}

/** Reads the first candidate that parses and has the right shape (a damaged refresh is skipped). */
function readNewest(dataDir?: string): { snapshot: Snapshot; file: string } {
  const bundled = defaultSnapshotPath();
  for (const file of snapshotCandidates(dataDir)) {
    if (file === bundled) break;
    try {
      return { snapshot: readSnapshot(file), file };
    } catch {
      // A snapshot that passed its checksum but will not parse: fall through to an older one.
    }
  }
  return { snapshot: readSnapshot(bundled), file: bundled };
}

/** A core for a snapshot file, with the changes its refresh recorded beside it ("what's new"). */
export function coreFromSnapshot(snapshot: Snapshot, file: string): StatsCore {
  const core = new StatsCore(snapshot);
  core.changes = file === defaultSnapshotPath() ? null : readSnapshotChanges(file);
  return core;
}

export function loadCore(file?: string): StatsCore {
  if (file) shared = coreFromSnapshot(readSnapshot(file), file);
  else if (!shared) {
    const newest = readNewest();
    shared = coreFromSnapshot(newest.snapshot, newest.file);
  }
  return shared;
}

/** Loads the shared core without blocking the event loop (JSON.parse itself still runs in one go). */
export async function loadCoreAsync(): Promise<StatsCore> {
  if (shared) return shared;
  const bundled = defaultSnapshotPath();
  for (const file of snapshotCandidates()) {
    if (file === bundled) break;
    try {
      shared = coreFromSnapshot(await readSnapshotAsync(file), file);
      return shared;
    } catch {
      // As in readNewest: an unreadable refreshed snapshot falls through to an older one.
    }
  }
  shared = new StatsCore(await readSnapshotAsync(bundled));
  return shared;
}

/** A fresh core from the newest valid snapshot; does not replace the shared one. */
export function reloadCore(dataDir?: string): StatsCore {
  const newest = readNewest(dataDir);
  return coreFromSnapshot(newest.snapshot, newest.file);
}
