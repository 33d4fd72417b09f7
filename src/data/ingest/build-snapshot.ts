import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  ITL1_TO_GSS,
  REGION_CORRECTIONS,
  BOUNDARY_CHANGES,
  SUCCESSOR_MERGES,
  SUCCESSORS,
  isLowerTierCode,
  isUpperTierCode,
  levelFromCode,
} from '../levels';
import { comparePeriods, parsePeriod } from '../periods';
import type { AreaLevel, IndicatorMeta, PeriodInfo, Snapshot, SnapshotArea, SnapshotSeries } from '../types';
import { type RejectedRow, type TidyRow, parseDatasetCsv } from './csv-rows';
import { decodePrefix, joinOrgs, latestSourceDate, parseDatasetMetadata, stripBom } from './metadata';
import { judgePolarity } from './polarity';

// The data pipeline: ../shared/ons -> one Snapshot object (+ a build report). Pure apart from
// reading the source folder; scripts/build-data.ts writes the results.

export const ATTRIBUTION =
  'Contains public sector information licensed under the Open Government Licence v3.0. Source: Office for National Statistics (Explore Local Statistics)';

/** Datasets below local-authority level (data zones, super output areas): outside Northstat's area model. */
export const BELOW_LA_DATASETS = new Set(['uk-small-area-gross-value-added-estimates']);

/** A dataset may lose at most this share of its rows to unreadable lines before the build fails. */
export const MAX_REJECTED_SHARE = 0.01;

export interface BuildReport {
  builtAt: string;
  sourceRoot: string;
  datasets: { dataset: string; file: string; rows: number; rejected: number; indicators: string[] }[];
  rejected: RejectedRow[];
  excluded: { file: string; rows: number; reason: string }[];
  duplicates: {
    indicator: string;
    area: string;
    period: string;
    kept: number | null;
    other: number | null;
    line: number;
    file: string;
  }[];
  mappedItl1: { indicator: string; rows: number }[];
  /** Retired codes merged into a successor with the same footprint, with why. */
  successorMerges: { from: string; to: string; values: number; reason: string }[];
  /** Retired codes kept apart from their successor because the footprint changed. */
  keptApart: { from: string; to: string[]; year: number; values: number; reason: string }[];
  /** Codes the CSV notes call obsolete ("Obsolete code since 2019 (replaced by ...)"), with that year. */
  obsoleteCodes: Record<string, number>;
  unknownPeriods: RejectedRow[];
  failures: string[];
}

interface Observation {
  value: number | null;
  lci: number | null;
  uci: number | null;
  status: string;
}

interface IndicatorAccumulator {
  csvName: string;
  dataset: string;
  file: string;
  units: Map<string, number>;
  measures: Map<string, number>;
  periods: Map<string, PeriodInfo>;
  /** area -> period id -> observation */
  obs: Map<string, Map<string, Observation>>;
  /** area -> period -> came from an ITL1 row (replaced by a direct GSS row when one exists) */
  viaItl1: Set<string>;
  itl1Rows: number;
  names: Map<string, string>;
  hasCi: boolean;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/£/g, 'gbp')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

function readText(file: string): string {
  return stripBom(fs.readFileSync(file, 'utf8'));
}

function count<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function mostCommon(map: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [k, v] of map) if (v > n) [best, n] = [k, v];
  return best;
}

interface GeoMetaEntry {
  areacd: string;
  areanm: string;
  level: string[];
  parents: string[];
  children: string[];
}

export function buildAreas(root: string): { areas: Map<string, SnapshotArea> } {
  const geo = JSON.parse(readText(path.join(root, 'geography/geo-metadata.json'))) as Record<
    string,
    GeoMetaEntry
  >;
  const list = JSON.parse(readText(path.join(root, 'geography/areas-list.json'))) as {
    areacd: string[];
    start: Record<string, number>;
    end: Record<string, number>;
  };
  const startEnd = new Map<string, { start?: number; end?: number }>();
  list.areacd.forEach((code, i) => {
    const start = list.start[String(i)];
    const end = list.end[String(i)];
    if (start !== undefined || end !== undefined) startEnd.set(code, { start, end });
  });
  const areas = new Map<string, SnapshotArea>();
  for (const entry of Object.values(geo)) {
    const code = entry.areacd;
    let parents = [...entry.parents];
    const fixedRegion = REGION_CORRECTIONS[code];
    if (fixedRegion) parents = parents.map((p) => (p.startsWith('E12') ? fixedRegion : p));
    const { start, end } = startEnd.get(code) ?? {};
    const area: SnapshotArea = { code, name: entry.areanm, level: levelFromCode(code), parents };
    if (start !== undefined) area.start = start;
    if (end !== undefined) area.end = end;
    if (SUCCESSORS[code]) area.successor = SUCCESSORS[code];
    // A retired code with a different footprint: still queryable by code, ranked nowhere, and
    // never offered for a place name (it has an end year).
    const changed = BOUNDARY_CHANGES.find((b) => b.from === code);
    if (changed) area.end ??= changed.year - 1;
    const current = area.end === undefined;
    if (current && isLowerTierCode(code)) area.lowerTier = true;
    if (current && isUpperTierCode(code)) area.upperTier = true;
    areas.set(code, area);
  }
  return { areas };
}

function readPopulation(root: string): {
  population: Record<string, Record<number, number>>;
  names: Map<string, string>;
} {
  const records: Record<string, string>[] = parse(
    fs.readFileSync(path.join(root, 'population/population-count.csv')),
    {
      bom: true,
      columns: true,
      skip_empty_lines: true,
    },
  );
  const population: Record<string, Record<number, number>> = {};
  const names = new Map<string, string>();
  for (const r of records) {
    const code = SUCCESSORS[r.areacd] ?? r.areacd;
    population[code] ??= {};
    population[code][Number(r.year)] = Number(r.population);
    names.set(code, r.areanm);
  }
  return { population, names };
}

function populationIndicator(
  root: string,
  population: Record<string, Record<number, number>>,
): IndicatorMeta {
  const meta = JSON.parse(readText(path.join(root, 'population/population-indicators.json')))[
    'ess-beta-metadata'
  ];
  const shared = meta?.shared ?? {};
  const own = meta?.['Population count'] ?? {};
  const years = new Set<number>();
  for (const byYear of Object.values(population)) for (const y of Object.keys(byYear)) years.add(Number(y));
  const periods = [...years].sort((a, b) => a - b).map(populationPeriod);
  return {
    id: 'population',
    csvName: 'Population count',
    dataset: 'population-indicators',
    label: own.label ?? 'Population count',
    subtitle: own.subtitle ?? 'Mid-year estimate of the total number of people',
    description: own.longDescription ?? 'Mid-year population estimates',
    caveats: own.caveats ?? null,
    measure: 'Count',
    unit: 'people',
    prefix: '',
    suffix: '',
    decimalPlaces: 0,
    sourceOrg: joinOrgs(shared.sourceOrg ?? 'Office for National Statistics'),
    sourceUrl: (shared.sourceURL ?? '').split('|')[0],
    sourceDate: latestSourceDate(shared.sourceDate ?? '26/09/2025'),
    experimental: false,
    polarity: 'neutral',
    polarityNote: 'a count of people',
    levels: [],
    periods,
    hasCi: false,
    provenance: ['ONS mid-year population estimates (ELS app, population-count.json)'],
  };
}

export function populationPeriod(year: number): PeriodInfo {
  return { id: `${year}-06-30`, start: `${year}-06-30`, duration: '', year, label: `mid-${year}` };
}

export function buildSnapshot(
  root: string,
  builtAt = new Date().toISOString(),
): { snapshot: Snapshot; report: BuildReport } {
  const report: BuildReport = {
    builtAt,
    sourceRoot: root,
    datasets: [],
    rejected: [],
    excluded: [],
    duplicates: [],
    mappedItl1: [],
    successorMerges: [],
    keptApart: [],
    obsoleteCodes: {},
    unknownPeriods: [],
    failures: [],
  };
  const { areas } = buildAreas(root);
  const accs = new Map<string, IndicatorAccumulator>();
  const metaFor = new Map<string, ReturnType<typeof parseDatasetMetadata>>();
  const dataNames = new Map<string, string>();
  let files = 0;

  const elsDir = path.join(root, 'els');
  for (const dataset of fs.readdirSync(elsDir).sort()) {
    const dir = path.join(elsDir, dataset);
    for (const name of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .sort()) {
      const file = `els/${dataset}/${name}`;
      files++;
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      if (BELOW_LA_DATASETS.has(dataset)) {
        const rows = text.split(/\r?\n/).filter(Boolean).length - 1;
        report.excluded.push({
          file,
          rows,
          reason: 'small-area (data zone / super output area) GVA: below local-authority level',
        });
        continue;
      }
      const jsonPath = path.join(dir, name.replace(/\.csv$/, '.json'));
      const meta = parseDatasetMetadata(fs.existsSync(jsonPath) ? fs.readFileSync(jsonPath, 'utf8') : '{}');
      const { rows, rejected } = parseDatasetCsv(text, file);
      report.rejected.push(...rejected);
      const total = rows.length + rejected.length;
      const indicators = new Set<string>();
      let ambiguous = 0;
      for (const row of rows) {
        if (row.areacd === 'na') {
          // foreign-direct-investment uses the literal code "na" for three different Scottish city regions.
          ambiguous++;
          continue;
        }
        indicators.add(row.indicator);
        addRow(accs, metaFor, meta, dataset, file, row, report, dataNames);
      }
      if (ambiguous > 0)
        report.excluded.push({
          file,
          rows: ambiguous,
          reason: 'area code "na" names several different areas',
        });
      report.datasets.push({
        dataset,
        file,
        rows: total,
        rejected: rejected.length,
        indicators: [...indicators],
      });
      if (total === 0 || rejected.length / Math.max(total, 1) > MAX_REJECTED_SHARE) {
        report.failures.push(
          `${file}: ${rejected.length} of ${total} rows could not be read (limit ${MAX_REJECTED_SHARE * 100}%)`,
        );
      }
    }
  }

  // Codes the data itself calls obsolete are retired: ranked nowhere, offered for no place name.
  for (const [code, since] of Object.entries(report.obsoleteCodes)) {
    const area = areas.get(code);
    if (!area || area.end !== undefined) continue;
    area.end = since - 1;
    delete area.lowerTier;
    delete area.upperTier;
  }

  // Areas that appear in the data but not in the hierarchy (ITL2/3, police force areas, merged areas...):
  // queryable by code, never offered by the resolver.
  for (const [code, name] of dataNames) {
    if (!areas.has(code) && !ITL1_TO_GSS[code] && code !== 'na') {
      areas.set(code, {
        code,
        name,
        level: levelFromCode(code) === 'other' ? 'other' : levelFromCode(code),
        parents: [],
      });
    }
  }

  const { population, names: popNames } = readPopulation(root);
  for (const [code, name] of popNames) {
    if (!areas.has(code)) areas.set(code, { code, name, level: levelFromCode(code), parents: [] });
  }

  const indicators: IndicatorMeta[] = [];
  const series: Record<string, SnapshotSeries> = {};
  for (const acc of accs.values()) {
    mergeSuccessors(acc, report);
    countKeptApart(acc, report);
    const raw = metaFor.get(`${acc.csvName}\u0000${acc.dataset}`)?.forIndicator(acc.csvName) ?? {};
    const built = finishIndicator(acc, raw, areas);
    if (indicators.some((i) => i.id === built.meta.id))
      built.meta.id = `${built.meta.id}-${slugify(acc.dataset)}`;
    indicators.push(built.meta);
    series[built.meta.id] = built.series;
    if (acc.itl1Rows > 0) report.mappedItl1.push({ indicator: built.meta.id, rows: acc.itl1Rows });
  }
  const popMeta = populationIndicator(root, population);
  popMeta.levels = levelsOf(Object.keys(population));
  indicators.push(popMeta);
  series.population = populationSeries(population, popMeta.periods);
  indicators.sort((a, b) => a.label.localeCompare(b.label));

  const similar = JSON.parse(readText(path.join(root, 'geography/areas-similar.json')));
  const clustersDoc = JSON.parse(readText(path.join(root, 'geography/areas-clusters.json')));
  const snapshot: Snapshot = {
    version: 1,
    builtAt,
    source: { root: 'ons', files, licence: 'Open Government Licence v3.0', attribution: ATTRIBUTION },
    areas: [...areas.values()].sort((a, b) => a.code.localeCompare(b.code)),
    similar,
    clusters: clustersDoc.lookup,
    indicators,
    series,
    population,
  };
  return { snapshot, report };
}

function addRow(
  accs: Map<string, IndicatorAccumulator>,
  metaFor: Map<string, ReturnType<typeof parseDatasetMetadata>>,
  meta: ReturnType<typeof parseDatasetMetadata>,
  dataset: string,
  file: string,
  row: TidyRow,
  report: BuildReport,
  dataNames: Map<string, string>,
): void {
  const key = `${row.indicator}\u0000${dataset}`;
  let acc = accs.get(key);
  if (!acc) {
    acc = {
      csvName: row.indicator,
      dataset,
      file,
      units: new Map(),
      measures: new Map(),
      periods: new Map(),
      obs: new Map(),
      viaItl1: new Set(),
      itl1Rows: 0,
      names: new Map(),
      hasCi: false,
    };
    accs.set(key, acc);
    metaFor.set(key, meta);
  }
  const period = parsePeriod(row.period);
  if (!period) {
    report.unknownPeriods.push({ file, line: row.line, reason: `unrecognised period "${row.period}"` });
    return;
  }
  acc.periods.set(period.id, period);
  count(acc.units, row.unit);
  count(acc.measures, row.measure);
  if (row.lci !== null || row.uci !== null) acc.hasCi = true;
  dataNames.set(row.areacd, row.areanm);
  const obsolete = /obsolete code since (\d{4})/i.exec(row.notes);
  if (obsolete) report.obsoleteCodes[row.areacd] = Number(obsolete[1]);

  const mapped = ITL1_TO_GSS[row.areacd];
  const area = mapped ?? row.areacd;
  const slot = `${area}\u0000${period.id}`;
  const byPeriod = getOrCreate(acc.obs, area, () => new Map<string, Observation>());
  // A published value the publisher's note calls unreliable (small survey samples) keeps its value and
  // gets ONS's low-reliability code, so every answer can say so and no comparison leans on it.
  const unreliable = !row.status && row.observation !== null && /\bunreliable\b/i.test(row.notes);
  const observation: Observation = {
    value: row.observation,
    lci: row.lci,
    uci: row.uci,
    status: unreliable ? 'u' : row.status,
  };
  const existing = byPeriod.get(period.id);
  if (mapped) {
    // An ITL1 row only stands in for a region that has no row of its own.
    if (existing && !acc.viaItl1.has(slot)) {
      noteDuplicate(report, acc, area, period.id, existing, observation, row);
      return;
    }
    acc.itl1Rows++;
    acc.viaItl1.add(slot);
    byPeriod.set(period.id, observation);
    return;
  }
  if (existing && !acc.viaItl1.has(slot)) {
    noteDuplicate(report, acc, area, period.id, existing, observation, row);
    return;
  }
  if (existing && acc.viaItl1.has(slot)) {
    acc.viaItl1.delete(slot);
    acc.itl1Rows--;
    noteDuplicate(report, acc, area, period.id, observation, existing, row);
  }
  byPeriod.set(period.id, observation);
}

function noteDuplicate(
  report: BuildReport,
  acc: IndicatorAccumulator,
  area: string,
  period: string,
  kept: Observation,
  other: Observation,
  row: TidyRow,
): void {
  // Identical repeats (culture engagement's E47 rows twice, GDHI's E12 and TLJ) are expected; only
  // disagreements are worth a line in the report.
  if (kept.value === other.value) return;
  if (
    kept.value !== null &&
    other.value !== null &&
    Math.abs(kept.value - other.value) <= 1e-9 * Math.abs(kept.value)
  )
    return;
  report.duplicates.push({
    indicator: acc.csvName,
    area,
    period,
    kept: kept.value,
    other: other.value,
    line: row.line,
    file: acc.file,
  });
}

function countKeptApart(acc: IndicatorAccumulator, report: BuildReport): void {
  for (const change of BOUNDARY_CHANGES) {
    const values = [...(acc.obs.get(change.from)?.values() ?? [])].filter((o) => o.value !== null).length;
    if (values === 0) continue;
    const entry = report.keptApart.find((k) => k.from === change.from);
    if (entry) entry.values += values;
    else
      report.keptApart.push({
        from: change.from,
        to: change.to,
        year: change.year,
        values,
        reason: `boundary changed in ${change.year}: ${change.why}`,
      });
  }
}

function mergeSuccessors(acc: IndicatorAccumulator, report: BuildReport): void {
  for (const [from, { to, reason }] of Object.entries(SUCCESSOR_MERGES)) {
    const old = acc.obs.get(from);
    if (!old) continue;
    const target = getOrCreate(acc.obs, to, () => new Map<string, Observation>());
    let moved = 0;
    for (const [period, obs] of old) {
      if (!target.has(period) || target.get(period)?.value === null) {
        target.set(period, obs);
        moved++;
      }
    }
    acc.obs.delete(from);
    if (moved > 0) {
      const entry = report.successorMerges.find((m) => m.from === from);
      if (entry) entry.values += moved;
      else report.successorMerges.push({ from, to, values: moved, reason });
    }
  }
}

function levelsOf(codes: string[]): AreaLevel[] {
  return [...new Set(codes.map(levelFromCode))].filter((l) => l !== 'other').sort();
}

function finishIndicator(
  acc: IndicatorAccumulator,
  raw: ReturnType<ReturnType<typeof parseDatasetMetadata>['forIndicator']> & object,
  areas: Map<string, SnapshotArea>,
): { meta: IndicatorMeta; series: SnapshotSeries } {
  const periods = [...acc.periods.values()].sort(comparePeriods);
  const index = new Map(periods.map((p, i) => [p.id, i]));
  const values: Record<string, (number | null)[]> = {};
  const lci: Record<string, (number | null)[]> = {};
  const uci: Record<string, (number | null)[]> = {};
  const status: Record<string, Record<number, string>> = {};
  for (const [area, byPeriod] of acc.obs) {
    const v: (number | null)[] = new Array(periods.length).fill(null);
    const lo: (number | null)[] = new Array(periods.length).fill(null);
    const hi: (number | null)[] = new Array(periods.length).fill(null);
    for (const [pid, obs] of byPeriod) {
      const i = index.get(pid)!;
      v[i] = obs.value;
      lo[i] = obs.lci;
      hi[i] = obs.uci;
      if (obs.status) {
        status[area] ??= {};
        status[area][i] = obs.status;
      }
    }
    values[area] = v;
    if (acc.hasCi) {
      lci[area] = lo;
      uci[area] = hi;
    }
  }
  const label = (raw.label ?? acc.csvName).trim();
  const { polarity, note } = judgePolarity(acc.csvName);
  const unitCol = mostCommon(acc.units);
  const prefix = decodePrefix(raw.prefix) || (unitCol === '£' ? '£' : '');
  // A JSON suffix wins; otherwise "%" only for plain percentages (the affordability ratio's CSV says
  // "%" but its metadata calls it a ratio, via subText).
  const suffix = typeof raw.suffix === 'string' ? raw.suffix : !raw.subText && unitCol === '%' ? '%' : '';
  const provenance: string[] = [];
  if (acc.itl1Rows > 0)
    provenance.push(
      'Regions and nations from ITL1 rows (e.g. TLJ South East), mapped to their E12/nation codes',
    );
  const meta: IndicatorMeta = {
    id: slugify(label),
    csvName: acc.csvName,
    dataset: acc.dataset,
    label: label.charAt(0).toUpperCase() + label.slice(1),
    subtitle: raw.subtitle ?? '',
    description: raw.longDescription ?? '',
    caveats: raw.caveats ?? null,
    measure: mostCommon(acc.measures),
    unit: raw.subText ?? unitCol,
    prefix,
    suffix,
    decimalPlaces: typeof raw.decimalPlaces === 'number' ? raw.decimalPlaces : 1,
    sourceOrg: joinOrgs(raw.sourceOrg) || 'Office for National Statistics',
    sourceUrl: (raw.sourceURL ?? '').split('|')[0],
    sourceDate: latestSourceDate(raw.sourceDate),
    experimental: raw.experimentalStatistic === 'T',
    polarity,
    polarityNote: note,
    levels: levelsOf([...acc.obs.keys()].filter((c) => areas.has(c))),
    periods,
    hasCi: acc.hasCi,
    provenance,
  };
  const out: SnapshotSeries = { values };
  if (acc.hasCi) {
    out.lci = lci;
    out.uci = uci;
  }
  if (Object.keys(status).length > 0) out.status = status;
  return { meta, series: out };
}

function populationSeries(
  population: Record<string, Record<number, number>>,
  periods: PeriodInfo[],
): SnapshotSeries {
  const values: Record<string, (number | null)[]> = {};
  for (const [code, byYear] of Object.entries(population)) {
    values[code] = periods.map((p) => byYear[p.year] ?? null);
  }
  return { values };
}
