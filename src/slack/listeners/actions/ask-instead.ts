import { ACTIONS, answerMessage } from '../../blocks/answer';
import type { AppDeps } from '../../deps';
import { type ButtonHandler, rebuild, stale, where } from './button';

/** "Show <the nearest statistic>" on a not-held answer: that answer, asked for by the click. */
export const actionId = ACTIONS.askInstead;

export function handler(deps: AppDeps): ButtonHandler {
  return async (args) => {
    await args.ack();
    const result = rebuild(args, deps);
    if (!result) return stale(args);
    const to = where(args);
    await args.respond({
      response_type: to.isPrivate ? 'ephemeral' : 'in_channel',
      replace_original: false,
      ...answerMessage(result, { isPrivate: to.isPrivate }),
    });
  };
}
