import type { WebClient } from '@slack/web-api';
import { chartInputFor } from '../answers/chart-input';
import type { Answer } from '../answers/types';
import type { AppDeps } from './deps';
import { escapeMrkdwn } from './escape';

// Delivering charts and files: after the ack, never before. Local PNGs go up with files.uploadV2
// (getUploadURLExternal -> upload -> completeUploadExternal); QuickChart URLs go in an image block.

export interface Destination {
  /** Channel (or DM channel) id. */
  channel: string;
  threadTs?: string;
  /** The person to tell when the bot cannot post to `channel`. */
  user: string;
}

export type DeliveryOutcome = 'posted' | 'no-chart' | 'not-in-channel' | 'failed';

/** Slack error codes that mean "the bot may not post here" rather than "try again". */
const NOT_ALLOWED = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'not_allowed_token_type',
]);

export function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: string } })?.data;
  return data?.error;
}

/** Uploads or links the answer's chart into the destination; says so helpfully when it cannot. */
export async function deliverChart(
  client: WebClient,
  deps: AppDeps,
  answer: Answer,
  to: Destination,
): Promise<DeliveryOutcome> {
  const input = chartInputFor(answer);
  if (!input) return 'no-chart';
  try {
    const chart = await deps.charts.render(input);
    if (chart.kind === 'url') {
      await client.chat.postMessage({
        channel: to.channel,
        thread_ts: to.threadTs,
        text: escapeMrkdwn(chart.title),
        blocks: [
          {
            type: 'image',
            image_url: chart.url,
            alt_text: chart.altText,
            title: { type: 'plain_text', text: chart.title.slice(0, 2000) },
          },
        ],
      });
      return 'posted';
    }
    await client.files.uploadV2({
      channel_id: to.channel,
      ...(to.threadTs ? { thread_ts: to.threadTs } : {}),
      file: chart.png,
      filename: chart.filename,
      title: chart.title,
      alt_text: chart.altText,
    } as Parameters<WebClient['files']['uploadV2']>[0]);
    return 'posted';
  } catch (err) {
    const code = slackErrorCode(err);
    deps.logger.warn({ err: code ?? String(err), channel: to.channel }, 'chart delivery failed');
    if (code && NOT_ALLOWED.has(code)) {
      await client.chat
        .postEphemeral({
          channel: to.channel,
          user: to.user,
          text: 'I could not post the chart here because I am not a member of this channel. Invite me with `/invite @Northstat` and ask again, or add `private` to get charts by direct message.',
        })
        .catch(() => undefined);
      return 'not-in-channel';
    }
    return 'failed';
  }
}

/** Opens (or finds) the DM channel with a person; ephemeral answers send their charts there. */
export async function dmChannel(client: WebClient, user: string): Promise<string> {
  const opened = await client.conversations.open({ users: user });
  const id = opened.channel?.id;
  if (!id) throw new Error('conversations.open returned no channel');
  return id;
}
