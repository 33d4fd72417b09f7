import type { App } from '@slack/bolt';
import type { AppDeps } from '../slack/deps';
import { answerCommand } from './answer-command';

/** `/trend`: see COMMAND_HELP.trend in src/answers/help.ts. */
export function register(app: App, deps: AppDeps): void {
  app.command('/trend', answerCommand('trend', deps));
}
