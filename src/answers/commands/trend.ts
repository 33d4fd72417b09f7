import { answerTrend, clarify, DEFAULT_INDICATOR } from '../engine';
import type { CommandSpec } from './types';

export const trend: CommandSpec = {
  name: 'trend',
  order: 30,
  summary: 'How places changed over time, against the South East and England.',
  usage: '/trend <indicator> for <places> [since <year>]',
  examples: ['/trend pay for leeds, manchester since 2015', '/trend employment rate for bradford since 2010'],
  chart: 'with-answer',
  answer({ req, core, areas, indicatorId, placeProblems, indicatorProblems }) {
    if (areas.length === 0 || placeProblems.length > 0 || indicatorProblems.length > 0) {
      return clarify(
        req,
        '/trend pay for leeds, manchester since 2015',
        areas.length === 0 && placeProblems.length === 0
          ? [{ text: '', kind: 'place', suggestions: [] }]
          : [],
      );
    }
    return answerTrend(core, areas, indicatorId ?? DEFAULT_INDICATOR, req.since ?? undefined);
  },
};
