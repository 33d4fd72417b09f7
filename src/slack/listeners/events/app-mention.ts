import type { types } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../deps';
import { replyWithAnswer } from './reply';

/** @Northstat <question>: answered in a thread under the mention, charts in the same thread. */
export async function onAppMention(
  event: types.AppMentionEvent,
  client: WebClient,
  deps: AppDeps,
): Promise<void> {
  await replyWithAnswer(
    client,
    deps,
    { channel: event.channel, threadTs: event.thread_ts ?? event.ts, user: event.user ?? '' },
    event.text,
  );
}
