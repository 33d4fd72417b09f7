import type { App } from '@slack/bolt';
import type { AppDeps } from '../deps';
import { dedupeEvents } from './dedupe';
import { replyWithAnswer } from './question';

/** @Northstat <question>: answered in a thread under the mention, charts in the same thread. */
export function register(app: App, deps: AppDeps): void {
  app.event('app_mention', dedupeEvents(deps), async ({ event, client }) => {
    await replyWithAnswer(
      client,
      deps,
      { channel: event.channel, threadTs: event.thread_ts ?? event.ts, user: event.user ?? '' },
      event.text,
    );
  });
}
