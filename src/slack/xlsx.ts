import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { profileSeries } from '../answers/engine';
import type { StatsCore } from '../data/stats';
import type { Answer, ProfileAnswer } from '../answers/types';
import {
  LICENCE,
  pointText,
  profileRow,
  profileSources,
  sourceText,
  themeTitle,
} from '../exports/profile-parts';
import { answerTable, FIGURE_COLUMNS, type Row } from './csv';

// "Download XLSX": the same table as the CSV (values as published, unrounded, as numbers a spreadsheet can
// sum), one sheet per theme for a profile, and an "About" sheet with the sources, release dates, the
// answer's notes and the Open Government Licence attribution, so a workbook forwarded on its own still
// says where each figure came from.

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
function sheetName(text: string): string {
  const clean = text.replace(/[[\]:*?/\\]/g, ' ').trim();
  return (clean.charAt(0).toUpperCase() + clean.slice(1)).slice(0, 31);
}

/** Columns a profile sheet adds to the CSV table: each figure and comparison as the answer words it. */
const PROFILE_TEXT_HEADER = ['as_shown', 'vs_south_east', 'vs_england', 'trend'];

const SERIES_HEADER = [...FIGURE_COLUMNS, 'as_shown', 'source', 'released'];

/** Every held period of every profile indicator for the place, the South East and England. */
function seriesRows(answer: ProfileAnswer, core: StatsCore): Row[] {
  const rows: Row[] = [];
  for (const t of answer.themes)
    for (const item of t.items)
      for (const s of profileSeries(core, answer.area.code, item.indicator.id))
        for (const p of s.points)
          rows.push([
            s.area,
            s.areaName,
            item.indicator.id,
            item.indicator.label,
            p.period.label,
            p.value,
            item.indicator.unitLabel,
            p.lci,
            p.uci,
            p.value === null ? pointText(p, item) : null,
            pointText(p, item),
            item.source.org,
            item.source.releaseDate,
          ]);
  return rows;
}

type Book = ExcelJS.stream.xlsx.WorkbookWriter;

/**
 * One sheet, written row by row and committed (ExcelJS's streaming writer): a profile's time series is
 * thousands of rows, and building the whole workbook in memory first cost 150 MB of heap a workbook.
 */
function addTable(book: Book, name: string, header: string[], rows: Row[]): void {
  const sheet = book.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  // Column widths must be set before rows are committed: from the header and the first 200 rows.
  sheet.columns = header.map((h, i) => ({
    width: Math.min(
      60,
      Math.max(8, Math.max(h.length, ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length)) + 2),
    ),
  }));
  const top = sheet.addRow(header);
  top.font = { bold: true };
  top.commit();
  // Text that looks like a formula is kept as text (ExcelJS writes strings as strings, never formulas).
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
}

/** Distinct "organisation, released date" pairs named in the table. */
function sourcesOf(header: string[], rows: Row[]): string[] {
  const at = (name: string) => header.indexOf(name);
  const out = new Set<string>();
  const src = at('source');
  const rel = at('released');
  for (const r of rows) {
    if (src >= 0 && r[src]) out.add(`${r[src]}${rel >= 0 && r[rel] ? `, released ${r[rel]}` : ''}`);
    for (const col of ['x_source', 'y_source']) if (at(col) >= 0 && r[at(col)]) out.add(String(r[at(col)]));
  }
  return [...out];
}

/** The answer's workbook; `core` supplies a profile's time series (not carried in the answer). */
export async function answerXlsx(answer: Answer, core: StatsCore): Promise<Buffer | null> {
  const table = answerTable(answer);
  if (!table) return null;
  // ExcelJS takes about 0.4 s to load: only when someone asks for a workbook, never at start-up.
  const { default: Excel } = await import('exceljs');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new Excel.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  book.creator = 'Northstat';
  if (answer.kind === 'profile') {
    // One sheet per theme, in the order the profile shows them.
    const idCol = table.header.indexOf('indicator_id');
    for (const t of answer.themes) {
      const words = new Map(t.items.map((i) => [i.indicator.id, profileRow(i)]));
      const rows = table.rows.flatMap((r) => {
        const w = words.get(String(r[idCol]));
        return w ? [[...r, w.value, w.vsSouthEast, w.vsEngland, w.trend]] : [];
      });
      addTable(book, themeTitle(t.theme), [...table.header, ...PROFILE_TEXT_HEADER], rows);
    }
    addTable(book, 'Time series', SERIES_HEADER, seriesRows(answer, core));
  } else {
    addTable(book, 'Data', table.header, table.rows);
  }
  const about = book.addWorksheet('About');
  about.columns = [{ width: 120 }];
  const lines = [
    'Northstat: official UK local statistics (ONS Explore Local Statistics).',
    'Values are as published, unrounded; the unit column gives each value its unit.',
    '',
    'Sources:',
    ...(answer.kind === 'profile'
      ? profileSources(answer).map(sourceText)
      : sourcesOf(table.header, table.rows)),
    '',
    ...('notes' in answer && answer.notes.length > 0 ? ['Notes:', ...answer.notes, ''] : []),
    LICENCE,
  ];
  for (const [n, line] of lines.entries()) {
    const row = about.addRow([line]);
    if (n === 0) row.font = { bold: true };
    row.commit();
  }
  about.commit();
  await book.commit();
  return Buffer.concat(chunks);
}
