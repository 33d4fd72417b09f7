// Indicator synonyms (data/lexicon/indicator-synonyms.csv) -> indicator ids. Order of resolution: exact phrase (a curated synonym, the label,
// the label without its "(Great Britain)"-style qualifier, or the id with spaces), longest phrase first
// while scanning a text, then Fuse over labels and synonyms for typos, with edit-distance acceptance.

import type { StatsCore } from '../data/stats';
import type { IndicatorMeta } from '../data/types';
import { FuzzyIndex } from './fuzzy';
import { editDistance, normalise } from './normalise';
import { checkLexicon, LexiconError, lexicon } from './lexicon';
import type { ResolvedIndicator, Unresolved } from './types';

export interface IndicatorSynonym {
  id: string;
  phrases: string[];
  /** Other indicators the same words could mean (offered as alternatives). */
  alternatives?: string[];
}

/** The curated synonyms of data/lexicon/indicator-synonyms.csv, one entry per phrase. */
function indicatorSynonyms(): IndicatorSynonym[] {
  return lexicon().indicatorSynonyms.map((r) => ({
    id: r.id,
    phrases: [r.phrase],
    alternatives: r.alternatives,
  }));
}

export interface IndicatorEntry {
  key: string;
  id: string;
  alternatives: string[];
}

export interface IndicatorIndex {
  table: Map<string, IndicatorEntry>;
  maxTokens: number;
  fuzzy: FuzzyIndex<{ key: string; id: string }>;
  byId: Map<string, IndicatorMeta>;
}

/** "Employment rate (Great Britain)" -> "Employment rate". */
const stripQualifier = (label: string): string => label.replace(/\s*\([^)]*\)\s*$/, '');

const cache = new WeakMap<StatsCore, IndicatorIndex>();

/** The indicator index for a core, built once and cached by core object. */
export function indicatorIndex(core: StatsCore): IndicatorIndex {
  let index = cache.get(core);
  if (index) return index;
  const byId = new Map(core.indicators.map((i) => [i.id, i]));
  const problems = checkLexicon(lexicon(), {
    indicator: (id) => byId.has(id),
    currentArea: (code) => core.geography.has(code),
  });
  if (problems.length > 0)
    throw new LexiconError(`data/lexicon does not match the data:\n${problems.join('\n')}`);
  const table = new Map<string, IndicatorEntry>();
  const put = (phrase: string, id: string, alternatives: string[], override: boolean) => {
    const key = normalise(phrase);
    if (!key || (!override && table.has(key))) return;
    table.set(key, { key, id, alternatives: alternatives.filter((a) => a !== id && byId.has(a)) });
  };
  // Labels and ids first; a qualifier-less label ("employment rate") shared by several indicators
  // goes to the Great Britain / England one, with the others as alternatives.
  const stripped = new Map<string, string[]>();
  for (const ind of core.indicators) {
    put(ind.label, ind.id, [], true);
    put(ind.id.replace(/-/g, ' '), ind.id, [], true);
    const s = normalise(stripQualifier(ind.label));
    stripped.set(s, [...(stripped.get(s) ?? []), ind.id]);
  }
  const rank = (id: string) => (/great-britain|england/.test(id) ? 0 : 1);
  for (const [key, ids] of stripped) {
    ids.sort((a, b) => rank(a) - rank(b));
    if (!table.has(key)) put(key, ids[0], ids.slice(1), false);
  }
  for (const syn of indicatorSynonyms()) {
    if (!byId.has(syn.id)) continue;
    for (const phrase of syn.phrases) put(phrase, syn.id, syn.alternatives ?? [], true);
  }
  // Datasets the bundled data lacks (data/lexicon/unavailable.csv) that a refresh has since brought:
  // their phrases ("house prices") now name the dataset's indicator, with no code change.
  for (const row of lexicon().unavailable) {
    const held = heldDatasetIndicator(core, row.dataset, row.label);
    if (held) put(row.phrase, held, [], false);
  }
  let maxTokens = 1;
  for (const key of table.keys()) maxTokens = Math.max(maxTokens, key.split(' ').length);
  // Fuse cost grows with the length of the indexed strings: long labels are not typed in full, so
  // only phrases up to 40 characters are fuzzy candidates (the long ones still match exactly).
  const items = [...table.values()]
    .filter((e) => e.key.length >= 4 && e.key.length <= 40)
    .map((e) => ({ key: e.key, id: e.id }));
  index = { table, maxTokens, fuzzy: new FuzzyIndex(items), byId };
  cache.set(core, index);
  return index;
}

/** The longest exact indicator phrase starting at token i. */
export function indicatorAt(
  tokens: string[],
  i: number,
  index: IndicatorIndex,
): { entry: IndicatorEntry; length: number } | null {
  const max = Math.min(index.maxTokens, tokens.length - i);
  for (let n = max; n >= 1; n--) {
    const entry = index.table.get(n === 1 ? tokens[i] : tokens.slice(i, i + n).join(' '));
    if (entry) return { entry, length: n };
  }
  return null;
}

export function indicatorFromEntry(
  entry: IndicatorEntry,
  matched: string,
  index: IndicatorIndex,
): ResolvedIndicator {
  return {
    id: entry.id,
    label: index.byId.get(entry.id)?.label ?? entry.id,
    matched,
    alternatives: entry.alternatives.map((id) => ({ id, label: index.byId.get(id)?.label ?? id })),
  };
}

/** Typo'd indicator words ("productivty", "life expectency"): Fuse candidates, edit-distance acceptance. */
export function fuzzyIndicator(span: string, index: IndicatorIndex): ResolvedIndicator | null {
  const text = normalise(span);
  if (text.length < 5 || text.length > 40) return null;
  const best = index.fuzzy.best(text);
  const entry = best && index.table.get(best.item.key);
  return entry ? indicatorFromEntry(entry, text, index) : null;
}

/** The closest indicator labels to a text (for "did you mean"). */
export function suggestIndicators(span: string, index: IndicatorIndex, n = 3): string[] {
  const text = normalise(span);
  const out: string[] = [];
  for (const item of index.fuzzy.search(text, 12, 2)) {
    const label = index.byId.get(item.id)?.label;
    if (label && !out.includes(label)) out.push(label);
    if (out.length === n) return out;
  }
  const scored = [...index.table.values()]
    .map((e) => {
      const d = editDistance(text, e.key, 8);
      return { id: e.id, d: d > 8 ? 1 : d / Math.max(text.length, e.key.length) };
    })
    .sort((a, b) => a.d - b.d);
  for (const s of scored) {
    const label = index.byId.get(s.id)?.label;
    if (label && !out.includes(label)) out.push(label);
    if (out.length === n) break;
  }
  return out;
}

/** One indicator phrase (not a sentence): exact, then the longest known phrase inside it, then fuzzy. */
export function matchIndicator(text: string, core: StatsCore): ResolvedIndicator | Unresolved {
  const index = indicatorIndex(core);
  const key = normalise(text);
  const exact = index.table.get(key);
  if (exact) return indicatorFromEntry(exact, key, index);
  const toks = key.split(' ');
  for (let i = 0; i < toks.length; i++) {
    const m = indicatorAt(toks, i, index);
    if (m) return indicatorFromEntry(m.entry, toks.slice(i, i + m.length).join(' '), index);
  }
  return (
    fuzzyIndicator(key, index) ?? { text, kind: 'indicator', suggestions: suggestIndicators(text, index) }
  );
}

/** Words that say how a statistic is summarised, not what it is about. */
const GENERIC = new Set([
  'average',
  'median',
  'mean',
  'total',
  'number',
  'rate',
  'share',
  'and',
  'the',
  'over',
]);

const stems = (text: string) =>
  new Set(
    normalise(text)
      .split(' ')
      .filter((w) => w.length >= 3 && !GENERIC.has(w))
      .map((w) => w.replace(/s$/, '')),
  );

/**
 * The indicator a core holds for a statistic the lexicon lists as not held (`label` of an ELS
 * `dataset`): an indicator with the dataset's id, or one from that dataset whose name has every word
 * of the statistic's ("house", "price" of "average house prices" in "Median house price"). A dataset
 * partly held (total population, from population-indicators) does not make its other statistics
 * (median age, population density) held.
 */
export function heldDatasetIndicator(core: StatsCore, dataset: string, label = ''): string | null {
  if (core.hasIndicator(dataset)) return dataset;
  const wanted = [...stems(label)];
  if (wanted.length === 0) return null;
  return (
    core.indicators.find((i) => {
      if (i.dataset !== dataset || i.derived) return false;
      const has = stems(i.label);
      return wanted.every((w) => has.has(w));
    })?.id ?? null
  );
}
