import { answerProfile, clarify } from '../engine';
import type { CommandSpec } from './types';

export const profile: CommandSpec = {
  name: 'profile',
  order: 15,
  summary: 'Everything Northstat holds for one place, by theme, against the South East and England.',
  usage: '/profile <place>',
  examples: ['/profile wakefield', '/profile county durham'],
  chart: 'on-click',
  answer({ req, core, areas, placeProblems }) {
    if (areas.length === 0 || placeProblems.length > 0) {
      return clarify(
        req,
        '/profile wakefield',
        areas.length === 0 && placeProblems.length === 0
          ? [{ text: '', kind: 'place', suggestions: [] }]
          : [],
      );
    }
    return answerProfile(core, areas[0]);
  },
};
