import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { AppDeps } from '../../deps';

/**
 * Slack re-sends an event it thinks was not acknowledged (X-Slack-Retry-Num). Each event_id is
 * answered once: the store remembers processed ids (shared by every instance on PostgreSQL).
 * Used as listener middleware on the event listeners only, so commands and buttons do not pay for it.
 */
export function dedupeEvents(deps: AppDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && eventId !== '') {
      const first = await deps.store.markEventProcessed(eventId, new Date());
      if (!first) {
        deps.logger.info({ eventId }, 'duplicate event ignored');
        return;
      }
    }
    await next();
  };
}
