import { ACTIONS } from '../../blocks/answer';
import type { AppDeps } from '../../deps';
import { type ButtonHandler, reAskHandler } from './button';

/** "Did you mean …?" buttons ("pick_area:<n>:<code>"): the same question with the other place. */
export const actionId = ACTIONS.pickArea;

export function handler(deps: AppDeps): ButtonHandler {
  return reAskHandler(deps);
}
