import { digestModel, digestStateFor } from '../../src/digest/content';
import { loadCore } from '../../src/data/core';
import { withNewPeriod } from '../support/new-period';

// The next weekly digest after a data refresh says what the refresh brought (issue 12).

test('a digest after a refresh that added a pay period lists pay as new, and nothing else', () => {
  const before = loadCore();
  const sub = {
    places: ['E08000035'],
    indicators: ['gross-median-weekly-pay', 'claimant-count'],
    tz: 'Europe/London',
    skipWhenNoNewData: true,
  };
  const lastWeek = new Date('2026-11-23T09:00:00Z');
  expect(digestModel(before, sub, null, lastWeek).hasNewData).toBe(true);
  const state = digestStateFor(before, sub.indicators, lastWeek, null);
  // Nothing new on the same data.
  expect(digestModel(before, sub, state, new Date('2026-11-30T09:00:00Z')).newData).toEqual([]);
  const after = withNewPeriod('gross-median-weekly-pay', 'April 2026', '2026-04-29', 1.03, 640);
  const next = digestModel(after, sub, state, new Date('2026-12-07T09:00:00Z'));
  expect(next.newData.map((n) => [n.indicatorId, n.period])).toEqual([
    ['gross-median-weekly-pay', 'April 2026'],
  ]);
  expect(next.hasNewData).toBe(true);
});
