import type { WebClient } from '@slack/web-api';
import { type Asked, askFull } from '../../../answers/ask';
import { isNoData } from '../../../answers/has-figures';
import { answerMessage, plainMessage } from '../../blocks/answer';
import type { AppDeps } from '../../deps';
import { deliverChart } from '../../deliver';

// Free-text questions (@-mentions and DMs) go through the same ask() as commands.

/** Posts the answer (and its chart, where the command's rule says it comes with it), in a thread when given. */
export async function replyWithAnswer(
  client: WebClient,
  deps: AppDeps,
  where: { channel: string; threadTs?: string; user: string },
  text: string,
): Promise<void> {
  let asked: Asked;
  try {
    asked = askFull(text, deps.core, { question: true });
  } catch (err) {
    deps.logger.error(`question failed: ${err instanceof Error ? err.message : String(err)}`);
    await client.chat.postMessage({
      channel: where.channel,
      thread_ts: where.threadTs,
      ...plainMessage('Sorry, something went wrong answering that. Try `help`.'),
    });
    return;
  }
  if (isNoData(asked.answer) && where.threadTs !== undefined) {
    // No figure to give (a clarification, or nothing published): only the asker sees it, not the channel.
    await client.chat.postEphemeral({
      channel: where.channel,
      user: where.user,
      thread_ts: where.threadTs,
      ...answerMessage(asked.answer, { isPrivate: true, chartFollows: false }),
    });
    return;
  }
  await client.chat.postMessage({
    channel: where.channel,
    thread_ts: where.threadTs,
    ...answerMessage(asked.answer, { isPrivate: false, chartFollows: asked.chartWithAnswer }),
  });
  if (asked.chartWithAnswer)
    await deliverChart(client, deps, asked.answer, {
      channel: where.channel,
      threadTs: where.threadTs,
      user: where.user,
    });
}
