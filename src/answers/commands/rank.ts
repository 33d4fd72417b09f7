import { answerRank, clarify, DEFAULT_INDICATOR, defaultRankGroup } from '../engine';
import type { CommandSpec } from './types';

export const rank: CommandSpec = {
  name: 'rank',
  order: 40,
  summary: 'A league table: top or bottom N of a group.',
  usage: '/rank <indicator> [top|bottom N] [among <group>]',
  examples: [
    '/rank pay top 10',
    '/rank productivity among english regions',
    '/rank income bottom 5 among northern cities',
  ],
  chart: 'on-click',
  answer({ req, core, areas, year, indicatorId, placeProblems, indicatorProblems }) {
    if (placeProblems.length > 0 || indicatorProblems.length > 0)
      return clarify(req, '/rank pay top 10 among northern cities');
    const group =
      req.group ??
      (areas.length >= 2
        ? { id: 'listed', label: 'the places you listed', codes: areas }
        : defaultRankGroup(core, req.rank?.n ?? null));
    return answerRank(core, indicatorId ?? DEFAULT_INDICATOR, group, {
      n: req.rank?.n ?? undefined,
      direction: req.rank?.direction ?? 'top',
      year,
      highlight: areas,
    });
  },
};
