// The command grammar: free text (a slash command's text or an @-mention question) -> ResolvedRequest.
//
//   [/stats|/compare|/trend|/rank|/gap|/help] <places separated by vs, v, versus, and, ",", &>
//   [on <indicator>] [for <places>] [in <year>|<year>|2022/23] [since <year>] [top|bottom N]
//   [among <group>] [private|me] [help]
//
// One left-to-right scan over the normalised words: at each word the longest exact match among
// groups, places (incl. aliases and foreign names) and indicator phrases wins (so "reading, writing
// and maths" is an indicator and "Blackburn with Darwen" one place). Runs of words nothing matched are
// then fuzzy-matched (places, then indicators); what still fails comes back in `unresolved`.

import type { StatsCore } from '../data/stats';
import { groupTable, SIMILAR_PREFIXES, similarGroup } from './groups';
import {
  type IndicatorEntry,
  fuzzyIndicator,
  indicatorAt,
  indicatorFromEntry,
  indicatorIndex,
  suggestIndicators,
} from './indicators';
import { normalise } from './normalise';
import {
  areaFromEntry,
  fuzzyPlace,
  fuzzySpans,
  placeAt,
  placeIndex,
  STOP_WORDS,
  suggestPlaces,
} from './places';
import { lexicon } from './lexicon';
import type { ResolvedArea, ResolvedIndicator, ResolvedRequest, Unresolved } from './types';

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
};

/** Words that carry no place or indicator meaning in a question (data/lexicon/words.csv, role filler). */
const FILLER = lexicon().filler;

/** Single indicator phrases too vague to beat a more specific one (words.csv, role weak-indicator). */
const WEAK_INDICATOR = lexicon().weakIndicator;

const PLACE_SLOT = new Set([
  'in',
  'vs',
  'v',
  'versus',
  'and',
  'with',
  'compare',
  'against',
  'than',
  'between',
  'at',
  'for',
  'like',
]);
const INDICATOR_SLOT = new Set(['on', 'about', 'by']);

const TOP_WORDS: Record<string, 'top' | 'bottom'> = {
  top: 'top',
  highest: 'top',
  most: 'top',
  best: 'top',
  bottom: 'bottom',
  lowest: 'bottom',
  least: 'bottom',
  worst: 'bottom',
};

interface IndicatorHit {
  indicator: ResolvedIndicator;
  weak: boolean;
}

function emptyRequest(): ResolvedRequest {
  return {
    command: null,
    cues: { help: false, trend: false, compare: false, gap: false, rank: false },
    areas: [],
    indicator: null,
    year: null,
    since: null,
    rank: null,
    group: null,
    unavailable: null,
    private: false,
    unresolved: [],
  };
}

const isYear = (n: number) => n >= 1990 && n <= 2030;

export interface ResolveOptions {
  /** Command names a first word may be ("stats leeds"); a leading "/word" is always reported as typed. */
  commands?: readonly string[];
}

/** Parses a request. Pure; indexes are built once per core and cached. Reports what was typed only. */
export function resolve(text: string, core: StatsCore, options: ResolveOptions = {}): ResolvedRequest {
  const commands = options.commands ?? [];
  const req = emptyRequest();
  const places = placeIndex(core);
  const indicators = indicatorIndex(core);
  const groups = groupTable(core);

  // Slack markup: user/channel mentions and links.
  let raw = text.replace(/<[@#!][^>]*>/g, ' ').trim();

  // Leading slash command.
  const cmd = /^\/([a-z][a-z-]*)\b/i.exec(raw);
  if (cmd && (cmd[1].toLowerCase() === 'help' || commands.includes(cmd[1].toLowerCase()))) {
    req.command = cmd[1].toLowerCase();
    raw = raw.slice(cmd[0].length);
  }

  // Financial / academic years and year ranges, before punctuation is dropped: "2022/23" -> 2022,
  // "2015-2020" -> since 2015, year 2020.
  raw = raw.replace(/\b((?:19|20)\d\d)\s*[/-]\s*(\d{4}|\d{2})\b/g, (_m, a: string, b: string) => {
    const first = Number(a);
    const second = b.length === 4 ? Number(b) : null;
    if (second !== null && second - first > 1 && isYear(second)) {
      if (req.since === null) req.since = first;
      if (req.year === null) req.year = second;
    } else if (req.year === null && isYear(first)) req.year = first;
    return ' ';
  });

  const toks = normalise(raw).split(' ').filter(Boolean);
  const indicatorHits: IndicatorHit[] = [];
  const flags = {
    help: false,
    trend: false,
    compare: false,
    gap: false,
    rankWord: false,
    bestWorst: null as null | 'best' | 'worst',
  };
  /** Runs of words nothing matched, with the word before them (for the slot). */
  const runs: { words: string[]; prev: string | undefined; at: number }[] = [];
  let run: string[] = [];
  let runPrev: string | undefined;
  let runAt = 0;
  const endRun = () => {
    if (run.length) runs.push({ words: run, prev: runPrev, at: runAt });
    run = [];
  };
  /** Word position of each area, so that fuzzy matches keep their place in the order of mention. */
  const position = new Map<ResolvedArea, number>();

  for (let i = 0; i < toks.length; ) {
    const t = toks[i];
    const prev = i > 0 ? toks[i - 1] : undefined;

    // Numbers: years, "since <year>", "top <n>".
    if (/^\d+$/.test(t)) {
      endRun();
      const n = Number(t);
      if (t.length === 4 && isYear(n)) {
        if (prev === 'since' || prev === 'from' || (prev === 'between' && req.since === null)) {
          req.since = n;
          flags.trend = true;
        } else if (req.year === null) req.year = n;
      }
      i++;
      continue;
    }

    // "similar to <place>" and friends.
    const similar = matchSimilar(toks, i);
    if (similar) {
      endRun();
      const at = i + similar;
      const m = placeAt(toks, at, places);
      let code: string | undefined;
      let used = 0;
      if (m && m.entry.kind !== 'foreign') {
        code = m.entry.code;
        used = m.length;
      } else {
        for (let n = Math.min(3, toks.length - at); n >= 1 && !code; n--) {
          code = fuzzyPlace(toks.slice(at, at + n).join(' '), places)?.code;
          used = n;
        }
      }
      const group = code ? similarGroup(code, core) : null;
      if (group) {
        req.group ??= group;
        i = at + used;
        continue;
      }
    }

    // Longest exact match among groups, places and indicator phrases.
    const g = groupAt(toks, i, groups);
    const p = placeAt(toks, i, places);
    const ind = indicatorAt(toks, i, indicators);
    const gl = g?.length ?? 0;
    const pl = p?.length ?? 0;
    const il = ind?.length ?? 0;
    if (gl > 0 && gl >= pl && gl >= il) {
      endRun();
      req.group ??= g!.group;
      i += gl;
      continue;
    }
    if (pl > 0 && pl >= il) {
      endRun();
      const matched = toks.slice(i, i + pl).join(' ');
      const area = areaFromEntry(p!.entry, matched, places);
      if (area) {
        req.areas.push(area);
        position.set(area, i);
      } else
        req.unresolved.push({ text: matched, kind: 'place', suggestions: suggestPlaces(matched, places) });
      i += pl;
      continue;
    }
    if (il > 0) {
      endRun();
      const matched = toks.slice(i, i + il).join(' ');
      indicatorHits.push({
        indicator: indicatorFromEntry(ind!.entry as IndicatorEntry, matched, indicators),
        weak: WEAK_INDICATOR.has(matched),
      });
      i += il;
      continue;
    }

    // Keywords.
    if (t in TOP_WORDS) {
      endRun();
      const next = toks[i + 1];
      const n = next === undefined ? null : /^\d+$/.test(next) ? Number(next) : (NUMBER_WORDS[next] ?? null);
      const direction = TOP_WORDS[t];
      if (t === 'best' || t === 'worst') flags.bestWorst = t;
      if (!(t === 'most' || t === 'least') || req.rank === null) {
        if (n !== null && !(next.length === 4 && isYear(n))) {
          req.rank = { direction, n };
          i += 2;
          continue;
        }
        req.rank ??= { direction, n: null };
      }
      i++;
      continue;
    }
    if (t === 'private' || t === 'privately') req.private = true;
    else if (t === 'me' && !['show', 'tell', 'give', 'let', 'send', 'help'].includes(prev ?? ''))
      req.private = true;
    else if (t === 'help') flags.help = true;
    else if (t === 'gap' || t === 'gaps' || t === 'divide') flags.gap = true;
    else if (t === 'north' && toks[i + 1] === 'south') flags.gap = true;
    else if (
      [
        'trend',
        'trends',
        'since',
        'changed',
        'change',
        'history',
        'historic',
        'historical',
        'grown',
        'growth',
        'risen',
        'fallen',
        'time',
      ].includes(t)
    )
      flags.trend = t !== 'time' || prev === 'over';
    else if (['compare', 'compared', 'comparison', 'comparing', 'vs', 'v', 'versus', 'against'].includes(t))
      flags.compare = true;
    else if (['rank', 'ranking', 'ranked', 'rankings', 'league'].includes(t)) flags.rankWord = true;
    else if (commands.includes(t) && i === 0 && req.command === null && toks.length > 0) {
      req.command = t;
    }

    if (STOP_WORDS.has(t) || FILLER.has(t) || t.length < 2) {
      endRun();
      i++;
      continue;
    }
    if (run.length === 0) {
      runPrev = prev;
      runAt = i;
    }
    run.push(t);
    i++;
  }
  endRun();

  // Leftover words: fuzzy places and indicators, else unresolved.
  for (const { words, prev, at } of runs) {
    const before = req.areas.length;
    resolveRun(words, prev, req, indicatorHits, places, indicators);
    for (let k = before; k < req.areas.length; k++) position.set(req.areas[k], at + (k - before) / 100);
  }
  req.areas.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));

  // The indicator: the first specific one, else the first vague one.
  const chosen = indicatorHits.find((h) => !h.weak) ?? indicatorHits[0];
  req.indicator = chosen ? chooseForNation(chosen.indicator, req.areas, core) : null;

  // "best"/"worst" follow the indicator's polarity (worst unemployment = highest).
  if (req.rank && flags.bestWorst && req.indicator) {
    const polarity = core.hasIndicator(req.indicator.id)
      ? core.indicator(req.indicator.id).polarity
      : 'higher-better';
    if (polarity === 'lower-better') req.rank.direction = flags.bestWorst === 'best' ? 'bottom' : 'top';
  }

  // One entry per area, first mention wins.
  const seen = new Set<string>();
  req.areas = req.areas.filter((a) => {
    if (seen.has(a.code)) return false;
    seen.add(a.code);
    return true;
  });

  req.cues = {
    help: flags.help,
    trend: flags.trend,
    compare: flags.compare,
    gap: flags.gap,
    rank: flags.rankWord,
  };
  return req;
}

function matchSimilar(toks: string[], i: number): number {
  for (const prefix of SIMILAR_PREFIXES) {
    const words = prefix.split(' ');
    if (words.every((w, k) => toks[i + k] === w) && i + words.length < toks.length) return words.length;
  }
  return 0;
}

function groupAt(
  toks: string[],
  i: number,
  table: Map<string, { id: string; label: string; codes: string[] }>,
): { group: { id: string; label: string; codes: string[] }; length: number } | null {
  for (let n = Math.min(6, toks.length - i); n >= 1; n--) {
    const group = table.get(toks.slice(i, i + n).join(' '));
    if (group) return { group, length: n };
  }
  return null;
}

function resolveRun(
  words: string[],
  prev: string | undefined,
  req: ResolvedRequest,
  hits: IndicatorHit[],
  places: ReturnType<typeof placeIndex>,
  indicators: ReturnType<typeof indicatorIndex>,
): void {
  const span = words.join(' ');
  const indicatorSlot = prev !== undefined && INDICATOR_SLOT.has(prev);
  if (indicatorSlot) {
    const ind = fuzzyIndicator(span, indicators);
    if (ind) hits.push({ indicator: ind, weak: false });
    else
      req.unresolved.push({
        text: span,
        kind: 'indicator',
        suggestions: suggestIndicators(span, indicators),
      });
    return;
  }
  const placeSlot = prev !== undefined && PLACE_SLOT.has(prev);
  // A typo'd multi-word indicator ("life expectency") before splitting the run into places.
  if (words.length > 1 && !fuzzyPlace(span, places)) {
    const whole = fuzzyIndicator(span, indicators);
    if (whole) {
      hits.push({ indicator: whole, weak: false });
      return;
    }
  }
  for (const piece of fuzzySpans(words.slice(0, 6), places)) {
    if ('code' in piece) {
      req.areas.push(piece);
      continue;
    }
    const ind = fuzzyIndicator(piece.text, indicators);
    if (ind) {
      hits.push({ indicator: ind, weak: false });
      continue;
    }
    const kind: Unresolved['kind'] =
      placeSlot || hits.length > 0 || req.areas.length === 0 ? 'place' : 'indicator';
    req.unresolved.push({
      text: piece.text,
      kind,
      suggestions:
        kind === 'place' ? suggestPlaces(piece.text, places) : suggestIndicators(piece.text, indicators),
    });
  }
}

/**
 * Swaps a Great Britain / England indicator for its Scotland, Wales or Northern Ireland twin when every
 * area asked about is in that nation ("employment in Belfast" -> the Northern Ireland series).
 */
function chooseForNation(ind: ResolvedIndicator, areas: ResolvedArea[], core: StatsCore): ResolvedIndicator {
  if (areas.length === 0 || ind.alternatives.length === 0) return ind;
  const nations = new Set(areas.map((a) => core.geography.nationOf(a.code) ?? a.code));
  if (nations.size !== 1) return ind;
  const suffix = { N92000002: 'northern-ireland', S92000003: 'scotland', W92000004: 'wales' }[
    [...nations][0]
  ];
  if (!suffix || ind.id.endsWith(suffix)) return ind;
  const twin = ind.alternatives.find((a) => a.id.endsWith(`-${suffix}`));
  if (!twin) return ind;
  return {
    id: twin.id,
    label: twin.label,
    matched: ind.matched,
    alternatives: [{ id: ind.id, label: ind.label }, ...ind.alternatives.filter((a) => a.id !== twin.id)],
  };
}
