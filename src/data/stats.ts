import { ENGLAND, Geography, LONDON, NORTHERN_REGIONS, SOUTH_EAST } from './geography';
import { roundHalfAway } from '../format/number';
import {
  type Comparison,
  compareEstimates,
  type Estimate,
  type Verdict,
  type VerdictMethod,
} from './significance';
import type { IndicatorMeta, PeriodInfo, Snapshot, SnapshotSeries } from './types';
import { perHeadIndicators } from './derived';
import { unitInfo } from './units';

// The statistics core: pure queries over the loaded snapshot. Knows nothing of Slack or wording.
// Missing and suppressed values are explicit (value null + status), never zero.

/** GSS shorthand for an empty observation (gss.civilservice.gov.uk, symbols in tables). */
export const STATUS_MEANINGS: Record<string, string> = {
  x: 'not available',
  u: 'low reliability',
  c: 'confidential',
  z: 'not applicable',
};

/** "withheld [u]: low reliability": how a missing value with a status code is described everywhere. */
export function withheldNote(status: string): string {
  const meaning = STATUS_MEANINGS[status];
  return meaning ? `withheld [${status}]: ${meaning}` : status;
}

export interface Figure {
  area: string;
  areaName: string;
  period: PeriodInfo | null;
  value: number | null;
  lci: number | null;
  uci: number | null;
  /** Why a value is missing ("withheld [x]: not available", "no data for this area"), or a note ONS attached to it. */
  note: string | null;
  /** The GSS status code of a withheld value (x, u, c, z), else null. */
  status: string | null;
  /** A published value the publisher flags as unreliable ([u] beside a value): shown, never compared. */
  unreliable?: true;
}

export interface Point {
  period: PeriodInfo;
  value: number | null;
  lci: number | null;
  uci: number | null;
  status: string | null;
}

export interface Position {
  /** 1 = highest value. Ties share a position. */
  position: number;
  of: number;
  /** "local authorities in England", "upper-tier councils in England", "English regions" ... */
  groupLabel: string;
  /** The comparison set's id (Geography.comparisonSet). */
  setId: string;
  /** Estimates with confidence intervals: neighbouring positions may not differ significantly. */
  approximate: boolean;
}

export interface RankRow extends Figure {
  position: number;
}

export interface TrendRow {
  area: string;
  areaName: string;
  first: Figure | null;
  latest: Figure | null;
  change: number | null;
  changePct: number | null;
  perYear: number | null;
  points: Point[];
}

export interface GapPoint {
  period: PeriodInfo;
  /** Values of the North's regions, the South East, London and England at this period. */
  values: Record<string, number | null>;
  /** The North as one figure, when it can be derived honestly for this indicator and period. */
  north: number | null;
}

export interface GapResult {
  indicator: IndicatorMeta;
  period: PeriodInfo;
  rows: Figure[];
  north: { value: number; method: string } | null;
  /** Gap = northern value minus the comparator, in units and as % of the comparator. */
  gaps: {
    from: string;
    fromName: string;
    to: string;
    toName: string;
    toValue: number;
    gap: number;
    gapPct: number;
    /** higher/lower only where the confidence intervals allow it (src/data/significance.ts). */
    verdict: Verdict;
    method: VerdictMethod;
  }[];
  /** How the gap to the South East moved over the last (up to) 10 available periods. */
  movement: {
    from: string;
    fromName: string;
    start: PeriodInfo;
    end: PeriodInfo;
    startGap: number;
    endGap: number;
    /** The gap as % of the South East's value at each end. */
    startRelPct: number;
    endRelPct: number;
    verdict: 'narrowed' | 'widened' | 'unchanged';
  }[];
  history: GapPoint[];
}

export class UnknownIndicatorError extends Error {}

/** Headline indicators for /stats <place> with no indicator, and for digests. */
export const HEADLINE_INDICATORS = [
  'gross-value-added-per-hour-worked',
  'gross-median-weekly-pay',
  'gross-disposable-household-income-per-head',
  'employment-rate-great-britain',
  'level-3-or-above-qualifications-great-britain',
];

/** A refresh's changes as its report keeps them (src/data/refresh/refresh.ts), with when it ran. */
export interface SnapshotChanges {
  refreshedAt: string;
  newPeriods: { indicator: string; periods: string[] }[];
  revisions: number;
  /** Revisions beyond the refresh's bound, each in full. */
  largeRevisions: {
    indicator: string;
    area: string;
    period: string;
    old: number;
    new: number;
    relative: number | null;
  }[];
  newAreas: string[];
  retiredAreas: string[];
  newIndicators: string[];
  removedIndicators: string[];
}

export class StatsCore {
  readonly geography: Geography;
  readonly indicators: IndicatorMeta[];
  private readonly indicatorById = new Map<string, IndicatorMeta>();
  private readonly series: Record<string, SnapshotSeries>;
  private readonly population: Record<string, Record<number, number>>;
  private readonly positionCache = new Map<string, Map<string, Position>>();
  private readonly lowerTierCache = new Map<string, boolean>();
  readonly builtAt: string;
  readonly attribution: string;
  /**
   * What the refresh that made this snapshot changed (its refresh report), for "what's new"; null for
   * the bundled snapshot. Set by whoever loaded it (src/data/core.ts, the in-app refresher).
   */
  changes: SnapshotChanges | null = null;

  constructor(snapshot: Snapshot) {
    this.geography = new Geography(snapshot);
    const perHead = perHeadIndicators(snapshot);
    this.indicators = [...snapshot.indicators, ...perHead.indicators];
    for (const ind of this.indicators) this.indicatorById.set(ind.id, ind);
    this.series = { ...snapshot.series, ...perHead.series };
    this.population = snapshot.population;
    this.builtAt = snapshot.builtAt;
    this.attribution = snapshot.source.attribution;
  }

  indicator(id: string): IndicatorMeta {
    const ind = this.indicatorById.get(id);
    if (!ind) throw new UnknownIndicatorError(`unknown indicator ${id}`);
    return ind;
  }

  hasIndicator(id: string): boolean {
    return this.indicatorById.has(id);
  }

  /** Every period of an indicator for one area (empty when the indicator has no data for it). */
  seriesFor(indicatorId: string, areaCode: string): Point[] {
    const ind = this.indicator(indicatorId);
    const code = this.geography.area(areaCode)?.code ?? areaCode;
    const s = this.series[indicatorId];
    const values = s.values[code];
    if (!values) return [];
    return ind.periods.map((period, i) => ({
      period,
      value: values[i],
      lci: s.lci?.[code]?.[i] ?? null,
      uci: s.uci?.[code]?.[i] ?? null,
      status: s.status?.[code]?.[i] ?? null,
    }));
  }

  /** The period index to use: the given year's latest period, or the latest period this area has a value for. */
  private periodIndex(ind: IndicatorMeta, values: (number | null)[] | undefined, year?: number): number {
    if (year !== undefined) {
      for (let i = ind.periods.length - 1; i >= 0; i--) if (ind.periods[i].year === year) return i;
      return -1;
    }
    if (!values) return ind.periods.length - 1;
    for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return i;
    return ind.periods.length - 1;
  }

  private figureAt(ind: IndicatorMeta, areaCode: string, i: number): Figure {
    const area = this.geography.area(areaCode);
    const code = area?.code ?? areaCode;
    const s = this.series[ind.id];
    const period = i >= 0 ? ind.periods[i] : null;
    const values = s.values[code];
    const value = values && i >= 0 ? values[i] : null;
    const status = s.status?.[code]?.[i] ?? null;
    let note: string | null = null;
    if (!values) note = `no ${ind.label.toLowerCase()} data for ${area?.name ?? code}`;
    else if (i < 0) note = 'no data for that year';
    else if (value === null) note = status ? withheldNote(status) : 'no figure published';
    else if (status && !STATUS_MEANINGS[status]) note = status; // ONS notes such as "Value for Hackney and City of London combined"
    return {
      area: code,
      areaName: this.geography.name(code),
      // A place the indicator has no data for at all has no period either.
      period: values ? period : null,
      value,
      lci: i >= 0 ? (s.lci?.[code]?.[i] ?? null) : null,
      uci: i >= 0 ? (s.uci?.[code]?.[i] ?? null) : null,
      note,
      status: value === null && status && STATUS_MEANINGS[status] ? status : null,
      ...(value !== null && status === 'u' ? { unreliable: true as const } : {}),
    };
  }

  /** One figure: the latest the area has, or the given year's. */
  value(indicatorId: string, areaCode: string, year?: number): Figure {
    const ind = this.indicator(indicatorId);
    const code = this.geography.area(areaCode)?.code ?? areaCode;
    return this.figureAt(ind, code, this.periodIndex(ind, this.series[indicatorId].values[code], year));
  }

  /** One figure at exactly this period (comparators must be for the same period as the figure). */
  valueAt(indicatorId: string, areaCode: string, period: PeriodInfo): Figure {
    const ind = this.indicator(indicatorId);
    const code = this.geography.area(areaCode)?.code ?? areaCode;
    return this.figureAt(ind, code, this.periodIndexOf(ind, period));
  }

  /** Whether any area has a period with this year (what a typed year selects). */
  holdsYear(indicatorId: string, year: number): boolean {
    return this.indicator(indicatorId).periods.some((p) => p.year === year);
  }

  /** Figures for several areas at one common period (the first area's latest, or the given year). */
  compare(
    indicatorId: string,
    areaCodes: string[],
    year?: number,
  ): { period: PeriodInfo | null; figures: Figure[] } {
    const ind = this.indicator(indicatorId);
    const s = this.series[indicatorId];
    let i = -1;
    if (year !== undefined) i = this.periodIndex(ind, undefined, year);
    else {
      // The latest period at which most of the requested areas have a value.
      for (let k = ind.periods.length - 1; k >= 0 && i < 0; k--) {
        const have = areaCodes.filter(
          (c) => (s.values[this.geography.area(c)?.code ?? c]?.[k] ?? null) !== null,
        ).length;
        if (have > 0 && have * 2 >= areaCodes.length) i = k;
      }
      if (i < 0) i = ind.periods.length - 1;
    }
    return {
      period: i >= 0 ? ind.periods[i] : null,
      figures: areaCodes.map((c) => this.figureAt(ind, c, i)),
    };
  }

  /**
   * Ranks a group at one period (the latest period at which at least half the group has values, or the
   * given year). Sorted highest first for 'top', lowest first for 'bottom'.
   */
  rank(
    indicatorId: string,
    group: string[],
    options: { n?: number; direction?: 'top' | 'bottom'; year?: number } = {},
  ): { period: PeriodInfo | null; rows: RankRow[]; missing: Figure[]; total: number } {
    const { period, figures } = this.compareForGroup(indicatorId, group, options.year);
    const withValues = figures.filter((f) => f.value !== null);
    const missing = figures.filter((f) => f.value === null);
    withValues.sort(
      (a, b) => (b.value as number) - (a.value as number) || a.areaName.localeCompare(b.areaName),
    );
    const rows: RankRow[] = [];
    withValues.forEach((f, k) => {
      const position = k > 0 && f.value === withValues[k - 1].value ? rows[k - 1].position : k + 1;
      rows.push({ ...f, position });
    });
    const ordered = options.direction === 'bottom' ? [...rows].reverse() : rows;
    return { period, rows: options.n ? ordered.slice(0, options.n) : ordered, missing, total: rows.length };
  }

  private compareForGroup(indicatorId: string, group: string[], year?: number) {
    const ind = this.indicator(indicatorId);
    const s = this.series[indicatorId];
    let i = year !== undefined ? this.periodIndex(ind, undefined, year) : -1;
    if (year === undefined) {
      // The latest period at which any member has a value; members without one are listed as missing.
      for (let k = ind.periods.length - 1; k >= 0 && i < 0; k--) {
        if (group.some((c) => (s.values[c]?.[k] ?? null) !== null)) i = k;
      }
    }
    return { period: i >= 0 ? ind.periods[i] : null, figures: group.map((c) => this.figureAt(ind, c, i)) };
  }

  /**
   * Where an area stands in its comparison set at a period ("75th of 151 upper-tier councils in
   * England"). The set follows from the area's level and the levels that have values for the
   * indicator at that period (see Geography.comparisonSet).
   */
  position(indicatorId: string, areaCode: string, period: PeriodInfo | null): Position | null {
    if (!period) return null;
    const ind = this.indicator(indicatorId);
    const i = ind.periods.findIndex((p) => p.id === period.id);
    if (i < 0) return null;
    const set = this.geography.comparisonSet(areaCode, this.lowerTierHasValues(ind, i));
    if (!set || set.codes.length < 2) return null;
    // Positions are ranked once per (indicator, set, period) and cached: the snapshot never
    // changes, and ranking 296 authorities on every /stats would dominate the answer time.
    const key = `${indicatorId}|${set.id}|${period.id}`;
    let table = this.positionCache.get(key);
    if (!table) {
      table = new Map();
      const rows = this.rankAt(indicatorId, set.codes, period);
      const approximate = this.hasCiAt(ind, i);
      for (const row of rows)
        table.set(row.area, {
          position: row.position,
          of: rows.length,
          groupLabel: set.label,
          setId: set.id,
          approximate,
        });
      this.positionCache.set(key, table);
    }
    const code = this.geography.area(areaCode)?.code ?? areaCode;
    return table.get(code) ?? null;
  }

  /**
   * Whether any current district (E07) has a value at period index i. Indicators published for
   * upper-tier councils only (healthy life expectancy, persistent absence, motor vehicle flow) do not,
   * so their unitaries and metropolitan boroughs are ranked among upper-tier councils.
   */
  lowerTierHasValues(ind: IndicatorMeta, i: number): boolean {
    const key = `${ind.id}|${i}`;
    let has = this.lowerTierCache.get(key);
    if (has === undefined) {
      const values = this.series[ind.id].values;
      has = this.geography
        .ofLevel('non_metropolitan_district')
        .some((a) => (values[a.code]?.[i] ?? null) !== null);
      this.lowerTierCache.set(key, has);
    }
    return has;
  }

  /** Whether confidence intervals are published for any area at period index i (ranks are then approximate). */
  hasCiAt(ind: IndicatorMeta, i: number): boolean {
    if (!ind.hasCi || i < 0) return false;
    const lci = this.series[ind.id].lci ?? {};
    return Object.values(lci).some((v) => (v[i] ?? null) !== null);
  }

  /** The period index of a period id, or -1. */
  periodIndexOf(ind: IndicatorMeta, period: PeriodInfo | null): number {
    return period ? ind.periods.findIndex((p) => p.id === period.id) : -1;
  }

  private rankAt(indicatorId: string, group: string[], period: PeriodInfo): RankRow[] {
    const ind = this.indicator(indicatorId);
    const i = ind.periods.findIndex((p) => p.id === period.id);
    const rows = group
      .map((c) => this.figureAt(ind, c, i))
      .filter((f) => f.value !== null)
      .sort((a, b) => (b.value as number) - (a.value as number));
    const out: RankRow[] = [];
    rows.forEach((f, k) => {
      out.push({ ...f, position: k > 0 && f.value === rows[k - 1].value ? out[k - 1].position : k + 1 });
    });
    return out;
  }

  /** Each area's path from `since` (or the start of the data) to its latest value. */
  trend(indicatorId: string, areaCodes: string[], since?: number): TrendRow[] {
    const ind = this.indicator(indicatorId);
    return areaCodes.map((c) => {
      const points = this.seriesFor(indicatorId, c).filter(
        (p) => since === undefined || p.period.year >= since,
      );
      const present = points.filter((p) => p.value !== null);
      const code = this.geography.area(c)?.code ?? c;
      const first = present[0];
      const last = present.at(-1);
      const toFigure = (p: Point | undefined): Figure | null =>
        p
          ? this.figureAt(
              ind,
              code,
              ind.periods.findIndex((q) => q.id === p.period.id),
            )
          : null;
      let change: number | null = null;
      let changePct: number | null = null;
      let perYear: number | null = null;
      if (first && last && first !== last) {
        change = (last.value as number) - (first.value as number);
        changePct = first.value !== 0 ? (change / Math.abs(first.value as number)) * 100 : null;
        const years = yearsBetween(first.period, last.period);
        perYear = years > 0 ? change / years : null;
      }
      return {
        area: code,
        areaName: this.geography.name(code),
        first: toFigure(first),
        latest: toFigure(last),
        change,
        changePct,
        perYear,
        points,
      };
    });
  }

  /** Headline figures for one place. */
  profile(areaCode: string): Figure[] {
    return HEADLINE_INDICATORS.filter((id) => this.hasIndicator(id)).map((id) => this.value(id, areaCode));
  }

  /** Mid-year population, following retired codes. */
  populationOf(areaCode: string, year: number): number | null {
    const code = this.geography.area(areaCode)?.code ?? areaCode;
    return this.population[code]?.[year] ?? null;
  }

  /**
   * How the North's figure can be derived, if at all. Counts are summed; crude per-head and
   * per-population rates are population-weighted means of the three regions (exact when population
   * is the denominator). Everything else is shown as the three regions, for the reason `northReason` gives.
   */
  northMethod(ind: IndicatorMeta): 'population-weighted' | 'sum' | null {
    return northRule(ind).method;
  }

  /** Why the North is not one figure for this indicator (null when it is). */
  northReason(ind: IndicatorMeta): string | null {
    return northRule(ind).reason;
  }

  /** The mid-year populations a period spans: one year, or each year of a multi-year period. */
  private periodYears(period: PeriodInfo): number[] {
    const m = /^P(\d+)Y$/.exec(period.duration);
    const n = m ? Number(m[1]) : 1;
    const first = Number(period.start.slice(0, 4));
    return Array.from({ length: n }, (_, k) => first + k);
  }

  /** The North as one figure at period index i, where it can be derived honestly (see northRule). */
  northValue(indicatorId: string, i: number): { value: number; method: string } | null {
    return this.northAt(this.indicator(indicatorId), i);
  }

  private northAt(ind: IndicatorMeta, i: number): { value: number; method: string } | null {
    const method = this.northMethod(ind);
    if (!method) return null;
    const period = ind.periods[i];
    const vals = NORTHERN_REGIONS.map((r) => this.series[ind.id].values[r]?.[i] ?? null);
    if (vals.some((v) => v === null)) return null;
    if (method === 'sum') {
      return {
        value: (vals as number[]).reduce((a, b) => a + b, 0),
        method: 'derived by Northstat: sum of North East, North West and Yorkshire and The Humber',
      };
    }
    // Weighted by the population of the whole period (each year of a three-year average), from
    // ONS mid-year estimates; years after the latest estimate use the latest.
    const latestPop = Math.max(...Object.keys(this.population[NORTHERN_REGIONS[0]] ?? {}).map(Number));
    const years = [...new Set(this.periodYears(period).map((y) => Math.min(y, latestPop)))];
    const pops = NORTHERN_REGIONS.map((r) => {
      const each = years.map((y) => this.populationOf(r, y));
      return each.some((p) => p === null) ? null : (each as number[]).reduce((a, b) => a + b, 0);
    });
    if (pops.some((p) => p === null)) return null;
    const total = (pops as number[]).reduce((a, b) => a + b, 0);
    const value = (vals as number[]).reduce((acc, v, k) => acc + v * (pops[k] as number), 0) / total;
    const span = years.length === 1 ? `mid-${years[0]}` : `mid-${years[0]} to mid-${years.at(-1)}`;
    return {
      value,
      method: `derived by Northstat: mean of North East, North West and Yorkshire and The Humber weighted by ONS ${span} population`,
    };
  }

  /**
   * The North against the South East, London and England at one period (the latest complete one, or
   * the given year's), and how each northern region's gap to the South East moved, relative to the
   * South East's value: from `since` (or 10 periods back) to that period.
   */
  gap(indicatorId: string, year?: number, since?: number): GapResult {
    const ind = this.indicator(indicatorId);
    const s = this.series[indicatorId];
    const codes = [...NORTHERN_REGIONS, SOUTH_EAST, LONDON, ENGLAND];
    const complete = (k: number) =>
      [...NORTHERN_REGIONS, SOUTH_EAST].every((c) => (s.values[c]?.[k] ?? null) !== null);
    let i = year !== undefined ? this.periodIndex(ind, undefined, year) : -1;
    if (year === undefined) for (let k = ind.periods.length - 1; k >= 0 && i < 0; k--) if (complete(k)) i = k;
    if (i < 0) i = ind.periods.length - 1;
    const period = ind.periods[i];
    const rows = codes.map((c) => this.figureAt(ind, c, i));
    const north = this.northAt(ind, i);
    const value = (c: string) => rows.find((r) => r.area === c)?.value ?? null;
    const sources: { code: string; name: string; v: number | null; est: Estimate }[] = [
      ...(north
        ? [
            {
              code: 'north',
              name: 'The North',
              v: north.value,
              est: { value: north.value, lci: null, uci: null },
            },
          ]
        : []),
      ...NORTHERN_REGIONS.map((c) => {
        const f = rows.find((r) => r.area === c);
        return {
          code: c,
          name: this.geography.name(c),
          v: value(c),
          est: { value: value(c), lci: f?.lci ?? null, uci: f?.uci ?? null },
        };
      }),
    ];
    const gaps: GapResult['gaps'] = [];
    for (const src of sources) {
      for (const to of [SOUTH_EAST, LONDON, ENGLAND]) {
        const target = value(to);
        if (src.v === null || target === null) continue;
        const toFigure = rows.find((r) => r.area === to) as Figure;
        const cmp = compareEstimates(src.est, toFigure) as Comparison;
        gaps.push({
          verdict: cmp.verdict,
          method: cmp.method,
          from: src.code,
          fromName: src.name,
          to,
          toName: this.geography.name(to),
          toValue: target,
          gap: src.v - target,
          gapPct: target !== 0 ? ((src.v - target) / Math.abs(target)) * 100 : 0,
        });
      }
    }
    // History: every period up to the chosen one at which the regions and the South East have values.
    const history: GapPoint[] = [];
    for (let k = 0; k <= i; k++) {
      if (!complete(k)) continue;
      const values: Record<string, number | null> = {};
      for (const c of codes) values[c] = s.values[c]?.[k] ?? null;
      history.push({ period: ind.periods[k], values, north: this.northAt(ind, k)?.value ?? null });
    }
    const fromIndex =
      since !== undefined
        ? Math.max(
            0,
            history.findIndex((h) => h.period.year >= since),
          )
        : Math.max(0, history.length - 10);
    const window =
      since !== undefined && !history.some((h) => h.period.year >= since) ? [] : history.slice(fromIndex);
    const movement: GapResult['movement'] = [];
    if (window.length >= 2) {
      const [start, end] = [window[0], window[window.length - 1]];
      const se = (p: GapPoint) => p.values[SOUTH_EAST] as number;
      for (const src of sources) {
        const at = (p: GapPoint) => (src.code === 'north' ? p.north : p.values[src.code]);
        const a = at(start);
        const b = at(end);
        if (a === null || b === null) continue;
        const startRelPct = ((a - se(start)) / Math.abs(se(start))) * 100;
        const endRelPct = ((b - se(end)) / Math.abs(se(end))) * 100;
        movement.push({
          from: src.code,
          fromName: src.name,
          start: start.period,
          end: end.period,
          startGap: a - se(start),
          endGap: b - se(end),
          startRelPct,
          endRelPct,
          verdict: relativeVerdict(startRelPct, endRelPct),
        });
      }
    }
    return {
      indicator: ind,
      period,
      rows,
      north,
      gaps,
      movement,
      history: window.length >= 2 ? window : history,
    };
  }
}

/**
 * Whether a relative gap narrowed: its size (as % of the South East) at the end against the start,
 * compared at the 1 decimal place it is shown with. Cash gaps at current prices are not used: they
 * widen with inflation even when the North keeps pace.
 */
export function relativeVerdict(
  startRelPct: number,
  endRelPct: number,
): 'narrowed' | 'widened' | 'unchanged' {
  const a = roundHalfAway(Math.abs(startRelPct), 1);
  const b = roundHalfAway(Math.abs(endRelPct), 1);
  return b < a ? 'narrowed' : b > a ? 'widened' : 'unchanged';
}

/** The North as one figure: how, or why not. */
export function northRule(ind: IndicatorMeta): {
  method: 'population-weighted' | 'sum' | null;
  reason: string | null;
} {
  const units = unitInfo(ind);
  if (units.isCount) return { method: 'sum', reason: null };
  const text = `${ind.label} ${ind.unit} ${ind.measure}`.toLowerCase();
  if (units.ageStandardised)
    return {
      method: null,
      reason: 'it is an age-standardised rate, which cannot be combined by population weighting',
    };
  if (/median/.test(text))
    return { method: null, reason: 'it is a median, which cannot be averaged across regions' };
  if (/per hour/.test(text))
    return { method: null, reason: 'it is a rate per hour worked, and hours are not published with it' };
  if (/per (filled )?job|filled job/.test(text))
    return { method: null, reason: 'it is a rate per job, and job counts are not published with it' };
  if (/per head|per capita|per [\d,]+ (population|people)|per million population/.test(text))
    return { method: 'population-weighted', reason: null };
  if (ind.suffix === '%')
    return {
      method: null,
      reason:
        'it is a percentage of a group (such as working-age residents or pupils) whose size is not published with it',
    };
  if (/score|mean/.test(text))
    return {
      method: null,
      reason: 'it is an average score from a survey, whose sample weights are not published',
    };
  return { method: null, reason: 'its denominator is not population, so it cannot be weighted honestly' };
}

/** Years between two period starts (fractional for months), for change per year. */
export function yearsBetween(a: PeriodInfo, b: PeriodInfo): number {
  const ms = Date.parse(b.start) - Date.parse(a.start);
  return Math.round((ms / (365.25 * 24 * 3600 * 1000)) * 100) / 100;
}
