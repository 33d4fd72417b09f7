import type { WebClient } from '@slack/web-api';
import type { SlackBlock } from '../slack/limits';
import { type DigestRateLimiter, isRetryableStatus, retryDelay } from './rate-limit';

/*
 * Posting one digest to Slack, with the failure handling the scheduler needs:
 * - 429: wait exactly Retry-After (and tell the shared limiter, so other posts wait too), then try again;
 * - 5xx, timeouts, connection errors: back off with retryDelay and try again, up to maxAttempts; because such a
 *   failure may hide a post that did happen, the channel history is checked for the slot's metadata first;
 * - not_in_channel, channel_not_found, is_archived, account_inactive (and similar): the channel cannot take
 *   digests; the caller pauses the subscription;
 * - any other Slack error (invalid_blocks …): final, not retried.
 * Time only moves through the injected clock.
 */

export const DIGEST_EVENT_TYPE = 'northstat_digest';

export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** Slack errors meaning the bot cannot post in the channel until a person fixes something. */
export const PAUSE_ERRORS = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'account_inactive',
  'token_revoked',
  'invalid_auth',
  'restricted_action',
  'missing_scope',
]);

export type SlackFailure =
  | { kind: 'rate_limited'; retryAfterSeconds: number; error: string }
  | { kind: 'retryable'; error: string }
  | { kind: 'pause'; error: string }
  | { kind: 'fatal'; error: string };

/** Sorts a WebClient error into what the scheduler should do about it. */
export function classifySlackError(err: unknown): SlackFailure {
  const e = err as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string };
    message?: string;
  };
  if (e?.code === 'slack_webapi_rate_limited_error') {
    return { kind: 'rate_limited', retryAfterSeconds: Number(e.retryAfter ?? 1), error: 'ratelimited' };
  }
  if (e?.code === 'slack_webapi_http_error') {
    const status = Number(e.statusCode);
    if (status === 429) return { kind: 'rate_limited', retryAfterSeconds: 1, error: 'http_429' };
    return isRetryableStatus(status)
      ? { kind: 'retryable', error: `http_${status}` }
      : { kind: 'fatal', error: `http_${status}` };
  }
  if (e?.code === 'slack_webapi_platform_error') {
    const code = e.data?.error ?? 'unknown_error';
    if (PAUSE_ERRORS.has(code)) return { kind: 'pause', error: code };
    if (['ratelimited', 'rate_limited'].includes(code)) {
      return { kind: 'rate_limited', retryAfterSeconds: 1, error: code };
    }
    if (['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'].includes(code)) {
      return { kind: 'retryable', error: code };
    }
    return { kind: 'fatal', error: code };
  }
  // Request errors (timeouts, resets) and anything unexpected: no response, so worth another try.
  return { kind: 'retryable', error: e?.code ?? e?.message ?? String(err) };
}

export interface DigestMessage {
  blocks: SlackBlock[];
  text: string;
}

export interface PostOptions {
  limiter: DigestRateLimiter;
  clock: Clock;
  /** Attempts for 5xx / timeouts before giving up on this claim (default 3). */
  maxAttempts?: number;
  /** Rate-limit waits before giving up on this claim (default 10). */
  maxRateLimitWaits?: number;
  random?: () => number;
  /** Backoff base for retryDelay (default 1000 ms). */
  backoffBaseMs?: number;
}

export type PostResult =
  | { ok: true; ts: string; found: boolean; attempts: number }
  | { ok: false; failure: SlackFailure; attempts: number };

export function digestMetadata(subscriptionId: string, slot: Date) {
  return {
    event_type: DIGEST_EVENT_TYPE,
    event_payload: { subscription_id: subscriptionId, slot: slot.toISOString() },
  };
}

/**
 * The ts of a digest already posted for (subscription, slot), found by its message metadata; null if none.
 * Looks from an hour before the slot (clock skew) and reads up to `maxPages` pages.
 */
export async function findPostedDigest(
  client: WebClient,
  channel: string,
  subscriptionId: string,
  slot: Date,
  maxPages = 5,
): Promise<string | null> {
  let cursor: string | undefined;
  const oldest = String(Math.floor((slot.getTime() - 3_600_000) / 1000));
  for (let page = 0; page < maxPages; page++) {
    const res = await client.conversations.history({
      channel,
      oldest,
      limit: 200,
      include_all_metadata: true,
      ...(cursor ? { cursor } : {}),
    });
    for (const m of res.messages ?? []) {
      const meta = (m as { metadata?: { event_type?: string; event_payload?: Record<string, unknown> } })
        .metadata;
      if (
        meta?.event_type === DIGEST_EVENT_TYPE &&
        meta.event_payload?.subscription_id === subscriptionId &&
        meta.event_payload?.slot === slot.toISOString() &&
        typeof m.ts === 'string'
      ) {
        return m.ts;
      }
    }
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!res.has_more || !cursor) break;
  }
  return null;
}

/**
 * Posts the digest with retries. Returns the message ts (found = true when an earlier, ambiguous attempt had
 * in fact posted it) or the failure that ended the attempts.
 */
export async function postDigest(
  client: WebClient,
  channel: string,
  subscriptionId: string,
  slot: Date,
  message: DigestMessage,
  options: PostOptions,
): Promise<PostResult> {
  const maxAttempts = options.maxAttempts ?? 3;
  const maxWaits = options.maxRateLimitWaits ?? 10;
  const nowMs = () => options.clock.now().getTime();
  let attempts = 0;
  let waits = 0;
  let ambiguous = false;
  for (;;) {
    if (ambiguous) {
      // The last attempt failed without a clear answer: it may have posted. Never post twice.
      try {
        const ts = await findPostedDigest(client, channel, subscriptionId, slot);
        if (ts) return { ok: true, ts, found: true, attempts };
      } catch (err) {
        const failure = classifySlackError(err);
        if (failure.kind === 'pause' || failure.kind === 'fatal') return { ok: false, failure, attempts };
        // History unreadable right now: treat like another failed attempt.
        attempts++;
        if (attempts >= maxAttempts) return { ok: false, failure, attempts };
        await options.clock.sleep(
          retryDelay(attempts, undefined, { random: options.random, baseMs: options.backoffBaseMs }),
        );
        continue;
      }
    }
    await options.limiter.waitForSlot(channel, nowMs, (ms) => options.clock.sleep(ms));
    try {
      const res = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        metadata: digestMetadata(subscriptionId, slot),
        unfurl_links: false,
        unfurl_media: false,
      });
      attempts++;
      if (!res.ts) return { ok: false, failure: { kind: 'fatal', error: 'no_ts' }, attempts };
      return { ok: true, ts: res.ts, found: false, attempts };
    } catch (err) {
      const failure = classifySlackError(err);
      if (failure.kind === 'rate_limited') {
        waits++;
        options.limiter.onRateLimited(channel, failure.retryAfterSeconds, nowMs());
        if (waits > maxWaits) return { ok: false, failure, attempts };
        await options.clock.sleep(retryDelay(waits, failure.retryAfterSeconds));
        ambiguous = false;
        continue;
      }
      attempts++;
      if (failure.kind !== 'retryable' || attempts >= maxAttempts) return { ok: false, failure, attempts };
      await options.clock.sleep(
        retryDelay(attempts, undefined, { random: options.random, baseMs: options.backoffBaseMs }),
      );
      ambiguous = true;
    }
  }
}
