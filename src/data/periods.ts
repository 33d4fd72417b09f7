import type { PeriodInfo } from './types';

// ONS writes periods four ways across the ELS files: ISO intervals ("2023-01-01/P1Y", "2022-04-01/P1Y",
// "2018-01-01/P3Y", "2025-12-01/P1M"), single dates ("2025-04-30"), and bare years ("2023").
// Everything downstream works on PeriodInfo, so this is the one place that knows the formats.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const INTERVAL = /^(\d{4})-(\d{2})-(\d{2})\/P(\d+)([YM])$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

/** Parses an ONS period string; returns null for anything it does not recognise. */
export function parsePeriod(raw: string): PeriodInfo | null {
  const text = raw.trim();
  let m = YEAR.exec(text);
  if (m) {
    const year = Number(m[1]);
    return { id: `${year}-01-01/P1Y`, start: `${year}-01-01`, duration: 'P1Y', year, label: String(year) };
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
      year,
      label: intervalLabel(year, month, count, unit),
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

function intervalLabel(year: number, month: number, count: number, unit: string): string {
  if (unit === 'M') {
    return count === 1 ? `${MONTHS[month - 1]} ${year}` : `${count} months from ${MONTHS[month - 1]} ${year}`;
  }
  if (count === 1) {
    // Calendar years read as "2023"; years that start later (financial Apr, academic Aug/Sep,
    // survey years from Nov, gas years from May) span two calendar years and read "2023/24".
    return month === 1 ? String(year) : `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
  }
  const last = month === 1 ? year + count - 1 : year + count;
  return `${year} to ${last}`;
}

/** Orders periods by their start date (string order fails across formats, so compare the ISO start). */
export function comparePeriods(a: PeriodInfo, b: PeriodInfo): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.duration.localeCompare(b.duration);
}
