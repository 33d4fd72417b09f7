import { benchCharts } from '../../scripts/bench/charts';
import { sampleBars, sampleGap, sampleLines } from '../support/chart-fixtures';
import { chartFilename, createChartRenderer } from '../../src/charts/index';
import { buildQuickChartUrl, SLACK_IMAGE_URL_LIMIT } from '../../src/charts/render-quickchart';
import { hugeLines } from './helpers/inputs';
import { pngSize } from './helpers/png';

describe('QuickChart URL', () => {
  it.each([
    ['bars', sampleBars],
    ['lines', sampleLines],
    ['gap', sampleGap],
  ] as const)('fits %s in Slack image_url', (_name, input) => {
    const res = buildQuickChartUrl(input);
    expect(res.kind).toBe('url');
    if (res.kind !== 'url') return;
    expect(res.url.length).toBeLessThanOrEqual(SLACK_IMAGE_URL_LIMIT);
    const u = new URL(res.url);
    expect(`${u.origin}${u.pathname}`).toBe('https://quickchart.io/chart');
    expect(u.searchParams.get('w')).toBe('1000');
    expect(u.searchParams.get('h')).toBe('600');
    expect(u.searchParams.get('bkg')).toBe('white');
    expect(u.searchParams.get('v')).toBe('4');
    expect(u.searchParams.get('c')).not.toMatch(/function|=>/);
  });

  it('targets a self-hosted QuickChart, path prefix included', () => {
    const res = buildQuickChartUrl(sampleBars, { baseUrl: 'http://127.0.0.1:3400/qc/' });
    expect(res.kind === 'url' && res.url.startsWith('http://127.0.0.1:3400/qc/chart?')).toBe(true);
  });

  it('reports too-long for 20 series × 30 periods', () => {
    const res = buildQuickChartUrl(hugeLines());
    expect(res.kind).toBe('too-long');
    expect(res.kind === 'too-long' && res.length).toBeGreaterThan(SLACK_IMAGE_URL_LIMIT);
  });
});

describe('createChartRenderer', () => {
  it('local: PNG with alt text, filename and title', async () => {
    const out = await createChartRenderer({ renderer: 'local' }).render(sampleBars);
    expect(out.kind).toBe('png');
    if (out.kind !== 'png') return;
    expect(pngSize(out.png)).toEqual({ width: 1000, height: 600 });
    expect(out.filename).toBe('leeds-and-manchester-gva-per-hour-worked.png');
    expect(out.title).toBe(sampleBars.title);
    expect(out.altText).toContain('Leeds £41.47');
  });

  it('quickchart: URL when short enough', async () => {
    const out = await createChartRenderer({
      renderer: 'quickchart',
      quickchartBaseUrl: 'http://qc.internal:8080',
    }).render(sampleLines);
    expect(out.kind).toBe('url');
    expect(out.kind === 'url' && out.url.startsWith('http://qc.internal:8080/chart?')).toBe(true);
    expect(out.altText).toContain('Leeds: £32.10 in 2015');
  });

  it('quickchart: falls back to a local PNG when the URL would be too long', async () => {
    const out = await createChartRenderer({ renderer: 'quickchart' }).render(hugeLines());
    expect(out.kind).toBe('png');
    expect(out.kind === 'png' && pngSize(out.png)).toEqual({ width: 1000, height: 600 });
  });

  it('makes safe filenames', () => {
    expect(chartFilename('Kingston upon Hull · Employment rate (16–64), 2023')).toBe(
      'kingston-upon-hull-employment-rate-16-64-2023.png',
    );
    expect(chartFilename('···')).toBe('chart.png');
  });
});

describe('benchCharts', () => {
  it('reports median/p95 per kind and peak RSS', async () => {
    const res = await benchCharts(3);
    expect(res.map((r) => r.kind)).toEqual(['bars', 'lines', 'gap', 'scatter', 'change']);
    for (const r of res) {
      expect(r.medianMs).toBeGreaterThan(0);
      expect(r.p95Ms).toBeGreaterThanOrEqual(r.medianMs);
    }
    expect(res.peakRssMb).toBeGreaterThan(0);
  });
});
