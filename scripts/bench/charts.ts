import { ask } from '../../src/answers/ask';
import { chartInputFor } from '../../src/answers/chart-input';
import { renderPng } from '../../src/charts/render-local';
import { loadCore } from '../../src/data/core';
import type { ChartInput } from '../../src/charts/types';

export type BenchKind = 'bars' | 'lines' | 'gap' | 'scatter' | 'change';
export interface BenchRow {
  kind: BenchKind;
  medianMs: number;
  p95Ms: number;
}
export type BenchResult = BenchRow[] & { peakRssMb: number };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i];
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Renders n PNGs of each kind (after 3 warm-ups, which pay for font and module init) and
 * reports median/p95 wall time per render, including PNG encoding, plus peak RSS.
 */
export async function benchCharts(n: number): Promise<BenchResult> {
  // Real answers' charts, so the bench draws what users get.
  const core = loadCore();
  const chart = (q: string) => chartInputFor(ask(q, core)) as ChartInput;
  const inputs: [BenchKind, ChartInput][] = [
    ['bars', chart('/compare manchester, leeds, sheffield, newcastle vs reading on productivity')],
    ['lines', chart('/trend pay for leeds, manchester since 2015')],
    ['gap', chart('/gap income')],
    // 294 local authorities, two colours, labels: the heaviest chart an analyst asks for.
    ['scatter', chart('/scatter productivity vs skills among local authorities')],
    ['change', chart('/rank pay change since 2015 among northern cities')],
  ];
  let peak = process.memoryUsage.rss();
  const rows: BenchRow[] = [];
  for (const [kind, input] of inputs) {
    for (let i = 0; i < 3; i++) await renderPng(input);
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = process.hrtime.bigint();
      await renderPng(input); // renderPng yields to the event loop, so native memory is freed
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      peak = Math.max(peak, process.memoryUsage.rss());
    }
    times.sort((a, b) => a - b);
    rows.push({ kind, medianMs: round(percentile(times, 0.5)), p95Ms: round(percentile(times, 0.95)) });
  }
  return Object.assign(rows, { peakRssMb: round(peak / (1024 * 1024)) });
}
