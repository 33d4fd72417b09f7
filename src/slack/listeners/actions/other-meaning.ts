import type { AllMiddlewareArgs, BlockAction, OverflowAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { chartWithAnswer } from '../../../answers/commands';
import { groupCodes } from '../../../answers/group-codes';
import { decodeSpec, replay } from '../../../answers/replay';
import { ACTIONS, answerMessage } from '../../blocks/answer';
import type { AppDeps } from '../../deps';
import { deliverChart, dmChannel } from '../../deliver';
import { stale, where } from './button';

// "Did you mean …?" menu: the answer's spec is the block id, the option "<picked>><other>" says which
// place to swap. The answer is rebuilt with the other place and replaces the message in place
// (response_url, replace_original), so the channel is not left with two answers to the same question.

export const actionId = ACTIONS.otherMeaning;

export type MenuArgs = SlackActionMiddlewareArgs<BlockAction<OverflowAction>> & AllMiddlewareArgs;

const CODE = /^[A-Z]\w{1,9}$/;

export function handler(deps: AppDeps) {
  return async (args: MenuArgs): Promise<void> => {
    await args.ack();
    const spec = decodeSpec(args.action.block_id ?? '');
    const [from, to] = (args.action.selected_option?.value ?? '').split('>');
    if (!spec || !from || !to || !CODE.test(to) || !spec.a.includes(from)) return stale(args);
    const swapped = { ...spec, a: spec.a.map((c) => (c === from ? to : c)) };
    const result = replay(swapped, deps.core, (id) => groupCodes(id, deps.core));
    if (!result) return stale(args);
    const place = where(args);
    const chartFollows = chartWithAnswer(result);
    await args.respond({
      replace_original: true,
      ...answerMessage(result, { isPrivate: place.isPrivate, chartFollows }),
    });
    if (!chartFollows) return;
    // The old chart was for the other place: the new answer's chart follows, as it did for the question.
    const channel = place.isPrivate ? await dmChannel(args.client, place.user) : place.channel;
    await deliverChart(args.client, deps, result, {
      channel,
      threadTs: place.isPrivate ? undefined : place.threadTs,
      user: place.user,
    });
  };
}
