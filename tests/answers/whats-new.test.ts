import { ask } from '../../src/answers/ask';
import { renderText } from '../../src/answers/render-text';
import { loadCore } from '../../src/data/core';
import { readSnapshot } from '../../src/data/snapshot';
import { StatsCore } from '../../src/data/stats';
import { answerMessage } from '../../src/slack/blocks/answer';

// "What's new?" answers from the refresh report behind the serving snapshot.

const bundled = loadCore();

test('on the bundled snapshot it says so, for /stats, a mention and the console alike', () => {
  for (const [q, opts] of [
    ["/stats what's new", {}],
    ["<@U0BOT> what's new?", { question: true }],
    ['what is new', { question: true }],
  ] as const) {
    const a = ask(q, bundled, opts);
    expect(a.kind).toBe('whats-new');
    expect(renderText(a)).toContain('bundled snapshot');
  }
});

test("after a refresh it lists the new periods and the large revisions, worded with the indicator's unit", () => {
  const core = new StatsCore(readSnapshot());
  core.changes = {
    refreshedAt: '2026-12-01T07:30:00.000Z',
    newPeriods: [{ indicator: 'claimant-count', periods: ['2026-01-01/P1Y'] }],
    revisions: 3,
    largeRevisions: [
      {
        indicator: 'gross-median-weekly-pay',
        area: 'E08000035',
        period: '2025-04-30',
        old: 610.7,
        new: 855,
        relative: 0.4,
      },
    ],
    newAreas: [],
    retiredAreas: [],
    newIndicators: [],
    removedIndicators: [],
  };
  const a = ask("/stats what's new", core);
  const text = renderText(a);
  expect(text).toContain('New periods for 1 indicator:');
  expect(text).toContain('Claimant Count: 2026-01-01/P1Y'); // a period the core does not hold is shown as its id
  expect(text).toContain('3 earlier figures revised by the publisher.');
  expect(text).toContain('Large revision: Gross median weekly pay, Leeds, April 2025: £611 to £855 (+40.0%)');
  expect(text).toContain('data refresh of 1 Dec 2026');
  const { blocks } = answerMessage(a, { isPrivate: false });
  expect(JSON.stringify(blocks)).toContain('Large revision');
  expect(JSON.stringify(blocks)).not.toContain('download_csv');
});
