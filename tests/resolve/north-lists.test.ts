import { COMMAND_NAMES } from '../../src/answers/commands';
import { loadCore } from '../../src/data/core';
import { resolve } from '../../src/resolve';

// A bare "north" is the North (NE + NW + Y&H) when it is set against or listed with other places, and a
// direction inside one place otherwise.
const core = loadCore();
const read = (q: string) => {
  const r = resolve(q, core, { commands: COMMAND_NAMES });
  return { areas: r.areas.map((a) => a.code), group: r.group?.id ?? null };
};

describe('a bare "north"', () => {
  it.each([
    ['/compare income north south east', { areas: ['E12000008'], group: 'the-north' }],
    ['/compare pay north and london', { areas: ['E12000007'], group: 'the-north' }],
    ['income north vs south east', { areas: ['E12000008'], group: 'the-north' }],
    ['north wales pay', { areas: ['W92000004'], group: null }],
    ['north leeds pay', { areas: ['E08000035'], group: null }],
    ['north yorkshire pay', { areas: ['E06000065'], group: null }],
  ])('%s', (q, expected) => {
    expect(read(q)).toEqual(expected);
  });
});
