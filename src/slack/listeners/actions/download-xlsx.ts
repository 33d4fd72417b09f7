import { ACTIONS } from '../../blocks/answer';
import { csvFilename } from '../../csv';
import type { AppDeps } from '../../deps';
import { answerXlsx } from '../../xlsx';
import type { ButtonHandler } from './button';
import { downloadHandler } from './download';

/** "Download XLSX": the same figures as the CSV as a workbook, with an About sheet (sources, licence). */
export const actionId = ACTIONS.downloadXlsx;

export function handler(deps: AppDeps): ButtonHandler {
  return downloadHandler(deps, 'XLSX', async (answer) => {
    const file = await answerXlsx(answer, deps.core);
    return file ? { file, filename: csvFilename(answer).replace(/\.csv$/, '.xlsx') } : null;
  });
}
