import type { WebClient } from '@slack/web-api';
import { answer } from '../../answers/engine';
import { helpFor } from '../../answers/help';
import type { Answer } from '../../answers/types';
import { resolve } from '../../resolve';
import { answerMessage, plainMessage } from '../blocks/answer';
import type { AppDeps } from '../deps';
import { deliverChart } from '../deliver';

// Free-text questions (@-mentions and DMs) go through the same resolver and engine as commands.

/** Removes the bot's own mention ("<@U0BOT> what's pay like in Hull?" -> "what's pay like in Hull?"). */
export function stripMention(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function answerQuestion(text: string, deps: AppDeps): Answer {
  const question = stripMention(text);
  if (question === '' || /^(help|\?|hi|hello)\b/i.test(question)) return helpFor(null);
  return answer(resolve(question, deps.core), deps.core);
}

/** Posts the answer (and its chart, for comparing answers) to a channel, in a thread when given. */
export async function replyWithAnswer(
  client: WebClient,
  deps: AppDeps,
  where: { channel: string; threadTs?: string; user: string },
  text: string,
): Promise<void> {
  let result: Answer;
  try {
    result = answerQuestion(text, deps);
  } catch (err) {
    deps.logger.error(`question failed: ${err instanceof Error ? err.message : String(err)}`);
    await client.chat.postMessage({
      channel: where.channel,
      thread_ts: where.threadTs,
      ...plainMessage('Sorry, something went wrong answering that. Try `help`.'),
    });
    return;
  }
  const chartFollows = result.kind === 'compare' || result.kind === 'trend' || result.kind === 'gap';
  await client.chat.postMessage({
    channel: where.channel,
    thread_ts: where.threadTs,
    ...answerMessage(result, { isPrivate: false, chartFollows }),
  });
  if (chartFollows)
    await deliverChart(client, deps, result, {
      channel: where.channel,
      threadTs: where.threadTs,
      user: where.user,
    });
}
