import type { BarsChartInput, LinesChartInput } from '../../src/charts/types';

/**
 * Realistic sample inputs (ONS subregional productivity, GVA per hour worked, current prices)
 * shared by tests, the example images in docs/charts and the benchmark. Figures are rounded
 * illustrations in the right range, not a data source.
 */
const gvaFormat = { prefix: '£', decimals: 2, unitLabel: '£ per hour worked' };
const gvaSource =
  'Source: ONS, Subregional productivity: labour productivity indices by UK ITL2 and ITL3 subregions, released 18 June 2025';

export const sampleBars: BarsChartInput = {
  kind: 'bars',
  title: 'Leeds and Manchester · GVA per hour worked',
  subtitle: 'Gross value added per hour worked, current prices, £, 2023',
  format: gvaFormat,
  sourceLine: gvaSource,
  items: [
    { label: 'Leeds', value: 41.47, role: 'north' },
    { label: 'Manchester', value: 44.77, role: 'north' },
    { label: 'Reading', value: 48.48, role: 'other' },
    { label: 'South East', value: 45.22, role: 'reference' },
    { label: 'England', value: 43.95, role: 'reference' },
    { label: 'Newcastle upon Tyne', value: 38.62, role: 'north' },
    { label: 'Kingston upon Hull, City of', value: 35.9, role: 'north' },
    { label: 'Hartlepool', value: null, role: 'north' },
  ],
};

const years = ['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023'];

export const sampleLines: LinesChartInput = {
  kind: 'lines',
  title: 'Leeds · GVA per hour worked, 2015 to 2023',
  subtitle: 'Gross value added per hour worked, current prices, £',
  format: gvaFormat,
  sourceLine: gvaSource,
  periods: years,
  series: [
    { label: 'Leeds', values: [32.1, 32.9, 33.6, 34.4, 35.3, 37.6, 37.9, 39.8, 41.47], role: 'north' },
    { label: 'Manchester', values: [33.4, 34.5, 35.2, 36.3, 37.4, 39.9, 40.6, 42.7, 44.77], role: 'north' },
    {
      label: 'South East',
      values: [36.5, 37.3, 38.2, 39.1, 40.0, 42.6, 42.9, 43.6, 45.22],
      role: 'reference',
    },
    { label: 'England', values: [35.6, 36.3, 37.2, 38.1, 39.0, 41.6, 41.2, 42.4, 43.95], role: 'reference' },
  ],
};

export const sampleGap: LinesChartInput = {
  kind: 'lines',
  title: 'Leeds is £3.75 per hour below the South East',
  subtitle: 'Gross value added per hour worked, current prices, £, 2015 to 2023',
  format: gvaFormat,
  sourceLine: gvaSource,
  periods: years,
  series: [
    {
      label: 'South East',
      values: [36.5, 37.3, 38.2, 39.1, 40.0, 42.6, 42.9, 43.6, 45.22],
      role: 'reference',
    },
    { label: 'Leeds', values: [32.1, 32.9, 33.6, 34.4, 35.3, null, 37.9, 39.8, 41.47], role: 'north' },
  ],
  gapBand: { upper: 'South East', lower: 'Leeds' },
};
