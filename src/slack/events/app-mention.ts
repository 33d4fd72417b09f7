import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../deps';
import { replyWithAnswer } from './question';

export interface MentionEvent {
  type: 'app_mention';
  channel: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  text: string;
}

/** @Northstat <question>: answered in a thread under the mention, charts in the same thread. */
export async function onAppMention(event: MentionEvent, client: WebClient, deps: AppDeps): Promise<void> {
  await replyWithAnswer(
    client,
    deps,
    { channel: event.channel, threadTs: event.thread_ts ?? event.ts, user: event.user ?? '' },
    event.text,
  );
}
