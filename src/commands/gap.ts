import type { AppDeps } from '../slack/deps';
import { answerCommand } from './answer-command';

/** `/gap`: see COMMAND_HELP.gap in src/answers/help.ts. */
export const name = '/gap';

export function listener(deps: AppDeps) {
  return answerCommand('gap', deps);
}
