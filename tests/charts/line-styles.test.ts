import type { ChartDataset } from 'chart.js';
import { ask } from '../../src/answers/ask';
import { chartInputFor } from '../../src/answers/chart-input';
import { buildChartConfig, lineStyles } from '../../src/charts/spec';
import type { LinesChartInput } from '../../src/charts/types';
import { loadCore } from '../../src/data/core';

// Every line chart of real answers: no two series may look alike (colour, or dash with marker).

const core = loadCore();

const QUESTIONS: [string, boolean][] = [
  ['/gap pay since 2010', false],
  ['/gap income', false],
  ['/gap productivity', false],
  ['/gap employment', false],
  ['/trend pay for leeds, manchester since 2015', false],
  ['/trend productivity for leeds, manchester, sheffield, liverpool, newcastle since 2010', false],
  ['is leeds catching up with the south east on productivity?', true],
];

function lines(question: string, isQuestion: boolean): LinesChartInput {
  const input = chartInputFor(ask(question, core, { question: isQuestion }));
  if (input?.kind !== 'lines') throw new Error(`no line chart for ${question}`);
  return input;
}

describe.each(QUESTIONS)('%s', (question, isQuestion) => {
  const input = lines(question, isQuestion);
  const drawn = (buildChartConfig(input).data.datasets as ChartDataset<'line'>[]).filter(
    // The gap band's key entry draws no line; whiskers take their series' colour by design.
    (d) => (d.data?.length ?? 0) > 0 && d.label !== '95% confidence interval',
  );

  it('gives every series its own colour', () => {
    expect(drawn).toHaveLength(input.series.length);
    const colours = drawn.map((d) => String(d.borderColor).toUpperCase());
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('gives every series its own dash and marker pair', () => {
    const pairs = drawn.map((d) => `${JSON.stringify(d.borderDash ?? [])} ${String(d.pointStyle)}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(drawn.every((d) => Number(d.pointRadius) > 0)).toBe(true);
  });
});

describe('the North and the references', () => {
  it('the South East and England never share a colour', () => {
    for (const [q, isQ] of QUESTIONS) {
      const input = lines(q, isQ);
      const styles = lineStyles(input.series);
      const se = input.series.findIndex((s) => s.label === 'South East');
      const eng = input.series.findIndex((s) => s.label === 'England');
      if (se >= 0 && eng >= 0) expect(styles[se].colour).not.toBe(styles[eng].colour);
    }
  });

  it('the derived North is thicker than, and coloured apart from, every region', () => {
    const gaps = QUESTIONS.map(([q, isQ]) => lines(q, isQ)).filter((i) =>
      i.series.some((s) => s.label === 'The North'),
    );
    expect(gaps.length).toBeGreaterThan(0); // at least one gap derives the North
    for (const input of gaps) {
      const styles = lineStyles(input.series);
      const north = input.series.findIndex((s) => s.label === 'The North');
      input.series.forEach((_, i) => {
        if (i === north) return;
        expect(styles[i].colour).not.toBe(styles[north].colour);
        expect(styles[north].width).toBeGreaterThan(styles[i].width);
      });
    }
  });
});
