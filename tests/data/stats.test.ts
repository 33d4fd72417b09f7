import { loadCore } from '../../src/data/core';
import { ENGLAND, LONDON, SOUTH_EAST } from '../../src/data/geography';

// Real figures from the committed snapshot, checked against ../shared/ons/checks.txt and the CSVs.
const core = loadCore();
const GVA = 'gross-value-added-per-hour-worked';
const PAY = 'gross-median-weekly-pay';

describe('values', () => {
  it('Leeds GVA per hour worked 2023 is 41.47 and the South East (ITL1 TLJ) is 45.22', () => {
    expect(core.value(GVA, 'E08000035')).toMatchObject({ value: 41.47, period: { label: '2023' } });
    expect(core.value(GVA, SOUTH_EAST)).toMatchObject({ value: 45.22, period: { label: '2023' } });
    expect(core.value(GVA, 'E08000003').value).toBe(44.77);
    expect(core.value(GVA, 'E06000038').value).toBe(48.48);
  });
  it('England comes from ITL1 TLB in the GVA file, which has no E92 rows', () => {
    expect(core.value(GVA, ENGLAND)).toMatchObject({ value: 42.39, period: { label: '2023' } });
  });
  it('pay carries its confidence interval and its April date', () => {
    expect(core.value(PAY, 'E08000003')).toMatchObject({
      value: 589.3,
      lci: 562.734356,
      uci: 615.865644,
      period: { label: 'April 2025' },
    });
    expect(core.value(PAY, SOUTH_EAST).value).toBe(678);
    expect(core.value(PAY, 'K02000001').value).toBe(642.5);
  });
  it('a given year picks that year', () => {
    expect(core.value(GVA, 'E08000035', 2022).period?.year).toBe(2022);
    expect(core.value(GVA, 'E08000035', 1990)).toMatchObject({ value: null, note: 'no data for that year' });
  });
  it('GDHI per head uses the E12 row (same value as TLJ)', () => {
    expect(core.value('gross-disposable-household-income-per-head', SOUTH_EAST, 2023).value).toBe(28187);
  });
  it('missing values are null with the reason, never zero', () => {
    const gdp = core.value('gross-domestic-product-per-head-at-current-market-prices', 'N09000001', 2023);
    expect(gdp.value).toBeNull();
    expect(gdp.note).toBe('withheld [u]: low reliability');
    expect(gdp.status).toBe('u');
  });
});

describe('geography', () => {
  const geo = core.geography;
  it('has the real hierarchy: Leeds -> West Yorkshire CA -> Yorkshire and The Humber', () => {
    expect(geo.area('E08000035')?.parents.slice(0, 2)).toEqual(['E47000003', 'E12000003']);
    expect(geo.regionOf('E06000038')).toBe(SOUTH_EAST);
  });
  it('puts North and North East Lincolnshire in Yorkshire and The Humber', () => {
    expect(geo.regionOf('E06000012')).toBe('E12000003');
    expect(geo.regionOf('E06000013')).toBe('E12000003');
    expect(geo.isNorthern('E06000013')).toBe(true);
  });
  it('follows retired codes to their successors, with the data carried over', () => {
    expect(geo.area('E08000019')?.code).toBe('E08000039');
    expect(core.value(PAY, 'E08000019').area).toBe('E08000039');
    expect(core.value(PAY, 'E08000039').value).toBe(606.6);
    expect(core.populationOf('E08000039', 2024)).toBeGreaterThan(500000);
  });
  it('counts 296 current English local authorities as the comparison set of Leeds', () => {
    expect(geo.comparisonSet('E08000035', true)).toMatchObject({ label: 'local authorities in England' });
    expect(geo.comparisonSet('E08000035', true)?.codes).toHaveLength(296);
  });
  it('counts each upper-tier council once: 153 in England, no retired Dorset county', () => {
    const upper = geo.comparisonSet('E10000017', true);
    expect(upper).toMatchObject({ id: 'upper-tier-england', label: 'upper-tier councils in England' });
    expect(upper?.codes).toHaveLength(153);
    expect(upper?.codes).not.toContain('E10000009');
    expect(upper?.codes).toContain('E06000059');
  });
  it('has ONS statistical neighbours', () => {
    expect(geo.similar('E08000035')).toHaveLength(20);
  });
});

describe('rank, trend, gap', () => {
  it('ranks the nine regions on pay: London first, North East last', () => {
    const regions = core.geography.ofLevel('region').map((a) => a.code);
    const { rows, total } = core.rank(PAY, regions);
    expect(total).toBe(9);
    expect(rows[0]).toMatchObject({ areaName: 'London', value: 767.4, position: 1 });
    expect(rows[8]).toMatchObject({ areaName: 'North East', value: 577.9, position: 9 });
    expect(core.rank(PAY, regions, { direction: 'bottom', n: 1 }).rows[0].areaName).toBe('North East');
  });
  it('places Leeds among 296 English authorities on productivity', () => {
    const f = core.value(GVA, 'E08000035');
    const pos = core.position(GVA, 'E08000035', f.period);
    expect(pos?.of).toBe(296);
    const better = (core.geography.comparisonSet('E08000035', true)?.codes ?? []).filter(
      (c) => (core.value(GVA, c, 2023).value ?? -1) > 41.47,
    );
    expect(pos?.position).toBe(better.length + 1);
  });
  it('gives first, latest and change per year for a trend', () => {
    const [leeds] = core.trend(PAY, ['E08000035'], 2015);
    expect(leeds.first?.period?.year).toBe(2015);
    expect(leeds.latest?.value).toBe(610.7);
    expect(leeds.change).toBeCloseTo(610.7 - (leeds.first?.value as number), 6);
  });
  it('measures the productivity gap region by region (no honest single North figure for a per-hour measure)', () => {
    const gap = core.gap(GVA);
    expect(gap.period.label).toBe('2023');
    expect(gap.north).toBeNull();
    const ne = gap.gaps.find((g) => g.from === 'E12000001' && g.to === SOUTH_EAST);
    expect(ne?.gap).toBeCloseTo(35.82 - 45.22, 6);
    expect(gap.rows.find((r) => r.area === LONDON)?.value).toBe(53.96);
    expect(gap.movement).toHaveLength(3);
    expect(gap.movement[0].start.label).toBe('2014');
  });
  it('derives the North’s GDHI per head as a population-weighted mean and says so', () => {
    const gap = core.gap('gross-disposable-household-income-per-head');
    expect(gap.north?.method).toMatch(/weighted by ONS mid-2023 population/);
    const year = gap.period.year;
    const regions = ['E12000001', 'E12000002', 'E12000003'];
    const pops = regions.map((r) => core.populationOf(r, year) as number);
    const vals = regions.map(
      (r) => core.value('gross-disposable-household-income-per-head', r, year).value as number,
    );
    const expected = vals.reduce((s, v, i) => s + v * pops[i], 0) / pops.reduce((a, b) => a + b, 0);
    expect(gap.north?.value).toBeCloseTo(expected, 6);
  });
  it('population of the North in 2024 is 16,171,054', () => {
    const north = ['E12000001', 'E12000002', 'E12000003'].reduce(
      (s, r) => s + (core.populationOf(r, 2024) as number),
      0,
    );
    expect(north).toBe(16171054);
  });
});
