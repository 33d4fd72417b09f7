import { chartInputFor } from './chart-input';
import type { Answer } from './types';

// Whether an answer carries any figure at all. An answer without one (every value withheld or not
// published for the place) is a "no data" answer: it gets no chart, compare or download buttons and
// is shown only to the person who asked.

export function hasFigures(answer: Answer): boolean {
  switch (answer.kind) {
    case 'stats':
    case 'profile': {
      const items = answer.kind === 'stats' ? answer.items : answer.themes.flatMap((t) => t.items);
      return items.some((i) => i.figure.value !== null);
    }
    case 'compare':
      return answer.figures.some((f) => f.value !== null);
    case 'trend':
      return answer.rows.some((r) => r.latest !== null && r.latest.value !== null);
    case 'rank':
    case 'change':
      return answer.rows.length > 0;
    case 'gap':
      return answer.rows.some((f) => f.value !== null);
    case 'catching-up':
      return answer.points.length > 0;
    case 'scatter':
      return answer.points.length > 0;
    case 'benchmark':
      return answer.above.length + answer.similar.length + answer.same.length + answer.below.length > 0;
    case 'whats-new':
      // Information about the data, for the channel; it has no figures to chart or download.
      return true;
    case 'clarify':
    case 'help':
      return false;
  }
}

/** "Show chart" is offered only where there is a chart to show. */
export function hasChart(answer: Answer): boolean {
  return hasFigures(answer) && chartInputFor(answer) !== null;
}

/** A reply that could have held figures and holds none (a clarification, or nothing published): not help. */
export function isNoData(answer: Answer): boolean {
  return answer.kind !== 'help' && !hasFigures(answer);
}
