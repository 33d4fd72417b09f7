import type { PeriodInfo } from './types';

// ONS writes periods four ways across the ELS files: ISO intervals ("2023-01-01/P1Y", "2022-04-01/P1Y",
// "2018-01-01/P3Y", "2025-12-01/P1M"), single dates ("2025-04-30"), and bare years ("2023").
// Everything downstream works on PeriodInfo, so this is the one place that knows the formats.

// Month names in full, as ONS writes them ("year ending March 2025", "April 2025").
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const INTERVAL = /^(\d{4})-(\d{2})-(\d{2})\/P(\d+)([YM])$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

/** Parses an ONS period string; returns null for anything it does not recognise. */
export function parsePeriod(raw: string): PeriodInfo | null {
  const text = raw.trim();
  let m = YEAR.exec(text);
  if (m) {
    const year = Number(m[1]);
    return {
      id: `${year}-01-01/P1Y`,
      start: `${year}-01-01`,
      duration: 'P1Y',
      year,
      label: String(year),
      raw: text,
    };
  }
  m = INTERVAL.exec(text);
  if (m) {
    const [, y, mo, d, n, unit] = m;
    const year = Number(y);
    const month = Number(mo);
    const count = Number(n);
    if (month < 1 || month > 12 || count < 1) return null;
    const start = `${y}-${mo}-${d}`;
    return {
      id: text,
      start,
      duration: `P${count}${unit}`,
      // A multi-year period is named by its last year ("2022 to 2024" is what "2024" means).
      year: unit === 'Y' && count > 1 ? lastYear(year, month, Number(d), count) : year,
      label: intervalLabel(year, month, Number(d), count, unit),
    };
  }
  m = DATE.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return { id: text, start: text, duration: '', year, label: `${MONTHS[month - 1]} ${year}` };
  }
  return null;
}

/** The calendar year in which an interval of `count` years starting at year-month-day ends. */
function lastYear(year: number, month: number, day: number, count: number): number {
  return month === 1 && day === 1 ? year + count - 1 : year + count;
}

/** The month in which a one-year-or-longer interval ends: the month before its start month, unless it starts mid-month. */
function endMonth(month: number, day: number): number {
  return day > 1 ? month : ((month + 10) % 12) + 1;
}

// ONS style (style.ons.gov.uk, dates): "2023", "2022 to 2024", "year ending March 2025",
// "academic year 2024 to 2025", "April 2022 to March 2025"; never slashes or hyphens.
function intervalLabel(year: number, month: number, day: number, count: number, unit: string): string {
  if (unit === 'M') {
    return count === 1 ? `${MONTHS[month - 1]} ${year}` : `${count} months from ${MONTHS[month - 1]} ${year}`;
  }
  const last = lastYear(year, month, day, count);
  if (month === 1 && day === 1) return count === 1 ? String(year) : `${year} to ${last}`;
  const ends = MONTHS[endMonth(month, day) - 1];
  if (count === 1) {
    if (month === 8 || month === 9) return `academic year ${year} to ${last}`;
    return `year ending ${ends} ${last}`;
  }
  return `${MONTHS[month - 1]} ${year} to ${ends} ${last}`;
}

/**
 * A span between two periods in words: "2015 to 2023", or "between 2011 to 2013 and 2022 to 2024"
 * where the periods are themselves spans; just the one label when both ends are the same period.
 */
export function periodSpan(from: PeriodInfo, to: PeriodInfo): string {
  if (from.id === to.id) return to.label;
  const simple = (p: PeriodInfo) => /^\d{4}$/.test(p.label);
  return simple(from) && simple(to)
    ? `${from.label} to ${to.label}`
    : `between ${from.label} and ${to.label}`;
}

/** Orders periods by their start date (string order fails across formats, so compare the ISO start). */
export function comparePeriods(a: PeriodInfo, b: PeriodInfo): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.duration.localeCompare(b.duration);
}
