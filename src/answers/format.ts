import type { IndicatorMeta } from '../data/types';

// en-GB number and date wording, ONS house style: thousands separators, £ before, % after,
// decimals as the indicator's metadata says. Shared by text, Block Kit and chart renderers.

export type ValueFormat = Pick<IndicatorMeta, 'prefix' | 'suffix' | 'decimalPlaces' | 'unit'>;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// One Intl.NumberFormat per number of decimals: toLocaleString builds a new formatter on every call,
// which made Block Kit rendering the slowest step of a /stats answer.
const formatters = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number, decimals: number): string {
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(decimals, f);
  }
  return f.format(value);
}

/** "£41.5", "73.2%", "6.9 score out of 10", "12,345 people"; "no data" for null. */
export function formatValue(value: number | null, fmt: ValueFormat, opts: { unit?: boolean } = {}): string {
  if (value === null) return 'no data';
  const sign = value < 0 ? '-' : '';
  const body = `${fmt.prefix}${formatNumber(Math.abs(value), fmt.decimalPlaces)}${fmt.suffix}`;
  const unit = opts.unit && !fmt.prefix && !fmt.suffix && fmt.unit ? ` ${fmt.unit}` : '';
  return `${sign}${body}${unit}`;
}

/** A difference with an explicit sign: "+£3.2", "-4.1 percentage points" for percentages. */
export function formatDiff(diff: number, fmt: ValueFormat): string {
  const rounded = Number(diff.toFixed(fmt.decimalPlaces));
  const sign = rounded > 0 ? '+' : rounded < 0 ? '-' : '±';
  const magnitude = `${fmt.prefix}${formatNumber(Math.abs(rounded), fmt.decimalPlaces)}`;
  if (fmt.suffix === '%') return `${sign}${magnitude} percentage point${Math.abs(rounded) === 1 ? '' : 's'}`;
  return `${sign}${magnitude}${fmt.suffix}`;
}

export function formatPct(pct: number): string {
  const rounded = Number(pct.toFixed(1));
  const sign = rounded > 0 ? '+' : rounded < 0 ? '-' : '±';
  return `${sign}${formatNumber(Math.abs(rounded), 1)}%`;
}

/** "19 Jun 2025" from an ISO date. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st ... */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${formatNumber(n, 0)} ${n === 1 ? word : pluralWord}`;
}
