import { formatChange, formatNumber, formatSignedPercent, ordinal } from '../format/number';
import { differenceText, RANK_ORDER_NOTE, sourceLine, spanText, valueText } from './phrases';
import type { BenchmarkAnswer, CatchingUpAnswer, ChangeAnswer, ScatterAnswer } from './types';

/** "Employment rate (Great Britain)" -> "employment rate (Great Britain)". */
const lowerFirst = (t: string) => (/^[A-Z][a-z]/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t);

// Sentences for the analyst answers, shared by plain text and Block Kit (which escapes them).

/** "+12.4% (£523 to £588)", "-1.2 percentage points (74.1% to 72.9%)", with the margin of error. */
export function changeLine(a: ChangeAnswer, r: ChangeAnswer['rows'][number]): string {
  const ind = a.indicator;
  const head =
    a.measure === 'percent' && r.changePct !== null
      ? formatSignedPercent(r.changePct)
      : formatChange(r.change, ind);
  const span = `${valueText(r.start.value, ind)} to ${valueText(r.end.value, ind)}`;
  const moe = r.significant === false ? ', within the margin of error' : '';
  return `${head} (${span}${moe})`;
}

export function changeLines(a: ChangeAnswer): string[] {
  const lines: string[] = [];
  a.rows.forEach((r) => {
    const position = r.position;
    const mark = r.area === a.highlight ? ' ◀' : '';
    lines.push(
      `${ordinal(position)}. ${r.areaName}${r.northern ? ' (North)' : ''}: ${changeLine(a, r)}${mark}`,
    );
  });
  return lines;
}

export function changeHeadline(a: ChangeAnswer): string {
  const measure =
    a.measure === 'percent' ? 'in %' : a.measure === 'points' ? 'in percentage points' : 'in units';
  const order = a.direction === 'top' ? 'largest rise first' : 'largest fall first';
  return `Change in ${lowerFirst(a.indicator.label)} ${spanText(a.startPeriod, a.endPeriod)}, ${a.group.label} (${measure}, ${order})`;
}

export function lackingLine(a: ChangeAnswer): string | null {
  if (a.lacking.length === 0) return null;
  const names = a.lacking
    .slice(0, 8)
    .map((l) => `${l.areaName} (no ${l.missing === 'both' ? 'figures' : `${l.missing} figure`})`);
  return `Not ranked: ${names.join(', ')}${a.lacking.length > 8 ? ` and ${a.lacking.length - 8} more` : ''}.`;
}

export function catchingUpLines(a: CatchingUpAnswer): string[] {
  const first = a.points[0];
  const last = a.points.at(-1)!;
  const pct = (v: number) => `${formatNumber(v, 1)}%`;
  const lines = [
    `${a.areaName} was ${pct(first.pctOfSouthEast)} of the South East's level in ${first.period.label} and ${pct(last.pctOfSouthEast)} in ${last.period.label}${last.pctOfEngland !== null ? ` (${pct(last.pctOfEngland)} of England's)` : ''}.`,
  ];
  if (a.slopeAll !== null)
    lines.push(
      `Trend in that ratio: ${formatChange(a.slopeAll, { prefix: '', suffix: '', decimalPlaces: 2 })} points a year over ${spanText(first.period, last.period)}${a.slopeLast5 !== null ? `, ${formatChange(a.slopeLast5, { prefix: '', suffix: '', decimalPlaces: 2 })} over the last 5 periods` : ''}.`,
    );
  if (a.verdict === 'ahead') lines.push(`${a.areaName} is at or above the South East's level.`);
  else if (a.verdict === 'closing')
    lines.push(
      `Closing at about ${formatNumber(a.slopeAll ?? 0, 1)} points a year${a.yearsToParity !== null ? `; at that rate it would reach the South East's level in about ${a.yearsToParity} years` : ''}.`,
    );
  else if (a.verdict === 'widening')
    lines.push(
      `Falling further behind, by about ${formatNumber(Math.abs(a.slopeAll ?? 0), 1)} points a year.`,
    );
  else lines.push('No clear trend.');
  return lines;
}

export function scatterLines(a: ScatterAnswer): string[] {
  const r = a.r !== null ? formatNumber(a.r, 2) : 'not defined';
  const strength =
    a.r === null
      ? ''
      : Math.abs(a.r) >= 0.7
        ? 'strong'
        : Math.abs(a.r) >= 0.4
          ? 'moderate'
          : Math.abs(a.r) >= 0.2
            ? 'weak'
            : 'little or no';
  const sign = a.r !== null && a.r < 0 ? 'negative' : 'positive';
  const lines = [
    `${a.y.label} (${a.yPeriod.label}) against ${lowerFirst(a.x.label)} (${a.xPeriod.label}), ${a.group.label}: r = ${r}, n = ${a.n} (${strength}${strength === 'little or no' ? '' : ` ${sign}`} correlation).`,
  ];
  const fmt = (p: ScatterAnswer['points'][number]) =>
    `${p.areaName} (${valueText(p.x, a.x)}, ${valueText(p.y, a.y)})`;
  lines.push(`Furthest above the trend line: ${a.above.map(fmt).join('; ')}.`);
  lines.push(`Furthest below: ${a.below.map(fmt).join('; ')}.`);
  const own = a.highlight ? a.points.find((p) => p.area === a.highlight) : undefined;
  if (own) lines.push(`${own.areaName}: ${fmt(own)}, ${own.residual >= 0 ? 'above' : 'below'} the line.`);
  return lines;
}

export function benchmarkLines(a: BenchmarkAnswer): string[] {
  const ind = a.indicator;
  const names = (fs: BenchmarkAnswer['above']) =>
    fs.map((f) => `${f.areaName} (${valueText(f.value, ind)})`).join(', ');
  const total = a.above.length + a.similar.length + a.same.length + a.below.length;
  const lines = [
    `${a.above.length} of ${total} ${a.group.label} are above ${a.against.areaName} (${valueText(a.against.value, ind)}) on ${lowerFirst(ind.label)}, ${a.period.label}; ${a.similar.length + a.same.length} similar; ${a.below.length} below.`,
  ];
  if (a.above.length) lines.push(`Above: ${names(a.above)}.`);
  if (a.similar.length) lines.push(`Similar (within the margin of error): ${names(a.similar)}.`);
  if (a.same.length) lines.push(`The same: ${names(a.same)}.`);
  if (a.below.length) lines.push(`Below: ${names(a.below)}.`);
  if (a.missing.length)
    lines.push(`No figure for ${a.period.label}: ${a.missing.map((f) => f.areaName).join(', ')}.`);
  return lines;
}

export { differenceText, RANK_ORDER_NOTE, sourceLine };
