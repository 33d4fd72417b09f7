import type { App } from '@slack/bolt';
import type { AppDeps } from '../slack/deps';
import { answerCommand } from './answer-command';

/** `/compare`: see COMMAND_HELP.compare in src/answers/help.ts. */
export function register(app: App, deps: AppDeps): void {
  app.command('/compare', answerCommand('compare', deps));
}
