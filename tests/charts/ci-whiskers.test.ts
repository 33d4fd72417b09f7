import type { ChartDataset } from 'chart.js';
import { ask } from '../../src/answers/ask';
import { chartInputFor } from '../../src/answers/chart-input';
import { figureText } from '../../src/answers/phrases';
import type { CompareAnswer } from '../../src/answers/types';
import {
  buildAltText,
  buildChartConfig,
  buildPortableChartConfig,
  CI_NOTE,
  labelAnchor,
} from '../../src/charts/spec';
import type { BarsChartInput } from '../../src/charts/types';
import { loadCore } from '../../src/data/core';

// Whiskers on real answers from the bundled data: what is drawn must be exactly what ONS published.

const core = loadCore();
const PAY = 'gross-median-weekly-pay';

type Point = { x: number | null; y: number };

function compare(question: string): { answer: CompareAnswer; input: BarsChartInput } {
  const answer = ask(question, core);
  if (answer.kind !== 'compare') throw new Error(`not a compare: ${answer.kind}`);
  const input = chartInputFor(answer);
  if (input?.kind !== 'bars') throw new Error('no bar chart');
  return { answer, input };
}

/** The whisker segments a config draws, by bar index: [lower, upper]. */
function whiskers(datasets: ChartDataset[], label = '95% confidence interval'): Map<number, number[]> {
  const ds = datasets.find((d) => d.label === label);
  const out = new Map<number, number[]>();
  for (const p of (ds?.data ?? []) as Point[]) {
    if (p.x === null) continue;
    out.set(p.y, [...(out.get(p.y) ?? []), p.x]);
  }
  return out;
}

describe('confidence interval whiskers on bar charts', () => {
  const { answer, input } = compare('/compare leeds vs reading on pay');
  const leedsFigure = answer.figures[0];
  // Straight from the statistics core, not from the answer: the published interval.
  const published = core.valueAt(PAY, leedsFigure.area, leedsFigure.period!);

  it('carries each published CI into the chart input', () => {
    expect(published.lci).not.toBeNull();
    const leeds = input.items.find((it) => it.label === 'Leeds');
    expect(leeds?.ci).toEqual({ lower: published.lci, upper: published.uci });
    for (const it of input.items) {
      const f = [...answer.figures, ...answer.references].find((x) => x.areaName === it.label)!;
      expect(it.ci ?? null).toEqual(f.lci === null ? null : { lower: f.lci, upper: f.uci });
    }
  });

  it('draws a whisker from lower to upper at each bar, in both renderers', () => {
    for (const cfg of [buildChartConfig(input), buildPortableChartConfig(input)]) {
      const labels = (cfg.data.labels ?? []).map((l) => (Array.isArray(l) ? l.join(' ') : String(l)));
      const leedsIndex = labels.findIndex((l) => l.startsWith('Leeds'));
      expect(whiskers(cfg.data.datasets as ChartDataset[]).get(leedsIndex)).toEqual([
        published.lci,
        published.uci,
      ]);
    }
  });

  it('says what the lines are under the title', () => {
    const subtitle = buildChartConfig(input).options?.plugins?.subtitle?.text;
    expect(subtitle).toEqual([input.subtitle, CI_NOTE]);
    expect(buildPortableChartConfig(input).options?.plugins?.subtitle?.text).toEqual([
      input.subtitle,
      CI_NOTE,
    ]);
  });

  it('puts the value label past the whisker end, not over it', () => {
    const reading = input.items.find((it) => it.label === 'Reading')!;
    expect(reading.ci?.upper).toBeGreaterThan(reading.value!);
    expect(labelAnchor(reading)).toBe(reading.ci?.upper);
  });

  it('gives each CI in the alt text, rounded as the text answer rounds it', () => {
    const alt = buildAltText(input);
    const ind = answer.indicator;
    expect(alt).toContain(`Leeds ${figureText(leedsFigure, ind)}`);
    expect(alt).toMatch(/Leeds £\d+ \(95% CI £\d+ to £\d+\)/);
  });

  it('draws no whiskers and no note where no CI is published', () => {
    const gva = compare('/compare leeds vs reading on productivity').input;
    expect(gva.items.every((it) => !it.ci)).toBe(true);
    const cfg = buildChartConfig(gva);
    expect(whiskers(cfg.data.datasets as ChartDataset[]).size).toBe(0);
    expect(cfg.options?.plugins?.subtitle?.text).toBe(gva.subtitle);
    expect(buildAltText(gva)).not.toContain('95% CI');
  });

  it('ranks and benchmarks carry CIs too', () => {
    const rank = chartInputFor(ask('/rank pay among northern cities', core));
    expect(rank?.kind === 'bars' && rank.items.filter((it) => it.ci).length).toBeGreaterThan(3);
    const bench = chartInputFor(
      ask('how many northern cities are above the england average for employment?', core, { question: true }),
    );
    expect(bench?.kind === 'bars' && bench.items.filter((it) => it.ci).length).toBeGreaterThan(3);
  });
});

describe('trend lines carry whiskers where intervals are published', () => {
  it('Leeds pay: each period has the published interval, drawn and said in the alt text as the text says it', () => {
    const answer = ask('/trend pay for leeds, manchester since 2015', core);
    if (answer.kind !== 'trend') throw new Error(answer.kind);
    const input = chartInputFor(answer);
    if (input?.kind !== 'lines') throw new Error('no line chart');
    const leeds = input.series.find((s) => s.label === 'Leeds')!;
    const row = answer.rows.find((r) => r.areaName === 'Leeds')!;
    const last = row.points.at(-1)!;
    expect(last.lci).not.toBeNull();
    expect(leeds.cis?.at(-1)).toEqual({ lower: last.lci, upper: last.uci });
    const config = buildChartConfig(input);
    const whiskers = config.data.datasets.filter((d) => d.label === '95% confidence interval');
    // One whisker set per series with intervals (Leeds, Manchester, the South East and England all have them).
    expect(whiskers.length).toBe(input.series.filter((s) => s.cis).length);
    expect(whiskers.length).toBeGreaterThanOrEqual(2);
    expect(config.options?.plugins?.subtitle?.text).toContain(CI_NOTE);
    const alt = buildAltText(input);
    const latest = figureText({ ...row.latest!, areaName: 'Leeds' }, answer.indicator);
    // "£611 (95% CI £583 to £638)": the same rounding as the text answer.
    expect(alt).toContain(latest);
  });
  it('QuickChart gets no line whiskers (its legend could not hide them) and no note claiming them', () => {
    const answer = ask('/trend pay for leeds, manchester since 2015', core);
    const input = chartInputFor(answer);
    if (input?.kind !== 'lines') throw new Error('no line chart');
    const portable = buildPortableChartConfig(input) as {
      data: { datasets: { label?: string }[] };
      options: { plugins: { subtitle: { text: unknown } } };
    };
    expect(portable.data.datasets.some((d) => d.label === '95% confidence interval')).toBe(false);
    expect(JSON.stringify(portable.options.plugins.subtitle.text)).not.toContain(CI_NOTE);
  });
});
