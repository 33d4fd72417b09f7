import { answerCompare, clarify, DEFAULT_INDICATOR } from '../engine';
import type { CommandSpec } from './types';

export const compare: CommandSpec = {
  name: 'compare',
  order: 20,
  summary: 'Several places side by side on one indicator, with the differences.',
  usage: '/compare <place> vs <place> [vs ...] on <indicator> [year]',
  examples: [
    '/compare leeds vs reading on pay',
    '/compare manchester, liverpool and newcastle on productivity',
  ],
  chart: 'with-answer',
  answer({ req, core, areas, year, indicatorId, placeProblems, indicatorProblems }) {
    if (areas.length < 2 || placeProblems.length > 0 || indicatorProblems.length > 0) {
      return clarify(
        req,
        '/compare leeds vs reading on pay',
        areas.length < 2 && placeProblems.length === 0 ? [{ text: '', kind: 'place', suggestions: [] }] : [],
      );
    }
    return answerCompare(core, areas, indicatorId ?? DEFAULT_INDICATOR, year);
  },
};
