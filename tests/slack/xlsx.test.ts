import ExcelJS from 'exceljs';
import { ask } from '../../src/answers/ask';
import { loadCore } from '../../src/data/core';
import { answerTable } from '../../src/slack/csv';
import { answerXlsx } from '../../src/slack/xlsx';

// The XLSX download holds exactly the CSV's table (values as published, numbers as numbers), one sheet per
// theme for a profile, and an About sheet with sources, notes and the licence. Read back with ExcelJS.

const core = loadCore();

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe('XLSX downloads', () => {
  it.each([
    '/compare leeds vs reading on productivity',
    '/trend pay for leeds, manchester since 2015',
    '/rank pay change since 2015 among northern cities',
    '/scatter productivity vs skills among local authorities',
    'how many northern cities are above the england average for employment?',
  ])('%s: the Data sheet is the CSV table, cell for cell', async (q) => {
    const answer = ask(q, core);
    const table = answerTable(answer)!;
    const book = await read((await answerXlsx(answer, core))!);
    const rows = sheetRows(book.getWorksheet('Data')!);
    expect(rows[0]).toEqual(table.header);
    expect(rows).toHaveLength(table.rows.length + 1);
    table.rows.forEach((r, i) => {
      // ExcelJS leaves trailing empty cells out of a row's values.
      const got = rows[i + 1];
      for (const [j, v] of r.entries()) expect(got[j] ?? null).toEqual(v);
    });
    const about = JSON.stringify(sheetRows(book.getWorksheet('About')!));
    expect(about).toContain('Open Government Licence v3.0');
    expect(about).toMatch(/released \d{4}-\d{2}-\d{2}/);
  });

  it('/profile wakefield: one sheet per theme, every figure of the profile, plus About', async () => {
    const answer = ask('/profile wakefield', core);
    if (answer.kind !== 'profile') throw new Error(answer.kind);
    const book = await read((await answerXlsx(answer, core))!);
    const names = book.worksheets.map((w) => w.name);
    expect(names).toEqual([
      ...answer.themes.map((t) => t.theme.charAt(0).toUpperCase() + t.theme.slice(1)),
      'Time series',
      'About',
    ]);
    let figures = 0;
    for (const t of answer.themes) {
      const rows = sheetRows(book.getWorksheet(t.theme.charAt(0).toUpperCase() + t.theme.slice(1))!).slice(1);
      expect(rows).toHaveLength(t.items.length);
      for (const item of t.items) {
        const row = rows.find((r) => r[2] === item.indicator.id)!;
        expect(row[5] ?? null).toBe(item.figure.value);
        figures++;
      }
    }
    expect(figures).toBeGreaterThan(40);
  });

  it('answers without figures have no workbook', async () => {
    expect(await answerXlsx(ask('help', core), core)).toBeNull();
  });
});
