import * as numbers from '../format/number';
import type { NumberFormat } from './types';

// Charts format through the one number module (src/format/number.ts), so that labels, ticks and
// alt text round exactly as the answer text does. This file only maps the chart's NumberFormat.

function valueFormat(fmt: NumberFormat): numbers.ValueFormat {
  return {
    prefix: fmt.prefix ?? '',
    suffix: fmt.suffix ?? '',
    decimalPlaces: fmt.decimals,
    multiplier: fmt.multiplier ?? null,
  };
}

/** "£41.47", "£28,187", "71.2%", "-£3.75", "£68.5bn". */
export function formatValue(value: number, fmt: NumberFormat, decimals: number = fmt.decimals): string {
  return numbers.formatValue(value, valueFormat(fmt), decimals);
}

/** Like formatValue but "no data" for a missing value (never shown as zero). */
export function formatMaybe(value: number | null | undefined, fmt: NumberFormat): string {
  return numbers.formatMaybe(value, valueFormat(fmt));
}

/** The size of a difference: "3.8 percentage points" for rates, "£3.75" for money. */
export function formatDifference(diff: number, fmt: NumberFormat): string {
  return numbers.formatGap(diff, valueFormat(fmt));
}

/** Tick label for an axis whose ticks are `step` apart. */
export function formatTick(value: number, fmt: NumberFormat, step?: number): string {
  return numbers.formatTick(value, valueFormat(fmt), step);
}
