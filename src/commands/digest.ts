import { TZDate } from '@date-fns/tz';
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { format } from 'date-fns';
import { formatDate } from '../format/number';
import { buildDigest, type DigestSubject } from '../digest/content';
import { type DigestCommand, parseDigestCommand, type SubscribeRequest } from '../digest/parse';
import { describeSchedule, nextDueAt } from '../digest/schedule';
import type { AppDeps } from '../slack/deps';
import { escapeMrkdwn, truncate } from '../slack/escape';
import { enforceLimits, LIMITS, type SlackBlock } from '../slack/limits';
import { type ScheduleSpec, StoreValidationError, type Subscription } from '../store/types';

/*
 * /digest: subscribe a channel to a weekly or daily digest, list, unsubscribe, resume, preview, help.
 *
 * Acked at once (empty), then answered through response_url, because changes need a Slack call (who is in
 * the channel) and a store write. Every read and write is scoped to the workspace (team_id) the command came
 * from; changes are only allowed to people in the subscription's channel (conversations.members). Whatever
 * the user typed is escaped before it is echoed.
 */

/** Most digests one channel may have (each is a post per week or day). */
export const MAX_SUBSCRIPTIONS_PER_CHANNEL = 10;
/** Shown ids are this long; commands accept any unique prefix of at least MIN_ID_PREFIX characters. */
export const SHORT_ID_LENGTH = 8;
const MIN_ID_PREFIX = 4;

export interface DigestReply {
  response_type: 'ephemeral' | 'in_channel';
  blocks: SlackBlock[];
  text: string;
}

export interface DigestRequest {
  text: string;
  teamId: string;
  channelId: string;
  userId: string;
}

const e = escapeMrkdwn;

function section(markdown: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(markdown, LIMITS.sectionText) } };
}

function contextBlock(markdown: string): SlackBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(markdown, LIMITS.textObject) }] };
}

function reply(sections: string[], responseType: DigestReply['response_type'] = 'ephemeral'): DigestReply {
  const blocks = sections.filter(Boolean).map(section);
  const enforced = enforceLimits(blocks, sections.join('\n'));
  return { response_type: responseType, blocks: enforced.blocks, text: enforced.text };
}

export function shortId(id: string): string {
  return id.slice(0, SHORT_ID_LENGTH);
}

/** "Monday 30 Mar 2026 at 09:00 (Europe/London)". */
export function formatLocal(at: Date, tz: string): string {
  return `${format(new TZDate(at.getTime(), tz), "EEEE d MMM yyyy 'at' HH:mm")} (${tz})`;
}

export const HELP_LINES = [
  '*Northstat digests*: a weekly (or daily) summary of the figures for your places, posted in this channel.',
  '`/digest subscribe [weekly|daily] [on <weekday>] [at <HH:MM> [<time zone>]] [for <places>] [on <indicators>] [skip-empty]`',
  'Defaults: weekly, Monday at 09:00 (Europe/London), the northern core cities, the headline indicators. `skip-empty` skips a digest when no new data came out since the last one (otherwise it says "no new data").',
  '`/digest list`: this channel’s digests, their ids and when the next one is due.',
  '`/digest preview [<id>]`: what the next digest will look like (only you see it).',
  '`/digest unsubscribe <id>` · `/digest resume <id>` (after a pause) · `/digest help`',
  '*Examples*\n`/digest subscribe`\n`/digest subscribe weekly on friday at 08:30 for leeds, bradford, wakefield on pay, employment`\n`/digest subscribe daily at 07:00 for northern core cities skip-empty`',
];

function helpReply(): DigestReply {
  return reply(HELP_LINES);
}

function scheduleOf(r: ScheduleSpec): ScheduleSpec {
  return { cadence: r.cadence, weekday: r.weekday, time: r.time, tz: r.tz };
}

function describeRequest(r: SubscribeRequest): string[] {
  const places = r.places.map((p) => p.name).join(', ');
  const indicators = r.indicators.map((i) => i.label).join(', ');
  return [
    `*When:* ${e(describeSchedule(scheduleOf(r)))}`,
    `*Places:* ${e(places)}${r.placesDefaulted ? ' _(the default: the northern core cities)_' : ''}`,
    `*Indicators:* ${e(indicators)}${r.indicatorsDefaulted ? ' _(the default: the headline indicators)_' : ''}`,
    `*When there is no new data:* ${r.skipWhenNoNewData ? 'skip that digest' : 'post it and say "no new data"'}`,
  ];
}

type Membership = { ok: true; user: boolean; bot: boolean } | { ok: false; error: string };

/** Whether `userId` (and the bot) are in the channel, from conversations.members (paged). */
export async function channelMembership(
  client: WebClient,
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

function membershipProblem(m: Membership, channelId: string): string | null {
  if (!m.ok) {
    return `I couldn't check who is in <#${e(channelId)}> (\`${e(m.error)}\`), so I can't change its digests. If it is a private channel, invite me first with \`/invite @Northstat\`.`;
  }
  if (!m.user) return `Only people in <#${e(channelId)}> can change its digests.`;
  return null;
}

type Found = { sub: Subscription } | { problem: string };

/** A subscription of the team by full id or unique prefix. Never looks outside the team. */
async function findSubscription(deps: AppDeps, teamId: string, idArg: string | null): Promise<Found> {
  if (!idArg)
    return {
      problem: 'Which digest? Give its id, e.g. `/digest unsubscribe 1a2b3c4d` (see `/digest list`).',
    };
  const exact = await deps.store.getSubscription(teamId, idArg);
  if (exact) return { sub: exact };
  const notFound = `I couldn't find a digest with id \`${e(truncate(idArg, 40))}\` in this workspace. \`/digest list\` shows this channel's digests.`;
  if (idArg.length < MIN_ID_PREFIX) return { problem: notFound };
  const matches = (await deps.store.listSubscriptions(teamId)).filter((s) => s.id.startsWith(idArg));
  if (matches.length === 1) return { sub: matches[0] };
  if (matches.length > 1)
    return { problem: `More than one digest starts with \`${e(idArg)}\`; give more of the id.` };
  return { problem: notFound };
}

function statusLine(sub: Subscription, now: Date): string {
  if (sub.status === 'paused') {
    const why = PAUSE_REASONS[sub.pausedReason ?? ''] ?? sub.pausedReason ?? 'paused';
    const since = sub.pausedAt ? ` since ${formatDate(sub.pausedAt.toISOString())}` : '';
    return `:double_vertical_bar: *Paused*${e(since)}: ${e(why)}. Fix that, then \`/digest resume ${shortId(sub.id)}\`.`;
  }
  return `Next: ${e(formatLocal(nextDueAt(sub, now), sub.tz))}`;
}

const PAUSE_REASONS: Record<string, string> = {
  not_in_channel: 'I am not a member of this channel (not_in_channel); invite me with `/invite @Northstat`',
  channel_not_found: 'I can no longer see this channel (channel_not_found)',
  is_archived: 'the channel is archived (is_archived)',
  account_inactive: 'the app’s account is inactive (account_inactive)',
};

function subscriptionSummary(sub: Subscription, deps: AppDeps, now: Date): string {
  const names = sub.places.map((c) => deps.core.geography.name(c));
  const inds = sub.indicators.map((id) => (deps.core.hasIndicator(id) ? deps.core.indicator(id).label : id));
  return [
    `*\`${e(shortId(sub.id))}\`* · ${e(describeSchedule(sub))}${sub.skipWhenNoNewData ? ' · skips weeks with no new data' : ''}`,
    `Places: ${e(truncate(names.join(', '), 600))}`,
    `Indicators: ${e(truncate(inds.join(', '), 600))}`,
    statusLine(sub, now),
  ].join('\n');
}

/** The whole /digest command, after the ack. Pure apart from the store and the Slack client. */
export async function handleDigest(
  req: DigestRequest,
  deps: AppDeps,
  client: WebClient,
  botUserId?: string,
  now: Date = new Date(),
): Promise<DigestReply> {
  let command: DigestCommand;
  try {
    command = parseDigestCommand(req.text, deps.core, { defaultTz: deps.config.tzDefault });
  } catch (err) {
    deps.logger.warn({ err: String(err) }, '/digest: could not parse');
    return reply(['Sorry, I could not read that. Try `/digest help`.']);
  }
  switch (command.kind) {
    case 'help':
      return helpReply();
    case 'unknown':
      return reply([
        `I don't know \`/digest ${e(truncate(command.word, 40))}\`. I know \`subscribe\`, \`list\`, \`unsubscribe\`, \`resume\`, \`preview\` and \`help\`.`,
        HELP_LINES[1],
      ]);
    case 'list': {
      const subs = await deps.store.listSubscriptions(req.teamId, req.channelId);
      if (subs.length === 0) {
        return reply([
          'This channel has no digests. Start one with `/digest subscribe` (see `/digest help`).',
        ]);
      }
      return reply([
        `*Digests in this channel (${subs.length})*`,
        ...subs.slice(0, 20).map((s) => subscriptionSummary(s, deps, now)),
      ]);
    }
    case 'preview':
      return preview(req, deps, command.id, now);
    case 'subscribe':
      return subscribe(req, deps, client, botUserId, command, now);
    case 'unsubscribe':
    case 'resume': {
      const found = await findSubscription(deps, req.teamId, command.id);
      if ('problem' in found) return reply([found.problem]);
      const sub = found.sub;
      if (sub.channelId !== req.channelId) {
        return reply([
          `Digest \`${e(shortId(sub.id))}\` belongs to <#${e(sub.channelId)}>. Run the command there.`,
        ]);
      }
      const m = await channelMembership(client, sub.channelId, req.userId, botUserId);
      const problem = membershipProblem(m, sub.channelId);
      if (problem) return reply([problem]);
      if (command.kind === 'unsubscribe') {
        const removed = await deps.store.deleteSubscription(req.teamId, sub.channelId, sub.id);
        if (!removed) return reply([`Digest \`${e(shortId(sub.id))}\` was already removed.`]);
        return reply(
          [
            `<@${e(req.userId)}> unsubscribed this channel from digest \`${e(shortId(sub.id))}\` (${e(describeSchedule(sub))}). No more digests from it.`,
          ],
          'in_channel',
        );
      }
      if (sub.status === 'active') return reply([`Digest \`${e(shortId(sub.id))}\` is not paused.`]);
      await deps.store.resumeSubscription(sub.id, now);
      return reply(
        [
          `<@${e(req.userId)}> resumed digest \`${e(shortId(sub.id))}\`. Next: ${e(formatLocal(nextDueAt(sub, now), sub.tz))}.`,
        ],
        'in_channel',
      );
    }
  }
}

async function subscribe(
  req: DigestRequest,
  deps: AppDeps,
  client: WebClient,
  botUserId: string | undefined,
  command: Extract<DigestCommand, { kind: 'subscribe' }>,
  now: Date,
): Promise<DigestReply> {
  const notes = command.notes.map((n) => `_${e(n)}_`);
  if (command.problems.length > 0) {
    return reply([
      '*I did not set up a digest:*',
      command.problems.map((p) => `• ${e(p)}`).join('\n'),
      ...notes,
      'Example: `/digest subscribe weekly on monday at 09:00 for leeds, manchester on pay` · `/digest help`',
    ]);
  }
  const m = await channelMembership(client, req.channelId, req.userId, botUserId);
  const problem = membershipProblem(m, req.channelId);
  if (problem) return reply([problem]);
  const existing = await deps.store.listSubscriptions(req.teamId, req.channelId);
  if (existing.length >= MAX_SUBSCRIPTIONS_PER_CHANNEL) {
    return reply([
      `This channel already has ${existing.length} digests, the most one channel can have. Remove one with \`/digest unsubscribe <id>\` first.`,
    ]);
  }
  const r = command.request;
  let sub: Subscription;
  try {
    sub = await deps.store.createSubscription(
      {
        teamId: req.teamId,
        channelId: req.channelId,
        createdBy: req.userId,
        cadence: r.cadence,
        weekday: r.weekday,
        time: r.time,
        tz: r.tz,
        places: r.places.map((p) => p.code),
        indicators: r.indicators.map((i) => i.id),
        skipWhenNoNewData: r.skipWhenNoNewData,
      },
      now,
    );
  } catch (err) {
    if (err instanceof StoreValidationError)
      return reply([`I could not set up that digest: ${e(err.message)}.`]);
    throw err;
  }
  const next = nextDueAt(sub, now);
  const lines = [
    `<@${e(req.userId)}> subscribed this channel to a ${r.cadence} Northstat digest (id \`${e(shortId(sub.id))}\`).`,
    describeRequest(r).join('\n'),
    `*Next digest:* ${e(formatLocal(next, sub.tz))}`,
    ...notes,
  ];
  if (m.ok && botUserId && !m.bot) {
    lines.push(
      ':warning: I am not a member of this channel yet, so I cannot post the digest. Invite me with `/invite @Northstat`.',
    );
  }
  lines.push(
    `\`/digest preview ${e(shortId(sub.id))}\` shows what it will look like · \`/digest unsubscribe ${e(shortId(sub.id))}\` stops it.`,
  );
  return reply(lines, 'in_channel');
}

async function preview(
  req: DigestRequest,
  deps: AppDeps,
  idArg: string | null,
  now: Date,
): Promise<DigestReply> {
  let subject: DigestSubject & ScheduleSpec;
  let sub: Subscription | null = null;
  if (idArg) {
    const found = await findSubscription(deps, req.teamId, idArg);
    if ('problem' in found) return reply([found.problem]);
    sub = found.sub;
  } else {
    sub = (await deps.store.listSubscriptions(req.teamId, req.channelId))[0] ?? null;
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
  const slot = nextDueAt(subject, now);
  const state = sub ? await deps.store.getDigestState(sub.id) : null;
  const content = buildDigest(deps.core, subject, state, slot);
  const intro = sub
    ? `*Preview* of digest \`${e(shortId(sub.id))}\`, due ${e(formatLocal(slot, subject.tz))}. Figures as they stand now; only you can see this.`
    : `*Preview* of a default digest (this channel has none yet), as it would look ${e(formatLocal(slot, subject.tz))}. Only you can see this.`;
  const extra =
    !content.hasNewData && subject.skipWhenNoNewData
      ? [contextBlock('_With no new data since the last digest, this one would be skipped._')]
      : [];
  const blocks: SlackBlock[] = [
    section(intro),
    ...extra,
    ...content.blocks,
    contextBlock('The gap chart is posted with the digest itself.'),
  ];
  const enforced = enforceLimits(blocks, content.text);
  return { response_type: 'ephemeral', blocks: enforced.blocks, text: enforced.text };
}

export function digestListener(deps: AppDeps) {
  return async ({
    command,
    ack,
    respond,
    client,
    context,
    logger,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      const answer = await handleDigest(
        {
          text: command.text ?? '',
          teamId: command.team_id,
          channelId: command.channel_id,
          userId: command.user_id,
        },
        deps,
        client,
        context.botUserId,
      );
      await respond(answer);
    } catch (err) {
      logger.error(`/digest failed: ${err instanceof Error ? err.message : String(err)}`);
      await respond({
        response_type: 'ephemeral',
        text: 'Sorry, something went wrong with that digest command. Please try again, or try `/digest help`.',
      }).catch(() => undefined);
    }
  };
}

/** `/digest`. */
export const name = '/digest';

export function listener(deps: AppDeps) {
  return digestListener(deps);
}
