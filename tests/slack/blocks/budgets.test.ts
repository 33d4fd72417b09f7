import { ask } from '../../../src/answers/ask';
import { loadCore } from '../../../src/data/core';
import type { AreaLevel } from '../../../src/data/types';
import { answerMessage } from '../../../src/slack/blocks/answer';
import { visibleText } from '../../support/message-budget';

// Message budgets (issue 11): short enough to scan on a phone. Over 200 commands made from the data
// itself (every command, every area level, indicators across the whole catalogue, typed as people
// type them), each answer must fit its command's budget in blocks and in characters a reader sees.

const core = loadCore();

/** Blocks and visible characters per answer kind; /stats is the 8 blocks and 1,000 characters. */
const BUDGETS: Record<string, { blocks: number; chars: number }> = {
  stats: { blocks: 8, chars: 1000 },
  profile: { blocks: 8, chars: 2000 },
  compare: { blocks: 8, chars: 2000 },
  trend: { blocks: 8, chars: 2000 },
  rank: { blocks: 8, chars: 2500 },
  change: { blocks: 8, chars: 2500 },
  gap: { blocks: 8, chars: 2000 },
  'catching-up': { blocks: 8, chars: 1500 },
  scatter: { blocks: 8, chars: 1500 },
  benchmark: { blocks: 8, chars: 2000 },
  clarify: { blocks: 4, chars: 1000 },
  help: { blocks: 4, chars: 3000 },
  'whats-new': { blocks: 4, chars: 2000 },
};

function every<T>(list: T[], n: number): T[] {
  if (list.length <= n) return list;
  const step = list.length / n;
  return Array.from({ length: n }, (_, i) => list[Math.floor(i * step)]);
}

function places(level: AreaLevel, n: number): string[] {
  return every(
    core.geography.ofLevel(level).map((a) => a.name),
    n,
  );
}

function commands(): string[] {
  const inds = core.indicators.filter((i) => !i.derived).map((i) => i.label.toLowerCase());
  const towns = [
    ...places('metropolitan_district', 12),
    ...places('unitary_authority', 8),
    ...places('non_metropolitan_district', 6),
    ...places('london_borough', 3),
  ];
  const bigger = [...places('region', 9), ...places('county', 4), ...places('combined_authority', 4)];
  const all = [...towns, ...bigger];
  const out: string[] = [];
  for (const p of every(all, 30)) out.push(`/stats ${p}`);
  for (const [k, ind] of every(inds, 60).entries()) out.push(`/stats ${all[(k * 7) % all.length]} ${ind}`);
  for (const [k, ind] of every(inds, 20).entries()) {
    const n = 2 + (k % 7);
    const picked = Array.from({ length: n }, (_, j) => towns[(k * 3 + j * 5) % towns.length]);
    out.push(`/compare ${picked.join(', ')} on ${ind}`);
  }
  for (const [k, ind] of every(inds, 20).entries())
    out.push(
      `/trend ${ind} for ${towns[k % towns.length]}, ${bigger[k % bigger.length]} since ${2010 + (k % 8)}`,
    );
  const groups = ['northern cities', 'local authorities', 'regions', 'upper-tier councils', 'the north east'];
  const sizes = ['top 10 ', 'bottom 5 ', ''];
  for (const [k, ind] of every(inds, 20).entries())
    out.push(`/rank ${ind} ${sizes[k % 3]}among ${groups[k % groups.length]}`);
  for (const [k, ind] of every(inds, 5).entries())
    out.push(`/rank ${ind} change since ${2012 + k} among northern cities`);
  for (const [k, ind] of every(inds, 15).entries()) out.push(`/gap ${ind}${k % 2 ? ' since 2010' : ''}`);
  for (const p of every(all, 12)) out.push(`/profile ${p}`);
  for (const [k, ind] of every(inds, 6).entries())
    out.push(`/scatter ${ind} vs ${inds[(k * 13 + 5) % inds.length]} among local authorities`);
  for (const q of [
    'how does Leeds compare with Reading on pay?',
    'is bradford catching up with the south east on productivity?',
    'how many northern cities are above the England average for employment?',
    'give me a profile of wakefield for a board paper',
    'what is the employment rate in sunderland',
    'compare manchester, liverpool, newcastle, sheffield, leeds, hull, york and bradford on pay',
    'stats for narnia',
    'leeds pay in 2030',
    'what is the gdp of mars',
    '<!channel> pay in leeds',
    'help',
    'healthy life expectancy in blackpool since 2015',
    'pay in hull vs york',
    'what is the claimant count in middlesbrough',
    'rank northern cities by productivity',
    'profile of the north west',
    'gap in life expectancy between north and south',
    'stats for newcastle',
    'trend in employment for barnsley and doncaster since 2012',
    "what's new?",
  ])
    out.push(q);
  return out;
}

const ALL = commands();

test('the budget check covers over 200 varied commands, every command and answer kind', () => {
  expect(ALL.length).toBeGreaterThan(200);
  const kinds = new Set(ALL.map((q) => ask(q, core).kind));
  for (const k of [
    'stats',
    'profile',
    'compare',
    'trend',
    'rank',
    'change',
    'gap',
    'scatter',
    'clarify',
    'help',
  ])
    expect(kinds).toContain(k);
});

describe.each(ALL.map((q) => [q]))('%s', (q) => {
  test('fits its budget of blocks and visible characters', () => {
    const answer = ask(q, core);
    const budget = BUDGETS[answer.kind];
    for (const isPrivate of [false, true]) {
      const { blocks } = answerMessage(answer, { isPrivate });
      const chars = visibleText(blocks).length;
      expect({ kind: answer.kind, blocks: blocks.length <= budget.blocks ? 'ok' : blocks.length }).toEqual({
        kind: answer.kind,
        blocks: 'ok',
      });
      expect({ kind: answer.kind, chars: chars <= budget.chars ? 'ok' : chars }).toEqual({
        kind: answer.kind,
        chars: 'ok',
      });
    }
  });
});
