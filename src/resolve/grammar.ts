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
import { GENERIC_LA_GROUPS, groupTable, membersGroup, SIMILAR_PREFIXES, similarGroup } from './groups';
import {
  type IndicatorEntry,
  fuzzyIndicator,
  heldDatasetIndicator,
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
import { lexicon, statisticWords, type UnavailableRow } from './lexicon';
import type { ResolvedArea, ResolvedIndicator, ResolvedRequest, Unresolved } from './types';
import { ENGLAND, NATION_SERIES_SUFFIX, SOUTH_EAST, UK } from '../data/geography';

/** The usual comparators: a question naming one of them and one place is about the place. */
const COMPARATORS = new Set([ENGLAND, SOUTH_EAST, UK]);

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

export interface ResolveOptions {
  /** Command names a first word may be ("stats leeds"); a leading "/word" is reported only if it is one. */
  commands?: readonly string[];
}

/** Breakdown words ("female", "fsm", "in care") and the breakdown they ask for (data/lexicon/breakdowns.csv). */
const BREAKDOWN_WORDS = new Map(lexicon().breakdowns.words.map((w) => [w.word, w.breakdown]));
const BREAKDOWN_LABELS: Record<string, string> = Object.fromEntries(
  lexicon().breakdowns.words.map((w) => [w.breakdown, w.label]),
);

/** The indicator that is `id` for one breakdown (female healthy life expectancy), if the data has it. */
function breakdownVariant(id: string, breakdown: string): string | null {
  // Counts per head of population are derived for every count ("exports per head").
  if (breakdown === 'per-head') return `${id}-per-head`;
  const row = lexicon().breakdowns.variants.find((v) => v.from === id && v.breakdown === breakdown);
  return row ? row.to : null;
}

/** Whether the indicator already is that breakdown (female HLE asked for "women"). */
function breakdownMatches(id: string, breakdown: string): boolean {
  return lexicon().breakdowns.variants.some((v) => v.to === id && v.breakdown === breakdown);
}

/** The longest phrase of data Northstat does not hold, at word i. */
function unavailableAt(toks: string[], i: number): { row: UnavailableRow; length: number } | null {
  const table = unavailableTable();
  for (let n = Math.min(6, toks.length - i); n >= 1; n--) {
    const row = table.get(toks.slice(i, i + n).join(' '));
    if (row) return { row, length: n };
  }
  return null;
}

let unavailableCache: Map<string, UnavailableRow> | null = null;
function unavailableTable(): Map<string, UnavailableRow> {
  unavailableCache ??= new Map(lexicon().unavailable.map((r) => [normalise(r.phrase), r]));
  return unavailableCache;
}

interface IndicatorHit {
  indicator: ResolvedIndicator;
  weak: boolean;
}

/** A request with nothing in it; callers that build one by hand start here. */
export function emptyRequest(): ResolvedRequest {
  return {
    command: null,
    cues: {
      help: false,
      trend: false,
      compare: false,
      gap: false,
      rank: false,
      profile: false,
      change: false,
      catching: false,
      benchmark: false,
      correlation: false,
    },
    areas: [],
    indicator: null,
    indicators: [],
    year: null,
    since: null,
    rank: null,
    group: null,
    unavailable: null,
    breakdown: null,
    notes: [],
    private: false,
    unresolved: [],
  };
}

const isYear = (n: number) => n >= 1990 && n <= 2030;

/** Words that say the question is about change over time. */
const TREND_WORDS = new Set([
  'trend',
  'trends',
  'since',
  'changed',
  'change',
  'history',
  'grown',
  'growth',
  'risen',
  'fallen',
  'increased',
  'decreased',
  'improved',
]);
/** Two-word phrases that say the same ("going up", "gone down"). */
const TREND_PAIRS = new Set([
  'going up',
  'going down',
  'gone up',
  'gone down',
  'went up',
  'went down',
  'over time',
]);
/** Phrases that ask whether a gap is closing: the /gap question. */
const GAP_PHRASES = ['caught up', 'catching up', 'catch up', 'closing the gap', 'north south'];
/** Superlatives that, with "since <year>", rank places by change. */
const SUPERLATIVES = new Set([
  'most',
  'fastest',
  'biggest',
  'largest',
  'least',
  'best',
  'worst',
  'slowest',
  'smallest',
  'improvers',
  'movers',
  'risers',
  'fallers',
]);
/** Nouns and verbs of movement: ranked "by growth since 2010" is ranked by change. */
const MOVEMENT_WORDS = new Set([
  'growth',
  'grown',
  'grew',
  'rise',
  'risen',
  'rose',
  'increase',
  'increased',
  'fall',
  'fallen',
  'fell',
  'decrease',
  'decline',
  'improvement',
  'improved',
]);
/** Words that say a gap is moving. */
const GAP_MOVES = new Set([
  'narrowing',
  'widening',
  'closing',
  'shrinking',
  'growing',
  'narrowed',
  'widened',
  'closed',
  'shrunk',
]);
/** Words that rank places by how they changed, not where they are. */
const CHANGE_PHRASES = [
  'improved',
  'improvement',
  'improvements',
  'fastest growing',
  'fastest growth',
  'biggest falls',
  'biggest fall',
  'biggest rise',
  'biggest rises',
  'biggest increase',
  'biggest increases',
  'biggest drop',
  'most growth',
  'grown most',
  'grown the most',
  'risen most',
  'fallen most',
  'fell most',
  'rose most',
  'change',
  'changes',
];
const CATCHING_PHRASES = [
  'catching up',
  'caught up',
  'catch up',
  'closing the gap',
  'closing the',
  'closed the',
  'gap closing',
  'gap narrowing',
  'narrowing the',
  'getting smaller',
  'got smaller',
  'gap shrunk',
  'gap shrinking',
];
/** Words that set places against a benchmark ("above the England average", "beat the South East"). */
const BENCHMARK_WORDS = new Set([
  'benchmark',
  'above',
  'below',
  'beat',
  'beats',
  'outperform',
  'outperforms',
  'exceed',
  'exceeds',
  'than',
]);
const CORRELATION_PHRASES = [
  'go with',
  'goes with',
  'correlation',
  'correlate',
  'correlated',
  'relationship between',
  'linked to',
  'related to',
  'against each other',
  'scatter',
  'link between',
  'plot',
  'chart',
  'mean higher',
  'mean lower',
  'have higher',
  'have lower',
  'have more',
  'have less',
];
/** Words that ask for everything about a place: the area profile. */
const PROFILE_WORDS = new Set([
  'profile',
  'overview',
  'summary',
  'snapshot',
  'economically',
  'everything',
  'info',
  'information',
  'lowdown',
  'rundown',
]);
const PROFILE_PAIRS = new Set([
  'key stats',
  'tell me',
  'all about',
  'key figures',
  'look like',
  'headline figures',
  'know about',
  'got for',
  'got on',
  'have on',
  'facts about',
]);
const COMPARE_WORDS = new Set([
  'compare',
  'compared',
  'comparison',
  'comparing',
  'vs',
  'v',
  'versus',
  'against',
]);
const RANK_WORDS = new Set(['rank', 'ranking', 'ranked', 'rankings', 'ranks', 'league']);
/** Words after a container (county, CA, region, nation) that make it "its councils": "west yorkshire councils". */
const MEMBER_WORDS = new Set([
  'council',
  'councils',
  'authorities',
  'authority',
  'boroughs',
  'districts',
  'las',
]);
const CONTAINER_LEVELS = new Set(['combined_authority', 'region', 'county', 'nation', 'uk']);
/** Words that make a question about children, not adults. */
const CHILD_WORDS = new Set([
  'kids',
  'children',
  'child',
  'childhood',
  'reception',
  'pupils',
  'boys',
  'girls',
  'toddlers',
]);
const DIRECTION_WORDS = new Set(['north', 'south', 'east', 'west', 'mid', 'central', 'upper', 'lower']);
/** "similar places", "similar councils": the group of the place's statistical neighbours. */
const SIMILAR_KINDS = new Set(['places', 'areas', 'councils', 'authorities', 'towns', 'cities', 'las']);
/** Words that may sit between a place and the county that qualifies it ("wyre council, lancs"). */
const QUALIFIER_GLUE = new Set(['in', 'council', 'borough', 'district', 'city', 'cc', 'bc', 'dc', 'mbc']);
const NEIGHBOUR_WORDS = new Set(['neighbours', 'neighbors', 'comparators', 'comparator']);

/** What one pass over the words has found so far; the steps below read and add to it. */
interface Scan {
  req: ResolvedRequest;
  core: StatsCore;
  commands: readonly string[];
  toks: string[];
  places: ReturnType<typeof placeIndex>;
  indicators: ReturnType<typeof indicatorIndex>;
  groups: ReturnType<typeof groupTable>;
  hits: IndicatorHit[];
  flags: { bestWorst: null | 'best' | 'worst'; pendingSimilar: boolean };
  /** Runs of words nothing matched, with the word before them (for the slot). */
  runs: { words: string[]; prev: string | undefined; at: number }[];
  /** Where each area was typed: first word and the word after it. */
  spans: Map<ResolvedArea, { at: number; end: number; prev: string | undefined }>;
}

/**
 * Parses a request: text in, what was typed out (places, indicator, years, group, cues). Pure; the
 * indexes are built once per core and cached. Each step is a function below, in this order.
 */
export function resolve(text: string, core: StatsCore, options: ResolveOptions = {}): ResolvedRequest {
  const req = emptyRequest();
  const commands = options.commands ?? [];
  let raw = text.replace(/<[@#!][^>]*>/g, ' ').trim(); // Slack markup: mentions, channels, links
  raw = readSlashCommand(raw, req, commands);
  raw = readYearForms(raw, req);
  const scan: Scan = {
    req,
    core,
    commands,
    toks: spellOutCounts(normalise(raw).split(' ').filter(Boolean)),
    places: placeIndex(core),
    indicators: indicatorIndex(core),
    groups: groupTable(core),
    hits: [],
    flags: { bestWorst: null, pendingSimilar: false },
    runs: [],
    spans: new Map(),
  };
  scanWords(scan);
  resolveLeftovers(scan);
  applyQualifiers(scan);
  placesThatAreStatisticWords(scan);
  chooseIndicator(scan);
  // "which councils grew fastest since 2010": a superlative over a span is a ranking by change.
  if (req.since !== null && scan.toks.some((w) => SUPERLATIVES.has(w))) req.cues.change = true;
  // "regions ranked by growth in household income since 2010": a ranking of a movement is by change.
  const ranking = req.cues.rank || req.command === 'rank' || req.rank !== null;
  if (ranking && req.since !== null && scan.toks.some((w) => MOVEMENT_WORDS.has(w))) req.cues.change = true;
  // "how has the gap ... changed since 2004", "is the gap ... narrowing": the gap over time.
  if (req.cues.gap && (req.cues.trend || req.since !== null || scan.toks.some((w) => GAP_MOVES.has(w))))
    req.cues.catching = true;
  containersAsGroups(scan);
  similarToPlaceAskedAbout(scan);
  dedupeAreas(req);
  noteHowPlacesWereRead(scan);
  return req;
}

/** A leading "/stats" (or any command name the caller knows) is what was typed. */
function readSlashCommand(raw: string, req: ResolvedRequest, commands: readonly string[]): string {
  const cmd = /^\/([a-z][a-z-]*)\b/i.exec(raw);
  const name = cmd?.[1].toLowerCase();
  // An unknown "/benchmark", "/perhead" is read as its word, so its meaning is not lost to a place guess.
  if (cmd && name && name !== 'help' && !commands.includes(name)) return `${name}${raw.slice(cmd[0].length)}`;
  if (!cmd || !name) return raw;
  req.command = name;
  return raw.slice(cmd[0].length);
}

/**
 * Years written in ways the word scan would lose: "2022/23" (a financial year: 2022), "2015-2020"
 * (since 2015, year 2020), "'22" (2022), "since covid" (2020). After "since" or "from" a financial
 * year is where a trend starts.
 */
function readYearForms(raw: string, req: ResolvedRequest): string {
  let out = raw.replace(
    /(\b(?:since|from)\s+)?\b((?:19|20)\d\d)\s*[/-]\s*(\d{4}|\d{2})\b/gi,
    (_m, sinceWord: string | undefined, a: string, b: string) => {
      const first = Number(a);
      const second = b.length === 4 ? Number(b) : null;
      if (sinceWord) {
        if (req.since === null && isYear(first)) req.since = first;
        return ' since ';
      }
      if (second !== null && second - first > 1 && isYear(second)) {
        if (req.since === null) req.since = first;
        if (req.year === null) req.year = second;
      } else if (req.year === null && isYear(first)) req.year = first;
      return ' ';
    },
  );
  out = out.replace(
    /(\bsince\s+|\bfrom\s+)?['\u2019](\d\d)\b/gi,
    (_m, sinceWord: string | undefined, yy: string) => {
      const year = 2000 + Number(yy);
      if (!isYear(year)) return ' ';
      if (sinceWord) {
        req.since ??= year;
        return ' since ';
      }
      req.year ??= year;
      return ' ';
    },
  );
  // "since 19/20" (a two-digit financial or academic year): its start year, as ELS periods start.
  out = out.replace(
    /(\bsince\s+|\bfrom\s+)?\b(\d\d)\s*\/\s*(\d\d)\b/gi,
    (m, sinceWord: string | undefined, a: string, b: string) => {
      const first = 2000 + Number(a);
      if ((Number(b) - Number(a) + 100) % 100 !== 1 || !isYear(first)) return m;
      if (sinceWord) {
        req.since ??= first;
        return ' since ';
      }
      req.year ??= first;
      return ' ';
    },
  );
  // "since jul 2023", "from march 2019": the month does not change the year a period is read by.
  out = out.replace(
    /\b(since|from)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+((?:19|20)\d\d)\b/gi,
    (_m, word: string, y: string) => `${word} ${y}`,
  );
  out = out.replace(/\bsince (the )?(covid|the pandemic|lockdown)\b/gi, () => {
    req.since ??= 2020;
    return ' since ';
  });
  return out;
}

const COUNT_WORDS = ['', 'one', 'two', 'three', 'four', 'five'];

/** "1 year", "2yr" -> "one year": survival-rate words, not years or top-N counts. */
function spellOutCounts(toks: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const joined = /^([1-5])(yr|yrs|year|years)$/.exec(t);
    if (joined) {
      out.push(COUNT_WORDS[Number(joined[1])], joined[2].endsWith('s') ? 'years' : 'year');
      continue;
    }
    if (/^[1-5]$/.test(t) && /^(yr|yrs|year|years)$/.test(toks[i + 1] ?? '')) {
      out.push(COUNT_WORDS[Number(t)], toks[i + 1].endsWith('s') ? 'years' : 'year');
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
}

/**
 * One left-to-right scan: at each word, numbers and keywords, "similar to <place>", then the longest
 * exact match among unavailable data, groups, places and indicator phrases.
 */
function scanWords(scan: Scan): void {
  const { toks } = scan;
  let run: string[] = [];
  let runPrev: string | undefined;
  let runAt = 0;
  const endRun = () => {
    if (run.length) scan.runs.push({ words: run, prev: runPrev, at: runAt });
    run = [];
  };
  for (let i = 0; i < toks.length; ) {
    const t = toks[i];
    const prev = i > 0 ? toks[i - 1] : undefined;
    if (/^\d+$/.test(t)) {
      endRun();
      readNumber(scan, i);
      i++;
      continue;
    }
    const similar = readSimilar(scan, i);
    if (similar > 0) {
      endRun();
      i += similar;
      continue;
    }
    const matched = readLongestMatch(scan, i);
    if (matched > 0) {
      endRun();
      i += matched;
      continue;
    }
    if (t in TOP_WORDS) {
      endRun();
      i += readTopWord(scan, i);
      continue;
    }
    const breakdown = readBreakdown(scan, i);
    if (breakdown > 0) {
      endRun();
      i += breakdown;
      continue;
    }
    readKeyword(scan, i);
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
}

/** Years ("2019", "since 2015"). Other numbers belong to "top 10" and are read there. */
function readNumber(scan: Scan, i: number): void {
  const { req, toks } = scan;
  const t = toks[i];
  const n = Number(t);
  const prev = i > 0 ? toks[i - 1] : undefined;
  if (t.length !== 4 || !isYear(n)) return;
  if (prev === 'since' || prev === 'from' || (prev === 'between' && req.since === null)) {
    req.since = n;
    req.cues.trend = true;
  } else if (req.year === null) req.year = n;
}

/** "similar to <place>": the place's ONS statistical neighbours as the group. */
function readSimilar(scan: Scan, i: number): number {
  const { req, toks, places, core } = scan;
  // "similar places", "similar councils to hull": the neighbours of the place asked about.
  if (toks[i] === 'similar' && SIMILAR_KINDS.has(toks[i + 1] ?? '')) {
    const to = toks[i + 2] === 'to' ? 3 : 2;
    const m = to === 3 ? placeAt(toks, i + 3, places) : null;
    const code = m && m.entry.kind !== 'foreign' ? m.entry.code : req.areas[0]?.code;
    const group = code ? similarGroup(code, core) : null;
    if (group) {
      req.group ??= group;
      return to + (m ? m.length : 0);
    }
    scan.flags.pendingSimilar = true;
    return to;
  }
  // "compared with its statistical neighbours", "nearest neighbours": the neighbours of the place asked
  // about ("neighbours of <place>" names its own anchor below).
  const lead = toks[i] === 'statistical' || toks[i] === 'nearest' || toks[i] === 'closest' ? 1 : 0;
  if (NEIGHBOUR_WORDS.has(toks[i + lead] ?? '') && toks[i + lead + 1] !== 'of') {
    const code = req.areas[0]?.code;
    const group = code ? similarGroup(code, core) : null;
    if (group) req.group ??= group;
    else scan.flags.pendingSimilar = true;
    return lead + 1;
  }
  const similar = matchSimilar(toks, i);
  if (!similar) return 0;
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
  if (!group) return 0;
  req.group ??= group;
  return at + used - i;
}

/** The longest exact match at word i among unavailable data, groups, places and indicator phrases. */
function readLongestMatch(scan: Scan, i: number): number {
  const { req, toks, places, indicators, groups } = scan;
  // Not held in the bundled data, but a refresh may have brought it: then it is an indicator like any other.
  const found = unavailableAt(toks, i);
  const u = found && !heldDatasetIndicator(scan.core, found.row.dataset, found.row.label) ? found : null;
  const g = groupAt(toks, i, groups);
  const p = placeAt(toks, i, places);
  const ind = indicatorAt(toks, i, indicators);
  const ul = u?.length ?? 0;
  const gl = g?.length ?? 0;
  const pl = p?.length ?? 0;
  const il = ind?.length ?? 0;
  if (ul > 0 && ul >= gl && ul >= pl && ul >= il) {
    req.unavailable ??= u!.row;
    return ul;
  }
  // "the north-south gap" names the divide, not the North.
  if (g && g.group.id === 'the-north' && toks[i + g.length] === 'south') return 0;
  // A bare "north" set against somewhere ("north vs london"), or in a /gap ("/gap pay north"), is the North.
  // Also in a list of places ("north and south east", "/compare income north south east"). Only worked
  // out for the word "north" itself: this runs for every word of every question.
  if (!g && !p && toks[i] === 'north' && bareNorthIsTheNorth(scan, i)) {
    req.group ??= groups.get('the north') ?? null;
    return 1;
  }
  // "the north east": a place that starts inside a group phrase and runs past it is the longer match.
  const inside = gl > 1 ? placeAt(toks, i + 1, places) : null;
  const groupCut = inside !== null && 1 + inside.length > gl;
  if (gl > 0 && gl >= pl && gl >= il && !groupCut) {
    // "councils ... in the north": the North narrows a general group of councils.
    if (req.group && GENERIC_LA_GROUPS.has(req.group.id) && g!.group.id === 'the-north') req.group = g!.group;
    else req.group ??= g!.group;
    return gl;
  }
  if (groupCut && pl === 0 && il === 0) return 1; // skip "the"; the place is read at the next word
  if (pl > 0 && pl >= il) {
    const matched = toks.slice(i, i + pl).join(' ');
    const area = areaFromEntry(p!.entry, matched, places);
    if (area) {
      // The word before the place, looking past "the" ("in the north west" -> "in").
      const before = toks[i - 1] === 'the' ? toks[i - 2] : toks[i - 1];
      // A former county split between councils means all of them ("cumbria").
      const all = p!.entry.split
        ? [
            { ...area, alternatives: [] },
            ...area.alternatives.map((alt) => ({ ...alt, matched, score: area.score, alternatives: [] })),
          ]
        : [area];
      all.forEach((one, k) => {
        req.areas.push(one);
        scan.spans.set(one, { at: i + k / 100, end: i + pl, prev: before });
      });
      if (all.length > 1)
        req.notes.push(
          `"${matched}" is answered for ${all.map((a) => a.name).join(' and ')}, the councils that cover it now.`,
        );
    } else
      req.unresolved.push({
        text: matched,
        kind: 'place',
        suggestions: suggestPlaces(matched, places),
        foreign: true,
      });
    return pl;
  }
  if (il > 0) {
    const matched = toks.slice(i, i + il).join(' ');
    scan.hits.push({
      indicator: indicatorFromEntry(ind!.entry as IndicatorEntry, matched, indicators),
      weak: WEAK_INDICATOR.has(matched),
    });
    return il;
  }
  return 0;
}

/** "top 10", "bottom five", "highest", "worst" (best and worst follow the indicator's polarity later). */
function readTopWord(scan: Scan, i: number): number {
  const { req, toks } = scan;
  const t = toks[i];
  const next = toks[i + 1];
  const n = next === undefined ? null : /^\d+$/.test(next) ? Number(next) : (NUMBER_WORDS[next] ?? null);
  const direction = TOP_WORDS[t];
  if (t === 'best' || t === 'worst') scan.flags.bestWorst = t;
  if (!(t === 'most' || t === 'least') || req.rank === null) {
    if (n !== null && !(next.length === 4 && isYear(n))) {
      req.rank = { direction, n };
      return 2;
    }
    req.rank ??= { direction, n: null };
  }
  return 1;
}

/** A breakdown asked for ("female", "free school meals", "in care"): remembered, never a place. */
function readBreakdown(scan: Scan, i: number): number {
  const { req, toks } = scan;
  for (const n of [4, 3, 2, 1]) {
    const breakdown = BREAKDOWN_WORDS.get(toks.slice(i, i + n).join(' '));
    if (breakdown && i + n <= toks.length) {
      req.breakdown ??= breakdown;
      return n;
    }
  }
  return 0;
}

/**
 * "the gender pay gap", "the attainment gap": a gap inside a place, not the North-South gap /gap
 * answers ("the north-south pay gap" still is one).
 */
const WITHIN_PLACE_GAP_WORDS = new Set([
  'gender',
  'sex',
  'ethnicity',
  'ethnic',
  'attainment',
  'disadvantage',
]);
function isWithinPlaceGap(toks: string[], i: number): boolean {
  const prev = toks[i - 1] ?? '';
  if (WITHIN_PLACE_GAP_WORDS.has(prev)) return true;
  return ['pay', 'wage', 'wages', 'earnings'].includes(prev) && WITHIN_PLACE_GAP_WORDS.has(toks[i - 2] ?? '');
}

/** Whether a "north" that names no place (not "north yorkshire") stands for the North here. */
function bareNorthIsTheNorth(scan: Scan, i: number): boolean {
  const { req, toks, places } = scan;
  const next = toks[i + 1];
  if (next === 'south' && !['east', 'west'].includes(toks[i + 2] ?? '')) return false; // the north-south divide
  const against = ['vs', 'v', 'versus', 'against', 'compared'].includes(next ?? '');
  // "north south east", "north east midlands" list the North before a region; "north wales", "north
  // leeds" are parts of one place, not the North.
  const following = next !== undefined ? placeAt(toks, i + 1, places) : null;
  const listed =
    next === 'and' ||
    next === 'or' ||
    (following !== null && following.length >= 2 && DIRECTION_WORDS.has(next!));
  const comparing = (req.command === 'compare' || req.cues.compare) && following === null;
  return against || listed || comparing || req.command === 'gap' || req.cues.gap;
}

/** Words that flag a kind of question, privacy or help; they are not places. */
function readKeyword(scan: Scan, i: number): void {
  const { req, toks, commands } = scan;
  const t = toks[i];
  const prev = i > 0 ? toks[i - 1] : undefined;
  const pair = `${t} ${toks[i + 1] ?? ''}`;
  if (t === 'private' || t === 'privately') req.private = true;
  else if (t === 'me' && !['show', 'tell', 'give', 'let', 'send', 'help'].includes(prev ?? ''))
    req.private = true;
  else if (t === 'help') req.cues.help = true;
  else if (
    ((t === 'gap' || t === 'gaps') && !isWithinPlaceGap(toks, i)) ||
    t === 'divide' ||
    GAP_PHRASES.includes(pair)
  )
    req.cues.gap = true;
  else if (TREND_WORDS.has(t) || TREND_PAIRS.has(pair)) req.cues.trend = true;
  else if (COMPARE_WORDS.has(t)) req.cues.compare = true;
  else if (RANK_WORDS.has(t)) req.cues.rank = true;
  else if (PROFILE_WORDS.has(t) || PROFILE_PAIRS.has(pair)) req.cues.profile = true;
  const triple = `${pair} ${toks[i + 2] ?? ''}`;
  if (CHANGE_PHRASES.some((p) => pair === p || triple.startsWith(`${p} `) || t === p)) {
    req.cues.change = true;
    // "biggest falls": the ranking runs from the largest fall.
    if (/\b(falls?|fell|drops?|fallen|declines?)\b/.test(pair)) req.rank ??= { direction: 'bottom', n: null };
  }
  if (CATCHING_PHRASES.some((p) => pair === p || triple.startsWith(`${p} `))) req.cues.catching = true;
  if (BENCHMARK_WORDS.has(t)) req.cues.benchmark = true;
  if (CORRELATION_PHRASES.some((p) => pair === p || t === p || triple.startsWith(`${p} `)))
    req.cues.correlation = true;
  else if (commands.includes(t) && i === 0 && req.command === null && toks.length > 0) req.command = t;
}

/** Leftover words: fuzzy places and indicators, else not understood. */
function resolveLeftovers(scan: Scan): void {
  const { req } = scan;
  for (const { words, prev, at } of scan.runs) {
    const before = req.areas.length;
    resolveRun(words, prev, req, scan.hits, scan.places, scan.indicators);
    for (let k = before; k < req.areas.length; k++)
      scan.spans.set(req.areas[k], { at: at + (k - before) / 100, end: at + words.length, prev });
  }
  req.areas.sort((a, b) => (scan.spans.get(a)?.at ?? 0) - (scan.spans.get(b)?.at ?? 0));
}

/** Whether `outer` contains `inner` (a county its district, a nation its council...). */
function contains(core: StatsCore, outer: string, inner: string): boolean {
  const area = core.geography.area(inner);
  return area !== undefined && (area.parents.includes(outer) || core.geography.nationOf(inner) === outer);
}

/**
 * A place followed by where it is ("newport wales", "boston lincs", "richmond north yorks") is one
 * place: the second only says which. A place followed by a foreign state or country ("hamilton,
 * ontario", "birmingham alabama") is not a UK place at all.
 */
function applyQualifiers(scan: Scan): void {
  const { req, core, toks } = scan;
  const foreign = lexicon().foreignQualifiers;
  const keep: ResolvedArea[] = [];
  // "wyre boro council": after a place, "boro" means borough, not Middlesbrough.
  req.areas = req.areas.filter((a, k) => {
    const prev = req.areas[k - 1];
    const span = scan.spans.get(a);
    const prevSpan = prev ? scan.spans.get(prev) : undefined;
    return !(a.matched === 'boro' && prevSpan && span && Math.abs(span.at - prevSpan.end) < 1);
  });
  let qualifierEnd = -1;
  for (let k = 0; k < req.areas.length; k++) {
    const a = req.areas[k];
    const span = scan.spans.get(a);
    // "york pennsylvania": once "pennsylvania" qualifies York as foreign, it is not a place itself.
    if (span && span.at < qualifierEnd) continue;
    const next = req.areas[k + 1];
    const nextSpan = next ? scan.spans.get(next) : undefined;
    const after = span ? [toks[Math.ceil(span.end)], toks[Math.ceil(span.end) + 1]] : [];
    if (span && (foreign.has(after[0] ?? '') || foreign.has(after.join(' ')))) {
      const words = foreign.has(after.join(' ')) ? 2 : 1;
      qualifierEnd = Math.ceil(span.end) + words;
      const qualifier = after.slice(0, words).join(' ');
      // The qualifier's own words were left over as "not understood": they are part of this place.
      req.unresolved = req.unresolved.filter((u) => u.text !== qualifier && !qualifier.includes(u.text));
      req.unresolved.push({
        text: `${a.matched} ${qualifier}`,
        kind: 'place',
        suggestions: [],
        foreign: true,
      });
      continue;
    }
    // Next to each other, or with only direction words between ("barry south wales").
    const between = span && nextSpan ? toks.slice(Math.ceil(span.end), Math.floor(nextSpan.at)) : [];
    const adjacent =
      span &&
      nextSpan &&
      nextSpan.at >= span.end - 0.5 &&
      between.every((w) => DIRECTION_WORDS.has(w) || QUALIFIER_GLUE.has(w));
    // "richmond north yorks": a county-sized council named as a county picks that meaning of the place.
    const nextIsAlternative =
      next !== undefined &&
      a.alternatives.some((alt) => alt.code === next.code) &&
      /(shire|yorks|lancs|lincs|county)\b/.test(next.matched);
    if (
      next &&
      adjacent &&
      !CONTAINER_LEVELS.has(a.type) &&
      (CONTAINER_LEVELS.has(next.type) || nextIsAlternative)
    ) {
      const within = contains(core, next.code, a.code)
        ? a
        : a.alternatives.find((alt) => alt.code === next.code || contains(core, next.code, alt.code));
      if (within) {
        const chosen =
          within === a
            ? a
            : {
                ...a,
                code: within.code,
                name: within.name,
                type: within.type,
                alternatives: [],
                score: 0.02,
              };
        keep.push(chosen);
        scan.spans.set(chosen, { ...span!, end: nextSpan!.end });
        k++; // the qualifier is used up
        continue;
      }
    }
    keep.push(a);
  }
  req.areas = keep;
}

/**
 * A combined authority, region, county or nation read as "its councils": after "among" ("among west
 * yorkshire"), before "councils" ("north east councils"), or after "in" in a ranking ("which councils
 * in greater manchester..."). It becomes the group, not a place.
 */
function containersAsGroups(scan: Scan): void {
  const { req, core, toks } = scan;
  const ranking = req.rank !== null || req.cues.rank || req.command === 'rank';
  const generic = req.group && GENERIC_LA_GROUPS.has(req.group.id);
  for (const a of [...req.areas]) {
    if (!CONTAINER_LEVELS.has(a.type)) continue;
    const span = scan.spans.get(a);
    if (!span) continue;
    const next = toks[Math.ceil(span.end)];
    const among = span.prev === 'among' || span.prev === 'amongst' || span.prev === 'across';
    const before = MEMBER_WORDS.has(next ?? '');
    const within = ranking && (span.prev === 'in' || span.prev === 'within');
    // "compared with the rest of greater manchester": the container's councils, as a group.
    const at = Math.floor(span.at);
    const restOf = toks[at - 1] === 'of' && toks[at - 2] === 'rest';
    // "/rank pay change since 2019 greater manchester", "/scatter pay vs skills north west": in a
    // question over a group, a lone combined authority, county or region is that group's councils.
    const overGroup =
      (ranking ||
        req.cues.change ||
        req.cues.benchmark ||
        req.indicators.length >= 2 ||
        req.command === 'scatter') &&
      req.areas.filter((x) => !COMPARATORS.has(x.code)).length === 1 &&
      a.type !== 'nation' &&
      a.type !== 'uk';
    if (!among && !before && !within && !overGroup && !restOf) continue;
    if (req.group && !generic) continue;
    const group = membersGroup(a.code, core);
    if (!group) continue;
    req.group = group;
    req.areas = req.areas.filter((x) => x !== a);
    if (before || within) req.cues.rank = req.cues.rank || ranking;
  }
}

/** "which similar councils do better than hull": the neighbours of the place named after the words. */
function similarToPlaceAskedAbout(scan: Scan): void {
  const { req, core } = scan;
  if (!scan.flags.pendingSimilar || req.group || req.areas.length === 0) return;
  req.group = similarGroup(req.areas[0].code, core);
}

/** The indicator: the first specific one, else the first vague one; then breakdown, nation, polarity. */
function chooseIndicator(scan: Scan): void {
  const { req, core } = scan;
  // The most specific phrase wins: the longest of the strong ones ("went bust" over "firms"), else a
  // vague one, population ("people") last of all.
  const words = (h: IndicatorHit) => h.indicator.matched.split(' ').length;
  const strong = scan.hits.filter((h) => !h.weak).sort((a, b) => words(b) - words(a));
  const weak = scan.hits
    .filter((h) => h.weak)
    .sort((a, b) => Number(a.indicator.id === 'population') - Number(b.indicator.id === 'population'));
  const chosen = strong[0] ?? weak[0];
  // Every indicator named, in the order typed (a scatter of two; distinct ids).
  const named = scan.hits.filter(
    (h) =>
      !h.weak || (h.indicator.id !== 'population' && h.indicator.id !== chosen?.indicator.id) || h === chosen,
  );
  const typed = named.map((h) => chooseForNation(h.indicator, req.areas, core, req.group?.codes));
  req.indicators = typed.filter((ind, k) => typed.findIndex((o) => o.id === ind.id) === k);
  // Data Northstat does not hold, asked for by name, is never swapped for the nearest it has.
  if (req.unavailable && (!chosen || chosen.weak || req.unavailable.nearest === chosen.indicator.id)) {
    req.indicator = null;
    return;
  }
  if (req.unavailable && chosen) req.unavailable = null;
  // Children's weight is asked for with adult obesity's words and a child word ("overweight reception kids").
  const childWords = scan.toks.some((w) => CHILD_WORDS.has(w));
  if (
    chosen?.indicator.id === 'adult-obesity-prevalence' &&
    childWords &&
    !heldDatasetIndicator(core, 'child-weight', 'child weight')
  ) {
    req.unavailable = lexicon().unavailable.find((u) => u.dataset === 'child-weight') ?? null;
    req.indicator = null;
    return;
  }
  let ind = chosen ? chooseForNation(chosen.indicator, req.areas, core, req.group?.codes) : null;
  if (ind && req.breakdown) {
    const variant = breakdownVariant(ind.id, req.breakdown);
    if (variant && core.hasIndicator(variant)) {
      if (req.breakdown === 'per-head')
        req.notes.push(
          `Per head figures are derived by Northstat: ${lowerFirst(core.indicator(ind.id).label)} divided by ONS mid-year population of the same year.`,
        );
      ind = { id: variant, label: core.indicator(variant).label, matched: ind.matched, alternatives: [] };
    } else if ((!variant || req.breakdown === 'per-head') && !breakdownMatches(ind.id, req.breakdown)) {
      req.notes.push(
        req.breakdown === 'per-head'
          ? `${core.indicator(ind.id).label} is not a total, so Northstat has no per head version of it; the figures are as published.`
          : `Northstat holds no ${BREAKDOWN_LABELS[req.breakdown]} breakdown of ${lowerFirst(core.indicator(ind.id).label)}; the figures are for everyone.`,
      );
    }
  }
  req.indicator = ind;
  // "best"/"worst" follow the indicator's polarity (worst unemployment = highest).
  if (req.rank && scan.flags.bestWorst && req.indicator) {
    const polarity = core.hasIndicator(req.indicator.id)
      ? core.indicator(req.indicator.id).polarity
      : 'higher-better';
    if (polarity === 'lower-better') req.rank.direction = scan.flags.bestWorst === 'best' ? 'bottom' : 'top';
  }
}

/** "Value of UK exports" -> "value of UK exports" (keeps acronyms). */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** One entry per area, first mention wins. */
function dedupeAreas(req: ResolvedRequest): void {
  const seen = new Set<string>();
  req.areas = req.areas.filter((a) => {
    if (seen.has(a.code)) return false;
    seen.add(a.code);
    return true;
  });
}

const NOT_COUNCILS: ReadonlySet<string> = new Set(['uk', 'nation', 'region', 'other']);

/** Words that introduce a place: a place typed after one of them is meant as a place. */
const PLACE_INTRODUCERS = new Set([
  'vs',
  'v',
  'versus',
  'and',
  'with',
  'to',
  'in',
  'for',
  'between',
  'compare',
  'compared',
  'against',
  'of',
  'at',
  'from',
]);

/** Words that join places into a list ("liverpol vs leeds"): a place before one is meant as a place. */
const LIST_WORDS = new Set(['vs', 'v', 'versus', 'and', 'or', 'compared', 'against']);

let statisticWordSet: Set<string> | null = null;
/** Every word of every indicator synonym ("reading" of "reading writing and maths", "stock" of "housing stock"). */
function wordsOfStatistics(): Set<string> {
  if (statisticWordSet) return statisticWordSet;
  // Breakdown words too: "send" (special educational needs) is also a village in Guildford.
  statisticWordSet = new Set(statisticWords(lexicon(), false).filter((w) => w.length > 3));
  return statisticWordSet;
}

/**
 * A one-word place typed beside another place and not introduced as one ("vs reading", "leeds
 * bradfrd") is doubtful when it is a word of a statistic's name ("ks2 reading writing maths
 * barnsley", "homes added to the stock belfast") or only a fuzzy guess at an ordinary word ("firms
 * trading in calderdale", "happiness ratings york"). It is left out, and the answer says so, so a
 * reader who meant the place can ask again.
 */
function placesThatAreStatisticWords(scan: Scan): void {
  const { req, toks } = scan;
  if (req.areas.length < 2) return;
  const words = wordsOfStatistics();
  const startsPlace = new Set<number>();
  const endsPlace = new Set<number>();
  for (const a of req.areas) {
    const span = scan.spans.get(a);
    if (!span) continue;
    startsPlace.add(Math.floor(span.at));
    endsPlace.add(Math.ceil(span.end) - 1);
  }
  const fuzzy = (a: ResolvedArea) => a.score >= 0.05;
  const dropped: { area: ResolvedArea; why: 'statistic' | 'guess' }[] = [];
  for (const a of req.areas) {
    const span = scan.spans.get(a);
    if (!span || a.matched.includes(' ')) continue;
    const why = words.has(a.matched) ? 'statistic' : fuzzy(a) ? 'guess' : null;
    if (!why) continue;
    const at = Math.floor(span.at);
    if (span.prev !== undefined && PLACE_INTRODUCERS.has(span.prev)) continue;
    // In a list of places ("leeds bradfrd", "bradfrd leeds pay") each is meant as a place.
    const after = toks[Math.ceil(span.end)] ?? '';
    if (endsPlace.has(at - 1) || (at === 0 && startsPlace.has(Math.ceil(span.end))) || LIST_WORDS.has(after))
      continue;
    // Something clearer must remain.
    if (!req.areas.some((o) => o !== a && !fuzzy(o) && !dropped.some((d) => d.area === o))) continue;
    dropped.push({ area: a, why });
  }
  if (dropped.length === 0) return;
  req.areas = req.areas.filter((a) => !dropped.some((d) => d.area === a));
  for (const { area: a, why } of dropped)
    req.notes.push(
      why === 'statistic'
        ? `"${a.matched}" was read as part of the statistic, not as ${a.name}; to include ${a.name}, ask e.g. "vs ${a.matched}".`
        : `"${toks.slice(Math.floor(scan.spans.get(a)!.at), Math.ceil(scan.spans.get(a)!.end)).join(' ')}" was not read as a place (closest: ${a.name}); to include ${a.name}, ask e.g. "vs ${a.name.toLowerCase()}".`,
    );
}

/** Towns and former councils are answered through today's council: say so. */
function noteHowPlacesWereRead(scan: Scan): void {
  const { req, core, places } = scan;
  for (const a of req.areas) {
    const entry = places.table.get(a.matched);
    if (!entry || (entry.kind !== 'alias' && entry.kind !== 'retired')) continue;
    const typed = a.matched;
    if (normalise(a.name).includes(typed) || typed.length <= 3) continue;
    // "the England average", "the national average" name the area itself, not a town inside a council.
    if (NOT_COUNCILS.has(a.type)) continue;
    const shown = typed.replace(/\b\w/g, (c) => c.toUpperCase());
    if (entry.kind === 'retired') {
      const old = core.geography.all().find((x) => normalise(x.name) === typed && x.end !== undefined);
      req.notes.push(
        old
          ? `${shown} council was abolished in ${old.end! + 1}; figures are for ${a.name}, which covers it now.`
          : `${shown} is answered for ${a.name}, the council that covers it now.`,
      );
    } else if (entry.alternatives.length === 0) {
      req.notes.push(
        `${shown} is not a council of its own; figures are for ${a.name}, the council that covers it.`,
      );
    }
  }
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
 * area asked about is in that nation ("employment in Belfast" -> the Northern Ireland series). Twins
 * share the id but for the nation at its end.
 */
function chooseForNation(
  ind: ResolvedIndicator,
  areas: ResolvedArea[],
  core: StatsCore,
  groupCodes: readonly string[] = [],
): ResolvedIndicator {
  // The places asked about, else the group's ("which ni district has the highest employment rate").
  const codes = areas.length > 0 ? areas.map((a) => a.code) : groupCodes;
  if (codes.length === 0) return ind;
  const nations = new Set(codes.map((c) => core.geography.nationOf(c) ?? c));
  if (nations.size !== 1) return ind;
  const suffix = NATION_SERIES_SUFFIX[[...nations][0]];
  if (!suffix || ind.id.endsWith(suffix)) return ind;
  const base = ind.id.replace(/-(great-britain|england)$/, '');
  const twinId = [...ind.alternatives.map((a) => a.id), `${base}-${suffix}`].find(
    (id) => id.endsWith(`-${suffix}`) && core.hasIndicator(id),
  );
  if (!twinId) return ind;
  return {
    id: twinId,
    label: core.indicator(twinId).label,
    matched: ind.matched,
    alternatives: [{ id: ind.id, label: ind.label }, ...ind.alternatives.filter((a) => a.id !== twinId)],
  };
}
