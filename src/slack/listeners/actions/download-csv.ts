import { ACTIONS } from '../../blocks/answer';
import { answerCsv, csvFilename } from '../../csv';
import type { AppDeps } from '../../deps';
import type { ButtonHandler } from './button';
import { downloadHandler } from './download';

/** "Download CSV": the answer's figures as a file in the channel (by DM for a private answer). */
export const actionId = ACTIONS.downloadCsv;

export function handler(deps: AppDeps): ButtonHandler {
  return downloadHandler(deps, 'CSV', async (answer) => {
    const csv = answerCsv(answer);
    return csv ? { file: Buffer.from(csv, 'utf8'), filename: csvFilename(answer) } : null;
  });
}
