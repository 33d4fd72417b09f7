import type { App } from '@slack/bolt';
import type { AppDeps } from '../slack/deps';
import { answerCommand } from './answer-command';

/** `/stats`: see COMMAND_HELP.stats in src/answers/help.ts. */
export function register(app: App, deps: AppDeps): void {
  app.command('/stats', answerCommand('stats', deps));
}
