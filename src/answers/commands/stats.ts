import { answerStats, clarify } from '../engine';
import type { CommandSpec } from './types';

export const stats: CommandSpec = {
  name: 'stats',
  order: 10,
  summary: 'One place: the latest figure, its rank, and how it compares with the South East and England.',
  usage: '/stats <place> [indicator] [year] [private]',
  examples: ['/stats leeds', '/stats sheffield wages', '/stats hull productivity 2019'],
  chart: 'on-click',
  answer({ req, core, areas, year, indicatorId, placeProblems, indicatorProblems }) {
    if (areas.length === 0 || placeProblems.length > 0 || (indicatorProblems.length > 0 && !indicatorId)) {
      return clarify(
        req,
        '/stats leeds pay',
        areas.length === 0 && placeProblems.length === 0
          ? [{ text: '', kind: 'place', suggestions: [] }]
          : [],
      );
    }
    return answerStats(core, areas[0], indicatorId, year);
  },
};
