// Independent oracle for the analyst questions (../contract-analyses.ts): change since a year, catching up
// with the South East, scatter with Pearson's r, counts against a benchmark, per-head values of counts.
// Computed from the raw files (shared/ons) with the helpers of ./data, ./expected and ./format; no code
// shared with src/. Where the contract left room for more than one reading, the reading chosen is written
// next to the code as "Our reading:".
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FigureFact } from '../contract';
import type { AnalysisFacts, AnalysisGroup, AnalysisRequest } from '../contract-analyses';
import {
  type IndicatorData,
  lastPopulationYear,
  loadIndicator,
  onsDir,
  population,
  populationCodes,
  SAME_FOOTPRINT,
} from './data';
import {
  ENGLAND,
  figureFor,
  NORTHERN_REGIONS,
  periodYear,
  SOUTH_EAST,
  seriesOf,
  verdictFor,
} from './expected';
import { isCount, isMillions } from './format';

// ---------------------------------------------------------------------------------------------------
// Groups

export const NORTHERN_CITIES = [
  'E08000035', // Leeds
  'E08000012', // Liverpool
  'E08000003', // Manchester
  'E08000021', // Newcastle upon Tyne
  'E08000039', // Sheffield (2025 code; E08000019 before)
  'E08000032', // Bradford
  'E06000010', // Kingston upon Hull
  'E08000024', // Sunderland
  'E08000006', // Salford
  'E08000036', // Wakefield
  'E06000014', // York
  'E07000123', // Preston
  'E07000121', // Lancaster
  'E08000017', // Doncaster
  'E06000002', // Middlesbrough
] as const;

export const CORE_CITIES = [
  ...NORTHERN_CITIES.slice(0, 5),
  'E08000025', // Birmingham
  'E06000023', // Bristol
  'E06000018', // Nottingham
  'W06000015', // Cardiff
  'S12000049', // Glasgow City
  'N09000003', // Belfast
] as const;

export const REGIONS = [
  'E12000001',
  'E12000002',
  'E12000003',
  'E12000004',
  'E12000005',
  'E12000006',
  'E12000007',
  'E12000008',
  'E12000009',
] as const;

/**
 * The current lower-tier authorities in England: the E06/E07/E08/E09 codes of population-count.csv (296;
 * boundaries there are the current ones, back-cast), with Barnsley and Sheffield under their current
 * (2025) codes E08000038/E08000039 instead of the file's E08000016/E08000019 (RULES.identity: same
 * footprint, the old code's values count as the successor's).
 */
export function localAuthorities(): string[] {
  const codes = populationCodes()
    .filter((c) => /^E0[6789]/.test(c))
    .map((c) => SAME_FOOTPRINT[c] ?? c);
  return [...new Set(codes)].sort();
}

/** Authorities the ELS geography (geo-metadata.json) puts in East Midlands via Greater Lincolnshire CA but are in Yorkshire and The Humber. */
const REGION_CORRECTIONS: Readonly<Record<string, string>> = {
  E06000012: 'E12000003', // North East Lincolnshire
  E06000013: 'E12000003', // North Lincolnshire
};

let regionOfCache: Map<string, string> | null = null;

/**
 * The E12 region of a local authority, from geography/geo-metadata.json `parents` (searched breadth-first,
 * through counties and combined authorities), with the two Lincolnshire corrections the README documents.
 * The oracle's own test checks that the regions' LAD populations add up to the regions' populations.
 */
export function regionOf(code: string): string | null {
  if (!regionOfCache) {
    const file = path.join(onsDir(), 'geography', 'geo-metadata.json');
    const raw = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Record<
      string,
      { parents?: string[] }
    >;
    regionOfCache = new Map();
    for (const c of Object.keys(raw)) {
      const queue = [c];
      const seen = new Set<string>();
      let found: string | null = null;
      while (queue.length > 0 && found === null) {
        const x = queue.shift()!;
        for (const p of raw[x]?.parents ?? []) {
          if (p.startsWith('E12')) {
            found = p;
            break;
          }
          if (!seen.has(p)) {
            seen.add(p);
            queue.push(p);
          }
        }
      }
      if (found) regionOfCache.set(c, found);
    }
  }
  if (REGION_CORRECTIONS[code]) return REGION_CORRECTIONS[code];
  const direct = regionOfCache.get(code);
  if (direct) return direct;
  // A same-footprint successor missing from geo-metadata takes its predecessor's region.
  const pred = Object.entries(SAME_FOOTPRINT).find(([, succ]) => succ === code)?.[0];
  return pred ? (regionOfCache.get(pred) ?? null) : null;
}

export function groupMembers(group: AnalysisGroup): string[] {
  switch (group) {
    case 'northern-cities':
      return [...NORTHERN_CITIES];
    case 'core-cities':
      return [...CORE_CITIES];
    case 'regions':
      return [...REGIONS];
    case 'local-authorities':
      return localAuthorities();
    case 'northern-local-authorities':
      return localAuthorities().filter((c) => (NORTHERN_REGIONS as readonly string[]).includes(regionOf(c)!));
  }
}

// ---------------------------------------------------------------------------------------------------
// Small helpers

/** The published value of an area at a period (same-footprint successors included), or null. */
export function valueAt(ind: IndicatorData, area: string, period: string): number | null {
  return seriesOf(ind, area).get(period)?.value ?? null;
}

/** The indicator's latest period at which any of the areas has a value; null when none has. */
export function latestPeriodWithValue(ind: IndicatorData, areas: readonly string[]): string | null {
  for (let k = ind.periods.length - 1; k >= 0; k--) {
    const p = ind.periods[k];
    if (areas.some((a) => valueAt(ind, a, p) !== null)) return p;
  }
  return null;
}

/** Least-squares slope of y on x; undefined when fewer than two distinct x values. */
export function leastSquaresSlope(points: readonly { x: number; y: number }[]): number | undefined {
  const n = points.length;
  if (n < 2) return undefined;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  return sxx === 0 ? undefined : sxy / sxx;
}

/** Pearson's r; undefined when fewer than two points or either variable is constant. */
export function pearson(points: readonly { x: number; y: number }[]): number | undefined {
  const n = points.length;
  if (n < 2) return undefined;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return undefined;
  return sxy / Math.sqrt(sxx * syy);
}

// ---------------------------------------------------------------------------------------------------
// Indicator classes

type Json = Record<string, unknown>;
const jsonCache = new Map<string, Json>();

/** The indicator's merged ess-beta-metadata object (shared + the indicator's own), every field. */
function metadataObject(ind: IndicatorData): Json {
  const key = `${ind.dataset}\u0000${ind.indicator}`;
  const hit = jsonCache.get(key);
  if (hit) return hit;
  const file = path.join(onsDir(), 'els', ind.dataset, `${ind.dataset}.json`);
  const root = (JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Json)[
    'ess-beta-metadata'
  ] as Json | undefined;
  const merged: Json = root?.shared
    ? { ...(root.shared as Json), ...((root[ind.indicator] as Json | undefined) ?? {}) }
    : { ...(root ?? {}) };
  jsonCache.set(key, merged);
  return merged;
}

/** Percentage indicators: the JSON suffix is "%" (the CSV unit is not trusted: the affordability ratio says "%"). */
export function isPercentIndicator(ind: IndicatorData): boolean {
  return ind.meta.suffix === '%';
}

/** Money: JSON prefix "£" (GBPSign) or published in £ millions. */
export function isMoney(ind: IndicatorData): boolean {
  return ind.meta.prefix === 'GBPSign' || isMillions(ind);
}

/** "age-standardised" anywhere in the JSON metadata text (subtitle, longDescription, ...) or the CSV measure/unit. */
export function isAgeStandardised(ind: IndicatorData): boolean {
  const texts = [JSON.stringify(metadataObject(ind)), ind.measure, ind.unit];
  return texts.some((t) => /age[- ]?standardi[sz]ed/i.test(t));
}

const CRUDE_RATE =
  /\bper (?:head|capita)\b|\bper [\d,]+ (?:population|people)\b|\bper million (?:population|people)\b/i;

/**
 * A crude per-head or per-population rate (the North may be a population-weighted mean of the three
 * regions). Brief: the unit or measure contains "per head", "per capita", "per N population/people",
 * "per million population", and the description does not say age-standardised.
 * Our reading: the texts looked at are the CSV unit and measure, the JSON subText and the JSON label and
 * CSV indicator name, so that "Gross disposable household income per head" (JSON label; CSV unit "£",
 * measure "Pounds") and "Gross domestic product per head ..." (CSV indicator) count as per head, as they
 * are (a total divided by the resident population). Per dwelling stock, per meter point, per hour worked
 * and per job are not per population.
 */
export function isCrudePerPopulationRate(ind: IndicatorData): boolean {
  const label = metadataObject(ind).label;
  const texts = [
    ind.unit,
    ind.measure,
    ind.meta.subText ?? '',
    typeof label === 'string' ? label : '',
    ind.indicator,
  ];
  return texts.some((t) => CRUDE_RATE.test(t)) && !isAgeStandardised(ind);
}

/**
 * The years whose mid-year populations weight a period. A one-year interval, a month or a date: its year
 * (RULES.year). Our reading for a multi-year interval (P3Y, P5Y): the years of its one-year parts, each
 * by RULES.year (its start year): "2022-01-01/P3Y" -> 2022, 2023, 2024 (ends in 2024 = RULES.year);
 * "2014-04-01/P3Y" (April 2014 to March 2017) -> 2014, 2015, 2016, the mid-years (30 June) that fall
 * inside the period, as ONS weights financial years by the mid-year estimate of their first calendar year.
 */
export function periodPopulationYears(period: string): number[] {
  const iv = /^(\d{4})-\d{2}-\d{2}\/P(\d+)Y$/.exec(period);
  if (iv && Number(iv[2]) > 1) {
    const start = Number(iv[1]);
    return Array.from({ length: Number(iv[2]) }, (_, k) => start + k);
  }
  return [periodYear(period)];
}

/** Population summed over the years of a period; years after the file's last year take the last year's. */
function periodPopulation(code: string, period: string): number | null {
  const last = lastPopulationYear();
  let total = 0;
  for (const y of periodPopulationYears(period)) {
    const p = population(code, Math.min(y, last));
    if (p === null) return null;
    total += p;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------------
// change

type ChangeMeasure = 'percent' | 'points' | 'units';

/**
 * The default measure: percentage points for "%" indicators, percent for money and counts.
 * Our reading for everything else (rates per N, years, minutes, scores, ratios, kWh, flows, nights):
 * 'units', the change in the indicator's own unit ("up 1.2 years", "down 0.1 on the 0-10 scale"), as
 * ONS reports these; the frozen cases give an explicit measure for such indicators, so none depends on it.
 */
export function defaultChangeMeasure(ind: IndicatorData): ChangeMeasure {
  if (isPercentIndicator(ind)) return 'points';
  if (isMoney(ind) || isCount(ind)) return 'percent';
  return 'units';
}

function change(ind: IndicatorData, req: Extract<AnalysisRequest, { kind: 'change' }>): AnalysisFacts {
  const measure = req.measure ?? defaultChangeMeasure(ind);
  const areas = groupMembers(req.group);
  const start = ind.periods.find((p) => periodYear(p) >= req.since);
  const end = latestPeriodWithValue(ind, areas);
  // Our reading: no span (no period from `since` on, no value in the group, or the start after the end)
  // gives no changes and every area lacking. No frozen case is in that situation.
  if (start === undefined || end === null || start > end) return { changes: [], lacking: areas, measure };
  const changes: NonNullable<AnalysisFacts['changes']> = [];
  const lacking: string[] = [];
  for (const area of areas) {
    const a = valueAt(ind, area, start);
    const b = valueAt(ind, area, end);
    if (a === null || b === null) {
      lacking.push(area);
      continue;
    }
    const diff = b - a;
    changes.push({
      area,
      startPeriod: start,
      endPeriod: end,
      startValue: a,
      endValue: b,
      change: diff,
      changePct: (diff / a) * 100,
    });
  }
  const key = (c: (typeof changes)[number]): number => (measure === 'percent' ? c.changePct : c.change);
  changes.sort((x, y) => key(y) - key(x) || (x.area < y.area ? -1 : 1));
  return { changes, lacking, measure };
}

// ---------------------------------------------------------------------------------------------------
// catching-up

export type NorthMethod = 'sum' | 'population-weighted-mean' | 'not-combinable';

/** How "the North" is derived for an indicator (README "Statistics rules"; the brief's (a), (b), (c)). */
export function northMethod(ind: IndicatorData): NorthMethod {
  if (isCount(ind)) return 'sum';
  if (isCrudePerPopulationRate(ind)) return 'population-weighted-mean';
  return 'not-combinable';
}

/**
 * The North's value at a period: needs all three regions' values (and, for the weighted mean, their
 * populations); null otherwise (our reading: a North from two regions would not be the North).
 */
export function northValue(ind: IndicatorData, period: string, method: NorthMethod): number | null {
  const values = NORTHERN_REGIONS.map((r) => valueAt(ind, r, period));
  if (values.some((v) => v === null)) return null;
  const vs = values as number[];
  if (method === 'sum') return vs.reduce((s, v) => s + v, 0);
  if (method === 'population-weighted-mean') {
    const pops = NORTHERN_REGIONS.map((r) => periodPopulation(r, period));
    if (pops.some((p) => p === null)) return null;
    const ps = pops as number[];
    const total = ps.reduce((s, p) => s + p, 0);
    return vs.reduce((s, v, k) => s + v * ps[k], 0) / total;
  }
  return null;
}

function catchingUp(
  ind: IndicatorData,
  req: Extract<AnalysisRequest, { kind: 'catching-up' }>,
): AnalysisFacts {
  let northOrAreaValue: (period: string) => number | null;
  if (req.area === 'north') {
    const method = northMethod(ind);
    // (c): not combinable -> the app shows the three regions; `ratios` is for the North East.
    northOrAreaValue =
      method === 'not-combinable'
        ? (p) => valueAt(ind, NORTHERN_REGIONS[0], p)
        : (p) => northValue(ind, p, method);
  } else {
    northOrAreaValue = (p) => valueAt(ind, req.area, p);
  }
  const ratios: NonNullable<AnalysisFacts['ratios']> = [];
  for (const period of ind.periods) {
    const v = northOrAreaValue(period);
    const se = valueAt(ind, SOUTH_EAST, period);
    if (v === null || se === null) continue;
    const en = valueAt(ind, ENGLAND, period);
    ratios.push({
      period,
      pctOfSouthEast: (v / se) * 100,
      pctOfEngland: en === null ? null : (v / en) * 100,
    });
  }
  const pts = ratios.map((r) => ({ x: periodYear(r.period), y: r.pctOfSouthEast }));
  const facts: AnalysisFacts = { ratios };
  const slopeAll = leastSquaresSlope(pts);
  const slopeLast5 = leastSquaresSlope(pts.slice(-5));
  if (slopeAll !== undefined) facts.slopeAll = slopeAll;
  if (slopeLast5 !== undefined) facts.slopeLast5 = slopeLast5;
  return facts;
}

// ---------------------------------------------------------------------------------------------------
// scatter

function scatter(req: Extract<AnalysisRequest, { kind: 'scatter' }>): AnalysisFacts {
  const xi = loadIndicator(req.x.dataset, req.x.indicator);
  const yi = loadIndicator(req.y.dataset, req.y.indicator);
  const areas = groupMembers(req.group);
  const xPeriod = latestPeriodWithValue(xi, areas);
  const yPeriod = latestPeriodWithValue(yi, areas);
  const points: NonNullable<AnalysisFacts['points']> = [];
  if (xPeriod !== null && yPeriod !== null) {
    for (const area of areas) {
      const x = valueAt(xi, area, xPeriod);
      const y = valueAt(yi, area, yPeriod);
      if (x !== null && y !== null) points.push({ area, x, y });
    }
  }
  const facts: AnalysisFacts = { points, n: points.length };
  if (xPeriod !== null) facts.xPeriod = xPeriod;
  if (yPeriod !== null) facts.yPeriod = yPeriod;
  const r = pearson(points);
  if (r !== undefined) facts.r = r;
  return facts;
}

// ---------------------------------------------------------------------------------------------------
// benchmark

/**
 * RULES.verdict of each group area with a value at the period against the benchmark (counts per head).
 * Our reading: the benchmark itself, when it is in the group (the South East among the regions), is left
 * out ("no verdict against itself"); an area whose verdict would be 'none' (benchmark without a value at
 * that period, or a count without a population) is left out too, as the contract lists no 'none'.
 */
function benchmark(ind: IndicatorData, req: Extract<AnalysisRequest, { kind: 'benchmark' }>): AnalysisFacts {
  const areas = groupMembers(req.group);
  const period = latestPeriodWithValue(ind, areas);
  if (period === null) return { verdicts: [] };
  const verdicts: NonNullable<AnalysisFacts['verdicts']> = [];
  for (const area of areas) {
    if (area === req.against) continue;
    const value = valueAt(ind, area, period);
    if (value === null) continue;
    const fig: FigureFact = { area, period, value, status: null, display: null };
    const { verdict } = verdictFor(ind, fig, req.against);
    if (verdict === 'none') continue;
    verdicts.push({ area, verdict });
  }
  return { verdicts, period };
}

// ---------------------------------------------------------------------------------------------------
// per-head

/**
 * The area's latest value (the latest period at which it has a value, as figureFor) over its mid-year
 * population of the period's year. Our reading: no perHead when the indicator is not a count (a rate is
 * already per head), when the area has no value, or when the population file has no figure for that
 * year (no other year's population is used; no frozen case is in that situation).
 */
function perHead(ind: IndicatorData, req: Extract<AnalysisRequest, { kind: 'per-head' }>): AnalysisFacts {
  if (!isCount(ind)) return {};
  const fig = figureFor(ind, req.area);
  if (fig.value === null || fig.period === null) return {};
  const year = periodYear(fig.period);
  const pop = population(req.area, year);
  if (pop === null) return {};
  const millions = isMillions(ind);
  return {
    perHead: {
      value: millions ? (fig.value * 1_000_000) / pop : (fig.value * 1000) / pop,
      population: pop,
      year,
      unit: millions ? '£ per head' : 'per 1,000 residents',
    },
  };
}

// ---------------------------------------------------------------------------------------------------

export function expectedAnalysis(req: AnalysisRequest): AnalysisFacts {
  switch (req.kind) {
    case 'change':
      return change(loadIndicator(req.dataset, req.indicator), req);
    case 'catching-up':
      return catchingUp(loadIndicator(req.dataset, req.indicator), req);
    case 'scatter':
      return scatter(req);
    case 'benchmark':
      return benchmark(loadIndicator(req.dataset, req.indicator), req);
    case 'per-head':
      return perHead(loadIndicator(req.dataset, req.indicator), req);
  }
}
