import type { AppDeps } from '../slack/deps';
import { answerCommand } from './answer-command';

/** `/compare`: see COMMAND_HELP.compare in src/answers/help.ts. */
export const name = '/compare';

export function listener(deps: AppDeps) {
  return answerCommand('compare', deps);
}
