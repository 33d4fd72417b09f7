import { GlobalFonts } from '@napi-rs/canvas';
import { sampleBars, sampleGap, sampleLines } from '../support/chart-fixtures';
import { initLocalRenderer, renderPng } from '../../src/charts/render-local';
import { FONT_FAMILY } from '../../src/charts/spec';
import type { ChartInput } from '../../src/charts/types';
import { twentyBars } from './helpers/inputs';
import { pixelStats, pngSize } from './helpers/png';

const cases: [string, ChartInput][] = [
  ['bars', sampleBars],
  ['lines', sampleLines],
  ['gap', sampleGap],
  ['20 bars', twentyBars()],
];

describe('local PNG renderer', () => {
  it('registers the shipped DejaVu font under the chart family', () => {
    initLocalRenderer();
    expect(GlobalFonts.has(FONT_FAMILY)).toBe(true);
    const ours = GlobalFonts.families.find((f) => f.family === FONT_FAMILY);
    // Regular and Bold under one family, so titles really render bold.
    expect(ours?.styles.map((s) => s.weight).sort()).toEqual([400, 700]);
  });

  it.each(cases)('renders %s as a 1000x600 PNG that is not blank, on white', async (_name, input) => {
    const png = await renderPng(input);
    expect(pngSize(png)).toEqual({ width: 1000, height: 600 });
    const stats = await pixelStats(png);
    expect(stats.variance).toBeGreaterThan(500);
    expect(stats.nonWhite).toBeGreaterThan(10_000);
    // Opaque white corner: no transparent background in Slack dark mode.
    expect(stats.corner).toEqual([255, 255, 255, 255]);
  });

  it.each([
    [
      'a bar label',
      { ...sampleBars, items: [{ ...sampleBars.items[0], label: 'Leedz' }, ...sampleBars.items.slice(1)] },
    ],
    ['the source line', { ...sampleLines, sourceLine: 'Source: ONS, another dataset, released 1 May 2025' }],
    ['the subtitle', { ...sampleGap, subtitle: 'Something else' }],
  ] as [string, ChartInput][])('draws text: changing only %s changes the PNG', async (_what, changed) => {
    const original =
      changed.kind === 'bars' ? sampleBars : changed.title === sampleGap.title ? sampleGap : sampleLines;
    const a = await renderPng(original);
    const b = await renderPng(changed);
    expect(a.equals(b)).toBe(false);
  });

  it('honours a custom size', async () => {
    expect(pngSize(await renderPng(sampleBars, { width: 640, height: 400 }))).toEqual({
      width: 640,
      height: 400,
    });
  });
});
