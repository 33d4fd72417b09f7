import { ENGLAND, SOUTH_EAST, UK } from '../../data/geography';
import { answerCatchingUp } from '../analyses';
import { answerGap, clarify, DEFAULT_INDICATOR } from '../engine';
import type { CommandSpec } from './types';

const REFERENCES = new Set([ENGLAND, SOUTH_EAST, UK]);

export const gap: CommandSpec = {
  name: 'gap',
  order: 50,
  summary: 'The North against the South East, London and England, and how the gap moved.',
  usage: '/gap <indicator> [for <place or the north>] [year] [since <year>]',
  examples: ['/gap productivity', '/gap income', '/gap pay since 2010', '/gap productivity for leeds'],
  chart: 'with-answer',
  alsoAnswers: ['catching-up'],
  answer({ req, core, year, areas, indicatorId, indicatorProblems }) {
    if (indicatorProblems.length > 0) return clarify(req, '/gap productivity');
    // "/gap productivity for leeds", "is the north catching up": one place against the South East over time.
    // England and the South East are the gap's own comparators, not a place to follow.
    const places = areas.filter((c) => !REFERENCES.has(c));
    const north = req.group?.id === 'the-north';
    // "north vs london": the North-South gap itself; "for leeds", "is the north catching up": the trend.
    if (places.length > 0 && !(north && !req.cues.catching))
      return answerCatchingUp(core, indicatorId ?? DEFAULT_INDICATOR, places[0]);
    if (req.cues.catching && places.length === 0)
      return answerCatchingUp(core, indicatorId ?? DEFAULT_INDICATOR, 'north');
    return answerGap(core, indicatorId ?? DEFAULT_INDICATOR, year, req.since ?? undefined);
  },
};
