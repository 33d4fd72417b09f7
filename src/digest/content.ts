import { TZDate } from '@date-fns/tz';
import { getISOWeek, startOfISOWeek } from 'date-fns';
import { chartInputFor } from '../answers/chart-input';
import { answerGap, difference, indicatorRef } from '../answers/engine';
import { changeText, differenceText, valueText } from '../answers/phrases';
import { gapDifference } from '../answers/render-text';
import { datasetTitle } from '../answers/titles';
import { formatDate } from '../format/number';
import type { GapAnswer, IndicatorRef } from '../answers/types';
import { SOUTH_EAST } from '../data/geography';
import type { StatsCore } from '../data/stats';
import type { IndicatorMeta } from '../data/types';
import { escapeMrkdwn, truncate } from '../slack/escape';
import { enforceLimits, LIMITS, type SlackBlock } from '../slack/limits';
import type { DigestState, Subscription } from '../store/types';

/*
 * The digest message. Pure: the statistics core, the subscription, what the previous digest covered and the
 * slot's time in, a Block Kit message and the state to remember out. Nothing here reads the clock or Slack.
 *
 * Layout (every block within Block Kit limits; enforceLimits has the last word):
 *   header      "Northstat digest · Week of 30 Mar 2026"
 *   section     what is new in the data since the last digest (or "no new data")
 *   per place   the headline figures with period, change since the previous period, and vs the South East
 *   section     "the gap this week": one rotating indicator (GAP_ROTATION by ISO week); its chart follows
 *   context     sources (the last block, so a cut message keeps it)
 */

/**
 * Indicators for "the gap this week", in order; week N (ISO 8601 week number of the slot, in the subscription's
 * zone) shows GAP_ROTATION[N mod length]. Chosen for a North-South story with region figures for the North's
 * three regions and the South East: productivity, income, pay, work, skills, output, health, housing. Each has at least two
 * comparable periods, so the gap chart (a line chart of the gap over time) always exists.
 */
export const GAP_ROTATION = [
  'gross-value-added-per-hour-worked',
  'gross-disposable-household-income-per-head',
  'gross-median-weekly-pay',
  'employment-rate-great-britain',
  'level-3-or-above-qualifications-great-britain',
  'gross-domestic-product-per-head-at-current-market-prices',
  'female-healthy-life-expectancy',
  'housing-affordability-ratio-residence-based',
] as const;

/** What a digest is about: the fields of a subscription the content needs (a preview has no id yet). */
export type DigestSubject = Pick<Subscription, 'places' | 'indicators' | 'tz' | 'skipWhenNoNewData'> & {
  id?: string;
};

export interface NewDataItem {
  indicatorId: string;
  label: string;
  /** Release date now in the data. */
  sourceDate: string;
  /** Latest period label now in the data. */
  period: string;
  /** What changed: a new release, a new period, or both. */
  reason: 'release' | 'period' | 'both';
}

export interface DigestContent {
  blocks: SlackBlock[];
  text: string;
  /** Store after the digest is posted (or skipped), so the next digest can say what is new. */
  state: DigestState;
  /** The indicators with new releases or periods since `previous`; everything on a first digest. */
  newData: NewDataItem[];
  /** False when there was a previous digest and nothing changed since. */
  hasNewData: boolean;
  /** The gap answer behind "the gap this week"; the runner turns it into a chart. */
  gap: GapAnswer | null;
  weekLabel: string;
}

const e = escapeMrkdwn;

/** ISO week number of an instant in a zone. */
export function isoWeekOf(at: Date, tz: string): number {
  return getISOWeek(new TZDate(at.getTime(), tz));
}

/** "Week of 30 Mar 2026": the Monday of the instant's ISO week, in the zone. */
export function weekLabel(at: Date, tz: string): string {
  const monday = startOfISOWeek(new TZDate(at.getTime(), tz));
  const iso = `${monday.getFullYear()}-${String(monday.getMonth() + 1).padStart(2, '0')}-${String(monday.getDate()).padStart(2, '0')}`;
  return `Week of ${formatDate(iso)}`;
}

/** The rotating gap indicator for the week of `at` (only indicators the core has). */
export function gapIndicatorFor(core: StatsCore, at: Date, tz: string): string | null {
  const list = GAP_ROTATION.filter((id) => core.hasIndicator(id));
  if (list.length === 0) return null;
  return list[isoWeekOf(at, tz) % list.length];
}

function latestPeriodId(ind: IndicatorMeta): string {
  return ind.periods.at(-1)?.id ?? '';
}

/** The state to remember after a digest covering `indicatorIds`. Keys are indicator ids. */
export function digestStateFor(
  core: StatsCore,
  indicatorIds: readonly string[],
  at: Date,
  previous: DigestState | null,
): DigestState {
  const releases: Record<string, string> = { ...(previous?.releases ?? {}) };
  const periods: Record<string, string> = { ...(asStringRecord(previous?.periods) ?? {}) };
  for (const id of indicatorIds) {
    if (!core.hasIndicator(id)) continue;
    const ind = core.indicator(id);
    releases[id] = ind.sourceDate;
    periods[id] = latestPeriodId(ind);
  }
  return { releases, periods, lastDigestAt: at.toISOString() };
}

function asStringRecord(v: unknown): Record<string, string> | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
}

/** Indicators whose release date or latest period differ from what `previous` recorded. */
export function whatIsNew(
  core: StatsCore,
  indicatorIds: readonly string[],
  previous: DigestState | null,
): NewDataItem[] {
  const periods = asStringRecord(previous?.periods) ?? {};
  const out: NewDataItem[] = [];
  for (const id of indicatorIds) {
    if (!core.hasIndicator(id)) continue;
    const ind = core.indicator(id);
    const release = previous?.releases?.[id];
    const period = periods[id];
    const newRelease = previous === null || release !== ind.sourceDate;
    const newPeriod = previous === null || period !== latestPeriodId(ind);
    if (!newRelease && !newPeriod) continue;
    out.push({
      indicatorId: id,
      label: ind.label,
      sourceDate: ind.sourceDate,
      period: ind.periods.at(-1)?.label ?? '',
      reason: newRelease && newPeriod ? 'both' : newRelease ? 'release' : 'period',
    });
  }
  return out;
}

/** One line for one indicator in one place: value, period, change since the previous period, vs South East. */
export function placeLine(core: StatsCore, ind: IndicatorMeta, code: string): string {
  const ref = indicatorRef(ind);
  const f = core.value(ind.id, code);
  const label = `*${e(ind.label)}*`;
  if (f.value === null || !f.period) return `${label}: no data${f.note ? ` (${e(f.note)})` : ''}`;
  const parts = [`${label} (${e(f.period.label)}): *${e(valueText(f.value, ref))}*`];
  const series = core.seriesFor(ind.id, code);
  const at = series.findIndex((p) => p.period.id === f.period?.id);
  const prev =
    at > 0
      ? series
          .slice(0, at)
          .reverse()
          .find((p) => p.value !== null)
      : undefined;
  if (prev && prev.value !== null) {
    parts.push(`${e(changeText(f.value - prev.value, null, null, ref))} since ${e(prev.period.label)}`);
  }
  if (f.area !== SOUTH_EAST) {
    const se = core.valueAt(ind.id, SOUTH_EAST, f.period);
    if (se.value !== null) {
      parts.push(e(differenceText(difference(f, se, ref, core), ref)));
    } else {
      parts.push('no South East figure for the same period');
    }
  }
  return parts.join(' · ');
}

function header(text: string): SlackBlock {
  return {
    type: 'header',
    text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: false },
  };
}

function section(markdown: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(markdown, LIMITS.sectionText) } };
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

export interface BuildOptions {
  /** Include "the gap this week" (default true). */
  gap?: boolean;
}

/**
 * Builds the digest for `slot` (the scheduled instant; "now" for a preview). Pure: same inputs, same output.
 */
export function buildDigest(
  core: StatsCore,
  sub: DigestSubject,
  previous: DigestState | null,
  slot: Date,
  options: BuildOptions = {},
): DigestContent {
  const indicatorIds = sub.indicators.filter((id) => core.hasIndicator(id));
  const week = weekLabel(slot, sub.tz);
  const blocks: SlackBlock[] = [header(`Northstat digest · ${week}`)];
  const text: string[] = [`Northstat digest · ${week}`];

  // What is new.
  const newData = whatIsNew(core, indicatorIds, previous);
  const hasNewData = previous === null || newData.length > 0;
  if (previous === null) {
    blocks.push(
      section('*What is new:* this is the first digest for this channel, so every figure is new to it.'),
    );
  } else if (newData.length === 0) {
    const since = typeof previous.lastDigestAt === 'string' ? ` (${formatDate(previous.lastDigestAt)})` : '';
    blocks.push(section(`*What is new:* no new data since the last digest${e(since)}.`));
    text.push('No new data since the last digest.');
  } else {
    const lines = newData.map((n) => {
      const what =
        n.reason === 'release'
          ? `new release ${formatDate(n.sourceDate)}`
          : `new figures for ${n.period} (released ${formatDate(n.sourceDate)})`;
      return `• ${e(n.label)}: ${e(what)}`;
    });
    blocks.push(section(`*What is new in the data since the last digest*\n${lines.join('\n')}`));
    text.push(`New data: ${newData.map((n) => n.label).join(', ')}.`);
  }

  // Places.
  for (const code of sub.places) {
    const name = core.geography.name(code);
    const lines = indicatorIds.map((id) => placeLine(core, core.indicator(id), code));
    blocks.push(section(`*${e(name)}*\n${lines.map((l) => `• ${l}`).join('\n') || 'No indicators chosen.'}`));
  }
  text.push(`Figures for ${sub.places.map((c) => core.geography.name(c)).join(', ')}.`);

  // The gap this week.
  let gap: GapAnswer | null = null;
  const gapId = options.gap === false ? null : gapIndicatorFor(core, slot, sub.tz);
  if (gapId) {
    gap = answerGap(core, gapId);
    blocks.push({ type: 'divider' });
    blocks.push(section(gapSummary(gap, chartInputFor(gap) !== null)));
    text.push(`The gap this week: ${gap.indicator.label}.`);
  }

  // Sources.
  const sourceIds = [...new Set([...indicatorIds, ...(gapId ? [gapId] : [])])];
  const sources = sourceIds.map((id) => {
    const ind = core.indicator(id);
    return `${ind.sourceOrg}, ${datasetTitle(ind.dataset)} (released ${formatDate(ind.sourceDate)})`;
  });
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: truncate(
          e(`Sources: ${[...new Set(sources)].join('; ')}. Open Government Licence v3.0.`),
          LIMITS.textObject,
        ),
      },
    ],
  });

  const enforced = enforceLimits(blocks, e(text.join(' ')));
  return {
    blocks: enforced.blocks,
    text: enforced.text,
    state: digestStateFor(core, sourceIds, slot, previous),
    newData,
    hasNewData,
    gap,
    weekLabel: week,
  };
}
