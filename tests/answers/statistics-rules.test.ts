// One test per class of the statistics audit (issue 8), on the real data, through ask() and the
// renderers a user sees: plain text (CLI and console), Block Kit, chart input, alt text and CSV.
import { ask } from '../../src/answers/ask';
import { chartInputFor } from '../../src/answers/chart-input';
import { renderText } from '../../src/answers/render-text';
import type { Answer, GapAnswer, RankAnswer, StatsAnswer } from '../../src/answers/types';
import { buildAltText } from '../../src/charts/spec';
import { loadCore } from '../../src/data/core';
import { answerMessage } from '../../src/slack/blocks/answer';
import { answerCsv } from '../../src/slack/csv';

const core = loadCore();
const text = (q: string) => renderText(ask(q, core));
const report = require('../../data/build-report.json') as {
  successorMerges: { from: string; to: string; reason: string }[];
  keptApart: { from: string; to: string[]; reason: string }[];
};

describe('1. units with multipliers travel with every figure', () => {
  it('North West exports read £68.5bn in text, Block Kit, CSV and never "£68,477"', () => {
    const a = ask('/stats north west exports', core);
    const words = renderText(a);
    expect(words).toContain('Value of UK exports, 2023: £68.5bn');
    expect(words).not.toContain('£68,477');
    expect(JSON.stringify(answerMessage(a, { isPrivate: false }).blocks)).toContain('£68.5bn');
    const csv = answerCsv(a) as string;
    expect(csv.split('\r\n')[0]).toContain(',value,unit,');
    expect(csv).toContain('68477,£ million');
  });
  it('the chart axis, labels and alt text carry the multiplier too', () => {
    const chart = chartInputFor(ask('/compare north west vs south east on exports', core));
    expect(chart?.format).toMatchObject({ multiplier: 'million', unitLabel: '£ million, current prices' });
    expect(buildAltText(chart!)).toContain('£68.5bn');
  });
});

describe('2. boundaries: a retired code is merged only where the footprint is the same', () => {
  it('Dorset UA has no values from the former county (which included Christchurch), and says so', () => {
    const a = ask('/trend net additions for dorset since 2010', core);
    if (a.kind !== 'trend') throw new Error(a.kind);
    expect(a.rows[0].points.filter((p) => p.value !== null && p.period.year < 2019)).toHaveLength(0);
    expect(renderText(a)).toContain('boundary changed in 2019');
    expect(core.value('net-additions-to-the-housing-stock-england', 'E10000009', 2015).value).not.toBeNull();
  });
  it('the build report lists each merge and each series kept apart, with its reason', () => {
    expect(report.successorMerges.map((m) => m.from).sort()).toEqual([
      'E08000016',
      'E08000019',
      'E10000023',
      'E10000027',
    ]);
    for (const m of report.successorMerges) expect(m.reason).toMatch(/same boundary|on the county boundary/);
    expect(report.keptApart.map((k) => k.from)).toContain('E10000009');
  });
});

describe('3. ranks use the comparison set the data has at that period', () => {
  it('Lancashire: 102nd of 151 upper-tier councils (Dorset counted once)', () => {
    expect(text('/stats lancashire employment')).toContain('102nd of 151 upper-tier councils in England');
  });
  it('Newcastle healthy life expectancy ranks among upper-tier councils', () => {
    expect(text('/stats newcastle healthy life expectancy')).toContain(
      '75th of 151 upper-tier councils in England',
    );
  });
  it('healthy life expectancy top 10 among local authorities ranks the 151 upper-tier councils, and says why', () => {
    const a = ask('/rank healthy life expectancy top 10 among local authorities', core) as RankAnswer;
    expect(a.total).toBe(151);
    expect(a.rows).toHaveLength(10);
    expect(a.rows[0]).toMatchObject({ areaName: 'Richmond upon Thames', value: 70.3 });
    expect(renderText(a)).toContain('published for upper-tier councils only');
    expect(a.approximate).toBe(true);
  });
  it('"1st = highest" is said once per answer', () => {
    expect(text('/stats leeds').match(/1st = highest/g)).toHaveLength(1);
  });
});

describe('4. higher/lower only where the confidence intervals allow it', () => {
  it('Reading pay £592-£741 is similar to the South East (£678), not worse', () => {
    const words = text('/stats reading pay');
    expect(words).toContain('similar to South East (£678): within the margin of error');
    expect(words).not.toMatch(/worse|better/);
  });
  it('Leeds employment 74.7% (71.0-78.4) is similar to England, lower than the South East', () => {
    const words = text('/stats leeds employment');
    expect(words).toContain('similar to England (76.0%): within the margin of error');
    expect(words).toContain('4.6 percentage points below South East (79.3%), worse');
  });
  it('the gap uses the same rule for its regions', () => {
    const a = ask('/gap pay', core) as GapAnswer;
    for (const g of a.gaps) expect(['higher', 'lower', 'similar', 'same']).toContain(g.verdict);
  });
});

describe('5. gaps over time are judged relative to the South East, from the year asked', () => {
  it('/gap pay since 2010: the North East gap narrowed from 16.4% to 14.8% below (though wider in cash)', () => {
    const a = ask('/gap pay since 2010', core) as GapAnswer;
    const ne = a.movement.find((m) => m.from === 'E12000001')!;
    expect(ne.start.label).toBe('April 2010');
    expect(ne.startRelPct).toBeCloseTo(-16.4, 1);
    expect(ne.endRelPct).toBeCloseTo(-14.8, 1);
    expect(Math.abs(ne.endGap)).toBeGreaterThan(Math.abs(ne.startGap));
    expect(ne.verdict).toBe('narrowed');
    const chart = chartInputFor(a);
    expect(chart?.kind === 'lines' && chart.periods[0]).toBe('April 2010');
    expect(renderText(a)).toContain('Money at current prices');
  });
});

describe('6. years and missing values are said, never replaced', () => {
  it('a year not held is named with the range held, and gets no buttons', () => {
    const a = ask('/stats leeds pay 2030', core);
    expect(renderText(a)).toContain(
      'Gross median weekly pay is not held for 2030: Northstat has figures from',
    );
    expect(answerMessage(a, { isPrivate: false }).blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(text('/gap income 1990')).toContain('not held for 1990');
  });
  it('withheld values are described with their status code and meaning', () => {
    expect(text('/trend claimant count for belfast since 2012')).toContain('withheld [x]: not available');
    expect(text('/trend pay for city of london since 2015')).toContain('withheld [u]: low reliability');
  });
  it('an older latest period than the comparators is said', () => {
    expect(text('/stats belfast gdp per head')).toContain(
      'no gross domestic product per head at current market prices figure for 2023 (withheld [u]: low reliability)',
    );
  });
});

describe('7. counts are compared per head, never as totals', () => {
  it('Leeds active businesses: per 1,000 residents against the South East and England', () => {
    const a = ask('/stats leeds active businesses', core) as StatsAnswer;
    for (const c of a.items[0].comparisons) expect(c.basis).toBe('per-head');
    expect(renderText(a)).toMatch(
      /\d+\.\d per 1,000 residents: lower than South East \(\d+\.\d per 1,000 residents\)/,
    );
    expect(renderText(a)).not.toContain('-398,895');
  });
});

describe('8. "the North" as one figure only where honest', () => {
  it('counts are summed', () => {
    const a = ask('/gap exports', core) as GapAnswer;
    const sum = a.rows
      .filter((r) => /^E1200000[123]$/.test(r.area))
      .reduce((s, r) => s + (r.value as number), 0);
    expect(a.north?.value).toBeCloseTo(sum, 6);
    expect(a.north?.method).toContain('sum');
  });
  it('age-standardised rates are not weighted, and the reason says so', () => {
    const a = ask('/gap preventable cardiovascular mortality', core) as GapAnswer;
    expect(a.north).toBeNull();
    expect(renderText(a)).toContain('age-standardised');
  });
  it('multi-year periods are weighted by the population of the whole period', () => {
    const a = ask('/gap homicide', core) as GapAnswer;
    expect(a.north?.method).toMatch(/mid-20\d\d to mid-20\d\d population/);
  });
  it('a median says it is a median', () => {
    expect(text('/gap pay')).toContain('it is a median');
  });
});

describe('9. wording as GSS presentation guidance asks', () => {
  const all = (q: string) => {
    const a: Answer = ask(q, core);
    return `${renderText(a)}\n${JSON.stringify(answerMessage(a, { isPrivate: false }).blocks)}`;
  };
  it('no double negatives, no "±£0 the same (better)", no false precision', () => {
    for (const q of [
      '/stats leeds pay',
      '/compare leeds vs reading on pay',
      '/gap income',
      '/stats wakefield',
    ]) {
      const words = all(q);
      expect(words).not.toMatch(/-£?[\d,.]+%?\)? ?(\([^)]*\) )?below/);
      expect(words).not.toContain('±');
    }
    expect(text('/trend pay for leeds since 2015')).toMatch(/about \+£\d+ a year/);
  });
  it('periods and dataset titles as ONS writes them', () => {
    expect(text('/stats leeds healthy life expectancy')).toContain('2022 to 2024');
    expect(text('/stats leeds gdp per head')).toContain('Office for National Statistics, GDP per head');
    expect(text('/stats north west exports')).toContain('UK exports');
    expect(text('/trend net additions for leeds since 2015')).toContain('year ending March');
  });
  it('text and chart round the same value the same way (Wakefield £36.2 in both)', () => {
    const a = ask('/rank productivity among northern cities', core);
    expect(renderText(a)).toContain('Wakefield (North): £36.2');
    expect(buildAltText(chartInputFor(a)!)).toContain('£36.2');
  });
});

describe('10. /rank top N', () => {
  it('"/rank pay top 10" ranks local authorities and shows ten', () => {
    const a = ask('/rank pay top 10', core) as RankAnswer;
    expect(a.group.label).toBe('local authorities in England');
    expect(a.rows).toHaveLength(10);
  });
  it('a group smaller than N says so', () => {
    expect(text('/rank pay top 12 among english regions')).toContain('only 9 English regions have a value');
  });
});

describe('a total population is not compared per head', () => {
  it('says the places differ in size instead of "1,000 per 1,000 residents: the same"', () => {
    const answer = ask('/stats wakefield total population', core);
    if (answer.kind !== 'stats') throw new Error(answer.kind);
    const item = answer.items[0];
    expect(item.figure.value).toBeGreaterThan(300_000);
    for (const c of item.comparisons) {
      expect(c.verdict).toBeNull();
      expect(c.notCompared).toBe('places differ in size');
    }
    const text = renderText(answer);
    expect(text).toContain('England: not compared (places differ in size)');
    expect(text).not.toContain('per 1,000 residents');
  });
});

describe('a typed year is said when its ONS period is labelled with another year', () => {
  it('"leeds obesity 2015" answers the year ending November 2016 and says how 2015 was read', () => {
    const a = ask('/stats leeds obesity 2015', core);
    if (a.kind !== 'stats') throw new Error(a.kind);
    expect(a.items[0].figure.period?.label).toBe('year ending November 2016');
    expect(a.notes).toContain('2015 read as year ending November 2016 (the ONS period that starts in 2015).');
    // A label that shows the typed year needs no note.
    const pay = ask('/stats leeds pay 2023', core);
    expect(pay.kind === 'stats' && pay.notes.some((n) => n.includes('read as'))).toBe(false);
  });
});
