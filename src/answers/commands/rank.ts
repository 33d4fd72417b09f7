import { ENGLAND, SOUTH_EAST } from '../../data/geography';
import { answerBenchmark, answerChange } from '../analyses';
import { answerRank, clarify, DEFAULT_INDICATOR, defaultRankGroup } from '../engine';
import type { CommandSpec } from './types';

export const rank: CommandSpec = {
  name: 'rank',
  order: 40,
  summary: 'A league table: top or bottom N of a group.',
  usage:
    '/rank <indicator> [change since <year>|above england|above the south east] [top|bottom N] [among <group>]',
  examples: [
    '/rank pay top 10',
    '/rank productivity among english regions',
    '/rank income bottom 5 among northern cities',
    '/rank pay change since 2015 among northern cities',
    '/rank employment above england among northern cities',
  ],
  chart: 'on-click',
  alsoAnswers: ['change', 'benchmark'],
  answer({ req, core, areas, year, indicatorId, placeProblems, indicatorProblems }) {
    if (placeProblems.length > 0 || indicatorProblems.length > 0)
      return clarify(req, '/rank pay top 10 among northern cities');
    const benchmarkArea = areas.find((c) => c === ENGLAND || c === SOUTH_EAST);
    const places = areas.filter((c) => c !== benchmarkArea);
    const group =
      req.group ??
      (places.length >= 2
        ? { id: 'listed', label: 'the places you listed', codes: places }
        : defaultRankGroup(core, req.rank?.n ?? null));
    const indicator = indicatorId ?? DEFAULT_INDICATOR;
    // "which core cities beat the South East on pay", "how many are above the England average".
    if (req.cues.benchmark && (benchmarkArea || req.group))
      return answerBenchmark(core, indicator, group, benchmarkArea ?? ENGLAND);
    // "improved most since 2015", "pay change since 2015": ranked by change, not by level.
    if (req.cues.change) {
      const last = core.indicator(indicator).periods.at(-1)?.year ?? 2024;
      const answer = answerChange(core, indicator, group, req.since ?? last - 5, {
        n: req.rank?.n ?? undefined,
        direction: req.rank?.direction ?? 'top',
        highlight: places[0] ?? (req.group?.id.startsWith('similar-to:') ? req.group.id.slice(11) : null),
      });
      // Say which defaults were filled in, so the answer is not taken for a different question.
      const defaults = [
        req.since == null ? 'no start year was given, so this is the change over the last five years' : null,
        !req.group && places.length < 2 ? `no places were given, so these are ${group.label}` : null,
      ].filter((d): d is string => d !== null);
      if (defaults.length > 0 && answer.kind === 'change')
        answer.notes.unshift(
          `${defaults.join('; ')}. Add "since 2015" or "among northern cities" to change it.`.replace(
            /^n/,
            'N',
          ),
        );
      return answer;
    }
    return answerRank(core, indicatorId ?? DEFAULT_INDICATOR, group, {
      n: req.rank?.n ?? undefined,
      direction: req.rank?.direction ?? 'top',
      year,
      highlight: areas,
    });
  },
};
