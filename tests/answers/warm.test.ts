import { ask } from '../../src/answers/ask';
import { warmCore } from '../../src/answers/warm';
import { loadCore } from '../../src/data/core';
import { readSnapshot } from '../../src/data/snapshot';
import { StatsCore } from '../../src/data/stats';
import { placeIndex } from '../../src/resolve/places';

// Warming a refreshed core before it is swapped in: the place index is taken over when the areas are
// the same, built afresh when they differ, and answers are the same either way.

const serving = loadCore();

test('same areas: the place index is taken over (bound to the new core) and answers match', async () => {
  placeIndex(serving);
  const next = new StatsCore(readSnapshot());
  await warmCore(next, serving);
  expect(placeIndex(next).table).toBe(placeIndex(serving).table);
  expect(placeIndex(next).core).toBe(next);
  expect(ask('/stats leeds pay', next)).toEqual(ask('/stats leeds pay', serving));
});

test('different areas (one renamed): a new place index is built and reads the new name', async () => {
  const snap = readSnapshot();
  const areas = snap.areas.map((a) => (a.code === 'E08000035' ? { ...a, name: 'Leeds City' } : a));
  const next = new StatsCore({ ...snap, areas });
  await warmCore(next, serving);
  expect(placeIndex(next).table).not.toBe(placeIndex(serving).table);
  const answer = ask('/stats leeds city pay', next);
  expect(answer.kind).toBe('stats');
  if (answer.kind === 'stats') expect(answer.area.name).toBe('Leeds City');
});
