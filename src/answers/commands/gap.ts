import { answerGap, clarify, DEFAULT_INDICATOR } from '../engine';
import type { CommandSpec } from './types';

export const gap: CommandSpec = {
  name: 'gap',
  order: 50,
  summary: 'The North against the South East, London and England, and how the gap moved.',
  usage: '/gap <indicator> [year] [since <year>]',
  examples: ['/gap productivity', '/gap income', '/gap pay since 2010'],
  chart: 'with-answer',
  answer({ req, core, year, indicatorId, indicatorProblems }) {
    if (indicatorProblems.length > 0) return clarify(req, '/gap productivity');
    return answerGap(core, indicatorId ?? DEFAULT_INDICATOR, year, req.since ?? undefined);
  },
};
