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

/** How a value the publisher flags as unreliable is marked wherever it is shown. */
export const UNRELIABLE_NOTE = 'low reliability [u]: the publisher flags this estimate as unreliable';

/** A figure with its 95% confidence interval where one is published. */
export function figureText(f: Figure, ind: IndicatorRef): string {
  if (f.value === null) return valueText(null, ind, f.note);
  if (f.unreliable) return `${valueText(f.value, ind)} (${UNRELIABLE_NOTE})`;
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
export function differenceText(d: Difference, ind: IndicatorRef, compact = false): string {
  if (d.notCompared) return `${d.toName}: not compared (${d.notCompared})`;
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
  // Compact (a table that states the unit and the comparators' values once): no unit words, no
  // comparator value, no better/worse.
  const other = compact ? d.toName : `${d.toName} (${valueText(d.toValue, ind)})`;
  if (d.verdict === 'similar')
    return compact ? `similar to ${other}` : `similar to ${other}: within the margin of error`;
  if (d.verdict === 'same' || roundsToZero(d.diff, ind)) return `the same as ${other}`;
  // A relative difference of a percentage ("5.8% of 79.3%") confuses more than it tells: points only.
  const pct = d.diffPct !== null && ind.suffix !== '%' ? ` (${formatPercent(d.diffPct)})` : '';
  const gap = `${formatGap(d.diff, ind)}${compact ? '' : unitWords(ind)}${pct} ${d.diff > 0 ? 'above' : 'below'} ${other}`;
  return compact ? gap : `${gap}${verdictWord(d)}`;
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

/** "15.4% below the South East" for a relative gap ("15.4% below" with `to` null, where the heading names it). */
export function relativeGapText(relPct: number, to: string | null = 'the South East'): string {
  if (roundHalfAway(relPct, 1) === 0) return to ? `level with ${to}` : 'level';
  return `${formatPercent(relPct)} ${relPct > 0 ? 'above' : 'below'}${to ? ` ${to}` : ''}`;
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

/** "higher", "lower", "similar" (within the margin of error), "same": the verdict alone, as strong as the evidence. */
const VERDICT_WORDS = { higher: 'higher', lower: 'lower', similar: 'similar', same: 'same' } as const;

/** "South East: lower", "England: similar", "England: lower per head": the verdict alone, for one-line summaries. */
export function shortVerdict(d: Difference): string {
  if (d.verdict === null) return `${d.toName}: not compared`;
  return `${d.toName}: ${VERDICT_WORDS[d.verdict]}${d.basis === 'per-head' ? ' per head' : ''}`;
}

/** A figure with its interval in brackets, for layouts that say once that brackets are 95% CIs. */
/**
 * `unitWords` false: the value without " years" or " per 1,000 dwellings", for tables whose heading
 * states the unit once (£ and % stay: they are part of the number).
 */
export function compactFigureText(f: Figure, ind: IndicatorRef, unitWords = true): string {
  if (f.value === null) return valueText(null, ind, f.note);
  const value = unitWords ? valueText(f.value, ind) : formatValue(f.value, ind);
  if (f.unreliable) return `${value} (low reliability [u])`;
  if (f.lci === null || f.uci === null) return value;
  return `${value} (${formatValue(f.lci, ind)} to ${formatValue(f.uci, ind)})`;
}

/** Said once where compact figures carry intervals in brackets. */
export const CI_BRACKETS_NOTE = 'Brackets: 95% confidence interval.';

/**
 * The abbreviations these organisations use for themselves, for compact source lines where every
 * figure already carries its release date. Names not listed are written in full.
 */
const ORG_ABBREVIATIONS: [RegExp, string][] = [
  [/Office for National Statistics/g, 'ONS'],
  [/Northern Ireland Statistics and Research Agency/g, 'NISRA'],
  [/Department for Education/g, 'DfE'],
  [/Office for Health Improvement and Disparities/g, 'OHID'],
  [/Ministry of Housing, Communities and Local Government/g, 'MHCLG'],
  [/Department for Transport/g, 'DfT'],
  [/Department for Culture, Media and Sport/g, 'DCMS'],
  [/Department for Energy Security and Net Zero/g, 'DESNZ'],
  [/Department for Work and Pensions/g, 'DWP'],
];

export function shortOrg(org: string): string {
  return ORG_ABBREVIATIONS.reduce((s, [long, short]) => s.replace(long, short), org);
}

/**
 * The organisations behind a multi-figure answer in one short line ("Sources: ONS; ONS and NISRA.
 * Open Government Licence v3.0."), for layouts that give each figure its own release date.
 */
export function combinedSourceLine(sources: SourceRef[]): string {
  const orgs = [...new Set(sources.map((s) => shortOrg(s.org)))];
  return `Sources: ${orgs.join('; ')}. Open Government Licence v3.0.`;
}
