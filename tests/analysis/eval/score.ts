// Scores the analyst questions (analyst-questions.json, written by someone who never read src/): is
// each understood as the right kind of analysis, with the right places, group, indicators and years?
import { askFull } from '../../../src/answers/ask';
import { COMMAND_NAMES } from '../../../src/answers/commands';
import type { Answer } from '../../../src/answers/types';
import { ENGLAND, NORTHERN_REGIONS, SOUTH_EAST } from '../../../src/data/geography';
import type { StatsCore } from '../../../src/data/stats';
import { resolve } from '../../../src/resolve';
import type { ResolvedRequest } from '../../../src/resolve/types';

export interface AnalystQuestion {
  id: string;
  text: string;
  expect: {
    analysis: string;
    places: string[];
    group: string | null;
    indicators: string[];
    since: number | null;
    benchmark: string | null;
  };
}

export interface QuestionResult {
  id: string;
  text: string;
  ok: boolean;
  problems: string[];
}

const GROUP_IDS: Record<string, string> = {
  'northern-core-cities': 'northern-cities',
  'northern-cities': 'northern-cities',
  'core-cities': 'core-cities',
  'english-regions': 'regions',
  regions: 'regions',
  'all-local-authorities': 'local-authorities',
  'lower-tier-england': 'local-authorities',
  'northern-local-authorities': 'northern-local-authorities',
  'the-north': 'north',
};

function groupKey(req: ResolvedRequest): string | null {
  const g = req.group;
  if (!g) return null;
  if (g.id.startsWith('members-of:')) return g.id.slice('members-of:'.length);
  if (g.id.startsWith('similar-to:')) return `similar:${g.id.slice('similar-to:'.length)}`;
  return GROUP_IDS[g.id] ?? g.id;
}

/** The analysis an answer is, in the set's words. */
function analysisOf(a: Answer, core: StatsCore): string {
  const derived = (id: string | undefined) => (id ? core.indicator(id).derived !== undefined : false);
  if ((a.kind === 'stats' && a.items.some((i) => derived(i.indicator.id))) ||
      ((a.kind === 'compare' || a.kind === 'rank' || a.kind === 'trend') && derived(a.indicator.id)))
    return 'per-head';
  return a.kind;
}

function indicatorsOf(a: Answer, req: ResolvedRequest, core: StatsCore): string[] {
  const base = (id: string) => core.indicator(id).derived?.from ?? id;
  switch (a.kind) {
    case 'stats':
      return a.items.length === 1 ? [base(a.items[0].indicator.id)] : [];
    case 'scatter':
      return [a.x.id, a.y.id];
    case 'compare':
    case 'trend':
    case 'rank':
    case 'gap':
    case 'change':
    case 'catching-up':
    case 'benchmark':
      return [base(a.indicator.id)];
    default:
      return req.indicators.map((i) => base(i.id));
  }
}

export function scoreQuestion(q: AnalystQuestion, core: StatsCore): QuestionResult {
  const e = q.expect;
  const mention = !q.text.startsWith('/');
  const asked = askFull(q.text, core, { question: mention });
  const req = resolve(q.text, core, { commands: COMMAND_NAMES });
  const problems: string[] = [];
  const kind = analysisOf(asked.answer, core);
  if (kind !== e.analysis) problems.push(`analysis ${kind} != ${e.analysis}`);
  // Places the question is about: the benchmark and, for the North, its regions are not places.
  const places = req.areas
    .map((a) => a.code)
    .filter((c) => c !== e.benchmark && !(e.group === 'north' && NORTHERN_REGIONS.includes(c as never)));
  if (places.join(',') !== e.places.join(',')) problems.push(`places ${JSON.stringify(places)} != ${JSON.stringify(e.places)}`);
  const group = groupKey(req);
  // The North's councils are the same group whether called "north" or "northern local authorities".
  const same = (a: string | null, b: string) =>
    a === b || (['north', 'northern-local-authorities'].includes(a ?? '') && ['north', 'northern-local-authorities'].includes(b));
  if (e.group !== null && !same(group, e.group)) problems.push(`group ${group} != ${e.group}`);
  const inds = indicatorsOf(asked.answer, req, core);
  if (inds.join(',') !== e.indicators.join(',')) problems.push(`indicators ${JSON.stringify(inds)} != ${JSON.stringify(e.indicators)}`);
  if ((req.since ?? null) !== e.since) problems.push(`since ${req.since} != ${e.since}`);
  if (e.benchmark && e.analysis === 'benchmark') {
    const against = asked.answer.kind === 'benchmark' ? asked.answer.against.area : null;
    if (against !== e.benchmark) problems.push(`benchmark ${against} != ${e.benchmark}`);
  }
  return { id: q.id, text: q.text, ok: problems.length === 0, problems };
}

export const BENCHMARKS = [ENGLAND, SOUTH_EAST];
