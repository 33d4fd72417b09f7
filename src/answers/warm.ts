import type { StatsCore } from '../data/stats';
import { ask } from './ask';

/**
 * Builds a core's lazy indexes before it serves (a swap must not make the next question pay for them):
 * the resolver's place, group and indicator indexes and rank tables, by answering a few questions.
 */
export function warmCore(core: StatsCore): void {
  for (const q of [
    '/stats leeds',
    '/profile leeds',
    '/gap pay',
    '/rank pay among northern cities',
    'how does leeds compare with reading on pay?',
  ])
    ask(q, core);
}
