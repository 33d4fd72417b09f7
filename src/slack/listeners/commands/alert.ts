import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { runAlertCommand } from '../../../alerts/service';
import { plainMessage } from '../../blocks/answer';
import { escapeMrkdwn } from '../../escape';
import type { AppDeps } from '../../deps';
import { message, section } from '../../blocks/kit';

// /alert: release, threshold and rises/falls alerts for this channel, list, delete, help (src/alerts).
// Acked with the reply itself: a store write takes milliseconds. Replies are for the person who typed.

export const name = '/alert';

export function listener(deps: AppDeps) {
  return async ({ command, ack, logger }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    try {
      const lines = await runAlertCommand(
        {
          text: command.text ?? '',
          teamId: command.team_id,
          channelId: command.channel_id,
          userId: command.user_id,
        },
        deps.store.alerts,
        deps.core,
      );
      // Lines quote what was typed: escaped here, with the reply's own *bold* and `code` kept.
      const text = lines
        .map((l) => l.replace(/"([^"]*)"/g, (_m, q: string) => `"${escapeMrkdwn(q)}"`))
        .join('\n');
      await ack({ response_type: 'ephemeral', ...message([section(text)], escapeMrkdwn(lines.join(' '))) });
    } catch (err) {
      logger.error(`/alert failed: ${err instanceof Error ? err.message : String(err)}`);
      await ack({
        response_type: 'ephemeral',
        ...plainMessage('Sorry, that alert command did not work. Please try again, or try `/alert help`.'),
      });
    }
  };
}
