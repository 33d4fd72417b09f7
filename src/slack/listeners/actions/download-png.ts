import { ACTIONS } from '../../blocks/answer';
import { csvFilename } from '../../csv';
import type { AppDeps } from '../../deps';
import type { ButtonHandler } from './button';
import { downloadHandler } from './download';

/** "Profile card": the profile on one slide-sized PNG. */
export const actionId = ACTIONS.downloadPng;

export function handler(deps: AppDeps): ButtonHandler {
  return downloadHandler(deps, 'profile card', async (answer) => {
    const { answerCardPng } = await import('../../../exports/profile-card');
    const file = await answerCardPng(answer);
    return file ? { file, filename: csvFilename(answer).replace(/\.csv$/, '-card.png') } : null;
  });
}
