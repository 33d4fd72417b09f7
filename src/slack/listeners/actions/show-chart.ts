import { ACTIONS } from '../../blocks/answer';
import type { AppDeps } from '../../deps';
import { deliverChart, dmChannel } from '../../deliver';
import { type ButtonHandler, rebuild, stale, tell, where } from './button';

/** "Show chart": the answer's chart in the channel (by DM for a private answer). */
export const actionId = ACTIONS.showChart;

export function handler(deps: AppDeps): ButtonHandler {
  return async (args) => {
    await args.ack();
    const result = rebuild(args, deps);
    if (!result) return stale(args);
    const to = where(args);
    const channel = to.isPrivate ? await dmChannel(args.client, to.user) : to.channel;
    const outcome = await deliverChart(args.client, deps, result, {
      channel,
      threadTs: to.isPrivate ? undefined : to.threadTs,
      user: to.user,
    });
    if (outcome === 'no-chart') await tell(args, 'There is no chart for this answer.');
  };
}
