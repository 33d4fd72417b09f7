import fs from 'node:fs';
import path from 'node:path';
import { loadCore } from '../../src/data/core';
import { ITL1_TO_GSS } from '../../src/data/levels';
import { parsePeriod } from '../../src/data/periods';

// Re-verifies the snapshot against ../shared/ons/checks.txt: every spot value with its file and line.
// The shared folder is not part of the repository; without it this suite says why it is skipped.
const checks = path.resolve(__dirname, '../../../shared/ons/checks.txt');
const have = fs.existsSync(checks);
if (!have)
  console.log(
    `source-checks skipped: ${checks} not found (the snapshot is verified by tests/data/stats.test.ts alone)`,
  );

(have ? describe : describe.skip)('snapshot against checks.txt', () => {
  const core = loadCore();
  const text = have ? fs.readFileSync(checks, 'utf8') : '';
  const rows = [...text.matchAll(/row: (.+)/g)].map((m) => m[1]).filter((r) => /^(E|K|TL|W|S|N)\w*,/.test(r));
  it('has spot rows to check', () => expect(rows.length).toBeGreaterThanOrEqual(10));
  it.each(rows.map((r) => [r]))('%s', (row) => {
    const cells = row.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    // gdp-per-head's own layout: observation 5th, period (a bare year) 8th.
    const gdpLayout = parsePeriod(cells[4]) === null;
    const [code, , , indicator] = cells;
    const period = gdpLayout ? cells[7] : cells[4];
    const observation = gdpLayout ? cells[4] : cells[5];
    const ind = core.indicators.find((i) => i.csvName === indicator);
    if (!ind) return; // population and derived rows are checked in stats.test.ts
    const p = parsePeriod(period)!;
    const f = core.value(ind.id, ITL1_TO_GSS[code] ?? code, p.year);
    expect(f.value).toBe(Number(observation));
  });
});
