import * as fs from 'node:fs';
// Sanity tests of the independent oracle alone, against the spot values in shared/ons/checks.txt and a
// few hand-worked rules. If these fail, the oracle (not the app) is wrong.
import * as path from 'node:path';
import { DEFAULT_ONS_DIR, loadIndicator, onsDir, population, describeOns } from './oracle/data';
import { expectedFacts, figureFor, periodYear, positionOf } from './oracle/expected';
import { displayValue, roundedText, unitLabel } from './oracle/format';

const GVA = ['gross-value-added', 'Gross value added per hour worked'] as const;
const PAY = ['gross-median-weekly-pay', 'Gross median weekly pay'] as const;
const GDHI = ['gross-disposable-household-income-per-head', 'Gross disposable household income'] as const;
const EMP = ['employment-rate', 'Employment rate'] as const;
const GDP = ['gdp-per-head', 'Gross domestic product per head at current market price'] as const;

const fig = ([ds, ind]: readonly [string, string], area: string, year?: number) =>
  figureFor(loadIndicator(ds, ind), area, year);

describeOns('oracle: data folder', () => {
  test('default path is the shared/ons folder beside the repo clone, else the machine copy', () => {
    const repoRoot = path.resolve(__dirname, '../..');
    const beside = path.resolve(repoRoot, '..', 'shared', 'ons');
    const expected = fs.existsSync(path.join(beside, 'els')) ? beside : '/work/shared/ons';
    expect(DEFAULT_ONS_DIR).toBe(expected);
  });

  test('a missing folder gives an error naming the path and NORTHSTAT_ONS_DIR', () => {
    const saved = process.env.NORTHSTAT_ONS_DIR;
    process.env.NORTHSTAT_ONS_DIR = '/nonexistent/ons-folder';
    try {
      expect(() => onsDir()).toThrow(/\/nonexistent\/ons-folder.*NORTHSTAT_ONS_DIR/s);
    } finally {
      if (saved === undefined) delete process.env.NORTHSTAT_ONS_DIR;
      else process.env.NORTHSTAT_ONS_DIR = saved;
    }
  });
});

describeOns('oracle: spot values from checks.txt', () => {
  test.each([
    ['Leeds GVA per hour 2023', GVA, 'E08000035', 2023, '2023-01-01/P1Y', 41.47], // line 1411
    ['Manchester GVA per hour 2023', GVA, 'E08000003', 2023, '2023-01-01/P1Y', 44.77], // line 511
    ['Reading GVA per hour 2023', GVA, 'E06000038', 2023, '2023-01-01/P1Y', 48.48], // line 4502
    ['South East GVA per hour 2023 (only as TLJ)', GVA, 'E12000008', 2023, '2023-01-01/P1Y', 45.22], // line 7691
    ['Manchester pay Apr 2025', PAY, 'E08000003', 2025, '2025-04-30', 589.3],
    ['Leeds pay Apr 2025', PAY, 'E08000035', 2025, '2025-04-30', 610.7],
    ['South East pay Apr 2025', PAY, 'E12000008', 2025, '2025-04-30', 678.0],
    ['UK pay Apr 2025', PAY, 'K02000001', 2025, '2025-04-30', 642.5],
    ['South East GDHI per head 2023', GDHI, 'E12000008', 2023, '2023-01-01/P1Y', 28187],
    ['Leeds GDHI per head 2023', GDHI, 'E08000035', 2023, '2023-01-01/P1Y', 21694],
    ['South East employment rate 2023', EMP, 'E12000008', 2023, '2023-01-01/P1Y', 79.3],
    ['Leeds employment rate 2023', EMP, 'E08000035', 2023, '2023-01-01/P1Y', 74.7],
    ['South East GDP per head 2023 (TLJ, old column layout)', GDP, 'E12000008', 2023, '2023', 41319],
    ['Leeds GDP per head 2023', GDP, 'E08000035', 2023, '2023', 47411],
  ] as const)('%s', (_label, ind, area, year, period, value) => {
    const f = fig(ind, area, year);
    expect(f.period).toBe(period);
    expect(f.value).toBeCloseTo(value, 9);
    expect(f.status).toBeNull();
    // the latest figure is the same one
    expect(fig(ind, area).period).toBe(period);
  });

  test('E12000008 and TLJ carry the same GDHI, and the South East 2025 pay CI is 668.70-687.30', () => {
    const gdhi = loadIndicator(...GDHI);
    expect(gdhi.byCode.get('E12000008')?.get('2023-01-01/P1Y')?.value).toBe(28187);
    const pay = loadIndicator(...PAY)
      .byCode.get('E12000008')
      ?.get('2025-04-30');
    expect(pay?.lci).toBeCloseTo(668.69784, 6);
    expect(pay?.uci).toBeCloseTo(687.30216, 6);
  });

  test.each([
    ['E08000035', 2024, 845189],
    ['E12000008', 2024, 9642942],
    ['E12000001', 2024, 2760678],
    ['E12000002', 2024, 7737414],
    ['E12000003', 2024, 5672962],
    ['K02000001', 2024, 69281437],
    ['E12000003', 2011, 5288212],
  ])('population %s %s = %s', (code, year, value) => {
    expect(population(code, year)).toBe(value);
  });

  test('"The North" mid-2024 = 16,171,054', () => {
    const north = ['E12000001', 'E12000002', 'E12000003'].map((c) => population(c, 2024) ?? Number.NaN);
    expect(north.reduce((a, b) => a + b, 0)).toBe(16171054);
  });
});

describeOns('oracle: rules worked by hand', () => {
  test('display rounds the decimal text half away from zero', () => {
    expect(roundedText('36.15', 1)).toBe('36.2');
    expect(roundedText('-36.15', 1)).toBe('-36.2');
    expect(roundedText('2.675', 2)).toBe('2.68');
    expect(roundedText('610.7', 0)).toBe('611');
    expect(roundedText('1234567.5', 0)).toBe('1,234,568');
    expect(roundedText('3.60E-05', 1)).toBe('0.0');
    expect(roundedText('-0.04', 1)).toBe('0.0');
  });

  test('display uses the JSON prefix, suffix and decimal places; £ millions as £bn/£m', () => {
    const pay = loadIndicator(...PAY);
    expect(displayValue(pay, '610.7')).toBe('£611');
    expect(displayValue(loadIndicator(...GVA), '41.47')).toBe('£41.5');
    expect(displayValue(loadIndicator(...EMP), '74.7')).toBe('74.7%');
    const exportsInd = loadIndicator('total-value-of-uk-exports', 'Value of UK exports');
    expect(displayValue(exportsInd, '68477')).toBe('£68.5bn');
    expect(displayValue(exportsInd, '102170.0')).toBe('£102.2bn');
    expect(displayValue(exportsInd, '523.4')).toBe('£523m');
    expect(displayValue(exportsInd, '999.5')).toBe('£1,000m');
    const env = loadIndicator('environment-regulating', 'Greenhouse gas regulating');
    expect(displayValue(env, '-12.34')).toBe('-£12.3m');
    expect(displayValue(env, '-1500')).toBe('-£1.5bn');
    expect(
      displayValue(
        loadIndicator('housing-affordability-ratio', 'Housing affordability ratio (residence-based)'),
        '8.25',
      ),
    ).toBe('8.3');
    expect(displayValue(loadIndicator('business-demography', 'Active businesses'), '32105')).toBe('32,105');
  });

  test('unit labels', () => {
    expect(unitLabel(loadIndicator('total-value-of-uk-exports', 'Value of UK exports'))).toBe('£ million');
    expect(unitLabel(loadIndicator('environment-regulating', 'Air pollution regulating'))).toBe('£ million');
    expect(unitLabel(loadIndicator(...PAY))).toBe('£');
    expect(unitLabel(loadIndicator(...EMP))).toBe('%');
    expect(unitLabel(loadIndicator('apprenticeships', 'Apprenticeship starts (England)'))).toBe(
      'per 100,000 population',
    );
    expect(
      unitLabel(
        loadIndicator('housing-affordability-ratio', 'Housing affordability ratio (residence-based)'),
      ),
    ).toBe('affordability ratio');
  });

  test('period years: P1Y start, PnY end, dates, bare years', () => {
    expect(periodYear('2023-01-01/P1Y')).toBe(2023);
    expect(periodYear('2024-04-01/P1Y')).toBe(2024);
    expect(periodYear('2022-01-01/P3Y')).toBe(2024);
    expect(periodYear('2020-01-01/P5Y')).toBe(2024);
    expect(periodYear('2025-04-30')).toBe(2025);
    expect(periodYear('2023')).toBe(2023);
    expect(periodYear('2025-12-01/P1M')).toBe(2025);
  });

  test('ties share the better position (1, 2, 2, 4)', () => {
    const m = [5, 4, 4, 3].map((value, i) => ({ code: `X${i}`, value, row: undefined as never }));
    expect(m.map((x) => positionOf(m, x.value))).toEqual([1, 2, 2, 4]);
  });

  test('healthy life expectancy 2024 is the 2022-01-01/P3Y period; a district has no figure', () => {
    const hle = ['healthy-life-expectancy', 'Female healthy life expectancy'] as const;
    expect(fig(hle, 'E08000021', 2024).period).toBe('2022-01-01/P3Y');
    expect(fig(hle, 'E07000121').value).toBeNull();
  });

  test('same-footprint successors inherit the old code; Dorset UA does not inherit the county', () => {
    const cc = fig(['claimant-count', 'Claimant Count'], 'E08000038');
    expect(cc.value).not.toBeNull();
    const net = [
      'net-additions-to-the-housing-stock',
      'Net additions to the housing stock (England)',
    ] as const;
    expect(fig(net, 'E06000059', 2015).value).toBeNull();
  });

  test('withheld values keep their status and have no rank', () => {
    const f = expectedFacts({
      id: 'x',
      command: 'stats',
      areas: ['N09000003'],
      dataset: GDP[0],
      indicator: GDP[1],
      year: 2023,
    });
    expect(f.figures[0]).toEqual({
      area: 'N09000003',
      period: '2023',
      value: null,
      status: 'u',
      display: null,
    });
    expect(f.rank).toBeUndefined();
  });

  test('Leeds employment rate: CIs overlap England, not the South East', () => {
    const f = expectedFacts({
      id: 'x',
      command: 'stats',
      areas: ['E08000035'],
      dataset: EMP[0],
      indicator: EMP[1],
    });
    expect(f.verdicts).toEqual([
      { area: 'E08000035', against: 'E12000008', verdict: 'lower', basis: 'value' },
      { area: 'E08000035', against: 'E92000001', verdict: 'similar', basis: 'value' },
    ]);
    expect(f.rank?.set).toBe('lower-tier-england');
    expect(f.rank?.approximate).toBe(true);
  });

  test('rank over regions shows all 9 when 10 are asked for', () => {
    const f = expectedFacts({
      id: 'x',
      command: 'rank',
      dataset: PAY[0],
      indicator: PAY[1],
      group: 'regions',
      top: 10,
    });
    expect(f.figures).toHaveLength(9);
    expect(f.ranking?.of).toBe(9);
  });
});
