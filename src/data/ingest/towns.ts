import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { normalise } from '../../resolve/normalise';

// Towns and villages people name instead of their council ("keswick", "llandudno"): the ONS civil
// parishes (E04), Welsh communities (W04) and electoral wards (E05, W05) of geography/areas.csv, each
// with the council it sits in. Written to data/lexicon/towns.csv by the data build; the resolver reads
// it as its lowest-priority place names (never over a council's own name or a curated alias).

export interface TownRow {
  name: string;
  code: string;
}

const TOWN_LEVELS = new Set(['civil_parish', 'community', 'electoral_ward']);

/**
 * One row per normalised name that points at exactly one council today; names shared by councils
 * ("Newton", "Central") are dropped rather than guessed. `successorOf` follows retired councils.
 */
export function buildTowns(root: string, successorOf: (code: string) => string | null): TownRow[] {
  const records: Record<string, string>[] = parse(fs.readFileSync(path.join(root, 'geography/areas.csv')), {
    bom: true,
    columns: true,
    skip_empty_lines: true,
  });
  const councils = new Map<string, Set<string>>();
  for (const r of records) {
    if (!TOWN_LEVELS.has(r.level) || !r.parentcd) continue;
    const council = successorOf(r.parentcd);
    if (!council) continue;
    // Ward names often carry a direction or "Central" ("Aberystwyth Rheidol"): the town is the name as given.
    const name = normalise(r.areanm.replace(/\s*\(.*\)\s*$/, ''));
    if (name.length < 4) continue;
    const set = councils.get(name) ?? new Set<string>();
    set.add(council);
    councils.set(name, set);
  }
  return [...councils.entries()]
    .filter(([, set]) => set.size === 1)
    .map(([name, set]) => ({ name, code: [...set][0] }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
