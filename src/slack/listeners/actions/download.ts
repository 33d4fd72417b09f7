import type { Answer } from '../../../answers/types';
import type { AppDeps } from '../../deps';
import { dmChannel, slackErrorCode } from '../../deliver';
import { type ButtonHandler, rebuild, stale, tell, where } from './button';

/** A file made from the answer (CSV, XLSX): its bytes and name, or null when the answer has no figures. */
export type MakeFile = (answer: Answer) => Promise<{ file: Buffer; filename: string } | null>;

/**
 * The download buttons: rebuild the answer from the button, make the file, upload it where the answer is
 * (by DM for a private answer), and say so plainly when Slack refuses.
 */
export function downloadHandler(deps: AppDeps, kind: string, make: MakeFile): ButtonHandler {
  return async (args) => {
    await args.ack();
    const result = rebuild(args, deps);
    const made = result ? await make(result) : null;
    if (!result || !made) return stale(args);
    const to = where(args);
    const channel = to.isPrivate ? await dmChannel(args.client, to.user) : to.channel;
    try {
      await args.client.files.uploadV2({
        channel_id: channel,
        ...(to.threadTs && !to.isPrivate ? { thread_ts: to.threadTs } : {}),
        file: made.file,
        filename: made.filename,
        title: 'Northstat data (ONS, Open Government Licence v3.0)',
      } as Parameters<typeof args.client.files.uploadV2>[0]);
    } catch (err) {
      const code = slackErrorCode(err);
      deps.logger.warn({ err: code ?? String(err) }, `${kind} upload failed`);
      await tell(
        args,
        code === 'not_in_channel'
          ? `I am not a member of this channel, so I cannot upload the ${kind} here. Invite me with \`/invite @Northstat\`.`
          : `Sorry, the ${kind} upload failed. Please try again.`,
      );
    }
  };
}
