import type { WebClient } from '@slack/web-api';
import { type AlertEvent, alertEvents } from '../alerts/evaluate';
import { sourceLine } from '../answers/phrases';
import type { StatsCore } from '../data/stats';
import { type Clock, postDigest, systemClock } from '../digest/deliver';
import { DigestRateLimiter } from '../digest/rate-limit';
import type { Logger } from '../log';
import type { AlertStore } from '../store/alerts';
import { escapeMrkdwn as e } from './escape';
import { context, header, message, type SlackMessage, section } from './blocks/kit';

// Posting alerts after a refresh swapped the core: every alert is evaluated against the old and the new
// core, each event is claimed in the ledger (one instance wins it), posted with the digest's delivery
// (rate limiter, Retry-After on 429, backoff on 5xx, a history check before retrying an ambiguous post),
// then marked sent by its holder; a failed post gives the claim back for the next refresh check.

export function alertMessage(event: AlertEvent): SlackMessage {
  return message(
    [
      header(event.title),
      section(event.lines.map((l) => e(l)).join('\n')),
      context([e(sourceLine(event.source, event.period))]),
    ],
    e(`${event.title}. ${event.lines.join('. ')}`),
  );
}

export interface AlertDeliveryOptions {
  before: StatsCore;
  after: StatsCore;
  store: AlertStore;
  client: WebClient;
  instanceId: string;
  logger: Logger;
  limiter?: DigestRateLimiter;
  clock?: Clock;
}

export interface AlertDeliveryResult {
  posted: number;
  /** Events another instance had claimed or sent. */
  elsewhere: number;
  failed: number;
}

export async function deliverAlerts(o: AlertDeliveryOptions): Promise<AlertDeliveryResult> {
  const clock = o.clock ?? systemClock;
  const limiter = o.limiter ?? new DigestRateLimiter();
  const result: AlertDeliveryResult = { posted: 0, elsewhere: 0, failed: 0 };
  for (const alert of await o.store.all()) {
    let events: AlertEvent[];
    try {
      events = alertEvents(alert.spec, o.before, o.after);
    } catch (err) {
      // An alert the new data cannot evaluate (an indicator withdrawn): logged, never a crash.
      o.logger.warn(
        { alert: alert.id, err: err instanceof Error ? err.message : String(err) },
        'alert not evaluated',
      );
      continue;
    }
    for (const event of events) {
      const claimedAt = clock.now();
      if (!(await o.store.claim(alert.id, event.key, o.instanceId, claimedAt))) {
        result.elsewhere++;
        continue;
      }
      const posted = await postDigest(
        o.client,
        alert.channelId,
        `alert:${alert.id}:${event.key}`,
        claimedAt,
        alertMessage(event),
        {
          limiter,
          clock,
        },
      );
      if (posted.ok) {
        await o.store.markSent(alert.id, event.key, o.instanceId, posted.ts, clock.now());
        result.posted++;
      } else {
        await o.store.release(alert.id, event.key, o.instanceId);
        o.logger.warn({ alert: alert.id, event: event.key, error: posted.failure.error }, 'alert not posted');
        result.failed++;
      }
    }
  }
  return result;
}
