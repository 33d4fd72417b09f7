import path from 'node:path';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, registerables } from 'chart.js';
import { buildChartConfig, CHART_HEIGHT, CHART_WIDTH, FONT_FAMILY, PALETTE } from './spec';
import type { ChartInput } from './types';

export interface LocalRenderOptions {
  width?: number;
  height?: number;
}

let initialised = false;

/**
 * Registers DejaVu Sans (Regular + Bold, one family, so bold titles really are bold) from the
 * npm package and Chart.js's controllers. Without a registered font @napi-rs/canvas draws NO
 * text and reports no error (stack notes §2), so a failed registration throws instead.
 * Idempotent; called on first render, and callable at startup to fail fast.
 */
export function initLocalRenderer(): void {
  if (initialised) return;
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    if (!GlobalFonts.registerFromPath(path.join(dir, file), FONT_FAMILY)) {
      throw new Error(`charts: could not register font ${path.join(dir, file)} as "${FONT_FAMILY}"`);
    }
  }
  Chart.register(...registerables);
  // The spec names the family everywhere; the default is a safety net for anything it misses.
  Chart.defaults.font.family = FONT_FAMILY;
  Chart.defaults.color = '#0B0C0C';
  initialised = true;
}

/**
 * Orange with white diagonal stripes: reference bars differ from the others by pattern, not
 * only by colour. Built per render because a pattern belongs to a canvas.
 */
function hatchPattern(ctx: SKRSContext2D): CanvasPattern {
  const size = 10;
  const tile = createCanvas(size, size);
  const t = tile.getContext('2d');
  t.fillStyle = PALETTE.orange;
  t.fillRect(0, 0, size, size);
  t.strokeStyle = '#FFFFFF';
  t.lineWidth = 2.5;
  t.beginPath();
  // Three strokes so the stripes join up seamlessly across tile edges.
  for (const o of [-size, 0, size]) {
    t.moveTo(o, size);
    t.lineTo(o + size, 0);
  }
  t.stroke();
  const pattern = ctx.createPattern(tile, 'repeat');
  if (!pattern) throw new Error('charts: could not create hatch pattern');
  return pattern as unknown as CanvasPattern;
}

/** Lets Node run the finalisers that free native canvas memory (deferred in Node 20). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Renders to a PNG at DPR 1 (DPR 2 costs ten times more, mostly PNG encoding). Always async
 * and yielding: a synchronous loop of renders grows RSS by ~1.8 MB per chart (stack notes §2).
 */
export async function renderPng(input: ChartInput, opts: LocalRenderOptions = {}): Promise<Buffer> {
  initLocalRenderer();
  const width = opts.width ?? CHART_WIDTH;
  const height = opts.height ?? CHART_HEIGHT;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const config = buildChartConfig(input, { referenceFill: hatchPattern(ctx) });
  // @napi-rs/canvas's context is not typed as a DOM context; Chart.js only needs the 2D API.
  const chart = new Chart(
    ctx as unknown as CanvasRenderingContext2D,
    config as unknown as ChartConfiguration,
  );
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
    await yieldToEventLoop();
  }
}
