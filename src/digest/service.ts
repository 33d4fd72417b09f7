import type { AppDeps } from '../slack/deps';
import { isTimeZone } from '../time-zone';
import { type ScheduleSpec, StoreValidationError, type Subscription } from '../store/types';
import { type DigestModel, type DigestSubject, digestModel } from './content';
import { type DigestCommand, parseDigestCommand, type SubscribeRequest } from './parse';
import { nextDueAt } from './schedule';

/*
 * The /digest rules: subscribe a channel to a weekly or daily digest, list, unsubscribe, resume, preview, help.
 *
 * Every read and write is scoped to the workspace (team_id) the command came from; changes are only allowed to
 * people in the subscription's channel (conversations.members). The answer is a plain DigestResult: what
 * happened, never how it reads. src/slack/blocks/digest.ts words it (and escapes whatever the user typed).
 */

/** Most digests one channel may have (each is a post per week or day). */
export const MAX_SUBSCRIPTIONS_PER_CHANNEL = 10;
/** Shown ids are this long; commands accept any unique prefix of at least MIN_ID_PREFIX characters. */
export const SHORT_ID_LENGTH = 8;
export const MIN_ID_PREFIX = 4;

export function shortId(id: string): string {
  return id.slice(0, SHORT_ID_LENGTH);
}

export type ServiceDeps = Pick<AppDeps, 'core' | 'store' | 'config' | 'logger'>;

/** The Slack calls the rules need (a WebClient has them). users.info is optional: without it, no zone lookup. */
export interface MembersClient {
  conversations: {
    members(args: { channel: string; limit?: number; cursor?: string }): Promise<{
      members?: string[];
      response_metadata?: { next_cursor?: string };
    }>;
  };
  users?: {
    info(args: { user: string }): Promise<{ user?: { tz?: string } }>;
  };
}

/**
 * The zone a new subscription is scheduled in: the one typed in the command, else the creator's Slack zone
 * (users.info tz, e.g. 'America/New_York'), else the configured default. Slack trouble (a missing users:read
 * scope, an outage, a zone this runtime does not know) falls back to the default: a subscription is never
 * refused for want of a zone.
 */
export async function subscriptionZone(
  client: MembersClient,
  userId: string,
  request: Pick<SubscribeRequest, 'tz' | 'tzTyped'>,
  logger: ServiceDeps['logger'],
): Promise<string> {
  if (request.tzTyped || !client.users) return request.tz;
  try {
    const tz = (await client.users.info({ user: userId })).user?.tz;
    if (typeof tz === 'string' && isTimeZone(tz)) return tz;
    if (tz !== undefined) logger.warn({ tz }, '/digest: Slack gave a time zone this runtime does not know');
  } catch (err) {
    const code = (err as { data?: { error?: string } })?.data?.error ?? String(err);
    logger.warn({ error: code }, '/digest: could not read the creator’s time zone; using the default');
  }
  return request.tz;
}

export interface DigestRequest {
  text: string;
  teamId: string;
  channelId: string;
  userId: string;
}

/** Who runs the command, where, and when. */
export interface Caller extends Omit<DigestRequest, 'text'> {
  /** The app's bot user, to check it can post in the channel (unknown: not checked). */
  botUserId?: string;
  now: Date;
}

/** A subscription as /digest list shows it. */
export interface ListedSubscription {
  sub: Subscription;
  placeNames: string[];
  /** Labels; an id the statistics core no longer has is shown as the id. */
  indicatorLabels: string[];
  /** Next delivery; null while paused (and only then). */
  next: Date | null;
}

/** Why a command that names a digest found none. */
export type FindProblem =
  | { kind: 'no-id' }
  | { kind: 'not-found'; id: string }
  | { kind: 'ambiguous'; id: string };

/** Why the caller may not change a channel's digests. */
export type MembershipProblem =
  | { kind: 'members-unknown'; channelId: string; error: string }
  | { kind: 'not-a-member'; channelId: string };

export type DigestResult =
  | { kind: 'help' }
  | { kind: 'unreadable' }
  | { kind: 'unknown'; word: string }
  | { kind: 'list'; subscriptions: ListedSubscription[] }
  | FindProblem
  | MembershipProblem
  | { kind: 'other-channel'; sub: Subscription }
  | { kind: 'unsubscribed'; sub: Subscription; userId: string }
  | { kind: 'already-removed'; sub: Subscription }
  | { kind: 'resumed'; sub: Subscription; userId: string; next: Date }
  | { kind: 'not-paused'; sub: Subscription }
  | { kind: 'subscribe-problems'; problems: string[]; notes: string[] }
  | { kind: 'too-many'; count: number }
  | { kind: 'invalid'; message: string }
  | {
      kind: 'subscribed';
      sub: Subscription;
      request: SubscribeRequest;
      userId: string;
      next: Date;
      notes: string[];
      /** The bot is not in the channel yet, so it cannot post there. */
      botMissing: boolean;
    }
  | {
      kind: 'preview';
      /** The subscription previewed; null for a default digest (the channel has none). */
      id: string | null;
      due: Date;
      tz: string;
      skipWhenNoNewData: boolean;
      digest: DigestModel;
    };

export type Membership = { ok: true; user: boolean; bot: boolean } | { ok: false; error: string };

/** Whether `userId` (and the bot) are in the channel, from conversations.members (paged). */
export async function channelMembership(
  client: MembersClient,
  channel: string,
  userId: string,
  botUserId: string | undefined,
): Promise<Membership> {
  let cursor: string | undefined;
  let user = false;
  let bot = false;
  try {
    for (let page = 0; page < 20; page++) {
      const res = await client.conversations.members({ channel, limit: 1000, ...(cursor ? { cursor } : {}) });
      for (const m of res.members ?? []) {
        if (m === userId) user = true;
        if (botUserId && m === botUserId) bot = true;
      }
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor || (user && (bot || !botUserId))) break;
    }
    return { ok: true, user, bot };
  } catch (err) {
    const code = (err as { data?: { error?: string } })?.data?.error ?? 'unknown_error';
    return { ok: false, error: code };
  }
}

function membershipProblem(m: Membership, channelId: string): MembershipProblem | null {
  if (!m.ok) return { kind: 'members-unknown', channelId, error: m.error };
  if (!m.user) return { kind: 'not-a-member', channelId };
  return null;
}

/** A subscription of the team by full id or unique prefix. Never looks outside the team. */
export async function findSubscription(
  deps: Pick<ServiceDeps, 'store'>,
  teamId: string,
  idArg: string | null,
): Promise<{ sub: Subscription } | { problem: FindProblem }> {
  if (!idArg) return { problem: { kind: 'no-id' } };
  const exact = await deps.store.getSubscription(teamId, idArg);
  if (exact) return { sub: exact };
  const notFound = { problem: { kind: 'not-found', id: idArg } } as const;
  if (idArg.length < MIN_ID_PREFIX) return notFound;
  const matches = (await deps.store.listSubscriptions(teamId)).filter((s) => s.id.startsWith(idArg));
  if (matches.length === 1) return { sub: matches[0] };
  if (matches.length > 1) return { problem: { kind: 'ambiguous', id: idArg } };
  return notFound;
}

function scheduleOf(r: ScheduleSpec): ScheduleSpec {
  return { cadence: r.cadence, weekday: r.weekday, time: r.time, tz: r.tz };
}

/** The whole /digest command, after the ack. Pure apart from the store and the Slack client. */
export async function runDigestCommand(
  req: DigestRequest,
  deps: ServiceDeps,
  client: MembersClient,
  botUserId?: string,
  now: Date = new Date(),
): Promise<DigestResult> {
  let command: DigestCommand;
  try {
    command = parseDigestCommand(req.text, deps.core, { defaultTz: deps.config.tzDefault });
  } catch (err) {
    deps.logger.warn({ err: String(err) }, '/digest: could not parse');
    return { kind: 'unreadable' };
  }
  const caller: Caller = { ...req, botUserId, now };
  switch (command.kind) {
    case 'help':
      return { kind: 'help' };
    case 'unknown':
      return { kind: 'unknown', word: command.word };
    case 'list':
      return listDigests(deps, caller);
    case 'preview':
      return previewDigest(deps, caller, command.id);
    case 'subscribe':
      return subscribe(deps, client, caller, command);
    case 'unsubscribe':
    case 'resume':
      return changeDigest(deps, client, caller, command.kind, command.id);
  }
}

/** The channel's digests, oldest first. */
export async function listDigests(deps: ServiceDeps, caller: Caller): Promise<DigestResult> {
  const subs = await deps.store.listSubscriptions(caller.teamId, caller.channelId);
  const { core } = deps;
  return {
    kind: 'list',
    subscriptions: subs.map((sub) => ({
      sub,
      placeNames: sub.places.map((c) => core.geography.name(c)),
      indicatorLabels: sub.indicators.map((id) => (core.hasIndicator(id) ? core.indicator(id).label : id)),
      next: sub.status === 'paused' ? null : nextDueAt(sub, caller.now),
    })),
  };
}

/** Unsubscribe or resume a digest of this channel, by id or unique prefix; only for its members. */
export async function changeDigest(
  deps: ServiceDeps,
  client: MembersClient,
  caller: Caller,
  kind: 'unsubscribe' | 'resume',
  idArg: string | null,
): Promise<DigestResult> {
  const found = await findSubscription(deps, caller.teamId, idArg);
  if ('problem' in found) return found.problem;
  const sub = found.sub;
  if (sub.channelId !== caller.channelId) return { kind: 'other-channel', sub };
  const m = await channelMembership(client, sub.channelId, caller.userId, caller.botUserId);
  const problem = membershipProblem(m, sub.channelId);
  if (problem) return problem;
  if (kind === 'unsubscribe') {
    const removed = await deps.store.deleteSubscription(caller.teamId, sub.channelId, sub.id);
    return removed ? { kind: 'unsubscribed', sub, userId: caller.userId } : { kind: 'already-removed', sub };
  }
  if (sub.status === 'active') return { kind: 'not-paused', sub };
  await deps.store.resumeSubscription(sub.id, caller.now);
  return { kind: 'resumed', sub, userId: caller.userId, next: nextDueAt(sub, caller.now) };
}

/** Subscribe the channel, if the request was read in full, the caller is a member and there is room. */
export async function subscribe(
  deps: ServiceDeps,
  client: MembersClient,
  caller: Caller,
  command: Extract<DigestCommand, { kind: 'subscribe' }>,
): Promise<DigestResult> {
  if (command.problems.length > 0) {
    return { kind: 'subscribe-problems', problems: command.problems, notes: command.notes };
  }
  const m = await channelMembership(client, caller.channelId, caller.userId, caller.botUserId);
  const problem = membershipProblem(m, caller.channelId);
  if (problem) return problem;
  const existing = await deps.store.listSubscriptions(caller.teamId, caller.channelId);
  if (existing.length >= MAX_SUBSCRIPTIONS_PER_CHANNEL) return { kind: 'too-many', count: existing.length };
  const r = { ...command.request };
  r.tz = await subscriptionZone(client, caller.userId, r, deps.logger);
  let sub: Subscription;
  try {
    sub = await deps.store.createSubscription(
      {
        teamId: caller.teamId,
        channelId: caller.channelId,
        createdBy: caller.userId,
        cadence: r.cadence,
        weekday: r.weekday,
        time: r.time,
        tz: r.tz,
        places: r.places.map((p) => p.code),
        indicators: r.indicators.map((i) => i.id),
        skipWhenNoNewData: r.skipWhenNoNewData,
      },
      caller.now,
    );
  } catch (err) {
    if (err instanceof StoreValidationError) return { kind: 'invalid', message: err.message };
    throw err;
  }
  return {
    kind: 'subscribed',
    sub,
    request: r,
    userId: caller.userId,
    next: nextDueAt(sub, caller.now),
    notes: command.notes,
    botMissing: m.ok && Boolean(caller.botUserId) && !m.bot,
  };
}

/**
 * The next digest of a subscription (by id, or the channel's first), or of a default one when the channel
 * has none, with figures as they stand now.
 */
export async function previewDigest(
  deps: ServiceDeps,
  caller: Caller,
  idArg: string | null,
): Promise<DigestResult> {
  let subject: DigestSubject & ScheduleSpec;
  let sub: Subscription | null = null;
  if (idArg) {
    const found = await findSubscription(deps, caller.teamId, idArg);
    if ('problem' in found) return found.problem;
    sub = found.sub;
  } else {
    sub = (await deps.store.listSubscriptions(caller.teamId, caller.channelId))[0] ?? null;
  }
  if (sub) subject = sub;
  else {
    const parsed = parseDigestCommand('subscribe', deps.core, { defaultTz: deps.config.tzDefault });
    if (parsed.kind !== 'subscribe') throw new Error('unreachable');
    const r = parsed.request;
    subject = {
      ...scheduleOf(r),
      places: r.places.map((p) => p.code),
      indicators: r.indicators.map((i) => i.id),
      skipWhenNoNewData: r.skipWhenNoNewData,
    };
  }
  const due = nextDueAt(subject, caller.now);
  const state = sub ? await deps.store.getDigestState(sub.id) : null;
  return {
    kind: 'preview',
    id: sub?.id ?? null,
    due,
    tz: subject.tz,
    skipWhenNoNewData: subject.skipWhenNoNewData,
    digest: digestModel(deps.core, subject, state, due),
  };
}
