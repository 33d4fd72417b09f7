import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps';
import { stale } from './button';

/**
 * Any other action id (a button on a message from an older version, or a forged payload): acked at
 * once, so Slack never waits out its 3 seconds, and the person is told what to type instead.
 */
export function handler(deps: AppDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    deps.logger.info({ actionId: args.action.action_id }, 'unknown or expired action');
    await stale(args);
  };
}
