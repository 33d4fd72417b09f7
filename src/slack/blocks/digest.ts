import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { changeText, differenceText, valueText } from '../../answers/phrases';
import { gapDifference } from '../../answers/render-text';
import type { GapAnswer } from '../../answers/types';
import { SOUTH_EAST } from '../../data/geography';
import type { DigestModel, PlaceFigure } from '../../digest/content';
import { describeSchedule } from '../../digest/schedule';
import { type DigestResult, type ListedSubscription, shortId } from '../../digest/service';
import { formatDate } from '../../format/number';
import { escapeMrkdwn, truncate } from '../escape';
import { LIMITS } from '../limits';
import {
  context,
  divider,
  fields,
  header,
  message,
  type SlackBlock,
  type SlackMessage,
  section,
} from './kit';

// Pure Block Kit builders for digests: a DigestModel (src/digest/content.ts) in, the digest message out;
// a /digest result (src/digest/service.ts) in, the reply out. Always within Slack's limits (kit.message).
// Everything that came from a user or a data file goes through escapeMrkdwn, so "<!channel>" stays inert.
//
// The digest's layout:
//   header      "Northstat digest · Week of 30 Mar 2026"
//   section     what is new in the data since the last digest (or "no new data")
//   per place   the headline figures with period, change since the previous period, and vs the South East
//   section     "the gap this week": one rotating indicator; its chart follows in the thread
//   context     sources (the last block, so a cut message keeps it)

const e = escapeMrkdwn;

/** A /digest reply, for respond() / response_url. */
export interface DigestReply extends SlackMessage {
  response_type: 'ephemeral' | 'in_channel';
}

// ---------------------------------------------------------------------------------------------
// The digest

/** One line for one indicator in one place: value, period, change since the previous period, vs South East. */
export function placeLine(f: PlaceFigure): string {
  const ref = f.indicator;
  const label = `*${e(ref.label)}*`;
  if (f.value === null) return `${label}: no data${f.note ? ` (${e(f.note)})` : ''}`;
  const parts = [`${label} (${e(f.period)}): *${e(valueText(f.value, ref))}*`];
  if (f.change) parts.push(`${e(changeText(f.change.diff, null, null, ref))} since ${e(f.change.since)}`);
  if (f.southEast === 'missing') parts.push('no South East figure for the same period');
  else if (f.southEast) parts.push(e(differenceText(f.southEast, ref)));
  return parts.join(' · ');
}

function whatIsNewText(d: DigestModel): string {
  if (d.isFirst)
    return '*What is new:* this is the first digest for this channel, so every figure is new to it.';
  if (d.newData.length === 0) {
    const since = d.lastDigestAt !== null ? ` (${formatDate(d.lastDigestAt)})` : '';
    return `*What is new:* no new data since the last digest${e(since)}.`;
  }
  const lines = d.newData.map((n) => {
    const what =
      n.reason === 'release'
        ? `new release ${formatDate(n.sourceDate)}`
        : `new figures for ${n.period} (released ${formatDate(n.sourceDate)})`;
    return `• ${e(n.label)}: ${e(what)}`;
  });
  return `*What is new in the data since the last digest*\n${lines.join('\n')}`;
}

function gapSummary(gap: GapAnswer, chartFollows: boolean): string {
  const ind = gap.indicator;
  const lines = [`*The gap this week: ${e(ind.label)}, ${e(gap.period.label)}*`];
  const toSouthEast = gap.gaps.filter((g) => g.to === SOUTH_EAST);
  for (const g of toSouthEast) {
    lines.push(`• ${e(g.fromName)}: ${e(differenceText(gapDifference(g), ind))}`);
  }
  for (const m of gap.movement.slice(0, 3)) {
    const verb = m.verdict === 'unchanged' ? 'was unchanged' : m.verdict;
    lines.push(
      `_${e(m.fromName)}: the gap relative to the South East ${verb} compared with ${e(m.start.label)}._`,
    );
  }
  if (toSouthEast.length === 0) lines.push('No comparable figures for the North and the South East.');
  if (chartFollows) lines.push('_The chart is in the thread._');
  return lines.join('\n');
}

/** The digest as posted: blocks and the notification text. */
export function digestMessage(d: DigestModel): SlackMessage {
  const title = `Northstat digest · ${d.weekLabel}`;
  const blocks: SlackBlock[] = [header(title), section(whatIsNewText(d))];
  const text: string[] = [title];
  if (!d.isFirst && d.newData.length === 0) text.push('No new data since the last digest.');
  else if (!d.isFirst) text.push(`New data: ${d.newData.map((n) => n.label).join(', ')}.`);

  // One section, a field per place (at most eight places): two columns on desktop, one on a phone,
  // and the digest stays within ten blocks whatever it holds.
  const cells = d.places.map((place) => {
    const lines = place.figures.map((f) => `• ${placeLine(f)}`).join('\n');
    return `*${e(place.name)}*\n${lines || 'No indicators chosen.'}`;
  });
  for (let i = 0; i < cells.length; i += LIMITS.sectionFields)
    blocks.push(fields(cells.slice(i, i + LIMITS.sectionFields)));
  text.push(`Figures for ${d.places.map((p) => p.name).join(', ')}.`);

  if (d.gap) {
    blocks.push(divider(), section(gapSummary(d.gap, d.gapChartFollows)));
    text.push(`The gap this week: ${d.gap.indicator.label}.`);
  }

  const sources = d.sources.map((s) => `${s.org}, ${s.dataset} (released ${formatDate(s.releaseDate)})`);
  blocks.push(context([e(`Sources: ${[...new Set(sources)].join('; ')}. Open Government Licence v3.0.`)]));
  return message(blocks, e(text.join(' ')));
}

// ---------------------------------------------------------------------------------------------
// /digest replies

export const HELP_LINES = [
  '*Northstat digests*: a weekly (or daily) summary of the figures for your places, posted in this channel.',
  '`/digest subscribe [weekly|daily] [on <weekday>] [at <HH:MM> [<time zone>]] [for <places>] [on <indicators>] [skip-empty]`',
  'Defaults: weekly, Monday at 09:00 (Europe/London), the northern core cities, the headline indicators. `skip-empty` skips a digest when no new data came out since the last one (otherwise it says "no new data").',
  '`/digest list`: this channel’s digests, their ids and when the next one is due.',
  '`/digest preview [<id>]`: what the next digest will look like (only you see it).',
  '`/digest unsubscribe <id>` · `/digest resume <id>` (after a pause) · `/digest help`',
  '*Examples*\n`/digest subscribe`\n`/digest subscribe weekly on friday at 08:30 for leeds, bradford, wakefield on pay, employment`\n`/digest subscribe daily at 07:00 for northern core cities skip-empty`',
];

/** Why the scheduler paused a digest, as the list explains it. */
const PAUSE_REASONS: Record<string, string> = {
  not_in_channel: 'I am not a member of this channel (not_in_channel); invite me with `/invite @Northstat`',
  channel_not_found: 'I can no longer see this channel (channel_not_found)',
  is_archived: 'the channel is archived (is_archived)',
  account_inactive: 'the app’s account is inactive (account_inactive)',
};

/** Most subscriptions one /digest list shows. */
const LIST_SHOWN = 20;

/** "Monday 30 Mar 2026 at 09:00 (Europe/London)". */
export function formatLocal(at: Date, tz: string): string {
  return `${format(new TZDate(at.getTime(), tz), "EEEE d MMM yyyy 'at' HH:mm")} (${tz})`;
}

function reply(sections: string[], responseType: DigestReply['response_type'] = 'ephemeral'): DigestReply {
  return {
    response_type: responseType,
    ...message(sections.filter(Boolean).map(section), sections.join('\n')),
  };
}

function statusLine({ sub, next }: ListedSubscription): string {
  if (next === null) {
    const why = PAUSE_REASONS[sub.pausedReason ?? ''] ?? sub.pausedReason ?? 'paused';
    const since = sub.pausedAt ? ` since ${formatDate(sub.pausedAt.toISOString())}` : '';
    return `:double_vertical_bar: *Paused*${e(since)}: ${e(why)}. Fix that, then \`/digest resume ${shortId(sub.id)}\`.`;
  }
  return `Next: ${e(formatLocal(next, sub.tz))}`;
}

function subscriptionSummary(listed: ListedSubscription): string {
  const { sub, placeNames, indicatorLabels } = listed;
  return [
    `*\`${e(shortId(sub.id))}\`* · ${e(describeSchedule(sub))}${sub.skipWhenNoNewData ? ' · skips weeks with no new data' : ''}`,
    `Places: ${e(truncate(placeNames.join(', '), 600))}`,
    `Indicators: ${e(truncate(indicatorLabels.join(', '), 600))}`,
    statusLine(listed),
  ].join('\n');
}

function subscribedReply(r: Extract<DigestResult, { kind: 'subscribed' }>): DigestReply {
  const { sub, request } = r;
  const id = e(shortId(sub.id));
  const places = request.places.map((p) => p.name).join(', ');
  const indicators = request.indicators.map((i) => i.label).join(', ');
  const lines = [
    `<@${e(r.userId)}> subscribed this channel to a ${request.cadence} Northstat digest (id \`${id}\`).`,
    [
      `*When:* ${e(describeSchedule(request))}`,
      `*Places:* ${e(places)}${request.placesDefaulted ? ' _(the default: the northern core cities)_' : ''}`,
      `*Indicators:* ${e(indicators)}${request.indicatorsDefaulted ? ' _(the default: the headline indicators)_' : ''}`,
      `*When there is no new data:* ${request.skipWhenNoNewData ? 'skip that digest' : 'post it and say "no new data"'}`,
    ].join('\n'),
    `*Next digest:* ${e(formatLocal(r.next, sub.tz))}`,
    ...r.notes.map((n) => `_${e(n)}_`),
  ];
  if (r.botMissing) {
    lines.push(
      ':warning: I am not a member of this channel yet, so I cannot post the digest. Invite me with `/invite @Northstat`.',
    );
  }
  lines.push(
    `\`/digest preview ${id}\` shows what it will look like · \`/digest unsubscribe ${id}\` stops it.`,
  );
  return reply(lines, 'in_channel');
}

function previewReply(r: Extract<DigestResult, { kind: 'preview' }>): DigestReply {
  // The chart is posted with the digest itself, not with this preview: say so once, below.
  const digest = digestMessage({ ...r.digest, gapChartFollows: false });
  const intro = r.id
    ? `*Preview* of digest \`${e(shortId(r.id))}\`, due ${e(formatLocal(r.due, r.tz))}. Figures as they stand now; only you can see this.`
    : `*Preview* of a default digest (this channel has none yet), as it would look ${e(formatLocal(r.due, r.tz))}. Only you can see this.`;
  const skipped =
    !r.digest.hasNewData && r.skipWhenNoNewData
      ? [context(['_With no new data since the last digest, this one would be skipped._'])]
      : [];
  const blocks: SlackBlock[] = [
    section(intro),
    ...skipped,
    ...digest.blocks,
    context(['The gap chart is posted with the digest itself.']),
  ];
  return { response_type: 'ephemeral', ...message(blocks, digest.text) };
}

/** The reply to a /digest command. */
export function digestReplyMessage(r: DigestResult): DigestReply {
  switch (r.kind) {
    case 'help':
      return reply(HELP_LINES);
    case 'unreadable':
      return reply(['Sorry, I could not read that. Try `/digest help`.']);
    case 'unknown':
      return reply([
        `I don't know \`/digest ${e(truncate(r.word, 40))}\`. I know \`subscribe\`, \`list\`, \`unsubscribe\`, \`resume\`, \`preview\` and \`help\`.`,
        HELP_LINES[1],
      ]);
    case 'list':
      if (r.subscriptions.length === 0) {
        return reply([
          'This channel has no digests. Start one with `/digest subscribe` (see `/digest help`).',
        ]);
      }
      return reply([
        `*Digests in this channel (${r.subscriptions.length})*`,
        ...r.subscriptions.slice(0, LIST_SHOWN).map(subscriptionSummary),
      ]);
    case 'no-id':
      return reply(['Which digest? Give its id, e.g. `/digest unsubscribe 1a2b3c4d` (see `/digest list`).']);
    case 'not-found':
      return reply([
        `I couldn't find a digest with id \`${e(truncate(r.id, 40))}\` in this workspace. \`/digest list\` shows this channel's digests.`,
      ]);
    case 'ambiguous':
      return reply([`More than one digest starts with \`${e(r.id)}\`; give more of the id.`]);
    case 'members-unknown':
      return reply([
        `I couldn't check who is in <#${e(r.channelId)}> (\`${e(r.error)}\`), so I can't change its digests. If it is a private channel, invite me first with \`/invite @Northstat\`.`,
      ]);
    case 'not-a-member':
      return reply([`Only people in <#${e(r.channelId)}> can change its digests.`]);
    case 'other-channel':
      return reply([
        `Digest \`${e(shortId(r.sub.id))}\` belongs to <#${e(r.sub.channelId)}>. Run the command there.`,
      ]);
    case 'unsubscribed':
      return reply(
        [
          `<@${e(r.userId)}> unsubscribed this channel from digest \`${e(shortId(r.sub.id))}\` (${e(describeSchedule(r.sub))}). No more digests from it.`,
        ],
        'in_channel',
      );
    case 'already-removed':
      return reply([`Digest \`${e(shortId(r.sub.id))}\` was already removed.`]);
    case 'resumed':
      return reply(
        [
          `<@${e(r.userId)}> resumed digest \`${e(shortId(r.sub.id))}\`. Next: ${e(formatLocal(r.next, r.sub.tz))}.`,
        ],
        'in_channel',
      );
    case 'not-paused':
      return reply([`Digest \`${e(shortId(r.sub.id))}\` is not paused.`]);
    case 'subscribe-problems':
      return reply([
        '*I did not set up a digest:*',
        r.problems.map((p) => `• ${e(p)}`).join('\n'),
        ...r.notes.map((n) => `_${e(n)}_`),
        'Example: `/digest subscribe weekly on monday at 09:00 for leeds, manchester on pay` · `/digest help`',
      ]);
    case 'too-many':
      return reply([
        `This channel already has ${r.count} digests, the most one channel can have. Remove one with \`/digest unsubscribe <id>\` first.`,
      ]);
    case 'invalid':
      return reply([`I could not set up that digest: ${e(r.message)}.`]);
    case 'subscribed':
      return subscribedReply(r);
    case 'preview':
      return previewReply(r);
  }
}
