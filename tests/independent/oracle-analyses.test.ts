// Sanity tests of the analysis oracle alone (./oracle/analyses), against hand-worked arithmetic and values
// read off the raw CSVs. If these fail, the oracle (not the app) is wrong.
import type { AnalysisFacts, AnalysisRequest } from './contract-analyses';
import {
  expectedAnalysis,
  groupMembers,
  isCrudePerPopulationRate,
  leastSquaresSlope,
  localAuthorities,
  northMethod,
  northValue,
  pearson,
  periodPopulationYears,
  REGIONS,
  regionOf,
} from './oracle/analyses';
import { compareAnalysis } from './oracle/compare-analyses';
import { loadIndicator, population, describeOns } from './oracle/data';

const GVA = ['gross-value-added', 'Gross value added per hour worked'] as const;
const GDHI = ['gross-disposable-household-income-per-head', 'Gross disposable household income'] as const;
const PAY = ['gross-median-weekly-pay', 'Gross median weekly pay'] as const;
const EXPORTS = ['total-value-of-uk-exports', 'Value of UK exports'] as const;
const ACTIVE = ['business-demography', 'Active businesses'] as const;
const FOOD = ['food-outlets', 'Food outlets'] as const;
const HOMICIDE = ['homicide-offences', 'Homicide Offences'] as const;
const CVD = [
  'preventable-cardiovascular-mortality-england',
  'Preventable cardiovascular mortality (England)',
] as const;
const EMP = ['employment-rate', 'Employment rate'] as const;

const ind = ([ds, name]: readonly [string, string]) => loadIndicator(ds, name);

describeOns('analysis oracle: arithmetic', () => {
  test("Pearson's r: a variable with itself is 1, with its negative -1, undefined when constant", () => {
    const xs = [3, 1, 4, 1, 5, 9, 2, 6];
    expect(pearson(xs.map((x) => ({ x, y: x })))).toBeCloseTo(1, 12);
    expect(pearson(xs.map((x) => ({ x, y: -2 * x + 7 })))).toBeCloseTo(-1, 12);
    expect(pearson(xs.map((x) => ({ x, y: 5 })))).toBeUndefined();
    expect(pearson([{ x: 1, y: 2 }])).toBeUndefined();
    // Hand-worked: x = 1..4, y = 2, 4, 5, 4 -> Sxy = 3.5, Sxx = 5, Syy = 4.75, r = 3.5 / sqrt(23.75) = 0.7182
    expect(pearson([1, 2, 3, 4].map((x, i) => ({ x, y: [2, 4, 5, 4][i] })))).toBeCloseTo(
      3.5 / Math.sqrt(23.75),
      12,
    );
  });

  test('least-squares slope on constructed series', () => {
    const line = [2010, 2011, 2012, 2013, 2014].map((x) => ({ x, y: 2 * x + 3 }));
    expect(leastSquaresSlope(line)).toBeCloseTo(2, 9);
    // y = 1, 2, 4 at x = 0, 1, 2 -> slope 1.5
    expect(leastSquaresSlope([1, 2, 4].map((y, x) => ({ x, y })))).toBeCloseTo(1.5, 12);
    expect(leastSquaresSlope([{ x: 2020, y: 1 }])).toBeUndefined();
    expect(
      leastSquaresSlope([
        { x: 2026, y: 1 },
        { x: 2026, y: 2 },
      ]),
    ).toBeUndefined();
  });

  test('population years of a period', () => {
    expect(periodPopulationYears('2023-01-01/P1Y')).toEqual([2023]);
    expect(periodPopulationYears('2019-08-01/P1Y')).toEqual([2019]);
    expect(periodPopulationYears('2022-01-01/P3Y')).toEqual([2022, 2023, 2024]);
    expect(periodPopulationYears('2014-04-01/P3Y')).toEqual([2014, 2015, 2016]);
    expect(periodPopulationYears('2025-03-15')).toEqual([2025]);
    expect(periodPopulationYears('2023')).toEqual([2023]);
    expect(periodPopulationYears('2025-12-01/P1M')).toEqual([2025]);
  });
});

describeOns('analysis oracle: groups', () => {
  test('296 current local authorities in England, Barnsley and Sheffield under their 2025 codes', () => {
    const las = localAuthorities();
    expect(las).toHaveLength(296);
    expect(las).toContain('E08000038');
    expect(las).toContain('E08000039');
    expect(las).not.toContain('E08000016');
    expect(las).not.toContain('E08000019');
    const prefixes = (p: string) => las.filter((c) => c.startsWith(p)).length;
    expect([prefixes('E06'), prefixes('E07'), prefixes('E08'), prefixes('E09')]).toEqual([63, 164, 36, 33]);
  });

  test("each region's authorities add up to the region's mid-2024 population (Lincolnshire corrected)", () => {
    const las = localAuthorities();
    for (const region of REGIONS) {
      const sum = las
        .filter((c) => regionOf(c) === region)
        .reduce((s, c) => s + (population(c, 2024) ?? NaN), 0);
      expect([region, sum]).toEqual([region, population(region, 2024)]);
    }
    expect(regionOf('E06000012')).toBe('E12000003');
    expect(regionOf('E06000013')).toBe('E12000003');
  });

  test('northern local authorities: 12 + 35 + 15 = 62; the named groups', () => {
    expect(groupMembers('northern-local-authorities')).toHaveLength(62);
    expect(groupMembers('northern-cities')).toHaveLength(15);
    expect(groupMembers('core-cities')).toEqual([
      'E08000035',
      'E08000012',
      'E08000003',
      'E08000021',
      'E08000039',
      'E08000025',
      'E06000023',
      'E06000018',
      'W06000015',
      'S12000049',
      'N09000003',
    ]);
    expect(groupMembers('regions')).toHaveLength(9);
  });
});

describeOns('analysis oracle: "the North"', () => {
  test('how the North is derived', () => {
    expect(northMethod(ind(EXPORTS))).toBe('sum');
    expect(northMethod(ind(ACTIVE))).toBe('sum');
    expect(northMethod(ind(GDHI))).toBe('population-weighted-mean');
    expect(northMethod(ind(FOOD))).toBe('population-weighted-mean');
    expect(northMethod(ind(HOMICIDE))).toBe('population-weighted-mean');
    expect(northMethod(ind(PAY))).toBe('not-combinable'); // a median
    expect(northMethod(ind(GVA))).toBe('not-combinable'); // per hour worked
    expect(northMethod(ind(EMP))).toBe('not-combinable'); // a percentage of 16-64s
    expect(isCrudePerPopulationRate(ind(CVD))).toBe(false); // age-standardised
    expect(northMethod(ind(CVD))).toBe('not-combinable');
  });

  test('exports 2023: NE 22,122 + NW 68,477 + YH 39,689 = 130,288 (£ million)', () => {
    expect(northValue(ind(EXPORTS), '2023-01-01/P1Y', 'sum')).toBe(130288);
  });

  test('GDHI per head 2023, weighted by mid-2023 population', () => {
    const expected = (19977 * 2724805 + 21543 * 7634293 + 21027 * 5610523) / (2724805 + 7634293 + 5610523);
    expect(northValue(ind(GDHI), '2023-01-01/P1Y', 'population-weighted-mean')).toBeCloseTo(expected, 9);
    const f = expectedAnalysis({
      id: 'x',
      kind: 'catching-up',
      dataset: GDHI[0],
      indicator: GDHI[1],
      area: 'north',
    });
    const last = f.ratios?.find((r) => r.period === '2023-01-01/P1Y');
    expect(last?.pctOfSouthEast).toBeCloseTo((expected / 28187) * 100, 9);
  });

  test('food outlets March 2025 are weighted by the last population year held (2024)', () => {
    const v = [2.240391671900888, 2.230719462600812, 2.3268267970065724];
    const p = [2760678, 7737414, 5672962];
    const expected = (v[0] * p[0] + v[1] * p[1] + v[2] * p[2]) / (p[0] + p[1] + p[2]);
    expect(northValue(ind(FOOD), '2025-03-15', 'population-weighted-mean')).toBeCloseTo(expected, 12);
  });

  test('homicide April 2014 to March 2017 is weighted by mid-2014, 2015 and 2016 populations', () => {
    const v = [8.933799524517665, 11.277173288803814, 16.11694854589791];
    const p = [2610482 + 2611804 + 2618253, 7141096 + 7182651 + 7234141, 5356428 + 5377362 + 5408058];
    const expected = (v[0] * p[0] + v[1] * p[1] + v[2] * p[2]) / (p[0] + p[1] + p[2]);
    expect(northValue(ind(HOMICIDE), '2014-04-01/P3Y', 'population-weighted-mean')).toBeCloseTo(expected, 12);
  });

  test('a measure that cannot be combined gives the North East', () => {
    const north = expectedAnalysis({
      id: 'x',
      kind: 'catching-up',
      dataset: PAY[0],
      indicator: PAY[1],
      area: 'north',
    });
    const ne = expectedAnalysis({
      id: 'y',
      kind: 'catching-up',
      dataset: PAY[0],
      indicator: PAY[1],
      area: 'E12000001',
    });
    expect(north).toEqual(ne);
  });
});

describeOns('analysis oracle: the five analyses on known values', () => {
  test('change: Leeds pay 2015-04-22 £417.20 -> 2025-04-30 £610.70', () => {
    const f = expectedAnalysis({
      id: 'x',
      kind: 'change',
      dataset: PAY[0],
      indicator: PAY[1],
      since: 2015,
      group: 'northern-cities',
    });
    expect(f.measure).toBe('percent');
    const leeds = f.changes?.find((c) => c.area === 'E08000035');
    expect(leeds).toMatchObject({
      startPeriod: '2015-04-22',
      endPeriod: '2025-04-30',
      startValue: 417.2,
      endValue: 610.7,
    });
    expect(leeds?.change).toBeCloseTo(193.5, 9);
    expect(leeds?.changePct).toBeCloseTo((193.5 / 417.2) * 100, 9);
    const pcts = f.changes?.map((c) => c.changePct) ?? [];
    expect(pcts).toEqual([...pcts].sort((a, b) => b - a));
  });

  test('change: a year before the data starts at the first period; "%" indicators default to points', () => {
    const f = expectedAnalysis({
      id: 'x',
      kind: 'change',
      dataset: EMP[0],
      indicator: EMP[1],
      since: 1990,
      group: 'regions',
    });
    expect(f.measure).toBe('points');
    expect(f.changes?.[0].startPeriod).toBe('2004-01-01/P1Y');
    const diffs = f.changes?.map((c) => c.change) ?? [];
    expect(diffs).toEqual([...diffs].sort((a, b) => b - a));
  });

  test('catching-up: the South East against itself is 100% with slope 0', () => {
    const f = expectedAnalysis({
      id: 'x',
      kind: 'catching-up',
      dataset: GVA[0],
      indicator: GVA[1],
      area: 'E12000008',
    });
    expect(f.ratios?.length).toBe(20);
    for (const r of f.ratios ?? []) expect(r.pctOfSouthEast).toBeCloseTo(100, 12);
    expect(f.slopeAll).toBeCloseTo(0, 12);
    expect(f.slopeLast5).toBeCloseTo(0, 12);
  });

  test('catching-up: Leeds GVA per hour 2023 = 41.47 / 45.22', () => {
    const f = expectedAnalysis({
      id: 'x',
      kind: 'catching-up',
      dataset: GVA[0],
      indicator: GVA[1],
      area: 'E08000035',
    });
    const r = f.ratios?.find((x) => x.period === '2023-01-01/P1Y');
    expect(r?.pctOfSouthEast).toBeCloseTo((41.47 / 45.22) * 100, 9);
  });

  test('scatter of an indicator with itself: r = 1', () => {
    const f = expectedAnalysis({
      id: 'x',
      kind: 'scatter',
      x: { dataset: GVA[0], indicator: GVA[1] },
      y: { dataset: GVA[0], indicator: GVA[1] },
      group: 'northern-local-authorities',
    });
    expect(f.r).toBeCloseTo(1, 12);
    expect(f.n).toBe(62);
    expect(f.xPeriod).toBe('2023-01-01/P1Y');
  });

  test('benchmark: the South East is not judged against itself; counts are compared per head', () => {
    const f = expectedAnalysis({
      id: 'x',
      kind: 'benchmark',
      dataset: GVA[0],
      indicator: GVA[1],
      group: 'regions',
      against: 'E12000008',
    });
    expect(f.verdicts?.map((v) => v.area)).not.toContain('E12000008');
    expect(f.verdicts).toHaveLength(8);
    // London (the only region above the South East on GVA per hour worked)
    expect(f.verdicts?.filter((v) => v.verdict === 'higher').map((v) => v.area)).toEqual(['E12000007']);
    const g = expectedAnalysis({
      id: 'y',
      kind: 'benchmark',
      dataset: EXPORTS[0],
      indicator: EXPORTS[1],
      group: 'regions',
      against: 'E92000001',
    });
    // Per head, the North West (68,477 / 7,634,293) is below England (700,858 / 57,932,470).
    expect(g.verdicts?.find((v) => v.area === 'E12000002')?.verdict).toBe('lower');
  });

  test('per-head: Leeds 32,105 active businesses / 845,189 residents x 1,000; NW exports £ per head', () => {
    const f = expectedAnalysis({
      id: 'x',
      kind: 'per-head',
      dataset: ACTIVE[0],
      indicator: ACTIVE[1],
      area: 'E08000035',
    });
    expect(f.perHead).toEqual({
      value: (32105 * 1000) / 845189,
      population: 845189,
      year: 2024,
      unit: 'per 1,000 residents',
    });
    const g = expectedAnalysis({
      id: 'y',
      kind: 'per-head',
      dataset: EXPORTS[0],
      indicator: EXPORTS[1],
      area: 'E12000002',
    });
    expect(g.perHead?.value).toBeCloseTo((68477 * 1e6) / 7634293, 9);
    expect(g.perHead?.unit).toBe('£ per head');
    // A rate is already per head: no perHead.
    const h = expectedAnalysis({
      id: 'z',
      kind: 'per-head',
      dataset: GVA[0],
      indicator: GVA[1],
      area: 'E08000035',
    });
    expect(h.perHead).toBeUndefined();
  });
});

describeOns('analysis comparison', () => {
  const req: AnalysisRequest = {
    id: 'x',
    kind: 'change',
    dataset: EMP[0],
    indicator: EMP[1],
    since: 2019,
    group: 'northern-cities',
  };
  const expected = expectedAnalysis(req);

  test('the oracle agrees with itself; ties may come in any order', () => {
    expect(compareAnalysis(req, expected, structuredClone(expected))).toEqual([]);
    const swapped: AnalysisFacts = structuredClone(expected);
    const ch = swapped.changes!;
    const k = ch.findIndex((c, i) => i > 0 && c.change === ch[i - 1].change);
    if (k > 0) [ch[k - 1], ch[k]] = [ch[k], ch[k - 1]];
    expect(compareAnalysis(req, expected, swapped)).toEqual([]);
  });

  test('a wrong order, a wrong value and a wrong lacking set are reported', () => {
    const wrong: AnalysisFacts = structuredClone(expected);
    wrong.changes = [...wrong.changes!].reverse();
    wrong.changes[0] = { ...wrong.changes[0], endValue: wrong.changes[0].endValue + 0.1 };
    wrong.lacking = ['E08000035'];
    const fields = compareAnalysis(req, expected, wrong).map((m) => m.field);
    expect(fields.some((f) => f.startsWith('changes order'))).toBe(true);
    expect(fields.some((f) => f.endsWith('.endValue'))).toBe(true);
    expect(fields).toContain('lacking');
  });
});
