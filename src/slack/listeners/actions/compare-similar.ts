import { decodeSpec, replay } from '../../../answers/replay';
import { ACTIONS, answerMessage } from '../../blocks/answer';
import type { AppDeps } from '../../deps';
import { deliverChart, dmChannel } from '../../deliver';
import { type ButtonHandler, stale, tell, where } from './button';

/** "Compare with similar areas": the place against its ONS statistical neighbours. */
export const actionId = ACTIONS.compareSimilar;

export function handler(deps: AppDeps): ButtonHandler {
  return async (args) => {
    await args.ack();
    const spec = decodeSpec(args.action.value ?? '');
    const area = spec?.a[0];
    if (!spec || !area || !spec.i || !deps.core.hasIndicator(spec.i) || !deps.core.geography.has(area))
      return stale(args);
    const similar = deps.core.geography.similar(area).slice(0, 5);
    if (similar.length === 0) return tell(args, 'ONS publishes no statistical neighbours for this area.');
    const result = replay({ ...spec, k: 'compare', a: [area, ...similar], y: null }, deps.core, () => null);
    if (result?.kind !== 'compare') return stale(args);
    result.notes.push(
      `Similar areas are the ONS statistical neighbours of ${deps.core.geography.name(area)}.`,
    );
    const to = where(args);
    await args.respond({
      response_type: to.isPrivate ? 'ephemeral' : 'in_channel',
      replace_original: false,
      ...answerMessage(result, { isPrivate: to.isPrivate, chartFollows: true }),
    });
    const channel = to.isPrivate ? await dmChannel(args.client, to.user) : to.channel;
    await deliverChart(args.client, deps, result, { channel, threadTs: to.threadTs, user: to.user });
  };
}
