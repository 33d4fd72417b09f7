import { ask } from '../../src/answers/ask';
import { chartInputFor } from '../../src/answers/chart-input';
import { groupCodes } from '../../src/answers/group-codes';
import { replay, specFor, specOf } from '../../src/answers/replay';
import type { Answer } from '../../src/answers/types';
import { buildChartConfig } from '../../src/charts/spec';
import type { BarsChartInput } from '../../src/charts/types';
import { loadCore } from '../../src/data/core';

// The place a chart is about gets its own colour (role 'focus'), on real answers.

const core = loadCore();
const BARNSLEY = 'E08000038';

function bars(answer: Answer | null): BarsChartInput {
  const input = answer ? chartInputFor(answer) : null;
  if (input?.kind !== 'bars') throw new Error('no bar chart');
  return input;
}

const specOfRank = (a: Answer) => {
  const spec = specOf(a);
  if (!spec) throw new Error('no spec');
  return spec;
};

const focusLabels = (input: BarsChartInput) =>
  input.items.filter((it) => it.role === 'focus').map((it) => it.label);

describe('the place asked about is highlighted', () => {
  it('/compare: the first place, and only it', () => {
    expect(focusLabels(bars(ask('/compare leeds vs reading on pay', core)))).toEqual(['Leeds']);
    expect(focusLabels(bars(ask('/compare reading vs leeds on pay', core)))).toEqual(['Reading']);
  });

  it('"Compare with similar areas": Barnsley against its statistical neighbours', () => {
    // What the button replays (src/slack/listeners/actions/compare-similar.ts).
    const similar = core.geography.similar(BARNSLEY).slice(0, 5);
    expect(similar.length).toBeGreaterThan(0);
    const spec = specFor('compare', { a: [BARNSLEY, ...similar], i: 'gross-median-weekly-pay' });
    const input = bars(replay(spec, core, () => null));
    expect(focusLabels(input)).toEqual(['Barnsley']);
    // It is drawn in the focus colour with an outline, not as one more northern bar.
    const cfg = buildChartConfig(input);
    const focusSet = cfg.data.datasets.find((d) => d.label === 'The place asked about');
    const labels = (cfg.data.labels ?? []).map((l) => (Array.isArray(l) ? l.join(' ') : l));
    expect(focusSet?.data[labels.indexOf('Barnsley')]).not.toBeNull();
    expect(focusSet?.borderWidth).toBeGreaterThan(0);
  });

  it('/rank among areas similar to a place: that place, also when it is outside the top N', () => {
    expect(focusLabels(bars(ask('/rank pay among similar to barnsley', core)))).toEqual(['Barnsley']);
    const top3 = ask('/rank pay top 3 among similar to barnsley', core);
    expect(top3.kind === 'rank' && top3.appended).toEqual([BARNSLEY]);
    expect(focusLabels(bars(top3))).toEqual(['Barnsley']);
  });

  it('/rank of a large group keeps an appended place within the 18 bars drawn', () => {
    const answer = ask('/rank pay top 20 among similar to barnsley', core);
    const input = bars(answer);
    expect(input.items.filter((it) => it.role !== 'reference').length).toBeLessThanOrEqual(18);
    expect(focusLabels(input)).toEqual(['Barnsley']);
  });

  it('rank by change and benchmarks mark the place their group is built around', () => {
    expect(focusLabels(bars(ask('/rank pay change since 2015 among similar to barnsley', core)))).toEqual([
      'Barnsley',
    ]);
    const bench = ask('how many areas similar to barnsley are above the england average for pay?', core, {
      question: true,
    });
    expect(bench.kind).toBe('benchmark');
    expect(focusLabels(bars(bench)).map((l) => l.replace(/ \(similar\)$/, ''))).toEqual(['Barnsley']);
  });

  it('/rank naming a place inside the league marks it, and Show chart (the replayed spec) still does', () => {
    const answer = ask('where does leeds rank on pay among northern cities', core);
    if (answer.kind !== 'rank') throw new Error(answer.kind);
    expect(answer.appended).toEqual([]); // Leeds is in the league, not added after it
    expect(focusLabels(bars(answer))).toEqual(['Leeds']);
    const again = replay(specOfRank(answer), core, (id) => groupCodes(id, core));
    expect(focusLabels(bars(again))).toEqual(['Leeds']);
  });

  it('a plain ranking highlights nobody', () => {
    expect(focusLabels(bars(ask('/rank pay among northern cities', core)))).toEqual([]);
  });
});
