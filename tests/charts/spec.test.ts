import type { ChartDataset, Scale, Tick } from 'chart.js';
import { sampleBars, sampleGap, sampleLines } from '../support/chart-fixtures';
import {
  buildAltText,
  buildChartConfig,
  buildPortableChartConfig,
  type BarsConfig,
  type LinesConfig,
  MAX_ALT_TEXT,
  PALETTE,
  wrapText,
} from '../../src/charts/spec';
import type { BarsChartInput, LinesChartInput } from '../../src/charts/types';

const palette: string[] = Object.values(PALETTE);

function bars(input: BarsChartInput = sampleBars, fill?: string): BarsConfig {
  return buildChartConfig(input, fill ? { referenceFill: fill } : {}) as BarsConfig;
}
function lines(input: LinesChartInput = sampleLines): LinesConfig {
  return buildChartConfig(input) as LinesConfig;
}

/** Runs a tick callback the way Chart.js does, with evenly spaced ticks. */
function ticks(cb: unknown, values: number[]): string[] {
  const fn = cb as (this: Scale, v: number, i: number, t: Tick[]) => string;
  const all = values.map((value) => ({ value }));
  return values.map((v, i) => fn.call({} as Scale, v, i, all));
}

function hasFunction(x: unknown): boolean {
  if (typeof x === 'function') return true;
  if (x && typeof x === 'object') return Object.values(x).some(hasFunction);
  return false;
}

describe('bars spec', () => {
  it('sorts high to low, missing values last, and labels references', () => {
    const labels = bars().data.labels?.map((l) => (Array.isArray(l) ? l.join(' ') : l));
    expect(labels).toEqual([
      'Reading',
      'South East (reference)',
      'Manchester',
      'England (reference)',
      'Leeds',
      'Newcastle upon Tyne',
      'Kingston upon Hull, City of',
      'Hartlepool',
    ]);
  });

  it('wraps long names onto two lines', () => {
    const labels = bars().data.labels ?? [];
    expect(labels[6]).toEqual(['Kingston upon', 'Hull, City of']);
  });

  it('has one full-width dataset per role, coloured from the palette', () => {
    const ds = bars().data.datasets;
    expect(ds.map((d) => d.label)).toEqual(['Northern places', 'Reference areas (hatched)', 'Other places']);
    for (const d of ds) {
      expect(d.grouped).toBe(false);
      expect(palette).toContain(d.borderColor);
    }
    expect(ds[0].backgroundColor).toBe(PALETTE.darkBlue);
    expect(ds[2].backgroundColor).toBe(PALETTE.turquoise);
  });

  it('draws references with a pattern and an outline, not colour alone', () => {
    const ref = bars(sampleBars, 'HATCH').data.datasets[1];
    expect(ref.backgroundColor).toBe('HATCH');
    expect(ref.borderWidth).toBeGreaterThan(0);
    expect(ref.borderColor).toBe(PALETTE.darkGrey);
    // Values only where the item is a reference (South East and England).
    expect(ref.data).toEqual([null, 45.22, null, 43.95, null, null, null, null]);
  });

  it('keeps missing values null (drawn as "no data"), never zero', () => {
    const north = bars().data.datasets[0];
    expect(north.data[7]).toBeNull();
  });

  it('formats value ticks with the indicator format', () => {
    const cb = bars().options?.scales?.x?.ticks?.callback;
    expect(ticks(cb, [0, 10, 20])).toEqual(['£0', '£10', '£20']);
    const salary = { ...sampleBars, format: { prefix: '£', decimals: 0 } };
    expect(ticks(bars(salary).options?.scales?.x?.ticks?.callback, [28187])).toEqual(['£28,187']);
    expect(ticks(cb, [41.47])).toEqual(['£41.47']);
  });

  it('never skips place names and starts at zero', () => {
    const y = bars().options?.scales?.y;
    expect(y?.ticks?.autoSkip).toBe(false);
    const x = bars().options?.scales?.x as { beginAtZero?: boolean } | undefined;
    expect(x?.beginAtZero).toBe(true);
  });

  it('is static, white-backed and carries title, subtitle and source line', () => {
    const cfg = bars();
    expect(cfg.options?.responsive).toBe(false);
    expect(cfg.options?.animation).toBe(false);
    expect(cfg.options?.plugins?.title?.text).toEqual(['Leeds and Manchester · GVA per hour worked']);
    expect(cfg.options?.plugins?.subtitle?.text).toBe(sampleBars.subtitle);
    expect(cfg.plugins?.map((p) => p.id)).toEqual(
      expect.arrayContaining(['northstatWhiteBackground', 'northstatSourceLine', 'northstatBarValues']),
    );
  });

  it('is deterministic', () => {
    expect(JSON.stringify(bars())).toBe(JSON.stringify(bars()));
    expect(JSON.stringify(lines(sampleGap))).toBe(JSON.stringify(lines(sampleGap)));
  });
});

describe('lines spec', () => {
  it('has one dataset per series with periods as labels', () => {
    const cfg = lines();
    expect(cfg.data.labels).toEqual(sampleLines.periods);
    expect(cfg.data.datasets.map((d) => d.label)).toEqual([
      'Leeds',
      'Manchester',
      'South East (reference)',
      'England (reference)',
    ]);
    expect(cfg.data.datasets[0].data).toEqual(sampleLines.series[0].values);
  });

  it('dashes and labels reference series; northern series are solid', () => {
    const ds = lines().data.datasets;
    expect(ds[0].borderDash).toEqual([]);
    expect(ds[1].borderDash).toEqual([]);
    expect(ds[2].borderDash?.length).toBeGreaterThan(0);
    expect(ds[3].borderDash?.length).toBeGreaterThan(0);
    expect(ds[2].borderDash).not.toEqual(ds[3].borderDash);
  });

  it('uses palette colours and distinct markers', () => {
    const ds = lines().data.datasets;
    expect(ds.map((d) => d.borderColor)).toEqual([
      PALETTE.darkBlue,
      PALETTE.turquoise,
      PALETTE.orange,
      PALETTE.darkGrey,
    ]);
    expect(new Set(ds.map((d) => d.pointStyle)).size).toBe(4);
  });

  it('formats y ticks', () => {
    const cb = lines().options?.scales?.y?.ticks?.callback;
    expect(ticks(cb, [30, 32.5, 35])).toEqual(['£30.00', '£32.50', '£35.00']);
  });

  it('keeps missing values as gaps', () => {
    const leeds = lines(sampleGap).data.datasets[1];
    expect(leeds.data[5]).toBeNull();
    expect(leeds.spanGaps).toBe(false);
  });

  it('shades the gap band between the named series and explains it in the key', () => {
    const ds = lines(sampleGap).data.datasets;
    const upper = ds[0] as ChartDataset<'line'>;
    expect(upper.fill).toMatchObject({ target: 1 });
    expect(ds[2].label).toBe('Gap: South East minus Leeds');
    expect(ds[2].data).toEqual([]);
    expect(lines(sampleGap).plugins?.map((p) => p.id)).toContain('northstatGapLabel');
  });

  it('ignores a gap band naming unknown series', () => {
    const cfg = lines({ ...sampleGap, gapBand: { upper: 'Nowhere', lower: 'Leeds' } });
    expect(cfg.data.datasets).toHaveLength(2);
    expect(cfg.data.datasets.every((d) => d.fill === false)).toBe(true);
  });
});

describe('portable (QuickChart) config', () => {
  it('contains no functions and no custom plugins', () => {
    for (const input of [sampleBars, sampleLines, sampleGap]) {
      const cfg = buildPortableChartConfig(input);
      expect(hasFunction(cfg)).toBe(false);
      expect(cfg.plugins).toBeUndefined();
    }
  });

  it('names missing bars in the label and keeps the source line on the image', () => {
    const cfg = buildPortableChartConfig(sampleBars) as BarsConfig;
    expect(cfg.data.labels).toContain('Hartlepool – no data');
    expect(cfg.options?.scales?.x?.title?.text).toBe(sampleBars.sourceLine);
  });
});

describe('wrapText', () => {
  it('leaves short text alone and truncates what does not fit on two lines', () => {
    expect(wrapText('Leeds', 24)).toEqual(['Leeds']);
    const long = wrapText('Bournemouth, Christchurch and Poole and a great deal more besides', 24);
    expect(long).toHaveLength(2);
    expect(long[1].endsWith('…')).toBe(true);
    expect(long.every((l) => l.length <= 24)).toBe(true);
  });
});

describe('buildAltText', () => {
  it('lists bars with their key numbers and says which have no data', () => {
    const alt = buildAltText(sampleBars);
    expect(alt).toContain('Reading £48.48, South East (reference) £45.22, Manchester £44.77');
    expect(alt).toContain('Leeds £41.47');
    expect(alt).toContain('No data for Hartlepool.');
    expect(alt).toContain('Source: ONS');
  });

  it('describes series ends, gaps in the data, and the gap between two series', () => {
    const alt = buildAltText(sampleGap);
    expect(alt).toContain('Gap, South East minus Leeds: £4.40 in 2015, £3.75 in 2023, narrowing by £0.65.');
    expect(alt).toContain('Leeds: £32.10 in 2015, £41.47 in 2023. No data for 2020.');
    expect(alt).toContain('South East (reference): £36.50 in 2015, £45.22 in 2023.');
  });

  it('uses percentage points for rate gaps', () => {
    const rate: LinesChartInput = {
      ...sampleGap,
      format: { suffix: '%', decimals: 1 },
      series: [
        { label: 'England', values: [75.0, 75.6], role: 'reference' },
        { label: 'Hull', values: [71.2, 72.9], role: 'north' },
      ],
      periods: ['2022', '2023'],
      gapBand: { upper: 'England', lower: 'Hull' },
    };
    expect(buildAltText(rate)).toContain('3.8 percentage points in 2022, 2.7 percentage points in 2023');
  });

  it('honours an override and caps at 2000 characters', () => {
    expect(buildAltText({ ...sampleBars, altText: 'Custom.' })).toBe('Custom.');
    const many: LinesChartInput = {
      ...sampleLines,
      series: Array.from({ length: 60 }, (_, i) => ({
        label: `A rather long place name number ${i}`,
        values: sampleLines.series[0].values,
        role: 'north' as const,
      })),
    };
    const alt = buildAltText(many);
    expect(alt.length).toBeLessThanOrEqual(MAX_ALT_TEXT);
    expect(alt.endsWith('…')).toBe(true);
  });
});
