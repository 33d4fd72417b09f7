import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { BELOW_LA_DATASETS, MAX_REJECTED_SHARE } from '../ingest/build-snapshot';
import { parseDatasetCsv } from '../ingest/csv-rows';
import { ITL1_TO_GSS } from '../levels';
import type { Snapshot } from '../types';

// Guards run on a changed dataset before it may replace the accepted copy. They use the build's
// own CSV reader and row-loss limit (so a file the build would reject never gets that far) and add
// what only a refresh can check: the file against the version it replaces. Each failure is one
// sentence for the refresh report.

/** A new version may have at most this share fewer rows than the one it replaces. */
export const MAX_ROW_DROP_SHARE = 0.1;
/** At most this share of rows may name area codes unknown to the geography and the previous snapshot. */
export const MAX_UNKNOWN_AREA_SHARE = 0.2;

export interface GuardContext {
  /** The previous snapshot: its indicators' measures and its area codes. */
  previous: Snapshot;
  /** Rows per CSV (els/... path) in the previous snapshot's build report. */
  previousRows: Map<string, number>;
  /** Area codes in the staged geography (geo-metadata.json). */
  geographyCodes: Set<string>;
}

function mostCommon(values: string[]): string {
  const n = new Map<string, number>();
  for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
  let best = '';
  let top = -1;
  for (const [k, c] of n) if (c > top) [best, top] = [k, c];
  return best;
}

/** Why the dataset's staged files must not be used; empty when they pass. */
export function checkDataset(root: string, dataset: string, ctx: GuardContext): string[] {
  const dir = path.join(root, 'els', dataset);
  const names = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  const reasons: string[] = [];
  if (!names.some((n) => n.endsWith('.csv'))) return ['schema: no CSV file in the dataset'];
  // The build leaves small-area datasets out (below local-authority level); it reads nothing to guard.
  if (BELOW_LA_DATASETS.has(dataset)) return [];
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    try {
      JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8').replace(/^\uFEFF/, ''));
    } catch {
      reasons.push(`schema: els/${dataset}/${name} is not valid JSON`);
    }
  }
  const known = new Set([...ctx.geographyCodes, ...ctx.previous.areas.map((a) => a.code)]);
  for (const name of names.filter((n) => n.endsWith('.csv'))) {
    const file = `els/${dataset}/${name}`;
    let parsed: ReturnType<typeof parseDatasetCsv>;
    try {
      parsed = parseDatasetCsv(fs.readFileSync(path.join(dir, name), 'utf8'), file);
    } catch (err) {
      reasons.push(`corrupt CSV: ${file} cannot be parsed (${(err as Error).message.split('\n')[0]})`);
      continue;
    }
    const { rows, rejected } = parsed;
    const total = rows.length + rejected.length;
    if (rows.length === 0 && rejected[0]?.line === 1) {
      reasons.push(`schema: ${file}: ${rejected[0].reason}`);
      continue;
    }
    if (total === 0 || rejected.length / total > MAX_REJECTED_SHARE) {
      const first = rejected[0] ? ` (first: line ${rejected[0].line}, ${rejected[0].reason})` : '';
      reasons.push(
        `row loss: ${rejected.length} of ${total} rows of ${file} cannot be read, over the ${MAX_REJECTED_SHARE * 100}% limit${first}`,
      );
    }
    const before = ctx.previousRows.get(file);
    if (before !== undefined && total < before * (1 - MAX_ROW_DROP_SHARE))
      reasons.push(
        `row loss: ${file} has ${total} rows, ${before} before (more than ${MAX_ROW_DROP_SHARE * 100}% fewer)`,
      );
    // Units: an indicator whose measure changes (Pounds -> Percentage) would make every comparison
    // with its earlier figures wrong; that needs a person, not a refresh.
    const byIndicator = new Map<string, string[]>();
    for (const r of rows) {
      const list = byIndicator.get(r.indicator) ?? [];
      list.push(r.measure);
      byIndicator.set(r.indicator, list);
    }
    for (const [indicator, measures] of byIndicator) {
      const was = ctx.previous.indicators.find((i) => i.csvName === indicator && i.dataset === dataset);
      const now = mostCommon(measures);
      if (was?.measure && now && was.measure !== now)
        reasons.push(`units: "${indicator}" measure changed from "${was.measure}" to "${now}"`);
    }
    // Boundaries: rows for codes nobody knows usually mean a new geography vintage the hierarchy
    // has not caught up with; ranking them would silently leave places out.
    const unknown = rows.filter((r) => !known.has(r.areacd) && !ITL1_TO_GSS[r.areacd] && r.areacd !== 'na');
    if (rows.length > 0 && unknown.length / rows.length > MAX_UNKNOWN_AREA_SHARE) {
      const sample = [...new Set(unknown.map((r) => r.areacd))].slice(0, 3).join(', ');
      reasons.push(
        `boundaries: ${unknown.length} of ${rows.length} rows of ${file} use area codes not in the geography (e.g. ${sample})`,
      );
    }
  }
  return reasons;
}

/** geography/ and population/ files: they must parse, and the population table must keep its shape. */
export function checkSharedGroup(root: string, group: string, previousPopulationRows?: number): string[] {
  const dir = path.join(root, group);
  const reasons: string[] = [];
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
    const file = path.join(dir, name);
    try {
      if (name.endsWith('.json')) JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      else if (name === 'population-count.csv') {
        const rows: Record<string, string>[] = parse(fs.readFileSync(file), { bom: true, columns: true });
        const missing = ['areacd', 'year', 'population'].filter((c) => rows.length > 0 && !(c in rows[0]));
        if (rows.length === 0 || missing.length > 0)
          reasons.push(`schema: ${group}/${name} lacks ${missing.join(', ') || 'rows'}`);
        else if (rows.some((r) => !Number.isFinite(Number(r.population))))
          reasons.push(`schema: ${group}/${name} has a population that is not a number`);
        else if (previousPopulationRows && rows.length < previousPopulationRows * (1 - MAX_ROW_DROP_SHARE))
          reasons.push(
            `row loss: ${group}/${name} has ${rows.length} rows, ${previousPopulationRows} before`,
          );
      }
    } catch (err) {
      reasons.push(
        `corrupt file: ${group}/${name} cannot be parsed (${(err as Error).message.split('\n')[0]})`,
      );
    }
  }
  return reasons;
}
