// Independent oracle: display strings and unit labels (RULES.display), computed on the decimal text of the
// CSV (never on the binary float), with BigInt arithmetic.
import type { IndicatorData } from './data';

interface Decimal {
  neg: boolean;
  /** value = digits / 10^scale */
  digits: bigint;
  scale: number;
}

export function parseDecimal(text: string): Decimal {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`not a decimal: ${JSON.stringify(text)}`);
  const intPart = m[2] || '0';
  const frac = m[3] ?? '';
  const exp = m[4] ? Number(m[4]) : 0;
  let digits = BigInt(intPart + frac);
  let scale = frac.length - exp;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { neg: m[1] === '-' && digits !== 0n, digits, scale };
}

/** Round half away from zero to `dp` places; returns the magnitude as an integer count of 10^-dp units. */
function roundTo(d: Decimal, dp: number): { neg: boolean; units: bigint } {
  if (d.scale <= dp) return { neg: d.neg, units: d.digits * 10n ** BigInt(dp - d.scale) };
  const f = 10n ** BigInt(d.scale - dp);
  let q = d.digits / f;
  if (2n * (d.digits % f) >= f) q += 1n;
  // Our reading: a value that rounds to zero is shown without a minus sign ("0.0", not "-0.0").
  return { neg: d.neg && q !== 0n, units: q };
}

function group(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function fixed(units: bigint, dp: number): string {
  const s = units.toString().padStart(dp + 1, '0');
  const intPart = s.slice(0, s.length - dp);
  const frac = dp > 0 ? `.${s.slice(s.length - dp)}` : '';
  return group(intPart) + frac;
}

/** The published value rounded half away from zero to `dp`, with thousands separators (no prefix/suffix). */
export function roundedText(raw: string, dp: number): string {
  const r = roundTo(parseDecimal(raw), dp);
  return (r.neg ? '-' : '') + fixed(r.units, dp);
}

/** Money published in £ millions (JSON subText "in £ millions", with or without ", 2024 prices"; or CSV unit "£ million"). */
export function isMillions(ind: IndicatorData): boolean {
  return /£\s*millions?\b/i.test(ind.meta.subText ?? '') || /^£\s*millions?$/i.test(ind.unit.trim());
}

/**
 * Totals rather than rates (RULES.verdict): unit/subText "in £ millions", "number of ..." (JSON subText, CSV
 * measure or unit), or a CSV measure exactly "Count". "Counts of museums per 100,000 people" is a rate.
 */
export function isCount(ind: IndicatorData): boolean {
  if (isMillions(ind)) return true;
  const texts = [ind.meta.subText ?? '', ind.measure, ind.unit].map((t) => t.trim().toLowerCase());
  return texts.some((t) => t.startsWith('number of')) || ind.measure.trim().toLowerCase() === 'count';
}

function prefixSymbol(prefix: string | null): string {
  if (!prefix) return '';
  return prefix === 'GBPSign' ? '£' : prefix;
}

/** RULES.display for one published value (raw CSV text). */
export function displayValue(ind: IndicatorData, raw: string): string {
  const dp = ind.meta.decimalPlaces;
  const d = parseDecimal(raw);
  if (isMillions(ind)) {
    // >= 1,000 million: billions to 1 decimal place; below: millions at decimalPlaces.
    const thousand = 1000n * 10n ** BigInt(d.scale);
    if (d.digits >= thousand) {
      const r = roundTo({ neg: d.neg, digits: d.digits, scale: d.scale + 3 }, 1);
      return `${r.neg ? '-' : ''}£${fixed(r.units, 1)}bn`;
    }
    const r = roundTo(d, dp);
    return `${r.neg ? '-' : ''}£${fixed(r.units, dp)}m`;
  }
  const r = roundTo(d, dp);
  return `${r.neg ? '-' : ''}${prefixSymbol(ind.meta.prefix)}${fixed(r.units, dp)}${ind.meta.suffix ?? ''}`;
}

/**
 * unitLabel, derived as a person would write the unit with its multiplier:
 *   - money in £ millions (subText "in £ millions[, 2024 prices]") -> "£ million"
 *   - other money (JSON prefix GBPSign)                          -> "£"
 *   - JSON suffix "%"                                            -> "%"
 *   - otherwise the JSON subText ("per 100,000 population", "years", "kWh", "affordability ratio", ...),
 *     falling back to the CSV unit when the JSON has none.
 */
export function unitLabel(ind: IndicatorData): string {
  if (isMillions(ind)) return '£ million';
  if (ind.meta.prefix === 'GBPSign') return '£';
  if (ind.meta.suffix === '%') return '%';
  return ind.meta.subText ?? ind.unit;
}
