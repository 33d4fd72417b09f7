import { readSnapshot, readSnapshotAsync } from './snapshot';
import { StatsCore } from './stats';

// One StatsCore per process: the snapshot is read and indexed once, at start.
let shared: StatsCore | undefined;

export function loadCore(file?: string): StatsCore {
  if (!shared || file) shared = new StatsCore(readSnapshot(file));
  return shared;
}

/** Loads the shared core without blocking the event loop (JSON.parse itself still runs in one go). */
export async function loadCoreAsync(): Promise<StatsCore> {
  if (!shared) shared = new StatsCore(await readSnapshotAsync());
  return shared;
}
