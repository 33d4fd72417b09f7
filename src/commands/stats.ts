import type { AppDeps } from '../slack/deps';
import { answerCommand } from './answer-command';

/** `/stats`: see COMMAND_HELP.stats in src/answers/help.ts. */
export const name = '/stats';

export function listener(deps: AppDeps) {
  return answerCommand('stats', deps);
}
