import type { StatsCore } from '../data/stats';
import { resolve } from '../resolve';
import { answer } from './engine';
import type { Answer } from './types';

/** Text in, answer model out: the one entry point every surface (CLI, console, Slack, digests) uses. */
export function ask(text: string, core: StatsCore): Answer {
  return answer(resolve(text, core), core);
}
