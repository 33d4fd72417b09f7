import type { App } from '@slack/bolt';
import type { AppDeps } from '../deps';
import { dedupeEvents } from './dedupe';
import { replyWithAnswer } from './question';

/** A direct message to the bot is a question like a mention; answered in the DM itself. */
export function register(app: App, deps: AppDeps): void {
  app.message(dedupeEvents(deps), async ({ message, client }) => {
    // Only people's plain messages in DMs: not edits, joins, or the bot's own posts.
    if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message) return;
    const text = 'text' in message && typeof message.text === 'string' ? message.text : '';
    const user = 'user' in message && typeof message.user === 'string' ? message.user : '';
    await replyWithAnswer(client, deps, { channel: message.channel, user }, text);
  });
}
