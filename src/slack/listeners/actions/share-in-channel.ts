import { ACTIONS, answerMessage } from '../../blocks/answer';
import type { AppDeps } from '../../deps';
import { type ButtonHandler, rebuild, stale } from './button';

/** "Share in channel": a private answer posted for everyone (response_url works where the bot is not a member). */
export const actionId = ACTIONS.shareInChannel;

export function handler(deps: AppDeps): ButtonHandler {
  return async (args) => {
    await args.ack();
    const result = rebuild(args, deps);
    if (!result) return stale(args);
    await args.respond({
      response_type: 'in_channel',
      delete_original: true,
      ...answerMessage(result, { isPrivate: false }),
    });
  };
}
