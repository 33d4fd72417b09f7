import { aboutAnswer } from '../../../answers/about';
import { aboutMessage } from '../../blocks/about';
import { ACTIONS } from '../../blocks/answer';
import type { AppDeps } from '../../deps';
import { type ButtonHandler, rebuild, stale } from './button';

/** "About this figure": the definition, caveat, unit and source of the answer's statistic, for the clicker. */
export const actionId = ACTIONS.aboutFigure;

export function handler(deps: AppDeps): ButtonHandler {
  return async (args) => {
    await args.ack();
    const result = rebuild(args, deps);
    if (!result) return stale(args);
    await args.respond({
      response_type: 'ephemeral',
      replace_original: false,
      ...aboutMessage(aboutAnswer(result, deps.core)),
    });
  };
}
