// Place matching: exact normalised names/aliases first (longest n-gram wins while scanning a text),
// then Fuse.js only on leftover candidate spans, with our own edit-distance acceptance so that a
// foreign or made-up name is never forced onto a UK area.

import type { StatsCore } from '../data/stats';
import { buildPlaceTable, isCurrentArea, type PlaceEntry } from './aliases';
import { FuzzyIndex } from './fuzzy';
import { lexicon, statisticWords } from './lexicon';
import { editDistance, normalise } from './normalise';
import type { ResolvedArea, Unresolved } from './types';

let vocabularyCache: Set<string> | null = null;

/** Every word of the indicator phrases, unavailable data, breakdowns and filler (data/lexicon). */
function vocabulary(): Set<string> {
  if (vocabularyCache) return vocabularyCache;
  const lex = lexicon();
  vocabularyCache = new Set([...statisticWords(lex, true), ...lex.filler, ...lex.stop]);
  return vocabularyCache;
}

/** Words that are never places on their own (data/lexicon/words.csv, role stop). */
export const STOP_WORDS: Set<string> = lexicon().stop;

export interface PlaceMatch {
  entry: PlaceEntry;
  /** Tokens consumed. */
  length: number;
}

interface FuzzyItem {
  key: string;
  code: string;
}

export interface PlaceIndex {
  table: Map<string, PlaceEntry>;
  maxTokens: number;
  /** Fuse over names and aliases (bucketed by length, see fuzzy.ts). */
  fuzzy: FuzzyIndex<FuzzyItem>;
  /** Display names of current areas (for suggestions). */
  names: { name: string; key: string; code: string }[];
  core: StatsCore;
}

const cache = new WeakMap<StatsCore, PlaceIndex>();

/** The place index for a core, built once and cached by core object. */
export function placeIndex(core: StatsCore): PlaceIndex {
  let index = cache.get(core);
  if (index) return index;
  const table = buildPlaceTable(core.geography);
  let maxTokens = 1;
  const items: FuzzyItem[] = [];
  for (const entry of table.values()) {
    const words = entry.key.split(' ').length;
    if (words > maxTokens) maxTokens = words;
    // Towns match exactly only: 15,000 village names as fuzzy candidates would turn typos into villages.
    if (entry.kind === 'code' || entry.kind === 'foreign' || entry.kind === 'town' || entry.key.length < 4)
      continue;
    items.push({ key: entry.key, code: entry.code });
  }
  const names = core.geography
    .all()
    .filter(isCurrentArea)
    .map((a) => ({ name: a.name, key: normalise(a.name), code: a.code }));
  index = {
    table,
    maxTokens,
    fuzzy: new FuzzyIndex(items),
    names,
    core,
  };
  cache.set(core, index);
  return index;
}

/**
 * Gives `to` the place index already built for `from` when both have the same areas (a data refresh
 * brings new periods and revisions, rarely new areas): the index is made from the geography and the
 * word lists only, and building it takes about 45 ms in one piece. True when it was reused.
 */
export function reusePlaceIndex(from: StatsCore, to: StatsCore): boolean {
  const built = cache.get(from);
  if (!built || cache.has(to)) return false;
  if (JSON.stringify(from.geography.all()) !== JSON.stringify(to.geography.all())) return false;
  cache.set(to, { ...built, core: to });
  return true;
}

/** The longest exact place (or foreign place) starting at token i. */
export function placeAt(tokens: string[], i: number, index: PlaceIndex): PlaceMatch | null {
  const max = Math.min(index.maxTokens, tokens.length - i);
  for (let n = max; n >= 1; n--) {
    const key = n === 1 ? tokens[i] : tokens.slice(i, i + n).join(' ');
    // "redcar n cleveland", "bath n ne somerset": "n" inside a name is "and".
    const entry =
      index.table.get(key) ?? (n >= 3 ? index.table.get(key.replace(/ n (?=\S)/g, ' and ')) : undefined);
    if (!entry) continue;
    if (n === 1 && STOP_WORDS.has(key)) continue;
    return { entry, length: n };
  }
  return null;
}

function toArea(code: string, index: PlaceIndex): { code: string; name: string; type: string } {
  const area = index.core.geography.area(code);
  return { code, name: area?.name ?? code, type: area?.level ?? 'other' };
}

/** A matched table entry as a ResolvedArea (null for a foreign place). */
export function areaFromEntry(
  entry: PlaceEntry,
  matched: string,
  index: PlaceIndex,
  score?: number,
): ResolvedArea | null {
  if (entry.kind === 'foreign') return null;
  const main = toArea(entry.code, index);
  const base = entry.ambiguous ? 0.5 : entry.kind === 'alias' || entry.kind === 'retired' ? 0.02 : 0;
  return {
    ...main,
    matched,
    score: score ?? base,
    alternatives: entry.alternatives.filter((c) => c !== entry.code).map((c) => toArea(c, index)),
  };
}

/**
 * Fuzzy match of one candidate span (a typo'd name): Fuse proposes candidates, accepted only within
 * allowedEdits() edits of the whole span (so "paris" or "asdf" never become a UK area).
 */
export function fuzzyPlace(span: string, index: PlaceIndex): ResolvedArea | null {
  const text = normalise(span);
  if (text.length < 5 || text.length > 40 || text.split(' ').length > 4) return null;
  // A word of the question's own vocabulary ("heart", "train", "urban") is not a misspelt place.
  if (!text.includes(' ') && vocabulary().has(text)) return null;
  const best = index.fuzzy.best(text);
  const entry = best && index.table.get(best.item.key);
  if (!best || !entry) return null;
  const score = Math.min(0.35, Math.max(0.05, best.dist / text.length));
  return areaFromEntry(entry, text, index, Number(score.toFixed(3)));
}

/**
 * The closest real area names to a text, best first (always some, for "did you mean"). Scored by edit
 * distance to the whole text, or (with a small penalty) to one of its words: "new south wales" -> Wales.
 */
export function suggestPlaces(span: string, index: PlaceIndex, n = 3): string[] {
  const text = normalise(span);
  const words = text.split(' ').filter((w) => w.length >= 3 && !STOP_WORDS.has(w));
  // Distances are capped (early exit): anything more than 5 edits away scores as far (1).
  const ratio = (q: string, key: string) => {
    const d = editDistance(q, key, 5);
    return d > 5 ? 1 : d / Math.max(q.length, key.length);
  };
  const scored = index.names.map((a) => {
    let score = ratio(text, a.key);
    if (a.key.startsWith(text.slice(0, 3))) score -= 0.1;
    if (words.length > 1) for (const w of words) score = Math.min(score, 0.15 + ratio(w, a.key));
    return { name: a.name, score };
  });
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const s of scored) {
    if (!out.includes(s.name)) out.push(s.name);
    if (out.length === n) break;
  }
  return out;
}

/** One place name (not a sentence): exact, then fuzzy, else Unresolved with suggestions. */
export function matchPlace(text: string, core: StatsCore): ResolvedArea | Unresolved {
  const index = placeIndex(core);
  const key = normalise(text);
  const entry = index.table.get(key) ?? index.table.get(key.replace(/^the /, ''));
  if (entry) {
    const area = areaFromEntry(entry, key, index);
    if (area) return area;
    return { text, kind: 'place', suggestions: suggestPlaces(text, index) };
  }
  return fuzzyPlace(key, index) ?? { text, kind: 'place', suggestions: suggestPlaces(text, index) };
}

/**
 * All places in a free text, by longest exact n-gram and fuzzy matching of leftover spans
 * ("how does leeds compare with reading on pay" -> Leeds, Reading). Words in `skip` (e.g. indicator
 * words already consumed by the caller) are ignored.
 */
export function findPlaces(
  text: string,
  core: StatsCore,
): { areas: ResolvedArea[]; unresolved: Unresolved[] } {
  const index = placeIndex(core);
  const toks = normalise(text).split(' ').filter(Boolean);
  const areas: ResolvedArea[] = [];
  const unresolved: Unresolved[] = [];
  let leftover: string[] = [];
  const flush = () => {
    if (leftover.length === 0) return;
    for (const span of fuzzySpans(leftover, index)) {
      if ('code' in span) areas.push(span);
      else unresolved.push({ ...span, suggestions: suggestPlaces(span.text, index) });
    }
    leftover = [];
  };
  for (let i = 0; i < toks.length; ) {
    const m = placeAt(toks, i, index);
    if (m) {
      flush();
      const matched = toks.slice(i, i + m.length).join(' ');
      const area = areaFromEntry(m.entry, matched, index);
      if (area) areas.push(area);
      else unresolved.push({ text: matched, kind: 'place', suggestions: suggestPlaces(matched, index) });
      i += m.length;
      continue;
    }
    if (STOP_WORDS.has(toks[i]) || /^\d/.test(toks[i])) flush();
    else leftover.push(toks[i]);
    i++;
  }
  flush();
  return { areas, unresolved };
}

/**
 * Splits a run of unknown words into places (greedy, longest span first, at most 4 words) and
 * unresolved words. Unresolved pieces come back without suggestions (the caller may still read them
 * as an indicator; suggestions cost an edit-distance pass over every name).
 */
export function fuzzySpans(words: string[], index: PlaceIndex): (ResolvedArea | Unresolved)[] {
  const out: (ResolvedArea | Unresolved)[] = [];
  let pending: string[] = [];
  for (let i = 0; i < words.length; ) {
    let found: ResolvedArea | null = null;
    let used = 0;
    for (let n = Math.min(4, words.length - i); n >= 1 && !found; n--) {
      found = fuzzyPlace(words.slice(i, i + n).join(' '), index);
      used = n;
    }
    if (found) {
      if (pending.length) out.push({ text: pending.join(' '), kind: 'place', suggestions: [] });
      pending = [];
      out.push(found);
      i += used;
    } else {
      pending.push(words[i]);
      i++;
    }
  }
  if (pending.length) out.push({ text: pending.join(' '), kind: 'place', suggestions: [] });
  return out;
}
