import { renderPng } from './render-local';
import { buildQuickChartUrl, DEFAULT_QUICKCHART_BASE_URL } from './render-quickchart';
import { buildAltText } from './spec';
import type { ChartInput } from './types';
import { fileSlug } from '../format/file-name';

export type {
  BarItem,
  BarsChartInput,
  ChartInput,
  LineSeries,
  LinesChartInput,
  NumberFormat,
  PlaceRole,
} from './types';
export { formatDifference, formatMaybe, formatTick, formatValue } from './format';
export { buildAltText, buildChartConfig, buildPortableChartConfig, PALETTE } from './spec';
export { initLocalRenderer, renderPng } from './render-local';
export { buildQuickChartUrl, SLACK_IMAGE_URL_LIMIT } from './render-quickchart';

export type RenderedChart =
  | { kind: 'png'; png: Buffer; altText: string; filename: string; title: string }
  | { kind: 'url'; url: string; altText: string; title: string };

export interface ChartRenderer {
  render(input: ChartInput): Promise<RenderedChart>;
}

export interface ChartRendererOptions {
  /** 'local' (default in Northstat): PNG for files.uploadV2. 'quickchart': image URL when short enough. */
  renderer: 'local' | 'quickchart';
  /** QUICKCHART_BASE_URL; defaults to https://quickchart.io. Ignored for 'local'. */
  quickchartBaseUrl?: string;
}

/** "Leeds · GVA per hour worked" → "leeds-gva-per-hour-worked.png" (ASCII, safe in Slack). */
export function chartFilename(title: string): string {
  return `${fileSlug(title, 80) || 'chart'}.png`;
}

async function renderLocal(input: ChartInput, altText: string): Promise<RenderedChart> {
  const png = await renderPng(input);
  return { kind: 'png', png, altText, filename: chartFilename(input.title), title: input.title };
}

export function createChartRenderer(opts: ChartRendererOptions): ChartRenderer {
  if (opts.renderer === 'local') {
    return { render: (input) => renderLocal(input, buildAltText(input)) };
  }
  const baseUrl = opts.quickchartBaseUrl || DEFAULT_QUICKCHART_BASE_URL;
  return {
    async render(input) {
      const altText = buildAltText(input);
      const result = buildQuickChartUrl(input, { baseUrl });
      // Too long for Slack's image_url: render here and let the caller upload the PNG.
      if (result.kind === 'too-long') return renderLocal(input, altText);
      return { kind: 'url', url: result.url, altText, title: input.title };
    },
  };
}
