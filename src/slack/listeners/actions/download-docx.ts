import { ACTIONS } from '../../blocks/answer';
import { csvFilename } from '../../csv';
import type { AppDeps } from '../../deps';
import type { ButtonHandler } from './button';
import { downloadHandler } from './download';

/** "Download Word": a profile as a briefing note for board papers (tables, a chart per theme, sources). */
export const actionId = ACTIONS.downloadDocx;

export function handler(deps: AppDeps): ButtonHandler {
  return downloadHandler(deps, 'Word note', async (answer) => {
    // The Word writer (and canvas) load on the first click, not at app start-up.
    const { answerDocx } = await import('../../../exports/docx');
    const file = await answerDocx(answer);
    return file ? { file, filename: csvFilename(answer).replace(/\.csv$/, '.docx') } : null;
  });
}
