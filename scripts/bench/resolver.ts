// Timing of the resolver for the project's bench script.

import type { StatsCore } from '../../src/data/stats';
import { resolve } from '../../src/resolve/grammar';

/**
 * Resolves every query once to warm the indexes and the JIT, then times each query `rounds` times
 * and reports the median and the 99th percentile of the per-query times in milliseconds.
 */
export function measureResolver(
  queries: string[],
  core: StatsCore,
  rounds = 5,
): { medianMs: number; p99Ms: number } {
  for (const q of queries) resolve(q, core);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const start = process.hrtime.bigint();
      resolve(q, core);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { medianMs: Number(at(0.5).toFixed(3)), p99Ms: Number(at(0.99).toFixed(3)) };
}
