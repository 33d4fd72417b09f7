import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ask } from '../src/answers/ask';
import { chartInputFor } from '../src/answers/chart-input';
import { replay, specFor } from '../src/answers/replay';
import type { Answer } from '../src/answers/types';
import { renderPng } from '../src/charts/render-local';
import { buildAltText } from '../src/charts/spec';
import { loadCore } from '../src/data/core';
import type { StatsCore } from '../src/data/stats';

// `npm run build && node dist/scripts/chart-examples.js docs/charts`: the example charts in docs/charts,
// each the chart of a real answer on the bundled data (PNG plus its alt text beside it).

const BARNSLEY = 'E08000038';

/** What the "Compare with similar areas" button asks (src/slack/listeners/actions/compare-similar.ts). */
function barnsleyAgainstSimilar(core: StatsCore): Answer | null {
  const similar = core.geography.similar(BARNSLEY).slice(0, 5);
  return replay(
    specFor('compare', { a: [BARNSLEY, ...similar], i: 'gross-median-weekly-pay' }),
    core,
    () => null,
  );
}

/** Each example: a typed question, or an answer built the way a button builds it. */
export const EXAMPLES: [name: string, question: string | ((core: StatsCore) => Answer | null)][] = [
  ['compare-manchester-reading-productivity', '/compare manchester vs reading on productivity'],
  ['compare-leeds-reading-pay', '/compare leeds vs reading on pay'],
  ['similar-barnsley-pay', barnsleyAgainstSimilar],
  ['stats-leeds-pay', '/stats leeds pay'],
  ['stats-leeds-headline', '/stats leeds'],
  ['profile-wakefield', '/profile wakefield'],
  ['gap-pay-since-2010', '/gap pay since 2010'],
  ['gap-productivity', '/gap productivity'],
  ['rank-pay-similar-to-barnsley', '/rank pay top 5 among similar to barnsley'],
  ['trend-pay-leeds-manchester', '/trend pay for leeds, manchester since 2015'],
  ['gap-income', '/gap income'],
  ['rank-productivity-northern-cities', '/rank productivity among northern cities'],
  ['change-pay-northern-cities-since-2015', '/rank pay change since 2015 among northern cities'],
  ['catching-up-leeds-productivity', 'is leeds catching up with the south east on productivity?'],
  [
    'scatter-productivity-skills-local-authorities',
    '/scatter productivity vs skills among local authorities',
  ],
  [
    'benchmark-employment-northern-cities',
    'how many northern cities are above the england average for employment?',
  ],
];

export async function writeExampleCharts(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const core = loadCore();
  const written: string[] = [];
  for (const [name, question] of EXAMPLES) {
    const answer =
      typeof question === 'string'
        ? ask(question, core, { question: !question.startsWith('/') })
        : question(core);
    const input = answer ? chartInputFor(answer) : null;
    if (!input) throw new Error(`no chart for ${name}`);
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
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
