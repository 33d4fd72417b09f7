// The one number formatter. Text, Block Kit, charts (labels, ticks, alt text) and CSV headers all
// format figures here, so a value can never read "£36.2" in a message and "£36.1" on its chart.
//
// ONS house style: commas in numbers of four or more digits, £ before, % after, the decimal places
// the indicator's metadata gives, and the multiplier next to every figure ("£68.5bn", "£523m").

export interface ValueFormat {
  /** Written before the number, e.g. "£". */
  prefix: string;
  /** Written after the number with no space, e.g. "%". */
  suffix: string;
  decimalPlaces: number;
  /** The published value is in millions of the prefix's currency (ELS subText "in £ millions"). */
  multiplier?: 'million' | null;
}

/**
 * Rounds half away from zero on the value's shortest decimal form, so 36.15 -> 36.2 although the
 * double nearest 36.15 is 36.1499999... (toFixed would give 36.1). Values computed by subtraction
 * are first trimmed to 12 significant digits to drop float noise (45.22 - 41.47 = 3.7500000000000036).
 */
export function roundHalfAway(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const d = Math.max(0, Math.min(15, Math.trunc(decimals)));
  const clean = Number(value.toPrecision(12));
  const sign = clean < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(clean)}e${d}`);
  const rounded = Number(`${Math.round(shifted)}e-${d}`);
  return rounded === 0 ? 0 : sign * rounded;
}

// One Intl.NumberFormat per number of decimals: building one per call made Block Kit rendering slow.
const formatters = new Map<number, Intl.NumberFormat>();

/** "1,234.5": an already-rounded, non-negative number with separators and fixed decimals. */
function digits(value: number, decimals: number): string {
  const d = Math.max(0, Math.min(15, Math.trunc(decimals)));
  let f = formatters.get(d);
  if (!f) {
    // Values reach here already rounded by roundHalfAway, so Intl only adds separators and zeros.
    f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
    formatters.set(d, f);
  }
  return f.format(value);
}

/** A plain number in ONS style ("12,345", "4.2"), rounded half away from zero. */
export function formatNumber(value: number, decimals: number): string {
  const rounded = roundHalfAway(value, decimals);
  return `${rounded < 0 ? '-' : ''}${digits(Math.abs(rounded), decimals)}`;
}

/** The magnitude of a figure with prefix, multiplier and suffix, without a sign. */
function magnitude(abs: number, fmt: ValueFormat, decimals: number): string {
  if (fmt.multiplier === 'million') {
    // £ millions read as people say them: £68.5bn, £523m.
    const bn = roundHalfAway(abs / 1000, 1);
    if (bn >= 1) return `${fmt.prefix}${digits(bn, 1)}bn${fmt.suffix}`;
    return `${fmt.prefix}${digits(roundHalfAway(abs, decimals), decimals)}m${fmt.suffix}`;
  }
  return `${fmt.prefix}${digits(roundHalfAway(abs, decimals), decimals)}${fmt.suffix}`;
}

/** "£41.5", "74.7%", "£68.5bn", "-£3.75", "5.3". The sign goes before the prefix, as ONS writes it. */
export function formatValue(value: number, fmt: ValueFormat, decimals: number = fmt.decimalPlaces): string {
  const body = magnitude(Math.abs(value), fmt, decimals);
  // No "-£0.0": a tiny negative that rounds to zero has no sign.
  const isZero = /^[^1-9]*$/.test(body);
  return `${value < 0 && !isZero ? '-' : ''}${body}`;
}

/** formatValue, or "no data" for a missing value (never shown as zero). */
export function formatMaybe(value: number | null | undefined, fmt: ValueFormat): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? 'no data'
    : formatValue(value, fmt);
}

/** True when a difference rounds to zero at the figure's precision. */
export function roundsToZero(diff: number, fmt: ValueFormat): boolean {
  return /^[^1-9]*$/.test(magnitude(Math.abs(diff), fmt, fmt.decimalPlaces));
}

/**
 * The size of a difference, without sign or direction ("£71", "3.8 percentage points", "£1.2bn"):
 * the words around it say above/below, so there is never a double negative ("-£71 below").
 */
export function formatGap(diff: number, fmt: ValueFormat): string {
  const abs = Math.abs(diff);
  if (fmt.suffix === '%') {
    const n = roundHalfAway(abs, fmt.decimalPlaces);
    return `${digits(n, fmt.decimalPlaces)} percentage point${n === 1 ? '' : 's'}`;
  }
  return magnitude(abs, fmt, fmt.decimalPlaces);
}

/** A change with its sign, for series ("+£2,293", "-1.2 percentage points", "no change"). */
export function formatChange(diff: number, fmt: ValueFormat): string {
  if (roundsToZero(diff, fmt)) return 'no change';
  return `${diff > 0 ? '+' : '-'}${formatGap(diff, fmt)}`;
}

/** A relative size without sign ("10.5%"), one decimal place. */
export function formatPercent(pct: number): string {
  return `${digits(roundHalfAway(Math.abs(pct), 1), 1)}%`;
}

/** A percentage change with its sign ("+3.2%", "-0.4%", "0.0%"). */
export function formatSignedPercent(pct: number): string {
  const r = roundHalfAway(pct, 1);
  return `${r > 0 ? '+' : r < 0 ? '-' : ''}${digits(Math.abs(r), 1)}%`;
}

function decimalsOf(step: number): number {
  if (!Number.isFinite(step) || step <= 0) return 0;
  for (let d = 0; d <= 6; d++) {
    if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
  }
  return 6;
}

/**
 * Axis tick label for ticks `step` apart: whole-number steps drop the decimals ("£40"), fractional
 * steps keep at least the indicator's ("£42.50"). Multiplied units keep their multiplier.
 */
export function formatTick(value: number, fmt: ValueFormat, step?: number): string {
  if (step === undefined) return formatValue(value, fmt);
  const stepDecimals = decimalsOf(
    fmt.multiplier === 'million' && Math.abs(value) >= 1000 ? step / 1000 : step,
  );
  const decimals = stepDecimals === 0 ? 0 : Math.max(fmt.decimalPlaces, stepDecimals);
  if (fmt.multiplier === 'million' && Math.abs(value) >= 1000) {
    const bn = Number((Math.abs(value) / 1000).toFixed(stepDecimals));
    return `${value < 0 ? '-' : ''}${fmt.prefix}${digits(bn, stepDecimals)}bn${fmt.suffix}`;
  }
  return formatValue(value, fmt, decimals);
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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "19 Jun 2025" from an ISO date. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}
