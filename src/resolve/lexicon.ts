import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { repoRoot } from '../data/snapshot';
import { normalise } from './normalise';

// The resolver's word lists are data, not code: data/lexicon/*.csv (the way ONS's
// explore-local-statistics-app keeps curated tables in CSV). Adding a synonym is one line there.
// Each file is checked when it is read (shape, duplicates, shadowing) and again against the loaded
// statistics when the indexes are built (every id and code must exist).

export interface IndicatorSynonymRow {
  id: string;
  phrase: string;
  /** Other indicators the same words could mean (offered as alternatives). */
  alternatives: string[];
}

export interface PlaceAliasRow {
  alias: string;
  code: string;
  alternatives: string[];
  /** The words genuinely name two places: the answer offers the other ("kingston"). */
  ambiguous: boolean;
  /** The words name all of the places together ("cheshire": Cheshire East and Cheshire West and Chester). */
  split: boolean;
  /** Why an alias overrides a real place name ("hull" is not Solihull...); required when it does. */
  reason: string;
}

export interface UnavailableRow {
  phrase: string;
  /** The ELS dataset folder, or a short topic name for data ELS does not publish. */
  dataset: string;
  /** What it is called in an answer ("average house prices"). */
  label: string;
  /** The nearest indicator Northstat holds, offered but never substituted. */
  nearest: string | null;
}

export interface Lexicon {
  indicatorSynonyms: IndicatorSynonymRow[];
  placeAliases: PlaceAliasRow[];
  /** Retired codes whose successors cannot be read from the snapshot. */
  retiredTo: Record<string, string[]>;
  foreignPlaces: string[];
  /** Parishes, communities and wards with their council (towns.csv, written by the data build). */
  towns: { name: string; code: string }[];
  /** Words after a place name that make it foreign ("hamilton, ontario", "boston massachusetts"). */
  foreignQualifiers: Set<string>;
  unavailable: UnavailableRow[];
  /** Short forms people write in place names: "w lancs" for West Lancashire (abbreviations.csv). */
  abbreviations: { full: string; short: string; kind: 'direction' | 'county' }[];
  /** Breakdown words and the indicators each breakdown has (breakdown-words.csv, breakdown-variants.csv). */
  breakdowns: {
    words: { word: string; breakdown: string; label: string }[];
    variants: { from: string; breakdown: string; to: string }[];
  };
  /** Each indicator's theme, as ONS Explore Local Statistics groups an area's page (themes.csv). */
  themes: Map<string, string>;
  /** Words that carry no place or indicator meaning; never reported as not understood. */
  filler: Set<string>;
  /** Words that are never a place on their own. */
  stop: Set<string>;
  /** Indicator phrases too vague to beat a more specific one in the same question. */
  weakIndicator: Set<string>;
}

export class LexiconError extends Error {}

/** The themes of an area profile, in the order they are shown. */
export const THEMES = [
  'economy',
  'work and pay',
  'skills and education',
  'health',
  'housing',
  'digital and transport',
  'environment',
  'wellbeing',
  'population',
];

function readCsv(file: string): Record<string, string>[] {
  const full = path.join(repoRoot(), 'data', 'lexicon', file);
  return parse(fs.readFileSync(full), { bom: true, columns: true, skip_empty_lines: true, trim: true });
}

const list = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

function noDuplicates(file: string, keys: string[]): void {
  const seen = new Set<string>();
  const dup = keys.filter((k) => {
    if (seen.has(k)) return true;
    seen.add(k);
    return false;
  });
  if (dup.length > 0)
    throw new LexiconError(`data/lexicon/${file}: duplicate entries: ${[...new Set(dup)].join(', ')}`);
}

let cached: Lexicon | null = null;

/** Reads and checks data/lexicon once per process. */
export function lexicon(): Lexicon {
  if (cached) return cached;
  const indicatorSynonyms = readCsv('indicator-synonyms.csv').map((r) => ({
    id: r.indicator_id,
    phrase: r.phrase,
    alternatives: list(r.alternatives),
  }));
  noDuplicates(
    'indicator-synonyms.csv',
    indicatorSynonyms.map((r) => normalise(r.phrase)),
  );
  const placeAliases = readCsv('place-aliases.csv').map((r) => ({
    alias: r.alias,
    code: r.code,
    alternatives: list(r.alternatives),
    ambiguous: r.ambiguous === 'yes',
    split: r.ambiguous === 'split',
    reason: r.reason ?? '',
  }));
  noDuplicates(
    'place-aliases.csv',
    placeAliases.map((r) => normalise(r.alias)),
  );
  const retiredTo: Record<string, string[]> = {};
  for (const r of readCsv('retired-codes.csv')) retiredTo[r.code] = list(r.successors);
  const foreignPlaces = readCsv('foreign-places.csv').map((r) => r.name);
  noDuplicates('foreign-places.csv', foreignPlaces.map(normalise));
  const towns = readCsv('towns.csv').map((r) => ({ name: r.name, code: r.code }));
  const foreignQualifiers = new Set(readCsv('foreign-qualifiers.csv').map((r) => normalise(r.word)));
  const unavailable = readCsv('unavailable.csv').map((r) => ({
    phrase: r.phrase,
    dataset: r.dataset,
    label: r.label,
    nearest: r.nearest || null,
  }));
  noDuplicates(
    'unavailable.csv',
    unavailable.map((r) => normalise(r.phrase)),
  );
  const words = readCsv('words.csv');
  const role = (name: string) => new Set(words.filter((w) => w.role === name).map((w) => w.word));
  noDuplicates(
    'words.csv',
    words.map((w) => `${w.word}|${w.role}`),
  );
  const unknownRoles = words.filter((w) => !['filler', 'stop', 'weak-indicator'].includes(w.role));
  if (unknownRoles.length > 0)
    throw new LexiconError(
      `data/lexicon/words.csv: unknown role for ${unknownRoles.map((w) => w.word).join(', ')}`,
    );
  const abbreviations = readCsv('abbreviations.csv').map((r) => ({
    full: normalise(r.full),
    short: normalise(r.short),
    kind: r.kind === 'direction' ? ('direction' as const) : ('county' as const),
  }));
  noDuplicates(
    'abbreviations.csv',
    abbreviations.map((r) => `${r.full}|${r.short}`),
  );
  const breakdowns = {
    words: readCsv('breakdown-words.csv').map((r) => ({
      word: normalise(r.word),
      breakdown: r.breakdown,
      label: r.label,
    })),
    variants: readCsv('breakdown-variants.csv').map((r) => ({
      from: r.indicator_id,
      breakdown: r.breakdown,
      to: r.variant_id,
    })),
  };
  noDuplicates(
    'breakdown-words.csv',
    breakdowns.words.map((w) => w.word),
  );
  const themes = new Map(readCsv('themes.csv').map((r) => [r.indicator_id, r.theme]));
  const badThemes = [...themes.values()].filter((t) => !THEMES.includes(t));
  if (badThemes.length > 0)
    throw new LexiconError(`data/lexicon/themes.csv: unknown themes ${[...new Set(badThemes)].join(', ')}`);
  cached = {
    indicatorSynonyms,
    abbreviations,
    breakdowns,
    themes,
    placeAliases,
    retiredTo,
    foreignPlaces,
    towns,
    foreignQualifiers,
    unavailable,
    filler: role('filler'),
    stop: role('stop'),
    weakIndicator: role('weak-indicator'),
  };
  return cached;
}

/** Checks the lexicon against the loaded statistics: every indicator id, code and alternative exists. */
export function checkLexicon(
  lex: Lexicon,
  known: { indicator: (id: string) => boolean; currentArea: (code: string) => boolean },
): string[] {
  const problems: string[] = [];
  for (const r of lex.indicatorSynonyms) {
    if (!known.indicator(r.id))
      problems.push(`indicator-synonyms.csv: "${r.phrase}" -> unknown indicator ${r.id}`);
    for (const a of r.alternatives)
      if (!known.indicator(a))
        problems.push(`indicator-synonyms.csv: "${r.phrase}" alternative ${a} unknown`);
  }
  for (const r of lex.placeAliases) {
    if (!known.currentArea(r.code))
      problems.push(`place-aliases.csv: "${r.alias}" -> ${r.code}, not a current area`);
  }
  for (const id of lex.themes.keys())
    if (!known.indicator(id)) problems.push(`themes.csv: unknown indicator ${id}`);
  for (const v of lex.breakdowns.variants) {
    if (!known.indicator(v.from)) problems.push(`breakdown-variants.csv: unknown indicator ${v.from}`);
    if (!known.indicator(v.to)) problems.push(`breakdown-variants.csv: unknown indicator ${v.to}`);
  }
  for (const r of lex.unavailable) {
    if (r.nearest && !known.indicator(r.nearest))
      problems.push(`unavailable.csv: "${r.phrase}" nearest ${r.nearest} unknown`);
  }
  return problems;
}

/**
 * Every word of the statistics' names as people type them (indicator synonyms and breakdown words;
 * with `unavailable`, also the names of statistics not held): words that are not places.
 */
export function statisticWords(lex: Lexicon, unavailable: boolean): string[] {
  const phrases = [
    ...lex.indicatorSynonyms.map((r) => r.phrase),
    ...(unavailable ? lex.unavailable.map((r) => r.phrase) : []),
    ...lex.breakdowns.words.map((w) => w.word),
  ];
  return phrases.flatMap((p) => normalise(p).split(' '));
}
