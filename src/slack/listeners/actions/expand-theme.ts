import { ACTIONS, profileThemeMessage } from '../../blocks/answer';
import type { AppDeps } from '../../deps';
import { type ButtonHandler, rebuild, stale } from './button';

/** A profile's theme button ("expand_theme:<n>"): that theme in full, to the person who clicked. */
export const actionId = ACTIONS.expandTheme;

export function handler(deps: AppDeps): ButtonHandler {
  return async (args) => {
    await args.ack();
    const result = rebuild(args, deps);
    const n = Number(args.action.action_id.split(':')[1]);
    const reply = result?.kind === 'profile' && Number.isInteger(n) ? profileThemeMessage(result, n) : null;
    if (!reply) return stale(args);
    await args.respond({ response_type: 'ephemeral', replace_original: false, ...reply });
  };
}
