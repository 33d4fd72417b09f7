// The app's side of the independent check: a structured request in, the facts the app's answer
// shows out (tests/independent/contract.ts). It builds the resolver's output directly, so the check
// measures the statistics and the answer engine, not the phrasing (the resolver has its own tables).
// Values, periods and verdicts are read off the answer model; displays come from the one formatter
// every renderer uses.
import { answerRequest } from '../../src/answers/ask';
import { difference } from '../../src/answers/engine';
import type { Answer, Figure, IndicatorRef } from '../../src/answers/types';
import { loadCore } from '../../src/data/core';
import { ENGLAND, SOUTH_EAST } from '../../src/data/geography';
import type { StatsCore } from '../../src/data/stats';
import type { PeriodInfo } from '../../src/data/types';
import { formatValue } from '../../src/format/number';
import { emptyRequest } from '../../src/resolve';
import type { ResolvedRequest } from '../../src/resolve/types';
import type { AnswerFacts, CheckRequest, ComparisonSet, FigureFact, Verdict } from './contract';

let core: StatsCore | null = null;
const coreOf = (): StatsCore => {
  core ??= loadCore();
  return core;
};

const GROUPS: Record<
  NonNullable<CheckRequest['group']>,
  { id: string; label: string; codes: (c: StatsCore) => string[] }
> = {
  regions: {
    id: 'english-regions',
    label: 'English regions',
    codes: (c) => c.geography.ofLevel('region').map((a) => a.code),
  },
  'local-authorities': {
    id: 'all-local-authorities',
    label: 'local authorities in England',
    codes: (c) => c.geography.englishTier('lower').codes,
  },
  'upper-tier-councils': {
    id: 'upper-tier-england',
    label: 'upper-tier councils in England',
    codes: (c) => c.geography.englishTier('upper').codes,
  },
  'combined-authorities': {
    id: 'combined-authorities',
    label: 'combined authorities',
    codes: (c) => c.geography.ofLevel('combined_authority').map((a) => a.code),
  },
};

/** The comparison set a ranked group is, in the contract's words. */
const SET_OF_GROUP: Record<string, ComparisonSet> = {
  'english-regions': 'regions-england',
  regions: 'regions-england',
  'all-local-authorities': 'lower-tier-england',
  'upper-tier-england': 'upper-tier-england',
  'combined-authorities': 'combined-authorities',
};

function toRequest(req: CheckRequest, c: StatsCore): ResolvedRequest {
  const ind = c.indicators.find((i) => i.dataset === req.dataset && i.csvName === req.indicator);
  if (!ind) throw new Error(`no indicator ${req.dataset} / ${req.indicator} in the snapshot`);
  const group = req.group ? GROUPS[req.group] : null;
  return {
    ...emptyRequest(),
    command: req.command,
    areas: (req.areas ?? []).map((code) => ({
      code,
      name: c.geography.name(code),
      type: c.geography.area(code)?.level ?? 'other',
      matched: code,
      score: 0,
      alternatives: [],
    })),
    indicator: { id: ind.id, label: ind.label, matched: ind.label, alternatives: [] },
    year: req.year ?? null,
    since: req.since ?? null,
    rank:
      req.top !== undefined || req.direction
        ? { direction: req.direction ?? 'top', n: req.top ?? null }
        : null,
    group: group ? { id: group.id, label: group.label, codes: group.codes(c) } : null,
    unavailable: null,
    private: false,
    unresolved: [],
  };
}

const rawPeriod = (p: PeriodInfo | null | undefined): string | null => (p ? (p.raw ?? p.id) : null);

function figureFact(f: Figure, ind: IndicatorRef): FigureFact {
  return {
    area: f.area,
    period: rawPeriod(f.period),
    value: f.value,
    status: f.status ?? null,
    display: f.value === null ? null : formatValue(f.value, ind),
  };
}

function verdictsAgainstReferences(f: Figure, ind: IndicatorRef, c: StatsCore): AnswerFacts['verdicts'] {
  if (!f.period) return withNone(f.area, []);
  return [SOUTH_EAST, ENGLAND]
    .filter((code) => code !== f.area)
    .map((code) => {
      const d = difference(f, c.valueAt(ind.id, code, f.period as PeriodInfo), ind, c);
      return {
        area: f.area,
        against: code,
        verdict: (d.verdict ?? 'none') as Verdict,
        basis: d.verdict === null ? 'none' : d.basis,
      };
    });
}

/** No comparison made against the South East or England reads as verdict 'none'. */
function withNone(
  area: string,
  verdicts: NonNullable<AnswerFacts['verdicts']>,
): NonNullable<AnswerFacts['verdicts']> {
  const out = [...verdicts];
  for (const against of [SOUTH_EAST, ENGLAND])
    if (against !== area && !out.some((v) => v.against === against))
      out.push({ area, against, verdict: 'none', basis: 'none' });
  return out;
}

function project(a: Answer, req: CheckRequest, c: StatsCore): AnswerFacts {
  switch (a.kind) {
    case 'stats': {
      const item = a.items[0];
      const facts: AnswerFacts = {
        kind: 'stats',
        unitLabel: item.indicator.unitLabel,
        figures: [figureFact(item.figure, item.indicator)],
        verdicts: withNone(
          item.figure.area,
          item.comparisons.map((d) => ({
            area: item.figure.area,
            against: d.to,
            verdict: (d.verdict ?? 'none') as Verdict,
            basis: d.verdict === null ? 'none' : d.basis,
          })),
        ),
      };
      if (item.position)
        facts.rank = {
          position: item.position.position,
          of: item.position.of,
          set: item.position.setId as ComparisonSet,
          approximate: item.position.approximate,
        };
      return facts;
    }
    case 'compare':
      return {
        kind: 'compare',
        unitLabel: a.indicator.unitLabel,
        figures: a.figures.map((f) => figureFact(f, a.indicator)),
        verdicts: a.figures.flatMap((f) => verdictsAgainstReferences(f, a.indicator, c) ?? []),
      };
    case 'rank':
      return {
        kind: 'rank',
        unitLabel: a.indicator.unitLabel,
        figures: a.rows.map((f) => figureFact(f, a.indicator)),
        ranking: {
          of: a.total,
          set: (SET_OF_GROUP[a.group.id] ?? a.group.id) as ComparisonSet,
          period: rawPeriod(a.period),
          approximate: a.approximate,
          positions: a.rows.map((r) => r.position),
        },
      };
    case 'trend':
      return {
        kind: 'trend',
        unitLabel: a.indicator.unitLabel,
        figures: a.rows.map((r) =>
          r.latest
            ? figureFact(r.latest, a.indicator)
            : { area: r.area, period: null, value: null, status: null, display: null },
        ),
      };
    case 'gap':
      return {
        kind: 'gap',
        unitLabel: a.indicator.unitLabel,
        figures: a.rows.filter((f) => /^E1200000[123]$/.test(f.area)).map((f) => figureFact(f, a.indicator)),
        gaps: a.movement
          .filter((m) => m.from !== 'north')
          .map((m) => ({
            region: m.from,
            startPeriod: rawPeriod(m.start) as string,
            endPeriod: rawPeriod(m.end) as string,
            startRelPct: m.startRelPct,
            endRelPct: m.endRelPct,
            verdict: m.verdict,
          })),
      };
    case 'clarify':
      if (a.yearNotHeld)
        return {
          kind: req.command,
          unitLabel: a.yearNotHeld.indicator.unitLabel,
          figures: [],
          yearNotHeld: {
            requested: a.yearNotHeld.requested,
            firstPeriod: rawPeriod(a.yearNotHeld.first) as string,
            lastPeriod: rawPeriod(a.yearNotHeld.last) as string,
          },
        };
      return { kind: 'clarify', unitLabel: '', figures: [] };
    default:
      return { kind: 'clarify', unitLabel: '', figures: [] };
  }
}

export async function appFacts(req: CheckRequest): Promise<AnswerFacts> {
  const c = coreOf();
  return project(answerRequest(toRequest(req, c), c), req, c);
}
