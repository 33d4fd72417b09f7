// Place names and aliases -> GSS codes. The table is built from the real area names in the snapshot
// (loadCore().geography.all()), plus generated variants and the curated aliases below.
//
// Key rules (all keys are normalised with normalise()):
// - Only current areas are offered: no `end`, no `successor`, level not 'other', and with parents
//   (the snapshot keeps some pre-2019/2023 codes without an end year but also without any parents:
//   Aylesbury Vale, Northumberland E06000048, Gateshead E08000020, North East CA E47000005 ...).
// - Retired names (Harrogate, Carlisle, Richmondshire, Aylesbury Vale ...) resolve to the council that
//   covers them today (RETIRED_TO, or the successor of the retired parent county).
// - Generated variants: "X, City of" / "City of X" / "X City" -> "x" and "city of x"; "X, County of" ->
//   "x"; "St X" <-> "Saint X"; "-on-"/"upon" spellings; "<CA> combined authority" / "<CA> ca";
//   "<region> region". A variant never displaces a real name (London stays the region, City of London
//   stays E09000001).
// - Duplicated names ("North East" region and combined authority, "West Midlands", "East Midlands",
//   "Lancashire" county and CA) resolve to the most general everyday meaning (region, then council,
//   then county, then combined authority) and list the others as alternatives.

import type { Geography } from '../data/geography';
import type { AreaLevel, SnapshotArea } from '../data/types';
import { LexiconError, lexicon } from './lexicon';
import { normalise } from './normalise';

export interface PlaceEntry {
  key: string;
  code: string;
  alternatives: string[];
  kind: 'code' | 'name' | 'variant' | 'alias' | 'retired' | 'foreign' | 'town';
  ambiguous: boolean;
  /** The code and its alternatives are meant together ("cumbria": Cumberland and Westmorland and Furness). */
  split?: boolean;
}

/** Current = offered to users: not retired, not replaced, not 'other', and placed in the hierarchy. */
export function isCurrentArea(area: SnapshotArea): boolean {
  return (
    area.end === undefined &&
    area.successor === undefined &&
    area.level !== 'other' &&
    (area.parents.length > 0 || area.level === 'uk')
  );
}

/** Which meaning of a duplicated name wins (lower first). */
const LEVEL_PRIORITY: Record<AreaLevel, number> = {
  uk: 0,
  nation: 1,
  region: 2,
  metropolitan_district: 3,
  unitary_authority: 3,
  london_borough: 3,
  non_metropolitan_district: 3,
  welsh_unitary_authority: 3,
  scottish_council_area: 3,
  ni_district: 3,
  county: 4,
  combined_authority: 5,
  other: 9,
};

/** Generated spellings of a real name (besides the name itself). */
export function nameVariants(name: string, level: AreaLevel): string[] {
  const out = new Set<string>();
  let m = /^(.*), (City|County) of$/.exec(name);
  if (m) {
    out.add(m[1]);
    out.add(`${m[2]} of ${m[1]}`);
  }
  m = /^City of (.*)$/.exec(name);
  if (m) out.add(m[1]);
  m = /^(.*) City$/.exec(name);
  if (m) out.add(m[1]);
  for (const v of [name, ...out]) {
    if (/\bSt\.? /.test(v)) out.add(v.replace(/\bSt\.? /, 'Saint '));
    if (/-on-/.test(v)) out.add(v.replace(/-on-/, ' upon '));
    if (/ upon /.test(v)) out.add(v.replace(/ upon /, ' on '));
  }
  if (level === 'combined_authority') {
    for (const suffix of ['combined authority', 'ca', 'mayoral combined authority', 'mca'])
      out.add(`${name} ${suffix}`);
  }
  if (level === 'region') out.add(`${name} region`);
  for (const v of abbreviated([name, ...out])) out.add(v);
  return [...out];
}

/**
 * Names as people shorten them (data/lexicon/abbreviations.csv): a leading direction ("W", "Nth",
 * "NW") and a county word ("Lancs", "Leics"), alone or together: "West Lancashire" -> "w lancs".
 */
function abbreviated(names: string[]): string[] {
  const out: string[] = [];
  const { abbreviations } = lexicon();
  for (const raw of names) {
    const name = normalise(raw);
    // A direction inside the name too ("king's lynn and west norfolk" -> "kings lynn and w norfolk").
    for (const d of abbreviations.filter((a) => a.kind === 'direction')) {
      const inner = new RegExp(`(?<=\\s)${d.full}(?=\\s)`);
      if (inner.test(name)) out.push(name.replace(inner, d.short));
    }
    const directions = abbreviations.filter((a) => a.kind === 'direction' && name.startsWith(`${a.full} `));
    const counties = abbreviations.filter(
      (a) => a.kind === 'county' && new RegExp(`\\b${a.full}\\b`).test(name),
    );
    const withCounty = [name, ...counties.map((c) => name.replace(new RegExp(`\\b${c.full}\\b`), c.short))];
    for (const form of withCounty) {
      if (form !== name) out.push(form);
      for (const d of directions) out.push(`${d.short}${form.slice(d.full.length)}`);
    }
  }
  return out;
}

/** Builds the normalised key -> entry table for a geography. */
export function buildPlaceTable(geography: Geography): Map<string, PlaceEntry> {
  const table = new Map<string, PlaceEntry>();
  const all = geography.all();
  const current = all.filter(isCurrentArea);
  const currentCodes = new Set(current.map((a) => a.code));

  // 1. Real names, grouped so that duplicated names get alternatives.
  const byName = new Map<string, SnapshotArea[]>();
  for (const area of current) {
    const key = normalise(area.name);
    byName.set(key, [...(byName.get(key) ?? []), area]);
  }
  for (const [key, areas] of byName) {
    areas.sort((a, b) => LEVEL_PRIORITY[a.level] - LEVEL_PRIORITY[b.level]);
    table.set(key, {
      key,
      code: areas[0].code,
      alternatives: areas.slice(1).map((a) => a.code),
      kind: 'name',
      ambiguous: false,
    });
  }
  // 2. GSS codes, current and retired (retired ones follow the successor when there is one).
  for (const area of all) {
    if (area.level === 'other') continue;
    const target = currentCodes.has(area.code) ? area.code : geography.area(area.code)?.code;
    if (target && currentCodes.has(target)) {
      table.set(area.code.toLowerCase(), {
        key: area.code.toLowerCase(),
        code: target,
        alternatives: [],
        kind: 'code',
        ambiguous: false,
      });
    }
  }
  // 3. Generated variants, never displacing a real name.
  for (const area of current) {
    for (const variant of nameVariants(area.name, area.level)) {
      const key = normalise(variant);
      if (!table.has(key))
        table.set(key, { key, code: area.code, alternatives: [], kind: 'variant', ambiguous: false });
    }
  }
  // 3b. Each place a joined council name is made of ("Causeway Coast and Glens" -> "causeway coast",
  // "Cheshire West and Chester" -> "chester"), where nothing else has the words.
  for (const area of current) {
    if (!/ and | with |, /.test(area.name) || area.level === 'combined_authority' || area.level === 'region')
      continue;
    for (const part of area.name.split(/, | and | with /)) {
      const key = normalise(part);
      if (key.length < 5 || table.has(key) || lexicon().filler.has(key) || lexicon().stop.has(key)) continue;
      table.set(key, { key, code: area.code, alternatives: [], kind: 'variant', ambiguous: false });
    }
  }
  // 4. Retired names -> the council covering them today.
  for (const area of all) {
    if (area.level === 'other' || currentCodes.has(area.code)) continue;
    const key = normalise(area.name);
    if (table.has(key)) continue;
    let targets = lexicon().retiredTo[area.code];
    if (!targets) {
      const followed = geography.area(area.code);
      if (followed && currentCodes.has(followed.code)) targets = [followed.code];
      else {
        const parent = area.parents
          .map((p) => geography.area(p))
          .find(
            (p) =>
              p &&
              currentCodes.has(p.code) &&
              LEVEL_PRIORITY[p.level] >= 3 &&
              p.level !== 'combined_authority',
          );
        if (parent) targets = [parent.code];
      }
    }
    if (!targets || targets.length === 0) continue;
    // A former county split between successors means all of them (Cumbria: Cumberland and Westmorland and Furness).
    table.set(key, {
      key,
      code: targets[0],
      alternatives: targets.slice(1),
      kind: 'retired',
      ambiguous: false,
      split: targets.length > 1,
    });
  }
  // 5. Curated aliases. On a real name they only add alternatives.
  // The lexicon's rows as read (data/lexicon/place-aliases.csv), with the reason an alias may shadow a real name.
  for (const alias of lexicon().placeAliases) {
    const key = normalise(alias.alias);
    if (!currentCodes.has(alias.code))
      throw new Error(`alias ${alias.alias} points at ${alias.code}, not a current area`);
    const existing = table.get(key);
    const alternatives = (alias.alternatives ?? []).filter((c) => currentCodes.has(c) && c !== alias.code);
    if (existing && existing.kind === 'name' && existing.code !== alias.code && !alias.reason)
      throw new LexiconError(
        `data/lexicon/place-aliases.csv: "${alias.alias}" overrides the real place ${existing.code} without a reason`,
      );
    if (existing && existing.kind === 'name' && existing.code === alias.code) {
      existing.alternatives = [...new Set([...existing.alternatives, ...alternatives])];
      continue;
    }
    table.set(key, {
      key,
      code: alias.code,
      alternatives,
      kind: 'alias',
      ambiguous: alias.ambiguous ?? false,
      split: alias.split ?? false,
    });
  }
  // 7 (after foreign names, below). Towns, villages and wards: the lowest priority of all.
  // 6. Foreign places, which must never become UK ones.
  for (const name of lexicon().foreignPlaces) {
    const key = normalise(name);
    if (!table.has(key))
      table.set(key, { key, code: '', alternatives: [], kind: 'foreign', ambiguous: false });
  }
  // 7. Towns, villages and wards (ONS parishes, communities and electoral wards with one council), where
  // nothing else uses the words and they are not everyday words of a question ("park", "central").
  const { filler, stop, indicatorSynonyms, weakIndicator } = lexicon();
  const indicatorWords = new Set(indicatorSynonyms.map((r) => normalise(r.phrase)));
  for (const town of lexicon().towns) {
    if (indicatorWords.has(town.name) || weakIndicator.has(town.name)) continue;
    if (table.has(town.name) || !currentCodes.has(town.code)) continue;
    const words = town.name.split(' ');
    if (words.every((w) => filler.has(w) || stop.has(w))) continue;
    if (words.length === 1 && (filler.has(town.name) || stop.has(town.name))) continue;
    table.set(town.name, {
      key: town.name,
      code: town.code,
      alternatives: [],
      kind: 'town',
      ambiguous: false,
    });
  }
  return table;
}
