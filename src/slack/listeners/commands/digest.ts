import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { type DigestRequest, type MembersClient, runDigestCommand } from '../../../digest/service';
import { type DigestReply, digestReplyMessage } from '../../blocks/digest';
import type { AppDeps } from '../../deps';

// /digest: subscribe a channel to a weekly or daily digest, list, unsubscribe, resume, preview, help.
// Acked at once (empty), then answered through response_url, because changes need a Slack call (who is in
// the channel) and a store write. The rules are src/digest/service.ts; the wording src/slack/blocks/digest.ts.

export const name = '/digest';

/** The whole /digest command after the ack: the service's result, rendered. */
export async function handleDigest(
  req: DigestRequest,
  deps: AppDeps,
  client: MembersClient,
  botUserId?: string,
  now: Date = new Date(),
): Promise<DigestReply> {
  return digestReplyMessage(await runDigestCommand(req, deps, client, botUserId, now));
}

export function listener(deps: AppDeps) {
  return async ({
    command,
    ack,
    respond,
    client,
    context,
    logger,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      const request = {
        text: command.text ?? '',
        teamId: command.team_id,
        channelId: command.channel_id,
        userId: command.user_id,
      };
      await respond(await handleDigest(request, deps, client, context.botUserId));
    } catch (err) {
      logger.error(`/digest failed: ${err instanceof Error ? err.message : String(err)}`);
      await respond({
        response_type: 'ephemeral',
        text: 'Sorry, something went wrong with that digest command. Please try again, or try `/digest help`.',
      }).catch(() => undefined);
    }
  };
}
