import fs from 'node:fs';
import path from 'node:path';
import { loadCore } from '../../src/data/core';
import { ITL1_TO_GSS } from '../../src/data/levels';
import { parsePeriod } from '../../src/data/periods';
import { onsDir, describeOns } from '../independent/oracle/data';

// Re-verifies the snapshot against ../shared/ons/checks.txt: every spot value with its file and line.
// The raw data is found as the independent check finds it (NORTHSTAT_ONS_DIR, else ../shared/ons beside
// the clone, else /work/shared/ons); without it the suite is skipped and says where it looked.

describeOns('snapshot against checks.txt', () => {
  const core = loadCore();
  const checks = path.join(onsDir(), 'checks.txt');
  const text = fs.readFileSync(checks, 'utf8');
  const rows = [...text.matchAll(/row: (.+)/g)].map((m) => m[1]).filter((r) => /^(E|K|TL|W|S|N)\w*,/.test(r));
  it('has spot rows to check', () => expect(rows.length).toBeGreaterThanOrEqual(10));
  it.each(rows.map((r) => [r]))('%s', (row) => {
    const cells = row.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    // population/population-count.csv rows: areacd,areanm,level,year,population.
    if (cells.length === 5 || (cells.length === 6 && cells[5] === '')) {
      const [code, , , year, persons] = cells;
      expect(core.populationOf(code, Number(year))).toBe(Number(persons));
      return;
    }
    // gdp-per-head's own layout: observation 5th, period (a bare year) 8th.
    const gdpLayout = parsePeriod(cells[4]) === null;
    const [code, , , indicator] = cells;
    const period = gdpLayout ? cells[7] : cells[4];
    const observation = gdpLayout ? cells[4] : cells[5];
    const ind = core.indicators.find((i) => i.csvName === indicator);
    expect(ind).toBeDefined();
    if (!ind) return;
    const p = parsePeriod(period)!;
    const f = core.value(ind.id, ITL1_TO_GSS[code] ?? code, p.year);
    expect(f.value).toBe(Number(observation));
  });
});
