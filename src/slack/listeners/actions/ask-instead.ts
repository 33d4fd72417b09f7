import { ACTIONS } from '../../blocks/answer';
import type { AppDeps } from '../../deps';
import { type ButtonHandler, reAskHandler } from './button';

/** "Show <the nearest statistic>" on a not-held answer: that answer, asked for by the click. */
export const actionId = ACTIONS.askInstead;

export function handler(deps: AppDeps): ButtonHandler {
  return reAskHandler(deps);
}
