// Independent oracle, data layer: reads the raw ONS files (shared/ons) with no code shared with the app.
//
// Everything here is derived from the files themselves:
//   els/<dataset>/<dataset>.csv  (columns read by case-insensitive name, never by position)
//   els/<dataset>/<dataset>.json (ess-beta-metadata: flat, or `shared` + one object per CSV indicator value)
//   population/population-count.csv (mid-year estimates, for per-head verdicts)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * tests/independent/oracle -> tests/independent -> tests -> <repo> -> <repo's parent>/shared/ons; a clone
 * made elsewhere on the project machine (CI clones into a temporary folder) finds the machine's copy in
 * /work/shared/ons.
 */
const ONS_DIR_CANDIDATES = [path.resolve(__dirname, '../../../../shared/ons'), '/work/shared/ons'];
export const DEFAULT_ONS_DIR =
  ONS_DIR_CANDIDATES.find((d) => fs.existsSync(path.join(d, 'els'))) ?? ONS_DIR_CANDIDATES[0];

/**
 * `describe` for suites that read the raw ONS files: where no copy is found on this machine they are
 * skipped, and the reason (the paths tried, and NORTHSTAT_ONS_DIR) is printed, never passed silently.
 */
export const describeOns: (name: string, body: () => void) => void = (() => {
  try {
    onsDir();
    return describe;
  } catch (err) {
    const reason = `SKIPPED (raw ONS data not on this machine): ${(err as Error).message}`;
    process.stderr.write(`${reason}\n`);
    // The suite's body reads the data as it declares its tests, so it is not run at all: one skipped
    // test stands for it, named with the reason.
    return (name: string) =>
      describe(name, () => {
        it.skip(reason, () => undefined);
      });
  }
})();

/** The shared/ons folder; throws a clear error when it is missing (the check must never pass without data). */
export function onsDir(): string {
  const fromEnv = process.env.NORTHSTAT_ONS_DIR;
  const dir = fromEnv ? path.resolve(fromEnv) : DEFAULT_ONS_DIR;
  const els = path.join(dir, 'els');
  if (!fs.existsSync(els) || !fs.statSync(els).isDirectory()) {
    throw new Error(
      `independent check: ONS data folder not found: tried ${dir} (${fromEnv ? 'from NORTHSTAT_ONS_DIR' : 'default, beside the repo clone'}; ` +
        `expected ${els} to exist). Set NORTHSTAT_ONS_DIR to the shared/ons folder.`,
    );
  }
  return dir;
}

/** ITL1 codes are regions / nations (RULES.identity). TLL/TLM/TLN -> Wales/Scotland/NI: our reading (same footprint). */
export const ITL1_TO_GSS: Readonly<Record<string, string>> = {
  TLB: 'E92000001',
  TLC: 'E12000001',
  TLD: 'E12000002',
  TLE: 'E12000003',
  TLF: 'E12000004',
  TLG: 'E12000005',
  TLH: 'E12000006',
  TLI: 'E12000007',
  TLJ: 'E12000008',
  TLK: 'E12000009',
  TLL: 'W92000004',
  TLM: 'S92000003',
  TLN: 'N92000002',
};

/** Same-footprint successions named in RULES.identity: old code -> successor. */
export const SAME_FOOTPRINT: Readonly<Record<string, string>> = {
  E08000016: 'E08000038',
  E08000019: 'E08000039',
  E10000023: 'E06000065',
  E10000027: 'E06000066',
};
export const SAME_FOOTPRINT_PREDECESSOR: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SAME_FOOTPRINT).map(([oldCode, newCode]) => [newCode, oldCode]),
);

export const STATUS_CODES = new Set(['x', 'u', 'c', 'z']);

export interface Row {
  /** areacd as written in the CSV */
  areacd: string;
  /** canonical code (ITL1 -> E12/E92/W92/S92/N92) */
  code: string;
  areanm: string;
  indicator: string;
  period: string;
  /** observation text as written ('' when missing) */
  raw: string;
  value: number | null;
  lci: number | null;
  uci: number | null;
  /** x/u/c/z when the observation is empty and the status column holds a GSS code, else null */
  status: string | null;
  notes: string;
  measure: string;
  unit: string;
}

export interface IndicatorMeta {
  label: string | null;
  prefix: string | null;
  suffix: string | null;
  subText: string | null;
  decimalPlaces: number;
}

export interface IndicatorData {
  dataset: string;
  indicator: string;
  meta: IndicatorMeta;
  /** canonical code -> period -> row (deduplicated: E12 and its TL code carry the same value) */
  byCode: Map<string, Map<string, Row>>;
  /** every period of the indicator, ascending (string order works inside one indicator) */
  periods: string[];
  /** periods at which at least one row publishes a 95% CI */
  ciPeriods: Set<string>;
  /** codes marked obsolete in this dataset's notes column */
  retired: Set<string>;
  measure: string;
  unit: string;
}

export interface DatasetData {
  name: string;
  indicators: Map<string, IndicatorData>;
}

function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  const t = s.trim();
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
}

type Json = Record<string, unknown>;

function metaFor(dsJson: unknown, indicator: string): IndicatorMeta {
  const root = (dsJson as Json)['ess-beta-metadata'] as Json | undefined;
  if (!root) throw new Error(`no ess-beta-metadata for indicator ${indicator}`);
  // Two layouts: flat, or `shared` + one object per CSV indicator value (indicator object wins).
  const merged: Json = root.shared
    ? { ...(root.shared as Json), ...((root[indicator] as Json | undefined) ?? {}) }
    : { ...root };
  const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
  const dp = merged.decimalPlaces;
  return {
    label: str(merged.label),
    prefix: str(merged.prefix),
    suffix: str(merged.suffix),
    subText: str(merged.subText),
    decimalPlaces: typeof dp === 'number' ? dp : typeof dp === 'string' && dp !== '' ? Number(dp) : 0,
  };
}

const datasetCache = new Map<string, DatasetData>();

export function listDatasets(): string[] {
  const els = path.join(onsDir(), 'els');
  return fs
    .readdirSync(els)
    .filter((d) => d !== 'uk-small-area-gross-value-added-estimates')
    .filter((d) => fs.existsSync(path.join(els, d, `${d}.csv`)))
    .sort();
}

export function loadDataset(name: string): DatasetData {
  const cached = datasetCache.get(name);
  if (cached) return cached;
  const dir = path.join(onsDir(), 'els', name);
  const csvFile = path.join(dir, `${name}.csv`);
  if (!fs.existsSync(csvFile)) throw new Error(`independent check: no dataset ${name} (${csvFile} missing)`);
  const records = parse(fs.readFileSync(csvFile, 'utf8'), {
    bom: true,
    columns: false,
    skip_empty_lines: true,
    relax_column_count: false,
  }) as string[][];
  const header = records[0].map((h) => h.trim().toLowerCase());
  const col = (...names: string[]): number => {
    for (const n of names) {
      const i = header.indexOf(n);
      if (i >= 0) return i;
    }
    return -1;
  };
  const iArea = col('areacd');
  const iName = col('areanm');
  const iInd = col('indicator');
  const iPeriod = col('period');
  const iObs = col('observation');
  const iMeasure = col('measure');
  const iUnit = col('unit');
  const iLci = col('lci_95', 'lower confidence interval (95%)');
  const iUci = col('uci_95', 'upper confidence interval (95%)');
  const iStatus = col('status', 'observation status');
  const iNotes = col('notes'); // first `notes` column (one file repeats the header)
  for (const [n, i] of Object.entries({ iArea, iInd, iPeriod, iObs })) {
    if (i < 0) throw new Error(`independent check: ${csvFile} has no column for ${n}`);
  }
  const json = readJson(path.join(dir, `${name}.json`));
  const indicators = new Map<string, IndicatorData>();
  const at = (r: string[], i: number): string => (i >= 0 ? (r[i] ?? '') : '');
  for (let k = 1; k < records.length; k++) {
    const r = records[k];
    const areacd = at(r, iArea).trim();
    const indicator = at(r, iInd);
    const raw = at(r, iObs).trim();
    const value = num(raw);
    const statusRaw = at(r, iStatus).trim();
    const row: Row = {
      areacd,
      code: ITL1_TO_GSS[areacd] ?? areacd,
      areanm: at(r, iName),
      indicator,
      period: at(r, iPeriod).trim(),
      raw,
      value,
      lci: num(at(r, iLci)),
      uci: num(at(r, iUci)),
      status: value === null && STATUS_CODES.has(statusRaw.toLowerCase()) ? statusRaw.toLowerCase() : null,
      notes: at(r, iNotes),
      measure: at(r, iMeasure),
      unit: at(r, iUnit),
    };
    let ind = indicators.get(indicator);
    if (!ind) {
      ind = {
        dataset: name,
        indicator,
        meta: metaFor(json, indicator),
        byCode: new Map(),
        periods: [],
        ciPeriods: new Set(),
        retired: new Set(),
        measure: row.measure,
        unit: row.unit,
      };
      indicators.set(indicator, ind);
    }
    if (/^Obsolete code since/i.test(row.notes)) ind.retired.add(areacd);
    if (row.lci !== null || row.uci !== null) ind.ciPeriods.add(row.period);
    let series = ind.byCode.get(row.code);
    if (!series) {
      series = new Map();
      ind.byCode.set(row.code, series);
    }
    const prev = series.get(row.period);
    // Duplicates after ITL1 mapping (E12 + TL, E47 twice in one file): keep the row under the canonical
    // code itself, else the first row with a value.
    if (
      !prev ||
      (prev.value === null && value !== null) ||
      (prev.areacd !== prev.code && areacd === row.code)
    ) {
      series.set(row.period, row);
    }
  }
  // A code retired anywhere in the dataset is retired for every indicator of that dataset.
  const retiredInDataset = new Set<string>();
  for (const ind of indicators.values()) for (const c of ind.retired) retiredInDataset.add(c);
  for (const ind of indicators.values()) {
    ind.retired = new Set(retiredInDataset);
    // The named same-footprint predecessors are always retired: their values live on under the successor.
    for (const oldCode of Object.keys(SAME_FOOTPRINT)) ind.retired.add(oldCode);
    const ps = new Set<string>();
    for (const series of ind.byCode.values()) for (const p of series.keys()) ps.add(p);
    ind.periods = [...ps].sort();
  }
  const ds: DatasetData = { name, indicators };
  datasetCache.set(name, ds);
  return ds;
}

let retiredEverywhere: Set<string> | null = null;

/**
 * Codes marked obsolete in any dataset's notes (contract.ts, identity: "a retired code ... is not an
 * area of its own in any comparison set"). Added after the first run: the per-dataset reading kept
 * the abolished North East combined authorities E47000010/11 live in the one dataset that does not
 * mark them.
 */
export function retiredAnywhere(): Set<string> {
  if (!retiredEverywhere) {
    retiredEverywhere = new Set();
    for (const name of listDatasets()) {
      for (const ind of loadDataset(name).indicators.values())
        for (const c of ind.retired) retiredEverywhere.add(c);
    }
  }
  return retiredEverywhere;
}

export function loadIndicator(dataset: string, indicator: string): IndicatorData {
  const ds = loadDataset(dataset);
  const ind = ds.indicators.get(indicator);
  if (!ind) {
    throw new Error(
      `independent check: dataset ${dataset} has no indicator ${JSON.stringify(indicator)} (has ${[...ds.indicators.keys()].map((k) => JSON.stringify(k)).join(', ')})`,
    );
  }
  return ind;
}

let populationCache: Map<string, Map<number, number>> | null = null;

/** population/population-count.csv as code -> year -> persons (read once). */
function populationTable(): Map<string, Map<number, number>> {
  if (!populationCache) {
    const file = path.join(onsDir(), 'population', 'population-count.csv');
    const records = parse(fs.readFileSync(file, 'utf8'), {
      bom: true,
      columns: false,
      skip_empty_lines: true,
    }) as string[][];
    const header = records[0].map((h) => h.trim().toLowerCase());
    const iA = header.indexOf('areacd');
    const iY = header.indexOf('year');
    const iP = header.indexOf('population');
    populationCache = new Map();
    for (let k = 1; k < records.length; k++) {
      const r = records[k];
      const v = num(r[iP]);
      if (v === null) continue;
      let m = populationCache.get(r[iA]);
      if (!m) {
        m = new Map();
        populationCache.set(r[iA], m);
      }
      m.set(Number(r[iY]), v);
    }
  }
  return populationCache;
}

/** Every area code of the population file (as written there: Barnsley/Sheffield under their old codes). */
export function populationCodes(): string[] {
  return [...populationTable().keys()];
}

/** The latest year the population file holds for any area. */
export function lastPopulationYear(): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const m of populationTable().values()) for (const y of m.keys()) if (y > last) last = y;
  return last;
}

/** Mid-year population estimate, or null when the file has none for that code and year. */
export function population(code: string, year: number): number | null {
  const table = populationTable();
  const direct = table.get(code)?.get(year);
  if (direct !== undefined) return direct;
  // Our reading: a same-footprint successor (Barnsley/Sheffield 2025 codes) has its predecessor's population.
  const pred = SAME_FOOTPRINT_PREDECESSOR[code];
  if (pred) return table.get(pred)?.get(year) ?? null;
  return null;
}
