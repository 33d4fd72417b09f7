import { readSnapshot } from './snapshot';
import { StatsCore } from './stats';

// One StatsCore per process: the snapshot is read and indexed once, at start.
let shared: StatsCore | undefined;

export function loadCore(file?: string): StatsCore {
  if (!shared || file) shared = new StatsCore(readSnapshot(file));
  return shared;
}
