import type { NumberFormat } from './types';

// Intl.NumberFormat construction is comparatively slow and tick callbacks run many times per
// render, so formatters are cached per number of decimals.
const formatters = new Map<number, Intl.NumberFormat>();

function numberFormatter(decimals: number): Intl.NumberFormat {
  const d = Math.max(0, Math.min(20, Math.trunc(decimals)));
  let f = formatters.get(d);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
    formatters.set(d, f);
  }
  return f;
}

/**
 * "£41.47", "£28,187", "71.2%", "-£3.75". The sign goes before the prefix, as ONS writes it.
 * Thousands separators come from en-GB (ONS: commas in numbers of 4 or more digits).
 */
export function formatValue(value: number, fmt: NumberFormat, decimals: number = fmt.decimals): string {
  // Avoid "-£0.00" when a tiny negative rounds to zero.
  const rounded = Number(value.toFixed(Math.max(0, Math.min(20, decimals))));
  const sign = rounded < 0 ? '-' : '';
  return `${sign}${fmt.prefix ?? ''}${numberFormatter(decimals).format(Math.abs(rounded))}${fmt.suffix ?? ''}`;
}

/** Like formatValue but "no data" for a missing value (never shown as zero). */
export function formatMaybe(value: number | null | undefined, fmt: NumberFormat): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? 'no data'
    : formatValue(value, fmt);
}

/**
 * A difference between two values. Rates (suffix "%") differ by percentage points, per the
 * ONS style guide, so "3.8 percentage points" rather than "3.8%".
 */
export function formatDifference(diff: number, fmt: NumberFormat): string {
  if (fmt.suffix?.trim() === '%') {
    return `${numberFormatter(fmt.decimals).format(Math.abs(diff))} percentage points`;
  }
  return formatValue(Math.abs(diff), fmt);
}

function decimalsOf(step: number): number {
  if (!Number.isFinite(step) || step <= 0) return 0;
  for (let d = 0; d <= 6; d++) {
    if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
  }
  return 6;
}

/**
 * Tick label for an axis whose ticks are `step` apart. Whole-number steps drop the decimals
 * ("£40", "£42") so the axis stays quiet; fractional steps keep the indicator's decimals so
 * money reads "£42.50" rather than "£42.5".
 */
export function formatTick(value: number, fmt: NumberFormat, step?: number): string {
  if (step === undefined) return formatValue(value, fmt);
  const stepDecimals = decimalsOf(step);
  return formatValue(value, fmt, stepDecimals === 0 ? 0 : Math.max(fmt.decimals, stepDecimals));
}
