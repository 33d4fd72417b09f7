import type ExcelJS from 'exceljs';
import type { Answer } from '../answers/types';
import { answerTable, type Row } from './csv';

// "Download XLSX": the same table as the CSV (values as published, unrounded, as numbers a spreadsheet can
// sum), one sheet per theme for a profile, and an "About" sheet with the sources, release dates, the
// answer's notes and the Open Government Licence attribution, so a workbook forwarded on its own still
// says where each figure came from.

const LICENCE =
  'Contains public sector information licensed under the Open Government Licence v3.0 (https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/).';

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
function sheetName(text: string): string {
  const clean = text.replace(/[[\]:*?/\\]/g, ' ').trim();
  return (clean.charAt(0).toUpperCase() + clean.slice(1)).slice(0, 31);
}

function addTable(book: ExcelJS.Workbook, name: string, header: string[], rows: Row[]): void {
  const sheet = book.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  // Text that looks like a formula is kept as text (ExcelJS writes strings as strings, never formulas).
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((col, i) => {
    const longest = Math.max(
      header[i]?.length ?? 8,
      ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length),
    );
    col.width = Math.min(60, Math.max(8, longest + 2));
  });
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

export async function answerXlsx(answer: Answer): Promise<Buffer | null> {
  const table = answerTable(answer);
  if (!table) return null;
  // ExcelJS takes about 0.4 s to load: only when someone asks for a workbook, never at start-up.
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'Northstat';
  if (answer.kind === 'profile') {
    // One sheet per theme, in the order the profile shows them.
    const idCol = table.header.indexOf('indicator_id');
    for (const t of answer.themes) {
      const ids = new Set(t.items.map((i) => i.indicator.id));
      addTable(
        book,
        t.theme,
        table.header,
        table.rows.filter((r) => ids.has(String(r[idCol]))),
      );
    }
  } else {
    addTable(book, 'Data', table.header, table.rows);
  }
  const about = book.addWorksheet('About');
  about.getColumn(1).width = 120;
  const lines = [
    'Northstat: official UK local statistics (ONS Explore Local Statistics).',
    'Values are as published, unrounded; the unit column gives each value its unit.',
    '',
    'Sources:',
    ...sourcesOf(table.header, table.rows),
    '',
    ...('notes' in answer && answer.notes.length > 0 ? ['Notes:', ...answer.notes, ''] : []),
    LICENCE,
  ];
  for (const line of lines) about.addRow([line]);
  about.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
