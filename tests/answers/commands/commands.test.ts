// Each command module's own rules, on the real data (tests/answers/commands mirrors src/answers/commands).
import { ask } from '../../../src/answers/ask';
import { compare } from '../../../src/answers/commands/compare';
import { gap } from '../../../src/answers/commands/gap';
import { rank } from '../../../src/answers/commands/rank';
import { stats } from '../../../src/answers/commands/stats';
import { trend } from '../../../src/answers/commands/trend';
import { renderText } from '../../../src/answers/render-text';
import { loadCore } from '../../../src/data/core';

const core = loadCore();

describe.each([
  [stats, '/stats pay', 'I need a place'],
  [compare, '/compare leeds on pay', 'I need a place (or two, to compare)'],
  [trend, '/trend pay since 2015', 'I need a place'],
])('$name', (spec, incomplete, said) => {
  it(`asks back when the request is incomplete (${incomplete})`, () => {
    const a = ask(incomplete, core);
    expect(a.kind).toBe('clarify');
    expect(renderText(a)).toContain(said);
    expect(renderText(a)).toContain(`Try: /${spec.name}`);
  });
});

describe('chart rules', () => {
  it('answers comparing over places or time carry their chart; single figures and tables on a click', () => {
    expect([stats.chart, rank.chart]).toEqual(['on-click', 'on-click']);
    expect([compare.chart, trend.chart, gap.chart]).toEqual(['with-answer', 'with-answer', 'with-answer']);
  });
});

describe('rank', () => {
  it('with no group ranks the English regions; with "top N" beyond nine, local authorities', () => {
    const regions = ask('/rank pay', core);
    expect(regions.kind === 'rank' && regions.total).toBe(9);
    const top = ask('/rank pay top 12', core);
    expect(top.kind === 'rank' && top.group.label).toBe('local authorities in England');
  });
});

describe('gap', () => {
  it('an empty /gap is its help; with no indicator it defaults to productivity, the Northern Powerhouse headline', () => {
    const a = ask('', core, { command: 'gap' });
    expect(a.kind === 'help' && a.command).toBe('gap');
    const b = ask('/gap since 2015', core);
    expect(b.kind === 'gap' && b.indicator.id).toBe('gross-value-added-per-hour-worked');
  });
});
