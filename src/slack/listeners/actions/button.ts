import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeSpec, replay } from '../../../answers/replay';
import { groupCodes } from '../../../answers/group-codes';
import type { Answer } from '../../../answers/types';
import { answerMessage, plainMessage } from '../../blocks/answer';
import type { AppDeps } from '../../deps';

// What every answer button shares: each rebuilds its answer from the spec the button carries
// (stateless, so any instance can handle the click), acks at once, then does the slow part.

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
export type ButtonHandler = (args: ButtonArgs) => Promise<void>;

export function rebuild(args: ButtonArgs, deps: AppDeps): Answer | null {
  const spec = decodeSpec(args.action.value ?? '');
  return spec ? replay(spec, deps.core, (id) => groupCodes(id, deps.core)) : null;
}

/** Where the clicked message is (any block action: buttons and menus). */
export function where(args: { body: BlockAction }): {
  channel: string;
  user: string;
  threadTs?: string;
  isPrivate: boolean;
} {
  const container = args.body.container as { is_ephemeral?: boolean; thread_ts?: string } | undefined;
  return {
    channel: args.body.channel?.id ?? args.body.user.id,
    user: args.body.user.id,
    threadTs: container?.thread_ts ?? (args.body.message as { thread_ts?: string } | undefined)?.thread_ts,
    isPrivate: container?.is_ephemeral === true,
  };
}

/** An ephemeral note to the person who clicked, leaving the message as it was. */
export async function tell(args: Pick<SlackActionMiddlewareArgs, 'respond'>, text: string): Promise<void> {
  await args.respond({ response_type: 'ephemeral', replace_original: false, ...plainMessage(text) });
}

export const EXPIRED_TEXT =
  'That button has expired (it belongs to an older answer). Ask again, e.g. `/stats leeds pay`, or type `/stats help`.';

export async function stale(args: Pick<SlackActionMiddlewareArgs, 'respond'>): Promise<void> {
  await tell(args, EXPIRED_TEXT);
}

/**
 * The buttons that ask a different question (another place, the nearest statistic): the new answer is
 * posted where the old one was, as visibly as it was, and the old one stays.
 */
export function reAskHandler(deps: AppDeps): ButtonHandler {
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
