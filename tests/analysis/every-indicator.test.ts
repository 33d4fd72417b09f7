import { ask } from '../../src/answers/ask';
import { chartInputFor } from '../../src/answers/chart-input';
import { renderText } from '../../src/answers/render-text';
import { loadCore } from '../../src/data/core';
import { answerMessage } from '../../src/slack/blocks/answer';
import { answerCsv } from '../../src/slack/csv';
import { validateBlocks } from '../../src/slack/limits';

// Every analyst question over every indicator and several area levels: an answer or a plain reason, never
// a crash, a "NaN", an "undefined" or a block Slack would reject. Where the data cannot answer (an
// indicator with one period, or not published for the group), the reason names the indicator and what it
// covers, never a misread word.

const core = loadCore();
const TEMPLATES = [
  (l: string) => `/rank ${l} change since 2015 among local authorities`,
  (l: string) => `/rank ${l} change since 2010 among english regions`,
  (l: string) => `/gap ${l} for leeds`,
  (l: string) => `is the north catching up with the south east on ${l}`,
  (l: string) => `/scatter ${l} vs pay among local authorities`,
  (l: string) => `/scatter ${l} vs pay among english regions`,
  (l: string) => `how many northern cities are above the england average for ${l}`,
  (l: string) => `/rank ${l} above the south east among combined authorities`,
];

describe('analyst questions over every indicator', () => {
  const labels = core.indicators.filter((i) => !i.derived).map((i) => i.label.toLowerCase());

  it.each(TEMPLATES.map((t) => [t('<indicator>'), t] as const))('%s', (_name, template) => {
    const problems: string[] = [];
    let answered = 0;
    for (const label of labels) {
      const q = template(label);
      const a = ask(q, core);
      const message = answerMessage(a, { isPrivate: false });
      const all = `${renderText(a)}${JSON.stringify(message)}${answerCsv(a) ?? ''}${JSON.stringify(chartInputFor(a) ?? {})}`;
      if (/NaN|undefined|Infinity|\[object Object\]/.test(all)) problems.push(`${q}: bad token`);
      if (validateBlocks(message.blocks as never).length > 0) problems.push(`${q}: blocks`);
      if (a.kind === 'clarify') {
        if (!a.cannot && !a.unavailable && !a.yearNotHeld && a.problems.some((p) => p.kind === 'year'))
          problems.push(`${q}: ${renderText(a).split('\n')[0]}`);
        if (a.cannot && !a.cannot.includes('published for')) problems.push(`${q}: reason without coverage`);
      } else answered++;
    }
    expect(problems).toEqual([]);
    // Most indicators answer each question; the rest say why.
    expect(answered).toBeGreaterThan(labels.length / 3);
  });
});
