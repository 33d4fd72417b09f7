import { readSnapshot } from '../../src/data/snapshot';
import { StatsCore } from '../../src/data/stats';
import type { Snapshot } from '../../src/data/types';

// A refreshed core for alert tests: the bundled snapshot plus one new period of an indicator.

export const LEEDS = 'E08000035';

/** The bundled snapshot plus one new period of `indicator`: each area's latest value times `factor` (Leeds: `leeds`). */
export function withNewPeriod(
  indicator: string,
  label: string,
  start: string,
  factor: number,
  leeds?: number,
): StatsCore {
  const snap = readSnapshot();
  const s = snap.series[indicator];
  const period = { id: start, start, duration: '', year: Number(start.slice(0, 4)), label };
  const grow = (
    m: Record<string, (number | null)[]> | undefined,
    f: (code: string, last: number | null) => number | null,
  ) =>
    m
      ? Object.fromEntries(Object.entries(m).map(([code, v]) => [code, [...v, f(code, v.at(-1) ?? null)]]))
      : m;
  const next = (code: string, last: number | null) =>
    code === LEEDS && leeds !== undefined ? leeds : last === null ? null : last * factor;
  const indicators = snap.indicators.map((i) =>
    i.id === indicator ? { ...i, periods: [...i.periods, period] } : i,
  );
  const series = {
    ...snap.series,
    [indicator]: {
      ...s,
      values: grow(s.values, next) as Record<string, (number | null)[]>,
      lci: grow(s.lci, () => null),
      uci: grow(s.uci, () => null),
    },
  };
  return new StatsCore({ ...snap, indicators, series } as Snapshot);
}
