// Independent oracle: computes the facts an answer must show, from the raw files, following the rules
// written in ../contract.ts. Where a rule left room for more than one reading, the reading chosen is
// written next to the code as "Our reading:".
import type { AnswerFacts, CheckRequest, ComparisonSet, FigureFact, Verdict } from '../contract';
import {
  retiredAnywhere,
  type IndicatorData,
  loadIndicator,
  population,
  type Row,
  SAME_FOOTPRINT,
  SAME_FOOTPRINT_PREDECESSOR,
} from './data';
import { displayValue, isCount, unitLabel } from './format';

export const SOUTH_EAST = 'E12000008';
export const ENGLAND = 'E92000001';
export const NORTHERN_REGIONS = ['E12000001', 'E12000002', 'E12000003'] as const;

/**
 * RULES.year: one-year interval (any start month) -> year of its start; multi-year interval (P3Y, P5Y) ->
 * year of its end; a date or a bare year -> its year. Our reading: a monthly interval (P1M) -> year of its start.
 */
export function periodYear(period: string): number {
  const iv = /^(\d{4})-(\d{2})-(\d{2})\/P(\d+)([YM])$/.exec(period);
  if (iv) {
    const start = Number(iv[1]);
    const n = Number(iv[4]);
    // The calendar year in which the interval ends: 2022-01-01/P3Y ends in 2024, 2022-04-01/P3Y
    // (April 2022 to March 2025) in 2025. (Corrected after the first run: start + n - 1 was right for
    // January starts only.)
    const fromJan1 = iv[2] === '01' && iv[3] === '01';
    return iv[5] === 'Y' && n > 1 ? start + n - (fromJan1 ? 1 : 0) : start;
  }
  const d = /^(\d{4})(?:-\d{2}-\d{2})?$/.exec(period);
  if (d) return Number(d[1]);
  throw new Error(`independent check: unknown period format ${JSON.stringify(period)}`);
}

const latest = (ps: Iterable<string>): string | null => {
  let best: string | null = null;
  for (const p of ps) if (best === null || p > best) best = p;
  return best;
};

/**
 * The series of one area: its own rows, plus (RULES.identity) for a same-footprint successor the
 * predecessor's rows at periods where the successor has no row. Our reading: "has none" = has no row
 * (a withheld row under the successor is kept); the data never has a withheld successor row with a
 * predecessor value at the same period, so the two readings agree here.
 */
export function seriesOf(ind: IndicatorData, code: string): Map<string, Row> {
  const own = ind.byCode.get(code) ?? new Map<string, Row>();
  const pred = SAME_FOOTPRINT_PREDECESSOR[code];
  const old = pred ? ind.byCode.get(pred) : undefined;
  if (!old) return own;
  const merged = new Map(own);
  for (const [p, r] of old) if (!merged.has(p)) merged.set(p, r);
  return merged;
}

function figure(ind: IndicatorData, area: string, period: string | null, row: Row | undefined): FigureFact {
  const value = row ? row.value : null;
  return {
    area,
    period,
    value,
    status: row ? row.status : null,
    display: row && value !== null ? displayValue(ind, row.raw) : null,
  };
}

const noFigure = (area: string): FigureFact => ({
  area,
  period: null,
  value: null,
  status: null,
  display: null,
});

function periodsOfYear(ind: IndicatorData, year: number): string[] {
  return ind.periods.filter((p) => periodYear(p) === year);
}

function yearNotHeld(ind: IndicatorData, year: number): AnswerFacts['yearNotHeld'] {
  return { requested: year, firstPeriod: ind.periods[0], lastPeriod: ind.periods[ind.periods.length - 1] };
}

/**
 * The figure for an area. No year: the latest period at which the area has a value (contract.ts as
 * amended before the first run against the app: a later withheld period goes in the notes); when
 * it has no value at all, its latest row (withheld rows count).
 * Year Y: the period of year Y. Our reading when several periods share a year (monthly short-term lets,
 * two EV-charger dates in 2026): the latest of them at which the area has a row, else the latest of them.
 * When the area has no row at the selected period, the figure keeps that period with value/status null.
 */
export function figureFor(ind: IndicatorData, area: string, year?: number): FigureFact {
  const series = seriesOf(ind, area);
  if (year === undefined) {
    const withValue = [...series.entries()].filter(([, r]) => r.value !== null).map(([k]) => k);
    const p = latest(withValue.length > 0 ? withValue : series.keys());
    return p === null ? noFigure(area) : figure(ind, area, p, series.get(p));
  }
  const ps = periodsOfYear(ind, year);
  if (ps.length === 0) return noFigure(area);
  const withRow = ps.filter((p) => series.has(p));
  const p = latest(withRow.length > 0 ? withRow : ps)!;
  return figure(ind, area, p, series.get(p));
}

/** An area's figure at exactly this period (value and status null when it has no row there). */
function figureAt(ind: IndicatorData, area: string, period: string): FigureFact {
  return figure(ind, area, period, seriesOf(ind, area).get(period));
}

const prefixOf = (code: string): string => code.slice(0, 3);

const SET_LEVELS: Record<ComparisonSet, string[]> = {
  'lower-tier-england': ['E06', 'E07', 'E08', 'E09'],
  'upper-tier-england': ['E06', 'E08', 'E09', 'E10'],
  'regions-england': ['E12'],
  'combined-authorities': ['E47'],
  'welsh-authorities': ['W06'],
  'scottish-councils': ['S12'],
  'ni-districts': ['N09'],
  nations: ['E92', 'W92', 'S92', 'N92'],
};

function isRetired(ind: IndicatorData, code: string): boolean {
  return ind.retired.has(code) || retiredAnywhere().has(code);
}

/** Current codes of the indicator at the given levels: retired codes out, same-footprint successors in. */
function currentCodes(ind: IndicatorData, levels: string[]): string[] {
  const codes = new Set<string>();
  for (const code of ind.byCode.keys()) {
    if (levels.includes(prefixOf(code)) && !isRetired(ind, code)) codes.add(code);
    const succ = SAME_FOOTPRINT[code];
    if (succ && levels.includes(prefixOf(succ))) codes.add(succ);
  }
  return [...codes].sort();
}

export interface Member {
  code: string;
  row: Row;
  value: number;
}

export function members(ind: IndicatorData, set: ComparisonSet, period: string): Member[] {
  const out: Member[] = [];
  for (const code of currentCodes(ind, SET_LEVELS[set])) {
    const row = seriesOf(ind, code).get(period);
    if (row && row.value !== null) out.push({ code, row, value: row.value });
  }
  return out;
}

/**
 * Whether any E07 code has a value at the period. Our reading: only current (non-retired) E07 codes count,
 * the same codes that would make up lower-tier-england; in these files no period has E07 values only from
 * retired codes, so the literal reading gives the same sets.
 */
function anyDistrictValue(ind: IndicatorData, period: string): boolean {
  return members(ind, 'lower-tier-england', period).some((m) => prefixOf(m.code) === 'E07');
}

/** RULES.rank: the comparison set for an area's level at a period; null when none applies. */
export function setForArea(ind: IndicatorData, area: string, period: string): ComparisonSet | null {
  if (isRetired(ind, area)) return null;
  switch (prefixOf(area)) {
    case 'E07':
      return 'lower-tier-england';
    case 'E10':
      return 'upper-tier-england';
    case 'E06':
    case 'E08':
    case 'E09':
      return anyDistrictValue(ind, period) ? 'lower-tier-england' : 'upper-tier-england';
    case 'E12':
      return 'regions-england';
    case 'E47':
      return 'combined-authorities';
    case 'W06':
      return 'welsh-authorities';
    case 'S12':
      return 'scottish-councils';
    case 'N09':
      return 'ni-districts';
    case 'E92':
    case 'W92':
    case 'S92':
    case 'N92':
      return 'nations';
    default:
      return null;
  }
}

/** Our reading of /rank groups: "local-authorities" follows the E06/E08/E09 rule (lower tier if any district has a value, else upper tier). */
export function setForGroup(
  ind: IndicatorData,
  group: NonNullable<CheckRequest['group']>,
  period: string,
): ComparisonSet {
  switch (group) {
    case 'regions':
      return 'regions-england';
    case 'local-authorities':
      return anyDistrictValue(ind, period) ? 'lower-tier-england' : 'upper-tier-england';
    case 'upper-tier-councils':
      return 'upper-tier-england';
    case 'combined-authorities':
      return 'combined-authorities';
  }
}

/** 1st = highest; ties share the better position (1, 2, 2, 4). */
export function positionOf(all: Member[], value: number): number {
  return 1 + all.filter((m) => m.value > value).length;
}

const hasCi = (r: Row): boolean => r.lci !== null && r.uci !== null;

function plain(a: number, b: number): Verdict {
  return a > b ? 'higher' : a < b ? 'lower' : 'same';
}

/** RULES.verdict for one figure against one comparator at the figure's period. */
export function verdictFor(
  ind: IndicatorData,
  fig: FigureFact,
  against: string,
): { verdict: Verdict; basis: 'value' | 'per-head' | 'none' } {
  const none = { verdict: 'none' as const, basis: 'none' as const };
  if (fig.value === null || fig.period === null) return none;
  const figRow = seriesOf(ind, fig.area).get(fig.period);
  const cmp = seriesOf(ind, against).get(fig.period);
  if (!figRow || !cmp || cmp.value === null) return none;
  // Added after the independent tester's report (30 Nov): a value whose notes column says the publisher
  // finds it unreliable ("Estimate and confidence interval unreliable since the group sample size is
  // small") is not compared at all (GSS: do not draw conclusions from it). Read from the raw notes here.
  if (/\bunreliable\b/i.test(figRow.notes) || /\bunreliable\b/i.test(cmp.notes)) return none;
  if (isCount(ind)) {
    const y = periodYear(fig.period);
    const popA = population(fig.area, y);
    const popB = population(against, y);
    if (popA === null || popB === null) return none;
    return { verdict: plain(fig.value / popA, cmp.value / popB), basis: 'per-head' };
  }
  const a = figRow;
  const b = cmp;
  const av = fig.value;
  const bv = cmp.value;
  if (hasCi(a) && hasCi(b)) {
    // Touching intervals overlap.
    if (a.lci! > b.uci!) return { verdict: 'higher', basis: 'value' };
    if (a.uci! < b.lci!) return { verdict: 'lower', basis: 'value' };
    return { verdict: 'similar', basis: 'value' };
  }
  if (hasCi(a)) {
    if (bv >= a.lci! && bv <= a.uci!) return { verdict: 'similar', basis: 'value' };
    return { verdict: plain(av, bv), basis: 'value' };
  }
  if (hasCi(b)) {
    if (av >= b.lci! && av <= b.uci!) return { verdict: 'similar', basis: 'value' };
    return { verdict: plain(av, bv), basis: 'value' };
  }
  return { verdict: plain(av, bv), basis: 'value' };
}

function verdictsFor(ind: IndicatorData, figs: FigureFact[]): NonNullable<AnswerFacts['verdicts']> {
  const out: NonNullable<AnswerFacts['verdicts']> = [];
  for (const fig of figs) {
    for (const against of [SOUTH_EAST, ENGLAND]) {
      if (against === fig.area) continue; // no verdict against itself
      out.push({ area: fig.area, against, ...verdictFor(ind, fig, against) });
    }
  }
  return out;
}

function rankFor(ind: IndicatorData, fig: FigureFact): AnswerFacts['rank'] {
  if (fig.value === null || fig.period === null) return undefined;
  const set = setForArea(ind, fig.area, fig.period);
  if (!set) return undefined;
  const all = members(ind, set, fig.period);
  if (!all.some((m) => m.code === fig.area)) return undefined;
  return {
    position: positionOf(all, fig.value),
    of: all.length,
    set,
    approximate: ind.ciPeriods.has(fig.period),
  };
}

/** Round half away from zero to 1 dp, on the float (with a small guard against binary noise). */
export function round1(x: number): number {
  const s = Math.sign(x);
  return (s * Math.round(Math.abs(x) * 10 + 1e-9)) / 10;
}

function statsOrCompare(ind: IndicatorData, req: CheckRequest, kind: 'stats' | 'compare'): AnswerFacts {
  const areas = req.areas ?? [];
  if (areas.length === 0) throw new Error(`independent check: ${req.id}: ${kind} needs areas`);
  const base = { kind, unitLabel: unitLabel(ind) } as const;
  if (req.year !== undefined && periodsOfYear(ind, req.year).length === 0) {
    const figures = areas.map(noFigure);
    return { ...base, figures, verdicts: verdictsFor(ind, figures), yearNotHeld: yearNotHeld(ind, req.year) };
  }
  // compare: every place at ONE period, the one the first place's figure is for (contract
  // clarification after the first run: a comparison across different periods would mean nothing).
  const first = figureFor(ind, areas[0], req.year);
  const figures =
    kind === 'compare' && first.period !== null
      ? areas.map((a, k) => (k === 0 ? first : figureAt(ind, a, first.period as string)))
      : areas.map((a) => figureFor(ind, a, req.year));
  const facts: AnswerFacts = { ...base, figures, verdicts: verdictsFor(ind, figures) };
  if (kind === 'stats') {
    const rank = rankFor(ind, figures[0]);
    if (rank) facts.rank = rank;
  }
  return facts;
}

function trend(ind: IndicatorData, req: CheckRequest): AnswerFacts {
  const areas = req.areas ?? [];
  if (areas.length === 0) throw new Error(`independent check: ${req.id}: trend needs areas`);
  // `since` sets where the chart starts; the facts are the latest figure per area, whatever `since` is.
  return { kind: 'trend', unitLabel: unitLabel(ind), figures: areas.map((a) => figureFor(ind, a)) };
}

function rank(ind: IndicatorData, req: CheckRequest): AnswerFacts {
  const base = { kind: 'rank' as const, unitLabel: unitLabel(ind) };
  const group = req.group;
  if (!group) throw new Error(`independent check: ${req.id}: rank needs a group`);
  let candidates = [...ind.periods].reverse();
  if (req.year !== undefined) {
    candidates = candidates.filter((p) => periodYear(p) === req.year);
    if (candidates.length === 0) return { ...base, figures: [], yearNotHeld: yearNotHeld(ind, req.year) };
  }
  // Ranked period: the latest period (of the requested year, if any) at which the set has a member with a value.
  for (const period of candidates) {
    const set = setForGroup(ind, group, period);
    const all = members(ind, set, period);
    if (all.length === 0) continue;
    const n = req.top ?? 10;
    const bottom = req.direction === 'bottom';
    // Order shown: top N highest first; bottom N lowest first. Ties by code (the check compares tied rows
    // without regard to order).
    const sorted = [...all].sort(
      (a, b) => (bottom ? a.value - b.value : b.value - a.value) || (a.code < b.code ? -1 : 1),
    );
    const shown = sorted.slice(0, n);
    return {
      ...base,
      figures: shown.map((m) => figure(ind, m.code, period, m.row)),
      ranking: {
        of: all.length,
        set,
        period,
        approximate: ind.ciPeriods.has(period),
        positions: shown.map((m) => positionOf(all, m.value)),
      },
    };
  }
  return { ...base, figures: [] };
}

function gap(ind: IndicatorData, req: CheckRequest): AnswerFacts {
  const base = { kind: 'gap' as const, unitLabel: unitLabel(ind) };
  if (req.year !== undefined && periodsOfYear(ind, req.year).length === 0) {
    return { ...base, figures: [], gaps: [], yearNotHeld: yearNotHeld(ind, req.year) };
  }
  const se = seriesOf(ind, SOUTH_EAST);
  const figures: FigureFact[] = [];
  const gaps: NonNullable<AnswerFacts['gaps']> = [];
  for (const region of NORTHERN_REGIONS) {
    const rs = seriesOf(ind, region);
    let common = ind.periods.filter((p) => rs.get(p)?.value != null && se.get(p)?.value != null);
    // Our reading (no case relies on it): a held year caps the gap's end at that year.
    if (req.year !== undefined) common = common.filter((p) => periodYear(p) <= req.year!);
    if (common.length === 0) continue;
    const end = common[common.length - 1];
    const start =
      req.since !== undefined
        ? common.find((p) => periodYear(p) >= req.since!)
        : common[Math.max(0, common.length - 10)];
    if (start === undefined) continue;
    const rel = (p: string): number => ((rs.get(p)!.value! - se.get(p)!.value!) / se.get(p)!.value!) * 100;
    const startRelPct = rel(start);
    const endRelPct = rel(end);
    const a = round1(Math.abs(startRelPct));
    const b = round1(Math.abs(endRelPct));
    gaps.push({
      region,
      startPeriod: start,
      endPeriod: end,
      startRelPct,
      endRelPct,
      verdict: b < a ? 'narrowed' : b > a ? 'widened' : 'unchanged',
    });
    figures.push(figure(ind, region, end, rs.get(end)));
  }
  return { ...base, figures, gaps };
}

export function expectedFacts(req: CheckRequest): AnswerFacts {
  const ind = loadIndicator(req.dataset, req.indicator);
  switch (req.command) {
    case 'stats':
      return statsOrCompare(ind, req, 'stats');
    case 'compare':
      return statsOrCompare(ind, req, 'compare');
    case 'trend':
      return trend(ind, req);
    case 'rank':
      return rank(ind, req);
    case 'gap':
      return gap(ind, req);
  }
}
