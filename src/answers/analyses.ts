import { benchmark, catchingUp, changeAmong, type ChangeMeasure, isCount, scatter } from '../data/analyses';
import type { StatsCore } from '../data/stats';
import { coverageText, indicatorRef, sourceRef } from './engine';
import type { BenchmarkAnswer, CatchingUpAnswer, ChangeAnswer, ClarifyAnswer, ScatterAnswer } from './types';

// Answer models for the analyst questions (issue 13): the statistics core's analyses with the
// indicator and source as answers carry them, and the notes a reader needs.

type Group = { id: string; label: string; codes: string[] };

/** The question was understood, but the data cannot answer it: say why, and give one that works. */
function cannot(reason: string, example: string): ClarifyAnswer {
  return { kind: 'clarify', problems: [], choices: [], cannot: reason, example, notes: [] };
}

export function answerChange(
  core: StatsCore,
  indicatorId: string,
  group: Group,
  since: number,
  options: {
    n?: number;
    direction?: 'top' | 'bottom';
    measure?: ChangeMeasure;
    highlight?: string | null;
  } = {},
): ChangeAnswer | ClarifyAnswer {
  const result = changeAmong(core, indicatorId, group.codes, since, options.measure);
  if (!result) {
    const ind = core.indicator(indicatorId);
    return cannot(
      `${ind.label} has no two periods from ${since} on with values for ${group.label} to compare: it is ${coverageText(ind)}.`,
      '/rank pay change since 2015 among northern cities',
    );
  }
  const direction = options.direction ?? 'top';
  const ordered = direction === 'bottom' ? [...result.rows].reverse() : result.rows;
  const n = options.n ?? (ordered.length <= 20 ? ordered.length : 10);
  const rows = ordered.slice(0, n);
  const highlight = options.highlight ?? null;
  if (highlight && !rows.some((r) => r.area === highlight)) {
    const own = ordered.find((r) => r.area === highlight);
    if (own) rows.push(own);
  }
  const ind = result.indicator;
  const notes: string[] = [];
  if (result.startPeriod.year > since)
    notes.push(`${ind.label} starts in ${result.startPeriod.label}, after ${since}.`);
  if (ind.prefix === '£' && result.measure === 'percent')
    notes.push(
      'Money at current prices: the changes include inflation, and rank places against each other, not against prices.',
    );
  if (ind.hasCi)
    notes.push('Survey estimates: a change marked "within the margin of error" is not clearly a change.');
  return {
    kind: 'change',
    indicator: indicatorRef(ind),
    source: sourceRef(ind, core),
    group: { id: group.id, label: group.label },
    since,
    startPeriod: result.startPeriod,
    endPeriod: result.endPeriod,
    measure: result.measure,
    direction,
    rows: rows.map((r) => ({
      ...r,
      position: ordered.indexOf(r) + 1,
      northern: core.geography.isNorthern(r.area),
    })),
    total: result.rows.length,
    lacking: result.lacking,
    highlight,
    notes,
    alternatives: [],
  };
}

export function answerCatchingUp(
  core: StatsCore,
  indicatorId: string,
  area: string,
): CatchingUpAnswer | ClarifyAnswer {
  const result = catchingUp(core, indicatorId, area);
  if (result.points.length < 2)
    return cannot(
      `${result.indicator.label} has fewer than two periods with values for both ${area === 'north' ? 'the North' : core.geography.name(area)} and the South East, so there is no gap over time to follow: it is ${coverageText(result.indicator)}.`,
      '/gap productivity for leeds',
    );
  const ind = result.indicator;
  const notes: string[] = [];
  if (area === 'north' && result.area !== 'north')
    notes.push(
      `The North is not one figure for ${ind.label.toLowerCase()} (${core.northReason(ind) ?? 'no value'}): the North East is shown; ask for the North West or Yorkshire and The Humber too.`,
    );
  if (result.method) notes.push(`The North: ${result.method}.`);
  if (result.verdict === 'no clear trend')
    notes.push(
      'No clear trend: the ratio moves too unevenly (or too little) to say it is closing or widening.',
    );
  return {
    ...result,
    kind: 'catching-up',
    indicator: indicatorRef(ind),
    source: sourceRef(ind, core),
    notes,
    alternatives: [],
  };
}

export function answerScatter(
  core: StatsCore,
  xId: string,
  yId: string,
  group: Group,
  highlight: string | null,
  causal: boolean,
): ScatterAnswer | ClarifyAnswer {
  const result = scatter(core, xId, yId, group.codes);
  if (!result || result.n < 3)
    return cannot(
      `${core.indicator(xId).label} and ${core.indicator(yId).label} do not both have values for at least three of ${group.label}: the first is ${coverageText(core.indicator(xId))}; the second is ${coverageText(core.indicator(yId))}.`,
      '/scatter productivity vs skills among local authorities',
    );
  const sorted = [...result.points].sort((a, b) => b.residual - a.residual);
  const notes: string[] = [];
  if (causal)
    notes.push('Correlation is not causation: places that score high on both may share a third cause.');
  if (result.xPeriod.id !== result.yPeriod.id)
    notes.push(
      `The two indicators are for different periods: ${result.xPeriod.label} and ${result.yPeriod.label}.`,
    );
  return {
    ...result,
    kind: 'scatter',
    x: indicatorRef(result.x),
    y: indicatorRef(result.y),
    xSource: sourceRef(result.x, core),
    ySource: sourceRef(result.y, core),
    group: { id: group.id, label: group.label },
    highlight,
    above: sorted.slice(0, 3),
    below: sorted.slice(-3).reverse(),
    notes,
    alternatives: [],
  };
}

export function answerBenchmark(
  core: StatsCore,
  indicatorId: string,
  group: Group,
  against: string,
): BenchmarkAnswer | ClarifyAnswer {
  // Totals are set against the benchmark per head of population (derived), never as they are.
  const base = core.indicator(indicatorId);
  const perHead = `${indicatorId}-per-head`;
  const counted = isCount(base) && core.hasIndicator(perHead);
  const codes = group.codes.filter((c) => c !== against);
  const result = benchmark(core, counted ? perHead : indicatorId, codes, against);
  if (!result)
    return cannot(
      `${base.label} has no figure for ${core.geography.name(against)} and ${group.label} at the same period: it is ${coverageText(base)}.`,
      '/rank employment above england among northern cities',
    );
  const by = (v: string) => result.rows.filter((r) => r.verdict === v).map((r) => r.figure);
  const ind = result.indicator;
  const notes: string[] = [];
  if (counted)
    notes.push(
      `${base.label} is a total, so places are set against ${core.geography.name(against)} per head of population (derived by Northstat).`,
    );
  if (ind.hasCi)
    notes.push('"Similar" means within the margin of error: the 95% confidence intervals overlap.');
  return {
    kind: 'benchmark',
    indicator: indicatorRef(ind),
    source: sourceRef(ind, core),
    group: { id: group.id, label: group.label },
    period: result.period,
    against: result.against,
    above: by('higher'),
    similar: by('similar'),
    same: by('same'),
    below: by('lower'),
    missing: result.missing,
    notes,
    alternatives: [],
  };
}
