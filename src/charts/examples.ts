import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sampleBars, sampleGap, sampleLines } from './fixtures';
import { renderPng } from './render-local';
import { buildAltText } from './spec';

/**
 * Writes the example charts shown in docs/charts (PNG plus the alt text next to it).
 * Run after a build: `node dist/src/charts/examples.js docs/charts`.
 */
export async function writeExampleCharts(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, input] of [
    ['example-bars', sampleBars],
    ['example-lines', sampleLines],
    ['example-gap', sampleGap],
  ] as const) {
    const file = path.join(outDir, `${name}.png`);
    await writeFile(file, await renderPng(input));
    await writeFile(path.join(outDir, `${name}.alt.txt`), `${buildAltText(input)}\n`);
    written.push(file);
  }
  return written;
}

if (require.main === module) {
  writeExampleCharts(process.argv[2] ?? 'docs/charts').then(
    (files) => console.log(files.join('\n')),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
