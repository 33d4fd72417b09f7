import type { types } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../deps';
import { replyWithAnswer } from './reply';

/** A direct message to the bot is a question like a mention; answered in the DM itself. */
export async function onMessage(
  message: types.MessageEvent,
  client: WebClient,
  deps: AppDeps,
): Promise<void> {
  // Only people's plain messages in DMs: not edits, joins, or the bot's own posts (those have a subtype).
  if (message.subtype !== undefined || message.channel_type !== 'im' || message.bot_id !== undefined) return;
  await replyWithAnswer(client, deps, { channel: message.channel, user: message.user }, message.text ?? '');
}
