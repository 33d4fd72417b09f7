import QuickChart from 'quickchart-js';
import { buildPortableChartConfig, CHART_HEIGHT, CHART_WIDTH } from './spec';
import type { ChartInput } from './types';

/** Slack rejects an image block whose image_url is longer than this. */
export const SLACK_IMAGE_URL_LIMIT = 3000;
export const DEFAULT_QUICKCHART_BASE_URL = 'https://quickchart.io';

export interface QuickChartOptions {
  /** e.g. "https://quickchart.io" or a self-hosted "http://127.0.0.1:3400/qc". */
  baseUrl?: string;
  width?: number;
  height?: number;
  maxUrlLength?: number;
}

export type QuickChartResult = { kind: 'url'; url: string } | { kind: 'too-long'; length: number };

/**
 * quickchart-js 3.1.3 has no setBaseUrl: split the URL into scheme and host (a path prefix in
 * the host works, giving "/qc/chart").
 */
function applyBaseUrl(qc: QuickChart, baseUrl: string): void {
  const u = new URL(baseUrl);
  qc.setScheme(u.protocol.replace(/:$/, ''));
  qc.setHost(`${u.host}${u.pathname.replace(/\/+$/, '')}`);
}

/**
 * Builds a QuickChart GET URL for Slack's image block, or reports that it would exceed
 * Slack's 3000-character limit so the caller can render locally and upload instead.
 */
export function buildQuickChartUrl(input: ChartInput, opts: QuickChartOptions = {}): QuickChartResult {
  const qc = new QuickChart();
  applyBaseUrl(qc, opts.baseUrl ?? DEFAULT_QUICKCHART_BASE_URL);
  qc.setConfig(
    buildPortableChartConfig(input, {
      referenceFill: QuickChart.pattern.draw('diagonal', '#F46A25', '#FFFFFF', 10),
    }),
  )
    .setWidth(opts.width ?? CHART_WIDTH)
    .setHeight(opts.height ?? CHART_HEIGHT)
    .setBackgroundColor('white')
    .setDevicePixelRatio(1)
    // QuickChart defaults to Chart.js v2; our config is v4.
    .setVersion('4');
  const url = qc.getUrl();
  const limit = opts.maxUrlLength ?? SLACK_IMAGE_URL_LIMIT;
  return url.length <= limit ? { kind: 'url', url } : { kind: 'too-long', length: url.length };
}
