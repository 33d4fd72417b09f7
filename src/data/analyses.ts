import { ENGLAND, NORTHERN_REGIONS, SOUTH_EAST } from './geography';
import { compareEstimates, type Verdict } from './significance';
import type { Figure, StatsCore } from './stats';
import type { IndicatorMeta, PeriodInfo } from './types';
import { unitInfo } from './units';

// The analyst questions (who improved most, is the North catching up, do two indicators go together,
// how many beat a benchmark): pure functions over the statistics core, no wording.

export type ChangeMeasure = 'percent' | 'points' | 'units';

export interface ChangeRow {
  area: string;
  areaName: string;
  start: Figure;
  end: Figure;
  change: number;
  changePct: number | null;
  /** Where both ends have 95% CIs: whether the change is beyond the margin of error. */
  significant: boolean | null;
}

export interface ChangeResult {
  indicator: IndicatorMeta;
  startPeriod: PeriodInfo;
  endPeriod: PeriodInfo;
  measure: ChangeMeasure;
  /** Largest change first, by `measure`. */
  rows: ChangeRow[];
  /** Areas of the group without a value at one end or the other. */
  lacking: { area: string; areaName: string; missing: 'start' | 'end' | 'both' }[];
}

/** Percent for money and counts, percentage points for percentages, as analysts read them. */
export function defaultMeasure(ind: IndicatorMeta): ChangeMeasure {
  return ind.suffix === '%' ? 'points' : 'percent';
}

/** The latest period at which any of the areas has a value (-1 when none has). */
export function latestWithAny(core: StatsCore, ind: IndicatorMeta, codes: string[], until?: number): number {
  for (let i = until ?? ind.periods.length - 1; i >= 0; i--)
    if (codes.some((c) => core.valueAt(ind.id, c, ind.periods[i]).value !== null)) return i;
  return -1;
}

/**
 * How each area changed over one span for the whole group: from the first period in or after `since`
 * to the latest at which any of them has a value, so that every change covers the same years.
 */
export function changeAmong(
  core: StatsCore,
  indicatorId: string,
  codes: string[],
  since: number,
  measure?: ChangeMeasure,
): ChangeResult | null {
  const ind = core.indicator(indicatorId);
  const startIndex = ind.periods.findIndex((p) => p.year >= since);
  const endIndex = latestWithAny(core, ind, codes);
  if (startIndex < 0 || endIndex <= startIndex) return null;
  const startPeriod = ind.periods[startIndex];
  const endPeriod = ind.periods[endIndex];
  const m = measure ?? defaultMeasure(ind);
  const rows: ChangeRow[] = [];
  const lacking: ChangeResult['lacking'] = [];
  for (const code of codes) {
    const start = core.valueAt(ind.id, code, startPeriod);
    const end = core.valueAt(ind.id, code, endPeriod);
    if (start.value === null || end.value === null) {
      lacking.push({
        area: start.area,
        areaName: start.areaName,
        missing: start.value === null && end.value === null ? 'both' : start.value === null ? 'start' : 'end',
      });
      continue;
    }
    const change = end.value - start.value;
    const cmp = start.lci !== null && end.lci !== null ? compareEstimates(end, start) : null;
    rows.push({
      area: start.area,
      areaName: start.areaName,
      start,
      end,
      change,
      changePct: start.value !== 0 ? (change / Math.abs(start.value)) * 100 : null,
      significant: cmp ? cmp.verdict === 'higher' || cmp.verdict === 'lower' : null,
    });
  }
  const key = (r: ChangeRow) => (m === 'percent' ? (r.changePct ?? Number.NEGATIVE_INFINITY) : r.change);
  rows.sort((a, b) => key(b) - key(a) || a.areaName.localeCompare(b.areaName));
  return { indicator: ind, startPeriod, endPeriod, measure: m, rows, lacking };
}

export interface RatioPoint {
  period: PeriodInfo;
  value: number;
  southEast: number;
  pctOfSouthEast: number;
  pctOfEngland: number | null;
}

export interface CatchingUpResult {
  indicator: IndicatorMeta;
  /** The area, "north" for the North as one figure, or the North East standing for the three regions. */
  area: string;
  areaName: string;
  /** How the North's figure was derived, when it was. */
  method: string | null;
  points: RatioPoint[];
  /** Least-squares slope of the % of the South East, points a year, over all periods and the last 5. */
  slopeAll: number | null;
  slopeLast5: number | null;
  /** R² of the whole-range fit: how steady the trend is. */
  r2: number | null;
  verdict: 'closing' | 'widening' | 'no clear trend' | 'ahead';
  /** Years to reach the South East at the recent rate, only when the trend is steady enough to say. */
  yearsToParity: number | null;
}

/** Ordinary least squares of y on x: slope and R² (null with fewer than 3 points or no spread). */
export function leastSquares(
  xs: number[],
  ys: number[],
): { slope: number; intercept: number; r2: number } | null {
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let k = 0; k < n; k++) {
    sxx += (xs[k] - mx) ** 2;
    sxy += (xs[k] - mx) * (ys[k] - my);
    syy += (ys[k] - my) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}

/**
 * A place (or the North) as a percentage of the South East's value, period by period, the trend in that
 * ratio, and a verdict only where the trend is steady (R² >= 0.5 and the recent slope going the same way).
 */
export function catchingUp(core: StatsCore, indicatorId: string, area: string): CatchingUpResult {
  const ind = core.indicator(indicatorId);
  const useNorth = area === 'north' && core.northMethod(ind) !== null;
  const code = area === 'north' ? NORTHERN_REGIONS[0] : (core.geography.area(area)?.code ?? area);
  const points: RatioPoint[] = [];
  let method: string | null = null;
  ind.periods.forEach((period, i) => {
    const se = core.valueAt(ind.id, SOUTH_EAST, period).value;
    const north = useNorth ? core.northValue(ind.id, i) : null;
    const value = useNorth ? (north?.value ?? null) : core.valueAt(ind.id, code, period).value;
    if (north) method = north.method;
    if (value === null || se === null || se === 0) return;
    const eng = core.valueAt(ind.id, ENGLAND, period).value;
    points.push({
      period,
      value,
      southEast: se,
      pctOfSouthEast: (value / se) * 100,
      pctOfEngland: eng ? (value / eng) * 100 : null,
    });
  });
  const trendOf = (ps: RatioPoint[]) =>
    leastSquares(
      ps.map((p) => p.period.year),
      ps.map((p) => p.pctOfSouthEast),
    );
  const all = trendOf(points);
  const last5 = trendOf(points.slice(-5));
  const latest = points.at(-1);
  let verdict: CatchingUpResult['verdict'] = 'no clear trend';
  let yearsToParity: number | null = null;
  const steady =
    all !== null && last5 !== null && all.r2 >= 0.5 && Math.sign(all.slope) === Math.sign(last5.slope);
  if (latest && latest.pctOfSouthEast >= 100) verdict = 'ahead';
  else if (steady && all && Math.abs(all.slope) >= 0.05) {
    verdict = all.slope > 0 ? 'closing' : 'widening';
    if (all.slope > 0 && latest && last5)
      yearsToParity = (100 - latest.pctOfSouthEast) / Math.max(all.slope, 1e-9);
  }
  return {
    indicator: ind,
    area: useNorth ? 'north' : code,
    areaName: useNorth ? 'The North' : core.geography.name(code),
    method,
    points,
    slopeAll: all?.slope ?? null,
    slopeLast5: last5?.slope ?? null,
    r2: all?.r2 ?? null,
    verdict,
    yearsToParity: yearsToParity !== null ? Math.round(yearsToParity) : null,
  };
}

export interface ScatterPoint {
  area: string;
  areaName: string;
  x: number;
  y: number;
  northern: boolean;
  southEast: boolean;
  /** y minus the fitted line at x. */
  residual: number;
}

export interface ScatterResult {
  x: IndicatorMeta;
  y: IndicatorMeta;
  xPeriod: PeriodInfo;
  yPeriod: PeriodInfo;
  points: ScatterPoint[];
  r: number | null;
  n: number;
  line: { slope: number; intercept: number } | null;
}

/** Pearson's correlation coefficient (null with fewer than 3 pairs or no spread). */
export function pearson(xs: number[], ys: number[]): number | null {
  const fit = leastSquares(xs, ys);
  if (!fit) return null;
  return Math.sign(fit.slope) * Math.sqrt(fit.r2);
}

/** Two indicators across a group, each at its latest period with data for the group. */
export function scatter(core: StatsCore, xId: string, yId: string, codes: string[]): ScatterResult | null {
  const x = core.indicator(xId);
  const y = core.indicator(yId);
  const xi = latestWithAny(core, x, codes);
  const yi = latestWithAny(core, y, codes);
  if (xi < 0 || yi < 0) return null;
  const raw: Omit<ScatterPoint, 'residual'>[] = [];
  for (const code of codes) {
    const fx = core.valueAt(x.id, code, x.periods[xi]);
    const fy = core.valueAt(y.id, code, y.periods[yi]);
    if (fx.value === null || fy.value === null) continue;
    const region = core.geography.regionOf(fx.area);
    raw.push({
      area: fx.area,
      areaName: fx.areaName,
      x: fx.value,
      y: fy.value,
      northern: core.geography.isNorthern(fx.area),
      southEast: region === SOUTH_EAST,
    });
  }
  const fit = leastSquares(
    raw.map((p) => p.x),
    raw.map((p) => p.y),
  );
  const points = raw.map((p) => ({ ...p, residual: fit ? p.y - (fit.intercept + fit.slope * p.x) : 0 }));
  return {
    x,
    y,
    xPeriod: x.periods[xi],
    yPeriod: y.periods[yi],
    points,
    // Pearson's r from the same fit (pearson() would fit the same points again).
    r: fit ? Math.sign(fit.slope) * Math.sqrt(fit.r2) : null,
    n: raw.length,
    line: fit ? { slope: fit.slope, intercept: fit.intercept } : null,
  };
}

export interface BenchmarkResult {
  indicator: IndicatorMeta;
  period: PeriodInfo;
  against: Figure;
  rows: { figure: Figure; verdict: Verdict }[];
  /** Areas of the group without a value at the period. */
  missing: Figure[];
}

/** Each area of a group against a benchmark (England, the South East) with the confidence-interval rule. */
export function benchmark(
  core: StatsCore,
  indicatorId: string,
  codes: string[],
  against: string,
): BenchmarkResult | null {
  const ind = core.indicator(indicatorId);
  const i = latestWithAny(core, ind, codes);
  if (i < 0) return null;
  const period = ind.periods[i];
  const bench = core.valueAt(ind.id, against, period);
  if (bench.value === null) return null;
  const rows: BenchmarkResult['rows'] = [];
  const missing: Figure[] = [];
  for (const code of codes) {
    const f = core.valueAt(ind.id, code, period);
    const cmp = compareEstimates(f, bench);
    if (!cmp) missing.push(f);
    else rows.push({ figure: f, verdict: cmp.verdict });
  }
  return { indicator: ind, period, against: bench, rows, missing };
}

/** Whether an indicator's values are totals (compared per head rather than as they are). */
export const isCount = (ind: IndicatorMeta): boolean => unitInfo(ind).isCount;
