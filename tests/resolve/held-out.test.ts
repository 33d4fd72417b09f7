import { loadCore } from '../../src/data/core';
import { resolve } from '../../src/resolve';
import { HELD_OUT } from './held-out-queries';

// Scores the resolver on queries it was not built against; prints the score and every miss.
const core = loadCore();

it('resolves at least 97% of held-out queries to the right places and indicator', () => {
  const misses: string[] = [];
  for (const [text, codes, indicator] of HELD_OUT) {
    const r = resolve(text, core);
    const got = r.areas.map((a) => a.code);
    if (JSON.stringify(got) !== JSON.stringify(codes) || (r.indicator?.id ?? null) !== indicator) {
      misses.push(`${text} -> ${got.join(',')} ${r.indicator?.id ?? '-'}`);
    }
  }
  const score = (HELD_OUT.length - misses.length) / HELD_OUT.length;
  console.log(
    `held-out resolver score: ${(score * 100).toFixed(1)}% of ${HELD_OUT.length}${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`,
  );
  expect(HELD_OUT.length).toBeGreaterThanOrEqual(60);
  expect(score).toBeGreaterThanOrEqual(0.97);
});
