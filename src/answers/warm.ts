import type { StatsCore } from '../data/stats';
import { resolve } from '../resolve';
import { reusePlaceIndex } from '../resolve/places';
import { ask } from './ask';

// A new core builds its indexes lazily: the resolver's place and indicator indexes (about 45 ms) on the
// first question, rank tables per indicator and comparison set (a profile's first answer, about 75 ms).
// A server swapping in refreshed data builds them before the swap, in slices, so neither the first
// question after the swap nor any request during it waits for them.

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

/** Places whose comparison sets cover the usual ranks: local authorities, upper-tier councils, regions, combined authorities. */
const SET_ANCHORS = ['E08000035', 'E10000017', 'E12000003', 'E47000003'];

export async function warmCore(core: StatsCore, previous?: StatsCore, sliceMs = 8): Promise<void> {
  // The place index (about 45 ms in one piece) is taken over from the serving core when the areas are
  // the same; otherwise built here, before the swap.
  if (previous) reusePlaceIndex(previous, core);
  await yieldToLoop();
  resolve('leeds', core); // the remaining resolver indexes (indicators, groups: about 10 ms)
  await yieldToLoop();
  let start = performance.now();
  for (const ind of core.indicators) {
    const latest = ind.periods.at(-1) ?? null;
    for (const code of SET_ANCHORS) if (core.geography.has(code)) core.position(ind.id, code, latest);
    if (performance.now() - start > sliceMs) {
      await yieldToLoop();
      start = performance.now();
    }
  }
  for (const q of [
    '/stats leeds',
    '/gap pay',
    '/rank pay among northern cities',
    'how does leeds compare with reading on pay?',
  ]) {
    ask(q, core);
    await yieldToLoop();
  }
}
