import type { BarItem, BarsChartInput } from '../charts/types';
import { ENGLAND, SOUTH_EAST } from '../data/geography';
import { HEADLINE_INDICATORS } from '../data/stats';
import { formatDate, formatNumber, formatValue } from '../format/number';
import { spanText } from './phrases';
import type { AreaRef, Difference, ProfileAnswer, StatsItem } from './types';

// Many indicators on one chart: each has its own unit (£, %, years, per 1,000), so the only honest
// common scale is an index against a benchmark. England = 100; the South East is drawn as a
// reference bar per indicator, because Northstat frames every place against both.

/** One decimal: an index of 97.6 is as precise as anyone should read an index. */
const INDEX_DECIMALS = 1;
/**
 * Indicators per chart: a place bar and a South East bar each, plus England = 100, makes 11 bars, the
 * most that keep two-line labels (src/charts/spec.ts); 19 bars were looked at and were unreadable.
 */
export const MAX_RELATIVE_INDICATORS = 5;

export interface RelativeIndex {
  item: StatsItem;
  /** The place as an index, England = 100 (per head for counts). */
  place: number;
  /** The South East on the same index, or null when it has no figure for the period. */
  southEast: number | null;
  england: Difference;
}

/** Index of `a` against `b` (b = 100), or null when b is zero or missing. */
function index(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  return (a / b) * 100;
}

/**
 * The place and the South East against England for one item, on the same basis the text compares
 * them: per head for counts (Difference.perHead), as published otherwise. Null when the text makes no
 * comparison with England (no England figure for the period, or a count without a population).
 */
export function relativeIndex(item: StatsItem): RelativeIndex | null {
  const england = item.comparisons.find((c) => c.to === ENGLAND);
  const se = item.comparisons.find((c) => c.to === SOUTH_EAST);
  if (!england || england.verdict === null || item.figure.value === null) return null;
  if (england.basis === 'per-head') {
    if (!england.perHead) return null;
    const place = index(england.perHead.from, england.perHead.to);
    if (place === null) return null;
    return { item, place, southEast: index(se?.perHead?.to, england.perHead.to), england };
  }
  const place = index(item.figure.value, england.toValue);
  if (place === null) return null;
  return { item, place, southEast: index(se?.toValue, england.toValue), england };
}

/** "£36.2", "29.7 per 1,000 residents": a compared figure as the text writes it. */
function comparedValue(
  value: number | null | undefined,
  d: Difference | undefined,
  item: StatsItem,
  side: 'from' | 'to',
): string {
  if (d?.basis === 'per-head' && d.perHead) {
    const v = d.perHead[side];
    return d.perHead.unit.startsWith('£')
      ? `£${formatNumber(v, d.perHead.decimals)}${d.perHead.unit.slice(1)}`
      : `${formatNumber(v, d.perHead.decimals)} ${d.perHead.unit}`;
  }
  return value === null || value === undefined ? 'no figure' : formatValue(value, item.indicator);
}

function indexText(n: number | null): string {
  return n === null ? 'no figure' : formatNumber(n, INDEX_DECIMALS);
}

/**
 * A bar label has two short lines: "(Great Britain)" and "(England)" say where an indicator is
 * published, which the alt text and the tables keep; on a bar they only push the name out of view.
 */
export function barLabel(label: string): string {
  return label.replace(/\s*\((Great Britain|England|United Kingdom|UK)\)\s*$/, '');
}

/** One indicator in words for the alt text, with the figures the answer text states. */
function altLine(r: RelativeIndex, area: AreaRef): string {
  const { item, england } = r;
  const se = item.comparisons.find((c) => c.to === SOUTH_EAST);
  const period = item.figure.period?.label ?? 'no period';
  const seText = se
    ? `, South East ${comparedValue(se.toValue, se, item, 'to')} (${indexText(r.southEast)})`
    : '';
  return `${item.indicator.label}, ${period}: ${area.name} ${comparedValue(item.figure.value, england, item, 'from')} (index ${indexText(r.place)})${seText}, England ${comparedValue(england.toValue, england, item, 'to')} (100)`;
}

/**
 * Bars of the place and the South East per indicator as an index, England = 100. Items without an
 * England comparison are left out and named in the alt text. `title` is the chart headline.
 */
export function relativeChartInput(area: AreaRef, items: StatsItem[], title: string): BarsChartInput | null {
  const all = items.map((item) => ({ item, r: relativeIndex(item) }));
  const indexed = all.flatMap((x) => (x.r ? [x.r] : []));
  const shown = indexed.slice(0, MAX_RELATIVE_INDICATORS);
  if (shown.length === 0) return null;
  const left = all.filter((x) => !x.r).map((x) => x.item.indicator.label);
  const periods = shown.map((r) => r.item.figure.period).filter((p) => p !== null);
  const sortedPeriods = [...periods].sort((a, b) => a.id.localeCompare(b.id));
  const span = spanText(sortedPeriods[0], sortedPeriods.at(-1));
  const perHead = shown.some((r) => r.england.basis === 'per-head');
  const bars: BarItem[] = [];
  for (const r of shown) {
    const label = barLabel(r.item.indicator.label);
    bars.push({ label, value: r.place, role: area.northern ? 'north' : 'focus' });
    // Right under its indicator's bar (keepOrder), so the pair reads together.
    bars.push({ label: 'South East', value: r.southEast, role: 'reference' });
  }
  bars.push({ label: 'England', value: 100, role: 'reference' });
  const subtitle = [
    'Index, England = 100',
    span ? `latest periods ${span}` : '',
    perHead ? 'totals per head' : '',
    indexed.length > shown.length ? `${shown.length} of ${indexed.length} indicators` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const sources = [...new Set(shown.map((r) => r.item.source.org))];
  const datasets = new Set(shown.map((r) => r.item.source.dataset));
  const first = shown[0].item.source;
  // As chartSourceLine in chart-input.ts writes it (not imported: chart-input imports this file).
  const sourceLine =
    datasets.size === 1
      ? `Source: ${first.org}, ${first.dataset}, released ${formatDate(first.releaseDate)}. OGL v3.0`
      : `Sources: ${sources.join('; ')}. OGL v3.0`;
  const altText = [
    `Horizontal bar chart. ${title}. ${subtitle}.`,
    `${shown.map((r) => altLine(r, area)).join('. ')}.`,
    left.length > 0 ? `Not compared with England: ${left.join(', ')}.` : '',
    `${sourceLine}.`,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    kind: 'bars',
    title,
    subtitle,
    format: { suffix: '', decimals: INDEX_DECIMALS, unitLabel: 'Index, England = 100' },
    sourceLine,
    altText,
    items: bars,
    keepOrder: true,
  };
}

/** The profile's chart: its headline indicators (those /stats <place> gives), against England. */
export function profileChartInput(answer: ProfileAnswer): BarsChartInput | null {
  const items = answer.themes.flatMap((t) => t.items);
  const headline = HEADLINE_INDICATORS.flatMap((id) => items.filter((i) => i.indicator.id === id));
  return relativeChartInput(
    answer.area,
    headline,
    `${answer.area.name} against England: headline indicators`,
  );
}
