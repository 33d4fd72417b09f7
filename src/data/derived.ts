import type { IndicatorMeta, Snapshot, SnapshotSeries } from './types';
import { unitInfo } from './units';

// Counts per head of population, derived by Northstat (not published by ONS) so that places of
// different size can be compared: a £ million total as £ per head, other counts per 1,000 residents,
// each divided by the ONS mid-year population of the period's year (the figure is missing where that
// population is not published). Labelled as derived wherever it is shown.

export const PER_HEAD_SUFFIX = '-per-head';
/** The total population indicator: the denominator of every per-head figure, never divided by itself. */
export const POPULATION_INDICATOR = 'population';

export function perHeadIndicators(snapshot: Snapshot): {
  indicators: IndicatorMeta[];
  series: Record<string, SnapshotSeries>;
} {
  const indicators: IndicatorMeta[] = [];
  const series: Record<string, SnapshotSeries> = {};
  for (const ind of snapshot.indicators) {
    const units = unitInfo(ind);
    if (!units.isCount || ind.id === POPULATION_INDICATOR || ind.id.endsWith(PER_HEAD_SUFFIX)) continue;
    const money = units.multiplier === 'million';
    const scale = money ? 1e6 : 1000;
    const source = snapshot.series[ind.id];
    const values: Record<string, (number | null)[]> = {};
    for (const [code, vals] of Object.entries(source.values)) {
      const pop = snapshot.population[code];
      if (!pop) continue;
      values[code] = vals.map((v, i) => {
        const year = Number(ind.periods[i].start.slice(0, 4));
        const p = pop[year];
        return v === null || !p ? null : (v * scale) / p;
      });
    }
    const id = `${ind.id}${PER_HEAD_SUFFIX}`;
    indicators.push({
      ...ind,
      id,
      csvName: `${ind.csvName} per head`,
      label: money ? `${ind.label} per head` : `${ind.label} per 1,000 residents`,
      subtitle: `${ind.label} divided by ONS mid-year population (derived by Northstat)`,
      measure: money ? 'Pounds per head' : 'Rate per 1,000 residents',
      unit: money ? '£ per head' : `per 1,000 residents`,
      prefix: money ? '£' : '',
      suffix: '',
      decimalPlaces: money ? 0 : 1,
      hasCi: false,
      provenance: [
        ...ind.provenance,
        `derived by Northstat: ${ind.id} ÷ ONS mid-year population of the period's year`,
      ],
      derived: { from: ind.id, kind: 'per-head' },
    });
    series[id] = { values };
  }
  return { indicators, series };
}
