import type { AppDeps } from '../slack/deps';
import { answerCommand } from './answer-command';

/** `/trend`: see COMMAND_HELP.trend in src/answers/help.ts. */
export const name = '/trend';

export function listener(deps: AppDeps) {
  return answerCommand('trend', deps);
}
