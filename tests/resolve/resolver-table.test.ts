import { decideCommand } from '../../src/answers/ask';
import { COMMAND_NAMES } from '../../src/answers/commands';
import { loadCore } from '../../src/data/core';
import { resolve } from '../../src/resolve';
import { PLACE_QUERIES, type PlaceQuery } from './place-queries';

const core = loadCore();

function check(row: PlaceQuery): string | null {
  const r = resolve(row.q, core);
  const got = r.areas.map((a) => a.code);
  const problems: string[] = [];
  if (got.join(',') !== row.areas.join(','))
    problems.push(`areas ${JSON.stringify(got)} != ${JSON.stringify(row.areas)}`);
  const indicator = r.unavailable ? `unavailable:${r.unavailable.dataset}` : (r.indicator?.id ?? null);
  if (row.indicator !== undefined && indicator !== row.indicator) {
    problems.push(`indicator ${indicator} != ${row.indicator}`);
  }
  const command = decideCommand(resolve(row.q, core, { commands: COMMAND_NAMES }));
  if (row.command !== undefined && command !== row.command)
    problems.push(`command ${command} != ${row.command}`);
  return problems.length ? problems.join('; ') : null;
}

describe('resolver query table', () => {
  it('has at least 250 realistic queries', () => {
    expect(PLACE_QUERIES.length).toBeGreaterThanOrEqual(250);
  });

  it('resolves at least 97% of the table correctly', () => {
    const misses: string[] = [];
    for (const row of PLACE_QUERIES) {
      const problem = check(row);
      if (problem) misses.push(`  MISS "${row.q}": ${problem}`);
    }
    const score = (PLACE_QUERIES.length - misses.length) / PLACE_QUERIES.length;
    console.log(
      `resolver table: ${PLACE_QUERIES.length - misses.length}/${PLACE_QUERIES.length} = ${(score * 100).toFixed(1)}%` +
        (misses.length ? `\n${misses.join('\n')}` : ''),
    );
    expect(score).toBeGreaterThanOrEqual(0.97);
  });
});
