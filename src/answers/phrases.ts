import { periodSpan } from '../data/periods';
import type { PeriodInfo } from '../data/types';
import {
  formatChange,
  formatDate,
  formatGap,
  formatNumber,
  formatPercent,
  formatSignedPercent,
  formatValue,
  ordinal,
  roundHalfAway,
  roundsToZero,
} from '../format/number';
import type { Difference, Figure, IndicatorRef, Position, SourceRef } from './types';

// The sentences every surface shares (plain text, Block Kit, digests, alt text), so that a figure,
// a comparison or a rank reads the same wherever it appears. Plain strings: renderers escape them.

/** " years", " enterprises" ("number of enterprises" reads badly after a number); "" for £ and %. */
function unitWords(ind: IndicatorRef): string {
  if (ind.prefix || ind.suffix || !ind.unitLabel) return '';
  return ` ${ind.unitLabel.replace(/^number of /i, '')}`;
}

/** "£41.5", "£68.5bn", "74.7%", "5.3 years"; "no data (withheld [u]: low reliability)" when missing. */
export function valueText(value: number | null, ind: IndicatorRef, note?: string | null): string {
  if (value === null) return `no data${note ? ` (${note})` : ''}`;
  const body = formatValue(value, ind);
  return `${body}${unitWords(ind)}`;
}

/** A figure with its 95% confidence interval where one is published. */
export function figureText(f: Figure, ind: IndicatorRef): string {
  if (f.value === null) return valueText(null, ind, f.note);
  const ci =
    f.lci !== null && f.uci !== null
      ? ` (95% CI ${formatValue(f.lci, ind)} to ${formatValue(f.uci, ind)})`
      : '';
  return `${valueText(f.value, ind)}${ci}`;
}

/** "£8,970 per head", "45.2 per 1,000 residents". */
function perHeadText(value: number, p: NonNullable<Difference['perHead']>): string {
  const money = p.unit.startsWith('£');
  return money
    ? `£${formatNumber(value, p.decimals)}${p.unit.slice(1)}`
    : `${formatNumber(value, p.decimals)} ${p.unit}`;
}

function verdictWord(d: Difference): string {
  return d.better === null ? '' : d.better ? ', better' : ', worse';
}

/**
 * One comparison in words, without double negatives and only as strong as the evidence:
 * "£71 (10.5%) below the South East (£678)", "similar to England (76.0%; within the margin of error)".
 */
export function differenceText(d: Difference, ind: IndicatorRef): string {
  if (d.basis === 'per-head') {
    if (!d.perHead || d.verdict === null)
      return `${d.toName}: not compared (a total; no population figure for the same year to compare it per head)`;
    const a = perHeadText(d.perHead.from, d.perHead);
    const b = perHeadText(d.perHead.to, d.perHead);
    const word = d.verdict === 'same' ? 'the same as' : d.verdict === 'higher' ? 'higher than' : 'lower than';
    return `${a}: ${word} ${d.toName} (${b})${verdictWord(d)}`;
  }
  if (d.diff === null || d.toValue === null || d.verdict === null)
    return `${d.toName}: no figure for the same period`;
  const other = `${d.toName} (${valueText(d.toValue, ind)})`;
  if (d.verdict === 'similar') return `similar to ${other}: within the margin of error`;
  if (d.verdict === 'same' || roundsToZero(d.diff, ind)) return `the same as ${other}`;
  // A relative difference of a percentage ("5.8% of 79.3%") confuses more than it tells: points only.
  const pct = d.diffPct !== null && ind.suffix !== '%' ? ` (${formatPercent(d.diffPct)})` : '';
  return `${formatGap(d.diff, ind)}${unitWords(ind)}${pct} ${d.diff > 0 ? 'above' : 'below'} ${other}${verdictWord(d)}`;
}

/** "75th of 151 upper-tier councils in England" (", approximate" for survey estimates). */
export function positionText(p: Position): string {
  return `${ordinal(p.position)} of ${p.of} ${p.groupLabel}${p.approximate ? ' (approximate: survey estimates)' : ''}`;
}

/** Said once per answer wherever a rank by value appears. */
export const RANK_ORDER_NOTE = 'Ranks: 1st = highest value.';

/** "+£2,293 (+12.4%), about +£229 a year" for a series from its first to its latest value. */
export function changeText(
  change: number,
  changePct: number | null,
  perYear: number | null,
  ind: IndicatorRef,
): string {
  if (roundsToZero(change, ind)) return 'no change';
  const pct = changePct !== null && ind.suffix !== '%' ? ` (${formatSignedPercent(changePct)})` : '';
  const yearly =
    perYear !== null && !roundsToZero(perYear, ind) ? `, about ${formatChange(perYear, ind)} a year` : '';
  return `${formatChange(change, ind)}${pct}${yearly}`;
}

/** "15.4% below the South East" for a relative gap. */
export function relativeGapText(relPct: number, to = 'the South East'): string {
  if (roundHalfAway(relPct, 1) === 0) return `level with ${to}`;
  return `${formatPercent(relPct)} ${relPct > 0 ? 'above' : 'below'} ${to}`;
}

export function spanText(
  from: PeriodInfo | null | undefined,
  to: PeriodInfo | null | undefined,
): string | null {
  if (!from || !to) return to?.label ?? from?.label ?? null;
  return periodSpan(from, to);
}

/** "Source: ONS, GDP per head, released 17 Apr 2025; period 2023. Open Government Licence v3.0." */
export function sourceLine(source: SourceRef, period: string | null): string {
  const parts = [`Source: ${source.org}, ${source.dataset}`, `released ${formatDate(source.releaseDate)}`];
  const head = parts.join(', ');
  return `${head}${period ? `; period ${period}` : ''}. Open Government Licence v3.0.`;
}

/**
 * The unit and price basis where a reader needs them: £ million figures say so, and money compared
 * over time says it is at current prices (changes include inflation).
 */
export function unitNote(ind: IndicatorRef, overTime = false): string | null {
  if (ind.multiplier === 'million')
    return `Published in £ million (${ind.priceBasis ?? 'current prices'}); bn = billion, m = million.`;
  if (overTime && ind.priceBasis === 'current prices')
    return 'Money at current prices: changes include inflation.';
  return null;
}
