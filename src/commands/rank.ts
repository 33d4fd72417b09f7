import type { App } from '@slack/bolt';
import type { AppDeps } from '../slack/deps';
import { answerCommand } from './answer-command';

/** `/rank`: see COMMAND_HELP.rank in src/answers/help.ts. */
export function register(app: App, deps: AppDeps): void {
  app.command('/rank', answerCommand('rank', deps));
}
