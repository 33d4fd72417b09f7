import type { AppDeps } from '../slack/deps';
import { answerCommand } from './answer-command';

/** `/rank`: see COMMAND_HELP.rank in src/answers/help.ts. */
export const name = '/rank';

export function listener(deps: AppDeps) {
  return answerCommand('rank', deps);
}
