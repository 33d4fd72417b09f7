// The analyst phrasings quoted in issue 13, typed as a user would, through the one entry (`ask`): each
// must be read as the right analysis (kind, indicator, group, years) and its figures must equal those
// recomputed from the raw ONS CSVs by the independent oracle (tests/independent/oracle, written without
// reading src/). The structured request beside each phrasing is what the question means, written from
// the issue text; the oracle then says what the answer must show.
import { ask } from '../../src/answers/ask';
import { renderText } from '../../src/answers/render-text';
import { answerCsv } from '../../src/slack/csv';
import { loadCore } from '../../src/data/core';
import { project } from '../independent/app-analyses';
import type { AnalysisRequest } from '../independent/contract-analyses';
import { expectedAnalysis } from '../independent/oracle/analyses';
import { describeMismatches } from '../independent/oracle/compare';
import { compareAnalysis } from '../independent/oracle/compare-analyses';
import { describeOns } from '../independent/oracle/data';

const core = loadCore();

const PAY = { dataset: 'gross-median-weekly-pay', indicator: 'Gross median weekly pay' };
const EMPLOYMENT = { dataset: 'employment-rate', indicator: 'Employment rate' };
const GVA_HOUR = { dataset: 'gross-value-added', indicator: 'Gross value added per hour worked' };
const SKILLS = {
  dataset: 'qualifications-level-3-or-above',
  indicator: 'Level 3 or above qualifications (Great Britain)',
};
const LEEDS = 'E08000035';
const ENGLAND = 'E92000001';
const SOUTH_EAST = 'E12000008';

const PHRASINGS: [string, AnalysisRequest][] = [
  [
    '/rank pay change since 2015 among northern cities',
    { id: 'a', kind: 'change', ...PAY, since: 2015, group: 'northern-cities' },
  ],
  [
    'which northern city has improved most on pay since 2015',
    { id: 'b', kind: 'change', ...PAY, since: 2015, group: 'northern-cities' },
  ],
  // No places named: the English regions, said in a note (checked below).
  [
    'biggest falls in employment since 2019',
    { id: 'c', kind: 'change', ...EMPLOYMENT, since: 2019, group: 'regions' },
  ],
  ['/gap productivity for leeds', { id: 'd', kind: 'catching-up', ...GVA_HOUR, area: LEEDS }],
  [
    'is Leeds catching up with the South East on productivity?',
    { id: 'e', kind: 'catching-up', ...GVA_HOUR, area: LEEDS },
  ],
  [
    '/scatter productivity vs skills among local authorities',
    { id: 'f', kind: 'scatter', x: GVA_HOUR, y: SKILLS, group: 'local-authorities' },
  ],
  [
    'does pay go with skills in the North?',
    { id: 'g', kind: 'scatter', x: PAY, y: SKILLS, group: 'northern-local-authorities' },
  ],
  [
    'how many northern cities are above the England average for employment?',
    { id: 'h', kind: 'benchmark', ...EMPLOYMENT, group: 'northern-cities', against: ENGLAND },
  ],
  [
    'which core cities beat the South East on pay?',
    { id: 'i', kind: 'benchmark', ...PAY, group: 'core-cities', against: SOUTH_EAST },
  ],
];

describeOns('issue 13 phrasings: read as the right analysis, figures as the raw CSVs give them', () => {
  it.each(PHRASINGS)('%s', (text, req) => {
    const answer = ask(text, core);
    expect(answer.kind).toBe(req.kind);
    const facts = project(answer, req, core);
    // A "largest fall first" table lists the same rows in the opposite order to the oracle's.
    if (answer.kind === 'change' && answer.direction === 'bottom') facts.changes?.reverse();
    const mismatches = compareAnalysis(req, expectedAnalysis(req), facts);
    if (mismatches.length > 0) throw new Error(describeMismatches(req, mismatches));
  });

  it('a change with no places or no start year says which defaults it used', () => {
    const text = renderText(ask('fastest growing places for GVA per hour', core));
    expect(text).toContain('No start year was given, so this is the change over the last five years');
    expect(text).toContain('no places were given, so these are English regions');
    const last = core.indicator('gross-value-added-per-hour-worked').periods.at(-1)!.year;
    expect(text).toContain(`${last - 5} to ${last}`);
  });

  it('"the England average" is England, not a town answered through a council', () => {
    const text = renderText(
      ask('how many northern cities are above the England average for employment?', core),
    );
    expect(text).toMatch(/of 15 northern cities are above England \(\d+\.\d%\)/);
    expect(text).not.toContain('is not a council of its own');
  });

  it('a per-head figure for a council where ONS publishes only regions says so and gives the region, marked as not the place', () => {
    const text = renderText(ask('R&D per head in leeds', core));
    expect(text).toContain(
      'is published for nations, regions, the UK only, not for a metropolitan borough such as Leeds',
    );
    expect(text).toMatch(/Nearest: Yorkshire and The Humber, which contains it: £\d{3}/);
    expect(text).toContain('This is not a figure for Leeds.');
  });
});

describe('issue 13 downloads: every analyst answer has its CSV, with the figures the answer shows', () => {
  const rowsOf = (csv: string) => {
    const [head, ...lines] = csv.trim().split('\r\n');
    const cols = head.split(',');
    // No cell in these answers has a comma inside quotes except names like "Kingston upon Hull, City of".
    return lines.map((l) => {
      const cells = l
        .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
        .map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
      return Object.fromEntries(cols.map((c, i) => [c, cells[i]]));
    });
  };

  it('rank by change: both ends, the change and the margin-of-error flag for every place', () => {
    const a = ask('/rank pay change since 2015 among northern cities', core);
    if (a.kind !== 'change') throw new Error(a.kind);
    const rows = rowsOf(answerCsv(a)!);
    expect(rows).toHaveLength(a.rows.length + a.lacking.length);
    const leeds = rows.find((r) => r.area_code === LEEDS)!;
    const model = a.rows.find((r) => r.area === LEEDS)!;
    expect(Number(leeds.start_value)).toBe(model.start.value);
    expect(Number(leeds.end_value)).toBe(model.end.value);
    expect(Number(leeds.change_percent)).toBeCloseTo(
      ((model.end.value! - model.start.value!) / model.start.value!) * 100,
      9,
    );
    expect(leeds.ranked_by).toBe('%');
    expect(leeds.start_period).toBe(a.startPeriod.label);
  });

  it('catching up: each period with the South East value and the ratio', () => {
    const a = ask('is leeds catching up with the south east on productivity?', core);
    if (a.kind !== 'catching-up') throw new Error(a.kind);
    const rows = rowsOf(answerCsv(a)!);
    expect(rows).toHaveLength(a.points.length);
    for (const r of rows)
      expect(Number(r.percent_of_south_east)).toBeCloseTo(
        (Number(r.value) / Number(r.south_east_value)) * 100,
        9,
      );
  });

  it('scatter: every point with both indicators and periods', () => {
    const a = ask('/scatter productivity vs skills among local authorities', core);
    if (a.kind !== 'scatter') throw new Error(a.kind);
    const rows = rowsOf(answerCsv(a)!);
    expect(rows).toHaveLength(a.n);
    expect(rows[0].x_period).toBe(a.xPeriod.label);
    expect(rows[0].y_period).toBe(a.yPeriod.label);
  });

  it('benchmark: every place with its verdict and the benchmark value', () => {
    const a = ask('how many northern cities are above the england average for employment?', core);
    if (a.kind !== 'benchmark') throw new Error(a.kind);
    const rows = rowsOf(answerCsv(a)!);
    const counts = (v: string) => rows.filter((r) => r.verdict.startsWith(v)).length;
    expect(counts('above')).toBe(a.above.length);
    expect(counts('similar')).toBe(a.similar.length);
    expect(counts('below')).toBe(a.below.length);
    expect(new Set(rows.map((r) => r.against_value))).toEqual(new Set([String(a.against.value)]));
  });
});
