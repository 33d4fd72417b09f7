// The app's side of the independent analyses check: a structured analysis request in, the facts the
// app's answer shows out (./contract-analyses.ts). Requests are built as the resolver would report
// them, so they go through the same command modules as typed questions.
import { answerChange } from '../../src/answers/analyses';
import { answerRequest } from '../../src/answers/ask';
import type { Answer } from '../../src/answers/types';
import { loadCore } from '../../src/data/core';
import type { StatsCore } from '../../src/data/stats';
import type { PeriodInfo } from '../../src/data/types';
import { emptyRequest } from '../../src/resolve';
import { CORE_CITIES, NORTHERN_CITIES } from '../../src/resolve/groups';
import type { ResolvedRequest } from '../../src/resolve/types';
import type { AnalysisFacts, AnalysisGroup, AnalysisRequest } from './contract-analyses';

let core: StatsCore | null = null;
const coreOf = (): StatsCore => {
  core ??= loadCore();
  return core;
};

const raw = (p: PeriodInfo): string => p.raw ?? p.id;

function groupOf(g: AnalysisGroup, c: StatsCore): NonNullable<ResolvedRequest['group']> {
  switch (g) {
    case 'northern-cities':
      return { id: 'northern-cities', label: 'northern cities', codes: NORTHERN_CITIES };
    case 'core-cities':
      return { id: 'core-cities', label: 'Core Cities', codes: CORE_CITIES };
    case 'regions':
      return {
        id: 'english-regions',
        label: 'English regions',
        codes: c.geography.ofLevel('region').map((a) => a.code),
      };
    case 'local-authorities': {
      const lower = c.geography.englishTier('lower');
      return { id: 'all-local-authorities', label: lower.label, codes: lower.codes };
    }
    case 'northern-local-authorities': {
      const codes = c.geography.englishTier('lower').codes.filter((x) => c.geography.isNorthern(x));
      return { id: 'northern-local-authorities', label: 'northern local authorities', codes };
    }
  }
}

function indicatorId(c: StatsCore, dataset: string, indicator: string): string {
  const ind = c.indicators.find((i) => i.dataset === dataset && i.csvName === indicator && !i.derived);
  if (!ind) throw new Error(`no indicator ${dataset} / ${indicator}`);
  return ind.id;
}

function area(c: StatsCore, code: string) {
  return {
    code,
    name: c.geography.name(code),
    type: c.geography.area(code)?.level ?? 'other',
    matched: code,
    score: 0,
    alternatives: [],
  };
}

function request(req: AnalysisRequest, c: StatsCore): ResolvedRequest {
  const base = emptyRequest();
  const ind = (dataset: string, name: string) => {
    const id = indicatorId(c, dataset, name);
    return { id, label: c.indicator(id).label, matched: id, alternatives: [] };
  };
  switch (req.kind) {
    case 'change':
      return {
        ...base,
        command: 'rank',
        cues: { ...base.cues, change: true },
        indicator: ind(req.dataset, req.indicator),
        since: req.since,
        group: groupOf(req.group, c),
        rank: { direction: 'top', n: 500 },
      };
    case 'catching-up':
      return {
        ...base,
        command: 'gap',
        cues: { ...base.cues, catching: true },
        indicator: ind(req.dataset, req.indicator),
        areas: req.area === 'north' ? [] : [area(c, req.area)],
        group: req.area === 'north' ? { id: 'the-north', label: 'the North', codes: [] } : null,
      };
    case 'scatter':
      return {
        ...base,
        command: 'scatter',
        indicator: ind(req.x.dataset, req.x.indicator),
        indicators: [ind(req.x.dataset, req.x.indicator), ind(req.y.dataset, req.y.indicator)],
        group: groupOf(req.group, c),
      };
    case 'benchmark':
      return {
        ...base,
        command: 'rank',
        cues: { ...base.cues, benchmark: true },
        indicator: ind(req.dataset, req.indicator),
        areas: [area(c, req.against)],
        group: groupOf(req.group, c),
      };
    case 'per-head': {
      // As the resolver reports "<count> per head": the derived per-head indicator.
      const id = `${indicatorId(c, req.dataset, req.indicator)}-per-head`;
      return {
        ...base,
        command: 'stats',
        indicator: { id, label: c.indicator(id).label, matched: id, alternatives: [] },
        breakdown: 'per-head',
        areas: [area(c, req.area)],
      };
    }
  }
}

export function project(a: Answer, req: AnalysisRequest, c: StatsCore): AnalysisFacts {
  if (a.kind === 'change')
    return {
      measure: a.measure,
      changes: a.rows.map((r) => ({
        area: r.area,
        startPeriod: raw(a.startPeriod),
        endPeriod: raw(a.endPeriod),
        startValue: r.start.value as number,
        endValue: r.end.value as number,
        change: r.change,
        changePct: r.changePct as number,
      })),
      lacking: a.lacking.map((l) => l.area),
    };
  if (a.kind === 'catching-up')
    return {
      ratios: a.points.map((p) => ({
        period: raw(p.period),
        pctOfSouthEast: p.pctOfSouthEast,
        pctOfEngland: p.pctOfEngland,
      })),
      slopeAll: a.slopeAll ?? undefined,
      slopeLast5: a.slopeLast5 ?? undefined,
    };
  if (a.kind === 'scatter')
    return {
      points: a.points.map((p) => ({ area: p.area, x: p.x, y: p.y })),
      xPeriod: raw(a.xPeriod),
      yPeriod: raw(a.yPeriod),
      r: a.r ?? undefined,
      n: a.n,
    };
  if (a.kind === 'benchmark')
    return {
      period: raw(a.period),
      verdicts: [
        ...a.above.map((f) => ({ area: f.area, verdict: 'higher' as const })),
        ...a.similar.map((f) => ({ area: f.area, verdict: 'similar' as const })),
        ...a.same.map((f) => ({ area: f.area, verdict: 'same' as const })),
        ...a.below.map((f) => ({ area: f.area, verdict: 'lower' as const })),
      ],
    };
  if (a.kind === 'stats' && req.kind === 'per-head') {
    const item = a.items[0];
    const f = item.figure;
    if (f.value === null || !f.period) return {};
    const year = Number(f.period.start.slice(0, 4));
    const population = c.populationOf(f.area, year) ?? Number.NaN;
    return {
      perHead: {
        value: f.value,
        population,
        year,
        unit: item.indicator.unitLabel === '£ per head' ? '£ per head' : 'per 1,000 residents',
      },
    };
  }
  return {};
}

export async function appAnalysis(req: AnalysisRequest): Promise<AnalysisFacts> {
  const c = coreOf();
  // A measure named explicitly ("in percentage points") goes to the change analysis as an option.
  if (req.kind === 'change' && req.measure) {
    const answer = answerChange(
      c,
      indicatorId(c, req.dataset, req.indicator),
      groupOf(req.group, c),
      req.since,
      {
        measure: req.measure,
        n: 500,
      },
    );
    return project(answer, req, c);
  }
  return project(answerRequest(request(req, c), c), req, c);
}
