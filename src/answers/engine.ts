import { ENGLAND, SOUTH_EAST, UK } from '../data/geography';
import { BOUNDARY_CHANGES, LEVEL_NAMES } from '../data/levels';
import { POPULATION_INDICATOR } from '../data/derived';
import { periodSpan } from '../data/periods';
import { compareEstimates, type Verdict } from '../data/significance';
import { type Figure, HEADLINE_INDICATORS, type Point, type StatsCore, withheldNote } from '../data/stats';
import type { IndicatorMeta, PeriodInfo } from '../data/types';
import { unitInfo } from '../data/units';
import { roundsToZero } from '../format/number';
import { lexicon, THEMES } from '../resolve/lexicon';
import { figureText } from './phrases';
import { datasetTitle } from './titles';
import type { ResolvedRequest } from '../resolve/types';
import type {
  ItemNote,
  SeriesOf,
  Alternative,
  AreaRef,
  ClarifyAnswer,
  CompareAnswer,
  Difference,
  GapAnswer,
  IndicatorRef,
  RankAnswer,
  ProfileAnswer,
  ProfileItem,
  SourceRef,
  StatsAnswer,
  StatsItem,
  TrendAnswer,
} from './types';

// The answer engine: a resolved request in, an answer model out. Pure over the statistics core.

/** Used when a command needs an indicator and none was given: the productivity gap is the Northern Powerhouse's headline. */
export const DEFAULT_INDICATOR = 'gross-value-added-per-hour-worked';
/** Most areas in one answer: beyond this, lists become unreadable in Slack and in charts. */
export const MAX_AREAS = 20;

// The references are the same for every answer from one snapshot: made once per indicator (and
// frozen, as answers share them), not for each of a profile's 76 items on every question.
const indicatorRefs = new WeakMap<IndicatorMeta, IndicatorRef>();
const sourceRefs = new WeakMap<IndicatorMeta, SourceRef>();

export function indicatorRef(ind: IndicatorMeta): IndicatorRef {
  let ref = indicatorRefs.get(ind);
  if (!ref) {
    ref = Object.freeze(makeIndicatorRef(ind));
    indicatorRefs.set(ind, ref);
  }
  return ref;
}

function makeIndicatorRef(ind: IndicatorMeta): IndicatorRef {
  const units = unitInfo(ind);
  return {
    id: ind.id,
    label: ind.label,
    subtitle: ind.subtitle,
    unit: ind.unit,
    prefix: units.prefix,
    suffix: ind.suffix,
    decimalPlaces: ind.decimalPlaces,
    polarity: ind.polarity,
    hasCi: ind.hasCi,
    caveats: ind.caveats,
    multiplier: units.multiplier,
    unitLabel: units.unitLabel,
    isCount: units.isCount,
    priceBasis: units.priceBasis,
  };
}

export function sourceRef(ind: IndicatorMeta, core: StatsCore): SourceRef {
  let ref = sourceRefs.get(ind);
  if (!ref || ref.attribution !== core.attribution) {
    ref = Object.freeze({
      org: ind.sourceOrg,
      dataset: datasetTitle(ind.dataset),
      url: ind.sourceUrl,
      releaseDate: ind.sourceDate,
      attribution: core.attribution,
    });
    sourceRefs.set(ind, ref);
  }
  return ref;
}

export function areaRef(code: string, core: StatsCore): AreaRef {
  const area = core.geography.area(code);
  return {
    code: area?.code ?? code,
    name: core.geography.name(code),
    northern: core.geography.isNorthern(code),
  };
}

/** Better or worse by the indicator's polarity, for a verdict; null when neither applies. */
export function judge(verdict: Verdict | null, ind: IndicatorRef): boolean | null {
  if ((verdict !== 'higher' && verdict !== 'lower') || ind.polarity === 'neutral') return null;
  return ind.polarity === 'higher-better' ? verdict === 'higher' : verdict === 'lower';
}

/** Per head of population: £ per head for £ millions, per 1,000 residents for other counts. */
function perHeadOf(value: number, population: number, ind: IndicatorRef): number {
  return ind.multiplier === 'million' ? (value * 1e6) / population : (value / population) * 1000;
}

export function perHeadUnit(ind: IndicatorRef): { unit: string; decimals: number } {
  return ind.multiplier === 'million'
    ? { unit: '£ per head', decimals: 0 }
    : { unit: `per 1,000 residents`, decimals: 1 };
}

/**
 * `from` against `to` at the same period. Estimates with confidence intervals are called
 * higher/lower only when the intervals allow it. Counts are compared per head of population (a
 * council's business count against a region's total means nothing), or not at all.
 */
export function difference(from: Figure, to: Figure, ind: IndicatorRef, core: StatsCore): Difference {
  const diff = from.value !== null && to.value !== null ? from.value - to.value : null;
  const diffPct = diff !== null && to.value ? (diff / Math.abs(to.value)) * 100 : null;
  const toCi = to.lci !== null && to.uci !== null ? { lower: to.lci, upper: to.uci } : null;
  const base = { to: to.area, toName: to.areaName, toValue: to.value, toCi, diff, diffPct };
  const notCompared = (why: string): Difference => ({
    ...base,
    verdict: null,
    method: null,
    basis: 'value',
    perHead: null,
    better: null,
    notCompared: why,
  });
  // The publisher says the estimate cannot be relied on: no higher/lower, better/worse from it.
  if (from.unreliable || to.unreliable)
    return notCompared(
      `${from.unreliable ? from.areaName : to.areaName}'s estimate is flagged unreliable by the publisher`,
    );
  // Population per head is 1,000 per 1,000 everywhere: places of different sizes are not compared.
  if (ind.id === POPULATION_INDICATOR) return notCompared('places differ in size');
  if (ind.isCount) {
    const year = from.period ? Number(from.period.start.slice(0, 4)) : null;
    const popFrom = year !== null ? core.populationOf(from.area, year) : null;
    const popTo = year !== null ? core.populationOf(to.area, year) : null;
    if (from.value === null || to.value === null || !popFrom || !popTo) {
      return { ...base, verdict: null, method: null, basis: 'per-head', perHead: null, better: null };
    }
    const a = perHeadOf(from.value, popFrom, ind);
    const b = perHeadOf(to.value, popTo, ind);
    const cmp = compareEstimates({ value: a, lci: null, uci: null }, { value: b, lci: null, uci: null });
    const verdict = cmp?.verdict ?? null;
    return {
      ...base,
      verdict,
      method: cmp?.method ?? null,
      basis: 'per-head',
      perHead: { from: a, to: b, ...perHeadUnit(ind) },
      better: judge(verdict, ind),
    };
  }
  const cmp = compareEstimates(from, to);
  const verdict = cmp?.verdict ?? null;
  return {
    ...base,
    verdict,
    method: cmp?.method ?? null,
    basis: 'value',
    perHead: null,
    better: judge(verdict, ind),
  };
}

/**
 * The national comparator: England wherever England has a figure for the period (Northstat frames
 * every place against the South East and England), else the UK.
 */
function nationalComparator(core: StatsCore, ind: IndicatorMeta, period: PeriodInfo | null): string {
  if (!period) return ENGLAND;
  return core.valueAt(ind.id, ENGLAND, period).value !== null ? ENGLAND : UK;
}

export function alternativesOf(req: ResolvedRequest, core: StatsCore): Alternative[] {
  return req.areas
    .filter((a) => a.alternatives.length > 0)
    .map((a) => ({
      text: a.matched,
      picked: { code: a.code, name: a.name },
      options: a.alternatives.map((o) => ({
        code: o.code,
        name: o.name,
        description: core.geography.describe(o.code),
      })),
    }));
}

function statsItem(core: StatsCore, ind: IndicatorMeta, areaCode: string, year?: number): StatsItem {
  const ref = indicatorRef(ind);
  const figure = core.value(ind.id, areaCode, year);
  const latest = ind.periods.at(-1) ?? null;
  const comparators = [SOUTH_EAST, nationalComparator(core, ind, figure.period)].filter(
    (c) => c !== figure.area,
  );
  // A comparator's value must be for the same period as the figure, or the difference is meaningless.
  const comparisons =
    figure.period && figure.value !== null
      ? comparators.map((c) => difference(figure, core.valueAt(ind.id, c, figure.period!), ref, core))
      : [];
  return {
    indicator: ref,
    source: sourceRef(ind, core),
    figure,
    newerPeriodElsewhere:
      latest && figure.period && latest.id !== figure.period.id && year === undefined ? latest : null,
    position: figure.value !== null ? core.position(ind.id, areaCode, figure.period) : null,
    comparisons,
  };
}

/** "Belfast has no figure for 2023 (withheld [u]: low reliability); 2022 is its latest." With a short form for grids. */
function olderPeriodNote(core: StatsCore, item: StatsItem): ItemNote | null {
  const { figure, newerPeriodElsewhere: newer, indicator } = item;
  if (!newer || !figure.period || figure.value === null) return null;
  const later = core.valueAt(indicator.id, figure.area, newer);
  const why = later.status ? ` (${later.note})` : '';
  return {
    long: `${figure.areaName} has no ${indicator.label.toLowerCase()} figure for ${newer.label}${why}; ${figure.period.label} is its latest, and other areas' figures for ${newer.label} are not compared with it.`,
    // The cell already shows the older period: say only what happened to the newer one.
    short: later.status ? `${newer.label} ${later.note}` : `no figure for ${newer.label}`,
  };
}

/**
 * Where an area's footprint changed (Dorset in 2019: the county included Christchurch), figures from
 * before the change belong to the former area and are not in this series: say so when the question
 * reaches back before it.
 */
function boundaryNote(
  core: StatsCore,
  areaCode: string,
  figure: Figure | null,
  fromYear?: number,
): string | null {
  const code = core.geography.area(areaCode)?.code ?? areaCode;
  const change = BOUNDARY_CHANGES.find((b) => b.to.includes(code));
  if (!change) return null;
  const reaches =
    (fromYear !== undefined && fromYear < change.year) ||
    (figure?.period !== undefined && figure?.period !== null && figure.period.year < change.year);
  if (!reaches) return null;
  return `${core.geography.name(code)}: boundary changed in ${change.year} (${change.why}); earlier figures are for the former ${change.fromName} (${change.from}) and are not part of this series. Ask for ${change.from} to see them.`;
}

/** The periods an area has a value or a status code for (a withheld figure is held, as withheld). */
function heldPoints(core: StatsCore, indicatorId: string, code: string): Point[] {
  return core.seriesFor(indicatorId, code).filter((p) => p.value !== null || p.status !== null);
}

/**
 * Every period held for the place, then the South East and England, of one profile indicator: the
 * time series a board paper's workbook carries (read when a workbook is made, not kept in the answer).
 */
export function profileSeries(core: StatsCore, areaCode: string, indicatorId: string): SeriesOf[] {
  return [areaCode, ...[SOUTH_EAST, ENGLAND].filter((c) => c !== areaCode)].map((c) => ({
    area: c,
    areaName: core.geography.name(c),
    points: heldPoints(core, indicatorId, c),
  }));
}

/**
 * An area profile: every indicator Northstat holds for the place (a value at some period), grouped by
 * theme, each as /stats gives it, with the direction over its last five periods.
 */
export function answerProfile(core: StatsCore, areaCode: string): ProfileAnswer {
  const themes = lexicon().themes;
  const byTheme = new Map<string, ProfileItem[]>(THEMES.map((t) => [t, []]));
  const code = core.geography.area(areaCode)?.code ?? areaCode;
  for (const ind of core.indicators) {
    if (ind.derived) continue; // per-head views are offered with their counts, not listed twice
    const held = heldPoints(core, ind.id, code);
    const points = held.filter((p) => p.value !== null);
    if (points.length === 0) continue;
    const item = statsItem(core, ind, code);
    const recent = points.slice(-5);
    let trend: ProfileItem['trend'] = null;
    if (recent.length >= 2) {
      const change = (recent.at(-1)!.value as number) - (recent[0].value as number);
      const ref = item.indicator;
      trend = {
        direction: roundsToZero(change, ref) ? 'flat' : change > 0 ? 'up' : 'down',
        from: recent[0].period,
      };
    }
    const withheld = held.flatMap((p) =>
      p.value === null && p.status ? [{ period: p.period, status: p.status }] : [],
    );
    byTheme.get(themes.get(ind.id) ?? 'wellbeing')?.push({ ...item, trend, withheld });
  }
  const headline = (id: string) => (HEADLINE_INDICATORS.includes(id) ? 0 : 1);
  const out = [...byTheme.entries()]
    .filter(([, items]) => items.length > 0)
    .map(([theme, items]) => ({
      theme,
      items: items.sort(
        (a, b) =>
          headline(a.indicator.id) - headline(b.indicator.id) ||
          a.indicator.label.localeCompare(b.indicator.label),
      ),
    }));
  const count = out.reduce((n, t) => n + t.items.length, 0);
  return {
    kind: 'profile',
    area: areaRef(code, core),
    themes: out,
    notes: [
      `${count} indicators held for ${core.geography.name(code)}, each against the South East and England at its own latest period.`,
    ],
    alternatives: [],
  };
}

/** "regions, combined authorities, the UK": the levels an indicator is published for. */
export function levelsText(ind: IndicatorMeta): string {
  const plural = (name: string) => (name.endsWith('y') ? `${name.slice(0, -1)}ies` : `${name}s`);
  return [...new Set(ind.levels.map((l) => (l === 'uk' ? 'the UK' : plural(LEVEL_NAMES[l]))))].join(', ');
}

/** "published for regions and the UK, 2019 to 2023 (5 periods)": what an indicator covers. */
export function coverageText(ind: IndicatorMeta): string {
  const first = ind.periods[0];
  const last = ind.periods.at(-1);
  const span =
    !first || !last
      ? 'no periods'
      : first === last
        ? `${first.label} only`
        : `${first.label} to ${last.label} (${ind.periods.length} periods)`;
  return `published for ${levelsText(ind)}, ${span}`;
}

/**
 * An indicator ONS publishes only for larger areas (business R&D for regions, exports for combined
 * authorities) has nothing for a council: say so, and give the nearest area containing it that has a
 * figure, rather than a bare "no data".
 */
function notPublishedNote(core: StatsCore, item: StatsItem): ItemNote | null {
  const { figure, indicator } = item;
  if (figure.period !== null || figure.value !== null) return null;
  const ind = core.indicator(indicator.id);
  const area = core.geography.area(figure.area);
  if (!area || ind.levels.includes(area.level)) return null;
  const said = `${indicator.label} is published for ${levelsText(ind)} only, not for a ${LEVEL_NAMES[area.level]} such as ${area.name}`;
  const short = `not published for a ${LEVEL_NAMES[area.level]}`;
  for (const parent of area.parents) {
    const near = core.value(ind.id, parent);
    if (near.value === null || !near.period) continue;
    return {
      long: `${said}. Nearest: ${near.areaName}, which contains it: ${figureText(near, indicator)} (${near.period.label}). This is not a figure for ${area.name}.`,
      short: `${short}; nearest: ${near.areaName}, which contains it, ${figureText(near, indicator)} (${near.period.label})`,
    };
  }
  return { long: `${said}.`, short };
}

/**
 * "2015 read as year ending November 2016": a typed year whose ONS period is labelled with another
 * year (years ending in spring or autumn, academic years) is said, so nobody takes it for the
 * calendar year they typed. Null when the label shows the year.
 */
export function yearReadNote(year: number | undefined, period: PeriodInfo | null): string | null {
  if (year === undefined || !period || period.label.includes(String(year))) return null;
  return `${year} read as ${period.label} (the ONS period that starts in ${year}).`;
}

export function answerStats(
  core: StatsCore,
  areaCode: string,
  indicatorId: string | null,
  year?: number,
): StatsAnswer {
  const ids = indicatorId ? [indicatorId] : HEADLINE_INDICATORS.filter((id) => core.hasIndicator(id));
  const items = ids.map((id) => statsItem(core, core.indicator(id), areaCode, year));
  const notes: string[] = [];
  if (!indicatorId) notes.push('More: add an indicator, e.g. `/stats leeds pay`.');
  const typed = items.length === 1 ? yearReadNote(year, items[0].figure.period) : null;
  if (typed) notes.push(typed);
  for (const item of items) {
    const older = olderPeriodNote(core, item);
    const boundary = boundaryNote(core, areaCode, item.figure);
    const published = notPublishedNote(core, item);
    if (older) notes.push(older.long);
    if (boundary) notes.push(boundary);
    if (published) notes.push(published.long);
    item.note = older ?? published;
  }
  return { kind: 'stats', area: areaRef(areaCode, core), items, notes, alternatives: [] };
}

export function answerCompare(
  core: StatsCore,
  codes: string[],
  indicatorId: string,
  year?: number,
): CompareAnswer {
  const ind = core.indicator(indicatorId);
  const ref = indicatorRef(ind);
  const { period, figures } = core.compare(indicatorId, codes, year);
  const national = nationalComparator(core, ind, period);
  const refCodes = [SOUTH_EAST, national].filter((c) => !figures.some((f) => f.area === c));
  const references = period
    ? refCodes.map((c) => core.valueAt(indicatorId, c, period)).filter((f) => f.value !== null)
    : [];
  const [first, ...rest] = figures;
  const differences = [...rest, ...references].map((f) => ({
    ...difference(f, first, ref, core),
    from: f.area,
    fromName: f.areaName,
  }));
  return {
    kind: 'compare',
    indicator: ref,
    source: sourceRef(ind, core),
    period,
    areas: codes.map((c) => areaRef(c, core)),
    figures,
    references,
    differences,
    notes: [yearReadNote(year, period)].filter((n): n is string => n !== null),
    alternatives: [],
  };
}

/**
 * Where a series does not reach back to the year asked for, say why for each area: the indicator
 * starts later, or the area's values for those years are withheld (with the status meaning).
 */
function sinceNotes(ind: IndicatorMeta, rows: ReturnType<StatsCore['trend']>, since: number): string[] {
  const notes: string[] = [];
  const first = ind.periods[0];
  if (first && first.year > since) {
    notes.push(`${ind.label} starts in ${first.label}: there are no figures for ${since}.`);
    return notes;
  }
  for (const r of rows) {
    const startYear = r.first?.period?.year;
    if (startYear === undefined || startYear <= since) continue;
    const gap = r.points.filter((p) => p.value === null && p.period.year < startYear);
    const withheld = gap.filter((p) => p.status);
    if (withheld.length > 0) {
      const codes = [...new Set(withheld.map((p) => p.status as string))];
      const reasons = codes.map((c) => withheldNote(c)).join('; ');
      notes.push(
        `${r.areaName}: figures for ${periodSpan(withheld[0].period, withheld.at(-1)!.period)} are ${reasons}; the series shown starts in ${r.first!.period!.label}.`,
      );
    } else {
      notes.push(`${r.areaName}: no figures before ${r.first!.period!.label}.`);
    }
  }
  return notes;
}

export function answerTrend(
  core: StatsCore,
  codes: string[],
  indicatorId: string,
  since?: number,
): TrendAnswer {
  const ind = core.indicator(indicatorId);
  const rows = core.trend(indicatorId, codes, since);
  const national = nationalComparator(core, ind, ind.periods.at(-1) ?? null);
  const refCodes = [SOUTH_EAST, national].filter((c) => !rows.some((r) => r.area === c));
  const notes: string[] = [];
  if (since !== undefined) notes.push(...sinceNotes(ind, rows, since));
  for (const c of codes) {
    const note = boundaryNote(core, c, null, since ?? ind.periods[0]?.year);
    if (note) notes.push(note);
  }
  return {
    kind: 'trend',
    indicator: indicatorRef(ind),
    source: sourceRef(ind, core),
    since: since ?? null,
    areas: codes.map((c) => areaRef(c, core)),
    rows,
    references: core.trend(indicatorId, refCodes, since),
    notes,
    alternatives: [],
  };
}

/** Groups of lower-tier authorities that have an upper-tier equivalent for upper-tier-only indicators. */
const TIERED_GROUPS: Record<string, { northern: boolean }> = {
  'all-local-authorities': { northern: false },
  'northern-local-authorities': { northern: true },
};

export function answerRank(
  core: StatsCore,
  indicatorId: string,
  requested: { id: string; label: string; codes: string[] },
  options: { n?: number; direction?: 'top' | 'bottom'; year?: number; highlight?: string[] } = {},
): RankAnswer {
  const ind = core.indicator(indicatorId);
  const direction = options.direction ?? 'top';
  const notes: string[] = [];
  let group = requested;
  let result = core.rank(indicatorId, group.codes, { direction, year: options.year });
  // Indicators published for upper-tier councils only have no district values: rank the upper tier
  // (counties, unitaries, metropolitan and London boroughs) instead of reporting "no data for 296".
  const tiered = TIERED_GROUPS[group.id];
  const i = result.period ? core.periodIndexOf(ind, result.period) : ind.periods.length - 1;
  if (tiered && i >= 0 && !core.lowerTierHasValues(ind, i)) {
    const upper = core.geography.englishTier('upper');
    const codes = upper.codes.filter((c) => !tiered.northern || core.geography.isNorthern(c));
    group = {
      id: tiered.northern ? 'northern-upper-tier-councils' : upper.id,
      label: tiered.northern ? 'northern upper-tier councils' : upper.label,
      codes,
    };
    result = core.rank(indicatorId, codes, { direction, year: options.year });
    notes.push(
      `${ind.label} is published for upper-tier councils only (counties, unitary authorities, metropolitan and London boroughs), so they are ranked instead of ${requested.label}.`,
    );
  }
  // Small groups (the nine regions, the core cities) are shown whole; large ones default to a top 10.
  const n = options.n ?? (group.codes.length <= 20 ? undefined : 10);
  const rows = n ? result.rows.slice(0, n) : result.rows;
  // The place asked about (or whose neighbours these are) is shown even outside the top N.
  const anchor = requested.id.startsWith('similar-to:') ? requested.id.slice('similar-to:'.length) : null;
  const appended: string[] = [];
  for (const code of [...(options.highlight ?? []), ...(anchor ? [anchor] : [])]) {
    const own = result.rows.find((r) => r.area === code);
    if (own && !rows.includes(own)) {
      rows.push(own);
      appended.push(own.area);
    }
  }
  if (options.n && options.n > result.total)
    notes.push(
      `You asked for the ${direction} ${options.n}, but only ${result.total} ${group.label} have a value: all are shown.`,
    );
  const refCodes = [SOUTH_EAST, ENGLAND].filter((c) => !group.codes.includes(c));
  const references = result.period
    ? refCodes.map((c) => core.valueAt(indicatorId, c, result.period!)).filter((f) => f.value !== null)
    : [];
  if (ind.polarity === 'lower-better') notes.push('For this indicator a lower value is better.');
  const approximate = result.period !== null && core.hasCiAt(ind, core.periodIndexOf(ind, result.period));
  if (approximate)
    notes.push(
      'Positions are approximate: these are survey estimates, and places with overlapping confidence intervals may not really differ.',
    );
  return {
    kind: 'rank',
    indicator: indicatorRef(ind),
    source: sourceRef(ind, core),
    period: result.period,
    group: { id: group.id, label: group.label },
    direction,
    rows: rows.map((r) => ({ ...r, northern: core.geography.isNorthern(r.area) })),
    total: result.total,
    appended,
    highlighted: [...new Set([...(options.highlight ?? []), ...appended])].filter((c) =>
      rows.some((r) => r.area === c),
    ),
    requestedN: options.n ?? null,
    approximate,
    missing: result.missing,
    references,
    notes,
    alternatives: [],
  };
}

export function answerGap(core: StatsCore, indicatorId: string, year?: number, since?: number): GapAnswer {
  const ind = core.indicator(indicatorId);
  const result = core.gap(indicatorId, year, since);
  const notes: string[] = [];
  if (!result.north) {
    const reason = core.northReason(ind) ?? 'a northern region has no value for this period';
    notes.push(
      `"The North" is not combined into one figure for ${ind.label.toLowerCase()}: ${reason}. The three regions are shown instead.`,
    );
  }
  const basis = unitInfo(ind).priceBasis;
  if (basis === 'current prices')
    notes.push(
      `Money at current prices: the gap over time is judged relative to the South East (as % of its value), because cash gaps grow with inflation.${
        ind.id === 'gross-domestic-product-per-head-at-current-market-prices'
          ? ' For real growth, ask for GDP per head in chained volume measures.'
          : ''
      }`,
    );
  if (since !== undefined && result.movement.length > 0 && result.movement[0].start.year > since)
    notes.push(`The data for all four regions starts in ${result.movement[0].start.label}, after ${since}.`);
  if (since !== undefined && result.movement.length === 0)
    notes.push(`There are not two periods since ${since} to compare.`);
  return {
    kind: 'gap',
    indicator: indicatorRef(ind),
    source: sourceRef(ind, core),
    period: result.period,
    rows: result.rows,
    north: result.north,
    gaps: result.gaps,
    movement: result.movement,
    history: result.history,
    notes,
    alternatives: [],
  };
}

/**
 * Data asked for by name that the bundled snapshot does not hold (average house prices, children's
 * weight, median age...): said so, with the nearest indicator Northstat has offered, never answered
 * with it as if it were what was asked.
 */
export function notHeld(core: StatsCore, req: ResolvedRequest): ClarifyAnswer {
  const u = req.unavailable!;
  const nearest = u.nearest && core.hasIndicator(u.nearest) ? indicatorRef(core.indicator(u.nearest)) : null;
  const place = req.areas[0] ? areaRef(req.areas[0].code, core) : null;
  const where = place ? place.name.toLowerCase() : 'leeds';
  return {
    kind: 'clarify',
    problems: [{ text: u.label, kind: 'indicator', suggestions: nearest ? [nearest.label] : [] }],
    choices: [],
    unavailable: { label: u.label, nearest, place },
    example: nearest ? `/stats ${where} ${nearest.label.toLowerCase()}` : '/stats help indicators',
    notes: [],
  };
}

/** A typed year (or "since") that the indicator does not hold at all: say so and give what it holds. */
export function yearNotHeld(ind: IndicatorMeta, requested: number, example: string): ClarifyAnswer {
  const first = ind.periods[0] as PeriodInfo;
  const last = ind.periods.at(-1) as PeriodInfo;
  return {
    kind: 'clarify',
    problems: [
      {
        text: String(requested),
        kind: 'year',
        suggestions: [first.label, last.label],
      },
    ],
    choices: [],
    yearNotHeld: { requested, indicator: indicatorRef(ind), first, last },
    example,
    notes: [],
  };
}

export function clarify(
  req: ResolvedRequest,
  example: string,
  extra: ClarifyAnswer['problems'] = [],
): ClarifyAnswer {
  return {
    kind: 'clarify',
    problems: [
      ...req.unresolved.map((u) => ({
        text: u.text,
        kind: u.kind,
        suggestions: u.suggestions,
        foreign: u.foreign,
      })),
      ...extra,
    ],
    choices: [],
    example,
    notes: [],
  };
}

/**
 * No group named: the nine English regions, unless a top N beyond nine was asked for ("/rank pay
 * top 10"), which only makes sense among local authorities.
 */
export function defaultRankGroup(
  core: StatsCore,
  n: number | null,
): { id: string; label: string; codes: string[] } {
  const regions = core.geography.ofLevel('region');
  if (n !== null && n > regions.length) {
    const lower = core.geography.englishTier('lower');
    return { id: 'all-local-authorities', label: lower.label, codes: lower.codes };
  }
  return { id: 'regions', label: 'English regions', codes: regions.map((a) => a.code) };
}

/** A command that would work, for a reply that says what was not held. */
export function exampleFor(command: string, ind: IndicatorMeta, req: ResolvedRequest): string {
  const last = ind.periods.at(-1);
  const place = req.areas[0]?.name.toLowerCase() ?? 'leeds';
  const word = ind.label.toLowerCase();
  if (command === 'gap') return `/gap ${word}${last ? ` ${last.year}` : ''}`;
  if (command === 'trend') return `/trend ${word} for ${place} since ${ind.periods[0]?.year ?? ''}`;
  if (command === 'rank') return `/rank ${word}${last ? ` ${last.year}` : ''}`;
  return `/stats ${place} ${word}${last ? ` ${last.year}` : ''}`;
}
