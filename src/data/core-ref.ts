import type { StatsCore } from './stats';

// The one reference to the statistics core a running app answers from. A refresh builds a whole new
// StatsCore off to the side and swaps it in here with one assignment: every answer reads the reference
// once at its start, so it is computed wholly on the old core or wholly on the new one, never a mix.
// Caches keyed by core (resolver indexes, rank positions) go with the old core; caches keyed by text
// listen for the swap.

export class CoreRef {
  private core: StatsCore;
  private gen = 0;
  private readonly listeners: ((next: StatsCore) => void)[] = [];

  constructor(core: StatsCore) {
    this.core = core;
  }

  get current(): StatsCore {
    return this.core;
  }

  /** Bumped at every swap: a cache entry made under an older generation is stale. */
  get generation(): number {
    return this.gen;
  }

  swap(next: StatsCore): void {
    this.core = next;
    this.gen++;
    for (const listener of this.listeners) listener(next);
  }

  /** Called after each swap (e.g. to empty a cache of answers). */
  onSwap(listener: (next: StatsCore) => void): void {
    this.listeners.push(listener);
  }
}
