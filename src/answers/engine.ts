import { ENGLAND, SOUTH_EAST, UK } from '../data/geography';
import { type Figure, HEADLINE_INDICATORS, type StatsCore } from '../data/stats';
import type { IndicatorMeta } from '../data/types';
import type { ResolvedRequest } from '../resolve/types';
import { helpFor } from './help';
import type {
  Alternative,
  Answer,
  AreaRef,
  ClarifyAnswer,
  CompareAnswer,
  Difference,
  GapAnswer,
  IndicatorRef,
  RankAnswer,
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

export function indicatorRef(ind: IndicatorMeta): IndicatorRef {
  return {
    id: ind.id,
    label: ind.label,
    subtitle: ind.subtitle,
    unit: ind.unit,
    prefix: ind.prefix,
    suffix: ind.suffix,
    decimalPlaces: ind.decimalPlaces,
    polarity: ind.polarity,
    hasCi: ind.hasCi,
    caveats: ind.caveats,
  };
}

/** "gross-median-weekly-pay" -> "Gross median weekly pay": the ELS dataset folder as a readable title. */
export function datasetTitle(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function sourceRef(ind: IndicatorMeta, core: StatsCore): SourceRef {
  return {
    org: ind.sourceOrg,
    dataset: datasetTitle(ind.dataset),
    url: ind.sourceUrl,
    releaseDate: ind.sourceDate,
    attribution: core.attribution,
  };
}

function areaRef(code: string, core: StatsCore): AreaRef {
  const area = core.geography.area(code);
  return { code: area?.code ?? code, name: area?.name ?? code, northern: core.geography.isNorthern(code) };
}

/** Better or worse by the indicator's polarity; null when it has none or a value is missing. */
export function judge(diff: number | null, ind: IndicatorRef): boolean | null {
  if (diff === null || diff === 0 || ind.polarity === 'neutral') return null;
  return ind.polarity === 'higher-better' ? diff > 0 : diff < 0;
}

function difference(from: Figure, to: Figure, ind: IndicatorRef): Difference {
  const diff = from.value !== null && to.value !== null ? from.value - to.value : null;
  const diffPct = diff !== null && to.value ? (diff / Math.abs(to.value)) * 100 : null;
  return { to: to.area, toName: to.areaName, toValue: to.value, diff, diffPct, better: judge(diff, ind) };
}

/** England, or the UK when the indicator has no England figure (or the area is outside England). */
function nationalComparator(core: StatsCore, ind: IndicatorMeta, areaCode: string): string {
  const nation = core.geography.nationOf(areaCode);
  const hasEngland = core.seriesFor(ind.id, ENGLAND).some((p) => p.value !== null);
  if (nation && nation !== ENGLAND)
    return core.seriesFor(ind.id, UK).some((p) => p.value !== null) ? UK : nation;
  return hasEngland ? ENGLAND : UK;
}

function alternativesOf(req: ResolvedRequest, core: StatsCore): Alternative[] {
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
  const comparators = [SOUTH_EAST, nationalComparator(core, ind, areaCode)].filter((c) => c !== figure.area);
  const comparisons = figure.period
    ? comparators.map((c) => difference(figure, core.value(ind.id, c, figure.period!.year), ref))
    : [];
  // A comparator value must be for the same period as the figure, or the difference is meaningless.
  for (const c of comparisons) {
    const other = core.value(ind.id, c.to, figure.period?.year);
    if (other.period?.id !== figure.period?.id)
      Object.assign(c, { toValue: null, diff: null, diffPct: null, better: null });
  }
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

export function answerStats(
  core: StatsCore,
  areaCode: string,
  indicatorId: string | null,
  year?: number,
): StatsAnswer {
  const ids = indicatorId ? [indicatorId] : HEADLINE_INDICATORS.filter((id) => core.hasIndicator(id));
  const items = ids.map((id) => statsItem(core, core.indicator(id), areaCode, year));
  const notes: string[] = [];
  if (!indicatorId) notes.push('Headline indicators. Add one for more, e.g. `/stats leeds pay`.');
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
  const national = nationalComparator(core, ind, codes[0]);
  const refCodes = [SOUTH_EAST, national].filter((c) => !figures.some((f) => f.area === c));
  const references = period
    ? core.compare(indicatorId, refCodes, period.year).figures.filter((f) => f.period?.id === period.id)
    : [];
  const [first, ...rest] = figures;
  const differences = [...rest, ...references].map((f) => ({
    ...difference(f, first, ref),
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
    notes: [],
    alternatives: [],
  };
}

export function answerTrend(
  core: StatsCore,
  codes: string[],
  indicatorId: string,
  since?: number,
): TrendAnswer {
  const ind = core.indicator(indicatorId);
  const rows = core.trend(indicatorId, codes, since);
  const national = nationalComparator(core, ind, codes[0]);
  const refCodes = [SOUTH_EAST, national].filter((c) => !rows.some((r) => r.area === c));
  const notes: string[] = [];
  if (since !== undefined && rows.every((r) => r.first && r.first.period && r.first.period.year > since)) {
    notes.push(`The data starts after ${since}; the earliest available period is shown.`);
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

export function answerRank(
  core: StatsCore,
  indicatorId: string,
  group: { id: string; label: string; codes: string[] },
  options: { n?: number; direction?: 'top' | 'bottom'; year?: number; highlight?: string[] } = {},
): RankAnswer {
  const ind = core.indicator(indicatorId);
  const direction = options.direction ?? 'top';
  // Small groups (the nine regions, the core cities) are shown whole; large ones default to a top 10.
  const n = options.n ?? (group.codes.length <= 20 ? undefined : 10);
  const result = core.rank(indicatorId, group.codes, { n, direction, year: options.year });
  const refCodes = [SOUTH_EAST, ENGLAND].filter((c) => !group.codes.includes(c));
  const references = result.period
    ? refCodes
        .map((c) => core.value(indicatorId, c, result.period!.year))
        .filter((f) => f.period?.id === result.period!.id)
    : [];
  const notes: string[] = [];
  if (ind.polarity === 'lower-better') notes.push('For this indicator a lower value is better.');
  return {
    kind: 'rank',
    indicator: indicatorRef(ind),
    source: sourceRef(ind, core),
    period: result.period,
    group: { id: group.id, label: group.label },
    direction,
    rows: result.rows.map((r) => ({ ...r, northern: core.geography.isNorthern(r.area) })),
    total: result.total,
    missing: result.missing,
    references,
    notes,
    alternatives: [],
  };
}

export function answerGap(core: StatsCore, indicatorId: string, year?: number): GapAnswer {
  const ind = core.indicator(indicatorId);
  const result = core.gap(indicatorId, year);
  const notes: string[] = [];
  if (!result.north) {
    notes.push(
      `"The North" is not combined into one figure for ${ind.label.toLowerCase()}: ${
        core.northMethod(ind) === null
          ? 'it is a median or a per-worker measure, which cannot be averaged across regions honestly'
          : 'a northern region has no value for this period'
      }. The three regions are shown instead.`,
    );
  }
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

function clarify(
  req: ResolvedRequest,
  example: string,
  extra: ClarifyAnswer['problems'] = [],
): ClarifyAnswer {
  return {
    kind: 'clarify',
    problems: [
      ...req.unresolved.map((u) => ({ text: u.text, kind: u.kind, suggestions: u.suggestions })),
      ...extra,
    ],
    choices: [],
    example,
    notes: [],
  };
}

/** The whole engine: resolved request -> answer model. Never throws for user input. */
export function answer(req: ResolvedRequest, core: StatsCore): Answer {
  const command = req.command ?? inferCommand(req);
  if (command === 'help') return helpFor(null);
  const areas = req.areas.slice(0, MAX_AREAS).map((a) => a.code);
  const year = req.year ?? undefined;
  const placeProblems = req.unresolved.filter((u) => u.kind === 'place');
  const indicatorProblems = req.unresolved.filter((u) => u.kind === 'indicator');
  const indicatorId = req.indicator?.id ?? null;
  let result: Answer;
  switch (command) {
    case 'stats': {
      if (areas.length === 0 || placeProblems.length > 0 || (indicatorProblems.length > 0 && !indicatorId)) {
        return clarify(
          req,
          '/stats leeds pay',
          areas.length === 0 && placeProblems.length === 0
            ? [{ text: '', kind: 'place', suggestions: [] }]
            : [],
        );
      }
      result = answerStats(core, areas[0], indicatorId, year);
      break;
    }
    case 'compare': {
      if (areas.length < 2 || placeProblems.length > 0 || indicatorProblems.length > 0) {
        return clarify(
          req,
          '/compare leeds vs reading on pay',
          areas.length < 2 && placeProblems.length === 0
            ? [{ text: '', kind: 'place', suggestions: [] }]
            : [],
        );
      }
      result = answerCompare(core, areas, indicatorId ?? DEFAULT_INDICATOR, year);
      break;
    }
    case 'trend': {
      if (areas.length === 0 || placeProblems.length > 0 || indicatorProblems.length > 0) {
        return clarify(
          req,
          '/trend pay for leeds, manchester since 2015',
          areas.length === 0 && placeProblems.length === 0
            ? [{ text: '', kind: 'place', suggestions: [] }]
            : [],
        );
      }
      result = answerTrend(core, areas, indicatorId ?? DEFAULT_INDICATOR, req.since ?? undefined);
      break;
    }
    case 'rank': {
      if (placeProblems.length > 0 || indicatorProblems.length > 0)
        return clarify(req, '/rank pay top 10 among northern cities');
      const group =
        req.group ??
        (areas.length >= 2
          ? { id: 'listed', label: 'the places you listed', codes: areas }
          : defaultRankGroup(core));
      result = answerRank(core, indicatorId ?? DEFAULT_INDICATOR, group, {
        n: req.rank?.n ?? undefined,
        direction: req.rank?.direction ?? 'top',
        year,
        highlight: areas,
      });
      break;
    }
    case 'gap': {
      if (indicatorProblems.length > 0) return clarify(req, '/gap productivity');
      result = answerGap(core, indicatorId ?? DEFAULT_INDICATOR, year);
      break;
    }
    default:
      return helpFor(null);
  }
  result.alternatives = alternativesOf(req, core);
  if (req.areas.length > MAX_AREAS) result.notes.push(`Only the first ${MAX_AREAS} places are shown.`);
  return result;
}

function inferCommand(req: ResolvedRequest): 'stats' | 'compare' | 'trend' | 'rank' | 'gap' | 'help' {
  if (req.rank || req.group) return 'rank';
  if (req.since !== null) return 'trend';
  if (req.areas.length >= 2) return 'compare';
  if (req.areas.length === 0 && req.indicator && req.unresolved.length === 0) return 'gap';
  return 'stats';
}

function defaultRankGroup(core: StatsCore): { id: string; label: string; codes: string[] } {
  return {
    id: 'regions',
    label: 'English regions',
    codes: core.geography.ofLevel('region').map((a) => a.code),
  };
}
