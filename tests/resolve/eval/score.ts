// Scores the resolver and the engine's reading of a frozen evaluation set (see README.md here):
// places, indicator, and the whole question, plus answers that substitute a different statistic or
// place without saying so. The sets are data written by people who never read src/; this file only
// compares the app's reading with theirs.
import { askFull, decideCommand } from '../../../src/answers/ask';
import { COMMAND_NAMES } from '../../../src/answers/commands';
import type { Answer } from '../../../src/answers/types';
import { NORTHERN_REGIONS } from '../../../src/data/geography';
import type { StatsCore } from '../../../src/data/stats';
import { resolve } from '../../../src/resolve';
import type { ResolvedRequest } from '../../../src/resolve/types';

export interface EvalEntry {
  id: string;
  text: string;
  category: 'place' | 'indicator' | 'question' | 'mention' | 'negative';
  expect: {
    places: string[];
    group: null | string | { name?: string; members: string };
    indicator: string | null;
    year: number | null;
    since: number | null;
    command: string | null;
    foreign: boolean;
    nonsense: boolean;
  };
  note?: string;
}

export interface EntryResult {
  id: string;
  text: string;
  category: EvalEntry['category'];
  places: boolean;
  indicator: boolean;
  whole: boolean;
  substitution: boolean;
  problems: string[];
}

export interface Score {
  n: number;
  places: number;
  indicators: number;
  whole: number;
  substitutions: number;
  byCategory: Record<string, { n: number; places: number; indicators: number; whole: number }>;
  results: EntryResult[];
}

/** The ELS datasets the bundled snapshot lacks; other `unavailable:` topics were never in ELS. */
const ELS_UNAVAILABLE = new Set([
  'average-house-price',
  'child-weight',
  'population-indicators',
  'population-by-age-and-sex',
]);

/** A group's members in the set's terms: "north", "similar:<code>", or the parent code. */
export function groupKey(req: ResolvedRequest, core: StatsCore): string | null {
  const g = req.group;
  if (!g) return null;
  if (g.id.startsWith('similar-to:')) return `similar:${g.id.slice('similar-to:'.length)}`;
  if (g.id.startsWith('members-of:')) return g.id.slice('members-of:'.length);
  // The North's councils, and all of England's, as the set names them.
  if (g.id === 'the-north' || g.id === 'northern-local-authorities') return 'north';
  if (g.id === 'all-local-authorities') return 'E92000001';
  const north = [...NORTHERN_REGIONS].sort().join(',');
  if ([...g.codes].sort().join(',') === north) return 'north';
  const parent = core.geography.area(g.id);
  return parent ? parent.code : g.id;
}

function unavailableOk(expected: string, req: ResolvedRequest): boolean {
  const topic = expected.slice('unavailable:'.length);
  if (req.unavailable) return ELS_UNAVAILABLE.has(topic) ? req.unavailable.dataset === topic : true;
  // A topic ELS never had: saying "I couldn't find an indicator" (and answering nothing) is right.
  return (
    !ELS_UNAVAILABLE.has(topic) &&
    req.indicator === null &&
    req.unresolved.some((u) => u.kind === 'indicator')
  );
}

const isFigures = (a: Answer) => a.kind !== 'clarify' && a.kind !== 'help';

/** Whether an answer says it is not quite what was asked (a note or a "did you mean"). */
function saysSo(a: Answer): boolean {
  return isFigures(a) && (a.notes.length > 0 || a.alternatives.length > 0);
}

export function scoreEntry(entry: EvalEntry, core: StatsCore): EntryResult {
  const e = entry.expect;
  const req = resolve(entry.text, core, { commands: COMMAND_NAMES });
  const asked = askFull(entry.text, core, { question: entry.category === 'mention' });
  const problems: string[] = [];
  const codes = req.areas.map((a) => a.code);
  const placesOk = codes.join(',') === e.places.join(',');
  if (!placesOk) problems.push(`places ${JSON.stringify(codes)} != ${JSON.stringify(e.places)}`);
  let indicatorOk: boolean;
  if (e.indicator?.startsWith('unavailable:')) indicatorOk = unavailableOk(e.indicator, req);
  else indicatorOk = (req.indicator?.id ?? null) === e.indicator;
  if (!indicatorOk)
    problems.push(
      `indicator ${req.unavailable ? `unavailable:${req.unavailable.dataset}` : (req.indicator?.id ?? null)} != ${e.indicator}`,
    );
  const group = groupKey(req, core);
  // The second set sometimes gives the group as its members' key alone ("E10000017").
  const expectedGroup = typeof e.group === 'string' ? e.group : (e.group?.members ?? null);
  const groupOk = group === expectedGroup;
  if (!groupOk) problems.push(`group ${group} != ${expectedGroup}`);
  const yearOk = req.year === e.year && req.since === e.since;
  if (!yearOk) problems.push(`year/since ${req.year}/${req.since} != ${e.year}/${e.since}`);
  const command = decideCommand(req);
  const commandOk =
    e.command === null || command === e.command || (e.command === 'help' && asked.answer.kind === 'help');
  if (!commandOk) problems.push(`command ${command} != ${e.command}`);
  // A place outside the UK must never get figures (the answer says it is not a UK place).
  const foreignOk = !e.foreign || !isFigures(asked.answer);
  if (!foreignOk) problems.push('foreign place answered as a UK place');
  const nonsenseOk = !e.nonsense || !isFigures(asked.answer);
  if (!nonsenseOk) problems.push('nonsense answered with figures');
  const whole = placesOk && indicatorOk && groupOk && yearOk && commandOk && foreignOk && nonsenseOk;
  // A figure answer for another statistic or place than the one asked, with nothing said about it.
  const wrongThing = !placesOk || !indicatorOk || !groupOk || !foreignOk;
  const substitution = isFigures(asked.answer) && wrongThing && !saysSo(asked.answer);
  return {
    id: entry.id,
    text: entry.text,
    category: entry.category,
    places: placesOk,
    indicator: indicatorOk,
    whole,
    substitution,
    problems,
  };
}

const pct = (k: number, n: number) => (n === 0 ? 100 : Math.round((k / n) * 1000) / 10);

export function scoreSet(entries: EvalEntry[], core: StatsCore): Score {
  const results = entries.map((e) => scoreEntry(e, core));
  const byCategory: Score['byCategory'] = {};
  for (const cat of [...new Set(results.map((r) => r.category))]) {
    const rs = results.filter((r) => r.category === cat);
    byCategory[cat] = {
      n: rs.length,
      places: pct(rs.filter((r) => r.places).length, rs.length),
      indicators: pct(rs.filter((r) => r.indicator).length, rs.length),
      whole: pct(rs.filter((r) => r.whole).length, rs.length),
    };
  }
  return {
    n: results.length,
    places: pct(results.filter((r) => r.places).length, results.length),
    indicators: pct(results.filter((r) => r.indicator).length, results.length),
    whole: pct(results.filter((r) => r.whole).length, results.length),
    substitutions: results.filter((r) => r.substitution).length,
    byCategory,
    results,
  };
}
