/** Whether `tz` is an IANA time zone this runtime knows (Intl throws RangeError for unknown zones). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
