import { ACTIONS } from '../../blocks/answer';
import { answerCsv, csvFilename } from '../../csv';
import type { AppDeps } from '../../deps';
import { dmChannel, slackErrorCode } from '../../deliver';
import { type ButtonHandler, rebuild, stale, tell, where } from './button';

/** "Download CSV": the answer's figures as a file in the channel (by DM for a private answer). */
export const actionId = ACTIONS.downloadCsv;

export function handler(deps: AppDeps): ButtonHandler {
  return async (args) => {
    await args.ack();
    const result = rebuild(args, deps);
    const csv = result ? answerCsv(result) : null;
    if (!result || !csv) return stale(args);
    const to = where(args);
    const channel = to.isPrivate ? await dmChannel(args.client, to.user) : to.channel;
    try {
      await args.client.files.uploadV2({
        channel_id: channel,
        ...(to.threadTs && !to.isPrivate ? { thread_ts: to.threadTs } : {}),
        file: Buffer.from(csv, 'utf8'),
        filename: csvFilename(result),
        title: 'Northstat data (ONS, Open Government Licence v3.0)',
      } as Parameters<typeof args.client.files.uploadV2>[0]);
    } catch (err) {
      const code = slackErrorCode(err);
      deps.logger.warn({ err: code ?? String(err) }, 'csv upload failed');
      await tell(
        args,
        code === 'not_in_channel'
          ? 'I am not a member of this channel, so I cannot upload the CSV here. Invite me with `/invite @Northstat`.'
          : 'Sorry, the CSV upload failed. Please try again.',
      );
    }
  };
}
