import type { App } from '@slack/bolt';
import type { AppDeps } from '../slack/deps';
import { answerCommand } from './answer-command';

/** `/gap`: see COMMAND_HELP.gap in src/answers/help.ts. */
export function register(app: App, deps: AppDeps): void {
  app.command('/gap', answerCommand('gap', deps));
}
