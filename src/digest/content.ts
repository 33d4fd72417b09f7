import { TZDate } from '@date-fns/tz';
import { getISOWeek, startOfISOWeek } from 'date-fns';
import { chartInputFor } from '../answers/chart-input';
import { replay, specFor } from '../answers/replay';
import { difference, indicatorRef } from '../answers/engine';
import { datasetTitle } from '../answers/titles';
import { formatDate } from '../format/number';
import type { Difference, GapAnswer, IndicatorRef, SourceRef } from '../answers/types';
import { SOUTH_EAST } from '../data/geography';
import type { StatsCore } from '../data/stats';
import type { IndicatorMeta } from '../data/types';
import type { DigestState, Subscription } from '../store/types';

/*
 * The digest model. Pure: the statistics core, the subscription, what the previous digest covered and the
 * slot's time in; what the digest says and the state to remember out. Nothing here reads the clock or Slack,
 * and nothing here knows how it looks: src/slack/blocks/digest.ts renders the model as a Slack message.
 *
 * What a digest holds, in the order it is shown:
 *   the week             "Week of 30 Mar 2026"
 *   what is new          in the data since the last digest (or that this is the first, or nothing is new)
 *   per place            each indicator's figure with period, change since the previous period, vs the South East
 *   the gap this week    one rotating indicator (GAP_ROTATION by ISO week); its chart follows in the thread
 *   sources              every dataset shown
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

/** One indicator in one place: its latest figure, or why there is none. Numbers are unrounded. */
export type PlaceFigure =
  | { indicator: IndicatorRef; value: null; note: string | null }
  | {
      indicator: IndicatorRef;
      value: number;
      /** Label of the figure's period ("2023", "Apr 2024-Mar 2025"). */
      period: string;
      /** Change from the latest earlier period with a value; null when there is none. */
      change: { diff: number; since: string } | null;
      /** Against the South East at the same period; 'missing' when it has no figure there, null for the South East itself. */
      southEast: Difference | 'missing' | null;
    };

export interface DigestPlace {
  code: string;
  name: string;
  /** One per indicator of the subscription the core has, in the subscription's order. */
  figures: PlaceFigure[];
}

/** A dataset the digest shows figures from. */
export type DigestSource = Pick<SourceRef, 'org' | 'dataset' | 'releaseDate'>;

export interface DigestModel {
  /** "Week of 30 Mar 2026", in the subscription's zone. */
  weekLabel: string;
  /** No previous digest: everything is new to the channel. */
  isFirst: boolean;
  /** When the previous digest went out (ISO 8601), if it recorded that. */
  lastDigestAt: string | null;
  /** The indicators with new releases or periods since `previous`; everything on a first digest. */
  newData: NewDataItem[];
  /** False when there was a previous digest and nothing changed since. */
  hasNewData: boolean;
  places: DigestPlace[];
  /** The gap answer behind "the gap this week"; the runner turns it into a chart. */
  gap: GapAnswer | null;
  /** A chart of `gap` can be drawn (it is posted in the digest's thread). */
  gapChartFollows: boolean;
  /** One per indicator shown (the subscription's, then the gap's), in that order; may repeat a dataset. */
  sources: DigestSource[];
  /** Store after the digest is posted (or skipped), so the next digest can say what is new. */
  state: DigestState;
}

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

/** One indicator in one place: value, period, change since the previous period, vs South East. */
export function placeFigure(core: StatsCore, ind: IndicatorMeta, code: string): PlaceFigure {
  const ref = indicatorRef(ind);
  const f = core.value(ind.id, code);
  if (f.value === null || !f.period) return { indicator: ref, value: null, note: f.note ?? null };
  const series = core.seriesFor(ind.id, code);
  const at = series.findIndex((p) => p.period.id === f.period?.id);
  const prev =
    at > 0
      ? series
          .slice(0, at)
          .reverse()
          .find((p) => p.value !== null)
      : undefined;
  const change =
    prev && prev.value !== null ? { diff: f.value - prev.value, since: prev.period.label } : null;
  let southEast: Difference | 'missing' | null = null;
  if (f.area !== SOUTH_EAST) {
    const se = core.valueAt(ind.id, SOUTH_EAST, f.period);
    southEast = se.value !== null ? difference(f, se, ref, core) : 'missing';
  }
  return { indicator: ref, value: f.value, period: f.period.label, change, southEast };
}

export interface BuildOptions {
  /** Include "the gap this week" (default true). */
  gap?: boolean;
}

/**
 * The digest for `slot` (the scheduled instant; "now" for a preview). Pure: same inputs, same model.
 */
export function digestModel(
  core: StatsCore,
  sub: DigestSubject,
  previous: DigestState | null,
  slot: Date,
  options: BuildOptions = {},
): DigestModel {
  const indicatorIds = sub.indicators.filter((id) => core.hasIndicator(id));
  const newData = whatIsNew(core, indicatorIds, previous);
  const places = sub.places.map((code) => ({
    code,
    name: core.geography.name(code),
    figures: indicatorIds.map((id) => placeFigure(core, core.indicator(id), code)),
  }));
  const gapId = options.gap === false ? null : gapIndicatorFor(core, slot, sub.tz);
  const gap = gapId ? gapAnswer(core, gapId) : null;
  const sourceIds = [...new Set([...indicatorIds, ...(gapId ? [gapId] : [])])];
  const sources = sourceIds.map((id) => {
    const ind = core.indicator(id);
    return { org: ind.sourceOrg, dataset: datasetTitle(ind.dataset), releaseDate: ind.sourceDate };
  });
  return {
    weekLabel: weekLabel(slot, sub.tz),
    isFirst: previous === null,
    lastDigestAt: typeof previous?.lastDigestAt === 'string' ? previous.lastDigestAt : null,
    newData,
    hasNewData: previous === null || newData.length > 0,
    places,
    gap,
    gapChartFollows: gap !== null && chartInputFor(gap) !== null,
    sources,
    state: digestStateFor(core, sourceIds, slot, previous),
  };
}

/** "The gap this week" is the /gap answer, asked through the same path as every other surface. */
function gapAnswer(core: StatsCore, indicatorId: string): GapAnswer | null {
  const answer = replay(specFor('gap', { i: indicatorId }), core, () => null);
  return answer?.kind === 'gap' ? answer : null;
}
