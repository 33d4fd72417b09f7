import fs from 'node:fs';
import path from 'node:path';
import { chartInputFor } from '../answers/chart-input';
import type { Answer } from '../answers/types';
import { chartFilename } from '../charts';
import { renderPng } from '../charts/render-local';

// Charts for the CLI and console: rendered locally (offline) and written as PNG files.

export function chartFileName(answer: Answer): string {
  const input = chartInputFor(answer);
  return input ? chartFilename(input.title) : 'chart.png';
}

/** Writes the answer's chart to `file`; returns the path, or null when the answer has no chart. */
export async function writeChartFor(answer: Answer, file: string): Promise<string | null> {
  const input = chartInputFor(answer);
  if (!input) return null;
  const png = await renderPng(input);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, png);
  return path.resolve(file);
}
