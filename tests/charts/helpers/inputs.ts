import type { BarsChartInput, LinesChartInput } from '../../../src/charts/types';
import { sampleBars, sampleLines } from '../../support/chart-fixtures';

const places = [
  'Leeds',
  'Manchester',
  'Sheffield',
  'Bradford',
  'Liverpool',
  'Newcastle upon Tyne',
  'Sunderland',
  'Kingston upon Hull, City of',
  'York',
  'Wakefield',
  'Barnsley',
  'Rotherham',
  'Doncaster',
  'Middlesbrough',
  'Blackburn with Darwen',
  'Bolton',
  'Stockport',
  'Wigan',
  'Calderdale',
  'Redcar and Cleveland',
];

/** 20 bars: the legibility limit in the brief, with long names and one reference. */
export function twentyBars(): BarsChartInput {
  return {
    ...sampleBars,
    title: 'Northern places ranked · GVA per hour worked',
    items: places.map((label, i) => ({
      label: i === 19 ? 'South East' : label,
      value: i === 7 ? null : Math.round((48 - i * 0.73) * 100) / 100,
      role: i === 19 ? ('reference' as const) : ('north' as const),
    })),
  };
}

/** 20 series × 30 periods: far beyond what fits in Slack's 3000-character image_url. */
export function hugeLines(): LinesChartInput {
  const periods = Array.from({ length: 30 }, (_, i) => String(1994 + i));
  return {
    ...sampleLines,
    periods,
    series: Array.from({ length: 20 }, (_, s) => ({
      label: places[s],
      values: periods.map((_, p) => Math.round((30 + s * 0.4 + p * 0.37) * 100) / 100),
      role: s === 0 ? ('reference' as const) : ('north' as const),
    })),
  };
}
