import { ENGLAND, Geography, LONDON, NORTHERN_REGIONS, SOUTH_EAST } from './geography';
import type { IndicatorMeta, PeriodInfo, Snapshot, SnapshotSeries } from './types';

// The statistics core: pure queries over the loaded snapshot. Knows nothing of Slack or wording.
// Missing and suppressed values are explicit (value null + status), never zero.

export const STATUS_MEANINGS: Record<string, string> = {
  x: 'not available',
  u: 'low reliability, suppressed',
  c: 'confidential',
  z: 'not applicable',
};

export interface Figure {
  area: string;
  areaName: string;
  period: PeriodInfo | null;
  value: number | null;
  lci: number | null;
  uci: number | null;
  /** Why a value is missing ("not available", "no data for this area"), or a note ONS attached to it. */
  note: string | null;
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
  groupLabel: string;
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
  gaps: { from: string; fromName: string; to: string; toName: string; gap: number; gapPct: number }[];
  /** How the gap to the South East moved over the last (up to) 10 available periods. */
  movement: {
    from: string;
    fromName: string;
    start: PeriodInfo;
    end: PeriodInfo;
    startGap: number;
    endGap: number;
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

export class StatsCore {
  readonly geography: Geography;
  readonly indicators: IndicatorMeta[];
  private readonly indicatorById = new Map<string, IndicatorMeta>();
  private readonly series: Record<string, SnapshotSeries>;
  private readonly population: Record<string, Record<number, number>>;
  private readonly positionCache = new Map<string, Map<string, Position>>();
  readonly builtAt: string;
  readonly attribution: string;

  constructor(snapshot: Snapshot) {
    this.geography = new Geography(snapshot);
    this.indicators = snapshot.indicators;
    for (const ind of snapshot.indicators) this.indicatorById.set(ind.id, ind);
    this.series = snapshot.series;
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
    else if (value === null) note = status ? (STATUS_MEANINGS[status] ?? status) : 'not available';
    else if (status && !STATUS_MEANINGS[status]) note = status; // ONS notes such as "Value for Hackney and City of London combined"
    return {
      area: code,
      areaName: area?.name ?? code,
      period,
      value,
      lci: i >= 0 ? (s.lci?.[code]?.[i] ?? null) : null,
      uci: i >= 0 ? (s.uci?.[code]?.[i] ?? null) : null,
      note,
    };
  }

  /** One figure: the latest the area has, or the given year's. */
  value(indicatorId: string, areaCode: string, year?: number): Figure {
    const ind = this.indicator(indicatorId);
    const code = this.geography.area(areaCode)?.code ?? areaCode;
    return this.figureAt(ind, code, this.periodIndex(ind, this.series[indicatorId].values[code], year));
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
      for (let k = ind.periods.length - 1; k >= 0 && i < 0; k--) {
        const have = group.filter((c) => (s.values[c]?.[k] ?? null) !== null).length;
        if (have > 0 && have * 2 >= group.length) i = k;
      }
    }
    return { period: i >= 0 ? ind.periods[i] : null, figures: group.map((c) => this.figureAt(ind, c, i)) };
  }

  /** Where an area stands among its peers at a period ("12th of 296 local authorities in England"). */
  position(indicatorId: string, areaCode: string, period: PeriodInfo | null): Position | null {
    if (!period) return null;
    const peers = this.geography.peersOf(areaCode);
    if (peers.codes.length < 2) return null;
    // Positions are ranked once per (indicator, peer group, period) and cached: the snapshot never
    // changes, and ranking 296 authorities on every /stats would dominate the answer time.
    const key = `${indicatorId}|${peers.label}|${period.id}`;
    let table = this.positionCache.get(key);
    if (!table) {
      table = new Map();
      const rows = this.rankAt(indicatorId, peers.codes, period);
      for (const row of rows)
        table.set(row.area, { position: row.position, of: rows.length, groupLabel: peers.label });
      this.positionCache.set(key, table);
    }
    const code = this.geography.area(areaCode)?.code ?? areaCode;
    return table.get(code) ?? null;
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
   * How the North's figure can be derived, if at all. Per-head and per-population rates are
   * population-weighted means of the three regions (exact when population is the denominator);
   * counts are sums; medians, percentages of other bases and per-hour/per-job measures cannot be
   * combined honestly, so the answer shows the three regions instead.
   */
  northMethod(ind: IndicatorMeta): 'population-weighted' | 'sum' | null {
    if (ind.id === 'population') return 'sum';
    const text = `${ind.label} ${ind.unit} ${ind.measure}`.toLowerCase();
    if (/median|per hour|per filled job|per job/.test(text)) return null;
    if (/per head|per capita|per [\d,]+ (population|people)|per million population/.test(text))
      return 'population-weighted';
    return null;
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
        method: 'sum of North East, North West and Yorkshire and The Humber',
      };
    }
    const popYear = Math.min(period.year, 2024);
    const pops = NORTHERN_REGIONS.map((r) => this.populationOf(r, popYear));
    if (pops.some((p) => p === null)) return null;
    const total = (pops as number[]).reduce((a, b) => a + b, 0);
    const value = (vals as number[]).reduce((acc, v, k) => acc + v * (pops[k] as number), 0) / total;
    return {
      value,
      method: `derived: mean of North East, North West and Yorkshire and The Humber weighted by ONS mid-${popYear} population (${Math.round(total).toLocaleString('en-GB')} people)`,
    };
  }

  /** The North against the South East, London and England. */
  gap(indicatorId: string, year?: number): GapResult {
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
    const sources: { code: string; name: string; v: number | null }[] = north
      ? [{ code: 'north', name: 'The North', v: north.value }]
      : NORTHERN_REGIONS.map((c) => ({ code: c, name: this.geography.name(c), v: value(c) }));
    const gaps: GapResult['gaps'] = [];
    for (const src of sources) {
      for (const to of [SOUTH_EAST, LONDON, ENGLAND]) {
        const target = value(to);
        if (src.v === null || target === null) continue;
        gaps.push({
          from: src.code,
          fromName: src.name,
          to,
          toName: this.geography.name(to),
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
    const window = history.slice(-10);
    const movement: GapResult['movement'] = [];
    if (window.length >= 2) {
      const [start, end] = [window[0], window[window.length - 1]];
      const se = (p: GapPoint) => p.values[SOUTH_EAST] as number;
      for (const src of sources) {
        const at = (p: GapPoint) => (src.code === 'north' ? p.north : p.values[src.code]);
        const a = at(start);
        const b = at(end);
        if (a === null || b === null) continue;
        movement.push({
          from: src.code,
          fromName: src.name,
          start: start.period,
          end: end.period,
          startGap: a - se(start),
          endGap: b - se(end),
        });
      }
    }
    return { indicator: ind, period, rows, north, gaps, movement, history };
  }
}

/** Years between two period starts (fractional for months), for change per year. */
export function yearsBetween(a: PeriodInfo, b: PeriodInfo): number {
  const ms = Date.parse(b.start) - Date.parse(a.start);
  return Math.round((ms / (365.25 * 24 * 3600 * 1000)) * 100) / 100;
}
