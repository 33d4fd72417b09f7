import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ask } from '../../src/answers/ask';
import { relativeChartInput } from '../../src/answers/chart-relative';
import { profileSeries } from '../../src/answers/engine';
import type { ProfileAnswer, ProfileItem } from '../../src/answers/types';
import { loadCore } from '../../src/data/core';
import { ENGLAND, SOUTH_EAST } from '../../src/data/geography';
import { profileDocx } from '../../src/exports/docx';
import { CARD_HEIGHT, CARD_WIDTH, profileCardPng } from '../../src/exports/profile-card';
import { formatDate, formatValue } from '../../src/format/number';
import { answerXlsx } from '../../src/slack/xlsx';

// The profile downloads read back as a reader would get them: the workbook with ExcelJS, the Word
// note unzipped (word/document.xml), the card's PNG header. Every figure of /profile wakefield must be
// there, rounded by the one formatter (src/format/number.ts), with its period.

const core = loadCore();
const answer = ask('/profile wakefield', core) as ProfileAnswer;
const items = answer.themes.flatMap((t) => t.items);

/** A figure as the one formatter rounds it; null when there is no value to round. */
const shown = (v: number | null, item: ProfileItem) => (v === null ? null : formatValue(v, item.indicator));

function valueComparisons(item: ProfileItem) {
  return item.comparisons.filter(
    (c) => c.basis === 'value' && c.toValue !== null && c.verdict !== null && c.verdict !== 'similar',
  );
}

describe('profile downloads for /profile wakefield', () => {
  beforeAll(() => {
    expect(answer.kind).toBe('profile');
    expect(items.length).toBeGreaterThan(40);
  });

  it('XLSX: every figure with its period and comparisons, the time series, sources and OGL', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await answerXlsx(answer, core)) as unknown as ArrayBuffer);
    const rowsOf = (name: string) => {
      const rows: unknown[][] = [];
      book.getWorksheet(name)!.eachRow((r) => {
        rows.push((r.values as unknown[]).slice(1));
      });
      return rows;
    };
    for (const t of answer.themes) {
      const [header, ...rows] = rowsOf(t.theme.charAt(0).toUpperCase() + t.theme.slice(1));
      const col = (name: string) => header.indexOf(name);
      for (const item of t.items) {
        const row = rows.find((r) => r[col('indicator_id')] === item.indicator.id)!;
        expect(row[col('period')]).toBe(item.figure.period!.label);
        const text = String(row[col('as_shown')]);
        const v = shown(item.figure.value, item);
        if (v) expect(text.startsWith(v)).toBe(true);
        for (const c of valueComparisons(item)) {
          const cell = String(row[col(c.to === SOUTH_EAST ? 'vs_south_east' : 'vs_england')]);
          expect(cell).toContain(`(${formatValue(c.toValue!, item.indicator)}`);
        }
      }
    }
    const [header, ...series] = rowsOf('Time series');
    const col = (name: string) => header.indexOf(name);
    let points = 0;
    for (const item of items) {
      const held = profileSeries(core, answer.area.code, item.indicator.id);
      expect(held.map((s) => s.area)).toEqual([answer.area.code, SOUTH_EAST, ENGLAND]);
      for (const s of held)
        for (const p of s.points) {
          points++;
          const row = series.find(
            (r) =>
              r[col('area_code')] === s.area &&
              r[col('indicator_id')] === item.indicator.id &&
              r[col('period')] === p.period.label,
          );
          expect(row).toBeDefined();
          expect(row![col('value')] ?? null).toBe(p.value);
          const v = shown(p.value, item);
          expect(row![col('as_shown')]).toEqual(v ?? expect.stringMatching(/^no data/));
        }
    }
    expect(series).toHaveLength(points);
    // More than one period per indicator on average: a real time series, not the latest figures again.
    expect(points).toBeGreaterThan(items.length * 3 * 2);
    const about = rowsOf('About').flat().join('\n');
    expect(about).toContain('Open Government Licence v3.0');
    for (const i of items)
      expect(about).toContain(`${i.source.dataset}, released ${formatDate(i.source.releaseDate)}`);
  });

  it('DOCX: every figure with its period in its theme table, a chart per theme with alt text, sources and OGL', async () => {
    const zip = await JSZip.loadAsync(await profileDocx(answer));
    const xml = await zip.file('word/document.xml')!.async('string');
    // One line per paragraph (each table cell is one), text runs joined.
    const lines = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
      [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((t) => t[1])
        .join('')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'"),
    );
    expect(lines[0]).toBe('Wakefield: area profile');
    for (const t of answer.themes) {
      const at = lines.indexOf(t.theme.charAt(0).toUpperCase() + t.theme.slice(1));
      expect(at).toBeGreaterThan(0);
      for (const item of t.items) {
        const row = lines.indexOf(item.indicator.label, at);
        expect(row).toBeGreaterThan(at);
        const v = shown(item.figure.value, item);
        if (v) expect(lines[row + 1].startsWith(v)).toBe(true);
        else expect(lines[row + 1]).toMatch(/^no data/);
        expect(lines[row + 2]).toBe(item.figure.period!.label);
        const cells = lines.slice(row + 3, row + 7).join('\n');
        for (const c of valueComparisons(item))
          expect(cells).toContain(`(${formatValue(c.toValue!, item.indicator)}`);
      }
    }
    const text = lines.join('\n');
    expect(text).toContain('Sources');
    for (const i of items)
      expect(text).toContain(`${i.source.dataset}, released ${formatDate(i.source.releaseDate)}`);
    expect(text).toContain('Open Government Licence v3.0');
    // One PNG per theme that has a chart, each with alt text naming its figures.
    const charts = answer.themes.filter((t) => relativeChartInput(answer.area, t.items, 'x') !== null);
    expect(charts.length).toBeGreaterThanOrEqual(answer.themes.length - 1);
    const media = Object.keys(zip.files).filter((f) => /^word\/media\/.*\.png$/.test(f));
    expect(media).toHaveLength(charts.length);
    const alts = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]+)"/g)].map((m) => m[1]);
    expect(alts).toHaveLength(charts.length);
    for (const a of alts) expect(a).toMatch(/England = 100/);
  }, 30_000);

  it('PNG card: a PNG of the stated slide size', async () => {
    const png = await profileCardPng(answer);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    expect(CARD_WIDTH / CARD_HEIGHT).toBeCloseTo(16 / 9, 2);
  });
});

describe('relativeChartInput', () => {
  it('indexes the place and the South East on England = 100, per head for totals, as the text compares them', () => {
    const withIndex = items.filter((i) => relativeChartInput(answer.area, [i], 't') !== null);
    const count = withIndex.find((i) => i.indicator.isCount)!;
    const rate = withIndex.find((i) => !i.indicator.isCount && i.indicator.prefix === '£')!;
    for (const item of [count, rate]) {
      const input = relativeChartInput(answer.area, [item], 'Title')!;
      const eng = item.comparisons.find((c) => c.to === ENGLAND)!;
      const se = item.comparisons.find((c) => c.to === SOUTH_EAST)!;
      const place = input.items.find((b) => b.role !== 'reference')!;
      const seBar = input.items.find((b) => b.label.startsWith('South East'))!;
      if (item.indicator.isCount) {
        expect(place.value).toBeCloseTo((eng.perHead!.from / eng.perHead!.to) * 100, 9);
        expect(seBar.value).toBeCloseTo((se.perHead!.to / eng.perHead!.to) * 100, 9);
      } else {
        expect(place.value).toBeCloseTo((item.figure.value! / eng.toValue!) * 100, 9);
        expect(seBar.value).toBeCloseTo((se.toValue! / eng.toValue!) * 100, 9);
        // The alt text states the figures as the text answer rounds them.
        expect(input.altText).toContain(`Wakefield ${formatValue(item.figure.value!, item.indicator)}`);
        expect(input.altText).toContain(`England ${formatValue(eng.toValue!, item.indicator)}`);
      }
      expect(input.items.find((b) => b.label === 'England')?.value).toBe(100);
      expect(input.subtitle).toContain('England = 100');
      expect(input.subtitle).toContain(item.figure.period!.label);
    }
  });

  it('is the chart of /stats headline answers and of profiles', () => {
    const { chartInputFor } = require('../../src/answers/chart-input');
    expect(chartInputFor(ask('/stats leeds', core))?.subtitle).toContain('England = 100');
    const p = chartInputFor(answer);
    expect(p?.subtitle).toContain('England = 100');
    expect(p.items.length).toBeLessThanOrEqual(11);
  });
});
