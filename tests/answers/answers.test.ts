import { ask } from '../../src/answers/ask';
import { chartInputFor } from '../../src/answers/chart-input';
import { formatChange, formatMaybe, formatValue, ordinal } from '../../src/format/number';
import { COMMANDS } from '../../src/answers/commands';
import { renderText } from '../../src/answers/render-text';
import { decodeSpec, encodeSpec, replay, specOf } from '../../src/answers/replay';
import { groupCodes } from '../../src/answers/group-codes';
import { loadCore } from '../../src/data/core';
import { answerCsv, csvFilename } from '../../src/slack/csv';

const core = loadCore();

describe('en-GB formatting', () => {
  const money = { prefix: '£', suffix: '', decimalPlaces: 0 };
  it('formats with thousands separators, £ and % and the metadata’s decimals', () => {
    expect(formatValue(28187, money)).toBe('£28,187');
    expect(formatValue(41.47, { ...money, decimalPlaces: 1 })).toBe('£41.5');
    expect(formatValue(73.25, { prefix: '', suffix: '%', decimalPlaces: 1 })).toBe('73.3%');
    expect(formatMaybe(null, money)).toBe('no data');
    expect(formatChange(-7092.48, money)).toBe('-£7,092');
    expect(formatChange(2, { prefix: '', suffix: '%', decimalPlaces: 1 })).toBe('+2.0 percentage points');
    expect(ordinal(1)).toBe('1st');
    expect(ordinal(12)).toBe('12th');
    expect(ordinal(22)).toBe('22nd');
    expect(ordinal(113)).toBe('113th');
  });
});

describe('answers in words', () => {
  it('stats: value, period, position, the South East and England, and the source', () => {
    const text = renderText(ask('/stats leeds productivity', core));
    expect(text).toContain('Gross value added per hour worked, 2023: £41.5');
    expect(text).toMatch(/\d+(st|nd|rd|th) of 296 local authorities in England/);
    expect(text).toContain('£3.8 (8.3%) below South East (£45.2), worse');
    expect(text).toContain('£0.9 (2.2%) below England (£42.4), worse');
    expect(text).toContain(
      'Source: Office for National Statistics, Gross value added (productivity), released 19 Jun 2025; period 2023',
    );
  });
  it('compare: every place side by side and the differences', () => {
    const text = renderText(ask('/compare leeds vs reading on pay', core));
    expect(text).toContain('Gross median weekly pay, April 2025');
    expect(text).toContain('Leeds: £611');
    expect(text).toMatch(/Reading: £\d{3}/);
    expect(text).toContain('Against Leeds:');
  });
  it('trend: first, latest, change in units, % and per year', () => {
    const a = ask('/trend pay for leeds since 2015', core);
    expect(a.kind).toBe('trend');
    const text = renderText(a);
    // No false precision: the change a year has the figure's own decimals (0 for pay).
    expect(text).toMatch(
      /Leeds: £\d{3} \(April 2015\) to £611 \(April 2025\), \+£\d+ \(\+\d+\.\d%\), about \+£\d+ a year/,
    );
  });
  it('rank: the nine regions in order', () => {
    const text = renderText(ask('/rank pay among english regions', core));
    expect(text).toContain('1st. London: £767');
    expect(text).toContain('9th. North East (North): £578');
  });
  it('gap: a derived North with its weighting stated, and how the gap moved', () => {
    const text = renderText(ask('/gap income', core));
    expect(text).toContain(
      'The North: £21,095 (derived by Northstat: mean of North East, North West and Yorkshire and The Humber weighted by ONS mid-2023 population',
    );
    expect(text).toContain('The North: £7,092 (25.2%) below South East (£28,187)');
    // Judged relative to the South East, not in cash at current prices.
    expect(text).toMatch(
      /The North: \d+\.\d% below the South East in 2014, 25\.2% below the South East in 2023 \((widened|narrowed|unchanged)\)/,
    );
  });
  it('gap: no single North figure for a median, and it says why', () => {
    const text = renderText(ask('/gap pay', core));
    expect(text).not.toContain('The North:');
    expect(text).toContain('it is a median, which cannot be averaged across regions');
  });
  it('not a UK place: not forced onto one', () => {
    // Known foreign places are named as such; unknown words get the closest UK names.
    for (const q of ['/stats paris', '/stats new south wales pay', '/stats hamilton ontario pay']) {
      const a = ask(q, core);
      expect(a.kind).toBe('clarify');
      expect(renderText(a)).toMatch(/"[^"]+" is not a UK place/);
      expect(renderText(a)).toContain('Try: /stats leeds pay');
    }
    const nonsense = ask('/stats asdf', core);
    expect(renderText(nonsense)).toMatch(/I couldn't find a UK place called "asdf"\. Did you mean /);
  });
  it('every help example answers with figures', () => {
    for (const help of COMMANDS) {
      for (const example of help.examples) {
        const a = ask(example, core);
        expect([example, a.kind]).not.toEqual([example, 'clarify']);
        expect(renderText(a)).toMatch(/Sources?:/);
      }
    }
  });
});

describe('answer specs (button values)', () => {
  it('round-trips every kind and rebuilds the same answer', () => {
    for (const q of [
      '/stats leeds pay',
      '/compare leeds vs reading on pay',
      '/trend pay for leeds since 2015',
      '/rank pay top 5',
      '/rank pay among northern core cities',
      '/gap productivity',
    ]) {
      const a = ask(q, core);
      const spec = specOf(a);
      expect(spec).not.toBeNull();
      const value = encodeSpec(spec!);
      expect(value.length).toBeLessThanOrEqual(2000);
      const again = replay(decodeSpec(value)!, core, (id) => groupCodes(id, core));
      expect(renderText(again!)).toBe(renderText(a));
    }
  });
  it('rejects tampered values', () => {
    expect(decodeSpec('not json')).toBeNull();
    expect(decodeSpec('{"k":"drop table"}')).toBeNull();
    expect(decodeSpec('{"k":"stats","a":["<!channel>"]}')).toBeNull();
  });
});

describe('charts and CSV from answers', () => {
  it('compare becomes bars with the South East and England as references', () => {
    const input = chartInputFor(ask('/compare leeds vs reading on productivity', core));
    expect(input?.kind).toBe('bars');
    if (input?.kind !== 'bars') return;
    expect(input.items.map((i) => [i.label, i.value, i.role])).toEqual([
      ['Leeds', 41.47, 'focus'], // the place the comparison is about
      ['Reading', 48.48, 'other'],
      ['South East', 45.22, 'reference'],
      ['England', 42.39, 'reference'],
    ]);
    expect(input.sourceLine).toContain(
      'Source: Office for National Statistics, Gross value added (productivity), released 19 Jun 2025',
    );
  });
  it('gap becomes lines with a shaded gap band', () => {
    const input = chartInputFor(ask('/gap productivity', core));
    expect(input?.kind).toBe('lines');
    if (input?.kind !== 'lines') return;
    expect(input.periods[0]).toBe('2014'); // the gap's own window: the last 10 periods
    expect(input.gapBand).toEqual({ upper: 'South East', lower: 'North East' });
  });
  it('CSV keeps published values, periods and sources, and defuses formulas', () => {
    const csv = answerCsv(ask('/compare leeds vs reading on productivity', core))!;
    expect(csv.split('\r\n')[0]).toBe(
      'area_code,area_name,indicator_id,indicator,period,value,unit,lower_95,upper_95,note,source,released,rank,rank_of,comparison_set',
    );
    expect(csv).toContain(
      'E08000035,Leeds,gross-value-added-per-hour-worked,Gross value added per hour worked,2023,41.47,£,,,,Office for National Statistics,2025-06-19,,,',
    );
  });
});

describe('download file names say what is inside', () => {
  it.each([
    ['/stats bradford pay', /^bradford-gross-median-weekly-pay-(april-)?\d{4}\.csv$/],
    [
      '/compare leeds vs reading on productivity',
      /^leeds-reading-gross-value-added-per-hour-worked-2023\.csv$/,
    ],
    ['/trend pay for leeds since 2015', /^leeds-gross-median-weekly-pay-time-series\.csv$/],
    ['/rank pay change since 2015 among northern cities', /^northern-cities-gross-median-weekly-pay-change-/],
    ['/profile wakefield', /^wakefield-profile\.csv$/],
  ])('%s', (q, name) => {
    expect(csvFilename(ask(q, core))).toMatch(name);
  });
});

describe('the /stats CSV carries what the answer states', () => {
  it('/stats bradford pay: Bradford with its rank and comparison set, then the South East and England', () => {
    const answer = ask('/stats bradford pay', core);
    if (answer.kind !== 'stats') throw new Error(answer.kind);
    const item = answer.items[0];
    const lines = answerCsv(answer)!.trim().split('\r\n').slice(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^E08000032,Bradford,gross-median-weekly-pay,.*,${item.figure.value},£,.*,${item.position!.position},${item.position!.of},${item.position!.groupLabel}$`,
      ),
    );
    expect(lines.map((l) => l.split(',')[0])).toEqual(['E08000032', 'E12000008', 'E92000001']);
    expect(lines[1]).toContain(`,${item.comparisons[0].toValue},£,,,comparator,`);
  });
});
