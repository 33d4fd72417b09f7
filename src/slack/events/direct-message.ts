import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../deps';
import { replyWithAnswer } from './question';

export interface MessageEvent {
  type: 'message';
  channel: string;
  channel_type?: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
}

/** A direct message to the bot is a question like a mention; answered in the DM itself. */
export async function onMessage(message: MessageEvent, client: WebClient, deps: AppDeps): Promise<void> {
  // Only people's plain messages in DMs: not edits, joins, or the bot's own posts.
  if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id !== undefined) return;
  await replyWithAnswer(
    client,
    deps,
    { channel: message.channel, user: message.user ?? '' },
    message.text ?? '',
  );
}
