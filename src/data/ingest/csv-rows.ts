import { parse } from 'csv-parse/sync';

// Reads one ELS dataset CSV into tidy rows. Columns are found by (case-insensitive) name because
// the files disagree on order and spelling (gdp-per-head is capitalised with the observation 5th,
// personal-wellbeing puts measure before observation, one file repeats `notes`).

export interface TidyRow {
  /** Physical line in the file (header = 1), for the build report. */
  line: number;
  areacd: string;
  areanm: string;
  geography: string;
  indicator: string;
  period: string;
  observation: number | null;
  measure: string;
  unit: string;
  lci: number | null;
  uci: number | null;
  status: string;
  notes: string;
}

export interface RejectedRow {
  file: string;
  line: number;
  reason: string;
}

const COLUMN_ALIASES: Record<
  keyof Omit<TidyRow, 'line' | 'observation' | 'lci' | 'uci'> | 'observation' | 'lci' | 'uci',
  string[]
> = {
  areacd: ['areacd'],
  areanm: ['areanm'],
  geography: ['geography'],
  indicator: ['indicator'],
  period: ['period'],
  observation: ['observation'],
  measure: ['measure'],
  unit: ['unit'],
  lci: ['lci_95', 'lower confidence interval (95%)'],
  uci: ['uci_95', 'upper confidence interval (95%)'],
  status: ['status', 'observation status'],
  notes: ['notes'],
};

const REQUIRED = ['areacd', 'indicator', 'period', 'observation'] as const;

/** Parses a number as ONS writes it ("41.47", "-3", "3.60E-05"); "" is missing; anything else is an error. */
export function parseObservation(text: string): number | null | 'invalid' {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return 'invalid';
  // Confidence limits carry float noise (562.7343559999999): 12 significant digits keep every real digit.
  return Number(n.toPrecision(12));
}

export function parseDatasetCsv(
  text: string,
  file: string,
): { rows: TidyRow[]; rejected: RejectedRow[]; columns: string[] } {
  const records: string[][] = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
  const rejected: RejectedRow[] = [];
  if (records.length === 0)
    return { rows: [], rejected: [{ file, line: 1, reason: 'empty file' }], columns: [] };
  const header = records[0].map((h) => h.trim().toLowerCase());
  const index: Partial<Record<keyof typeof COLUMN_ALIASES, number>> = {};
  for (const [key, aliases] of Object.entries(COLUMN_ALIASES) as [keyof typeof COLUMN_ALIASES, string[]][]) {
    // First occurrence wins: the duplicated `notes` header's second copy is always empty.
    const i = header.findIndex((h) => aliases.includes(h));
    if (i >= 0) index[key] = i;
  }
  const missing = REQUIRED.filter((k) => index[k] === undefined);
  if (missing.length > 0) {
    return {
      rows: [],
      rejected: [{ file, line: 1, reason: `missing column(s): ${missing.join(', ')}` }],
      columns: header,
    };
  }
  const get = (rec: string[], key: keyof typeof COLUMN_ALIASES): string => {
    const i = index[key];
    return i === undefined ? '' : (rec[i] ?? '').trim();
  };
  const rows: TidyRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const rec = records[r];
    const line = r + 1; // no field contains a newline, so record r is physical line r + 1
    if (rec.length !== header.length) {
      rejected.push({ file, line, reason: `expected ${header.length} fields, found ${rec.length}` });
      continue;
    }
    const observation = parseObservation(get(rec, 'observation'));
    const lci = parseObservation(get(rec, 'lci'));
    const uci = parseObservation(get(rec, 'uci'));
    if (observation === 'invalid' || lci === 'invalid' || uci === 'invalid') {
      rejected.push({ file, line, reason: `not a number: "${get(rec, 'observation')}"` });
      continue;
    }
    const areacd = get(rec, 'areacd');
    if (areacd === '' || get(rec, 'period') === '' || get(rec, 'indicator') === '') {
      rejected.push({ file, line, reason: 'empty area code, indicator or period' });
      continue;
    }
    rows.push({
      line,
      areacd,
      areanm: get(rec, 'areanm'),
      geography: get(rec, 'geography'),
      indicator: get(rec, 'indicator'),
      period: get(rec, 'period'),
      observation,
      measure: get(rec, 'measure'),
      unit: get(rec, 'unit'),
      lci,
      uci,
      status: get(rec, 'status'),
      notes: get(rec, 'notes'),
    });
  }
  return { rows, rejected, columns: header };
}
