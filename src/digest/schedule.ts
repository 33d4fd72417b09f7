import { TZDate, tzOffset } from '@date-fns/tz';
import type { ScheduleSpec } from '../store/types';

/*
 * Pure scheduling for digests. Every function takes the current time as an argument (nothing reads the
 * clock) so the scheduler, the tests and a replay of a bad night all get the same answers.
 *
 * A slot is the instant a digest is due: the subscription's local wall-clock time in its IANA zone, on
 * every day (daily) or on its weekday (weekly). Slots are computed per local calendar date, never by adding
 * 24 h or 7 d to the previous slot, so a Monday 09:00 Europe/London digest stays at 09:00 local across the
 * BST changes (08:00Z in summer, 09:00Z in winter), and is never produced twice or skipped.
 *
 * Local times that do not exist or exist twice are resolved like Temporal's 'compatible' disambiguation:
 * - In a spring-forward gap the time moves forward by the length of the gap: daily 01:30 Europe/London on
 *   Sunday 29 March 2026 (clocks go 01:00 GMT → 02:00 BST) is due at 02:30 BST = 01:30Z, the same absolute
 *   time as the "01:30 GMT" the user would have had without the change. It still fires once that day.
 * - In an autumn overlap the earlier of the two instants wins: 01:30 on Sunday 25 October 2026 is 01:30 BST
 *   (00:30Z), not the repeated 01:30 GMT an hour later. It fires once.
 */

export interface ScheduleInput extends ScheduleSpec {
  /** When given (a stored Subscription always has it), slots at or before it are never due. */
  createdAt?: Date;
}

/** Default for dueSlots: a digest found to be more than 6 hours late is skipped rather than posted. */
export const DEFAULT_MAX_CATCH_UP_MS = 6 * 60 * 60 * 1000;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

function parseHHMM(time: string): { hour: number; minute: number } {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new RangeError(`schedule time must be HH:MM, got ${time}`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** Offset of tz from UTC in minutes at an instant; throws on unknown zones instead of returning NaN. */
function offsetMinutes(tz: string, at: number): number {
  const off = tzOffset(tz, new Date(at));
  if (Number.isNaN(off)) throw new RangeError(`unknown time zone ${tz}`);
  return off;
}

/**
 * The instant a local wall-clock time happens in tz, with the gap/overlap rule described at the top.
 * Zones change offset at most once within a day either side, so the offsets a day before and a day after
 * are the only candidates.
 */
export function localToInstant(tz: string, date: LocalDate, hour: number, minute: number): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const before = offsetMinutes(tz, wall - DAY_MS);
  const after = offsetMinutes(tz, wall + DAY_MS);
  const valid = [...new Set([before, after])]
    .map((off) => wall - off * MINUTE_MS)
    .filter((t) => offsetMinutes(tz, t) * MINUTE_MS === wall - t);
  if (valid.length > 0) return new Date(Math.min(...valid));
  // Gap: read the wall time with the offset in force before the jump, which lands just after it.
  return new Date(wall - before * MINUTE_MS);
}

function localDateOf(instant: Date, tz: string): LocalDate {
  const local = new TZDate(instant.getTime(), tz);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
}

/** Calendar arithmetic on a plain date (UTC has no DST, so adding days is exact there). */
function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

function checkedWeekday(sub: ScheduleSpec): number | null {
  if (sub.cadence === 'daily') return null;
  const w = sub.weekday;
  if (w === null || !Number.isInteger(w) || w < 0 || w > 6) {
    throw new RangeError(`weekly schedule needs a weekday 0 (Sunday) to 6 (Saturday), got ${String(w)}`);
  }
  return w;
}

/** Slots on the local dates `around` + each of dayOffsets (in that order), skipping other weekdays. */
function* slotsAround(sub: ScheduleSpec, around: Date, dayOffsets: readonly number[]): Generator<Date> {
  const { hour, minute } = parseHHMM(sub.time);
  const weekday = checkedWeekday(sub);
  // Fail loudly on an unknown zone here: TZDate would quietly give NaN dates and match no weekday.
  offsetMinutes(sub.tz, around.getTime());
  const base = localDateOf(around, sub.tz);
  for (const k of dayOffsets) {
    const date = addDays(base, k);
    if (weekday !== null && weekdayOf(date) !== weekday) continue;
    yield localToInstant(sub.tz, date, hour, minute);
  }
}

// Ten consecutive local dates always contain a slot of a daily or weekly schedule, with a day to spare
// each side for slots that a gap shift moves past local midnight.
const FORWARD_DAYS = [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
const BACKWARD_DAYS = [1, 0, -1, -2, -3, -4, -5, -6, -7, -8] as const;

/** The first slot strictly after `after`. */
export function nextDueAt(sub: ScheduleSpec, after: Date): Date {
  for (const slot of slotsAround(sub, after, FORWARD_DAYS)) {
    if (slot.getTime() > after.getTime()) return slot;
  }
  throw new Error('unreachable: every schedule has a slot within 8 days');
}

/** The latest slot at or before `atOrBefore`. */
export function previousDueAt(sub: ScheduleSpec, atOrBefore: Date): Date {
  for (const slot of slotsAround(sub, atOrBefore, BACKWARD_DAYS)) {
    if (slot.getTime() <= atOrBefore.getTime()) return slot;
  }
  throw new Error('unreachable: every schedule has a slot within 8 days');
}

export interface DueSlot {
  slot: Date;
  /** 'post' it now, or 'skip' it (record it as skipped in the ledger and log it): it is too late to be useful. */
  action: 'post' | 'skip';
  /** How many earlier missed slots this one stands for; they are neither posted nor recorded. */
  supersededCount: number;
}

/**
 * What to do now for one subscription. Returns at most one slot: the most recent slot at or before `now`
 * that is after the last ledger slot (or after creation, for a subscription with no ledger rows yet).
 * After downtime that spans several slots only the latest is returned, so a channel gets one digest, not
 * one per missed tick. If even that one is more than maxCatchUpMs old it comes back as 'skip'.
 */
export function dueSlots(
  sub: ScheduleInput,
  lastSlot: Date | null,
  now: Date,
  maxCatchUpMs: number = DEFAULT_MAX_CATCH_UP_MS,
): DueSlot[] {
  const latest = previousDueAt(sub, now);
  const baseline = lastSlot ?? sub.createdAt ?? null;
  if (baseline !== null && latest.getTime() <= baseline.getTime()) return [];

  let supersededCount = 0;
  if (baseline !== null) {
    // Count the slots being folded into this one, for the log line. Bounded so a years-old baseline
    // cannot make this loop long.
    for (let s = nextDueAt(sub, baseline); s.getTime() < latest.getTime() && supersededCount < 1000; ) {
      supersededCount++;
      s = nextDueAt(sub, s);
    }
  }
  const action = now.getTime() - latest.getTime() > maxCatchUpMs ? 'skip' : 'post';
  return [{ slot: latest, action, supersededCount }];
}

const ENGLISH_PLURAL_DAYS = [
  'Sundays',
  'Mondays',
  'Tuesdays',
  'Wednesdays',
  'Thursdays',
  'Fridays',
  'Saturdays',
];

/**
 * "Mondays at 09:00 (Europe/London)" / "Every day at 07:30 (Europe/London)". Only en-GB wording exists
 * today; the parameter is there so callers already pass the user's locale.
 */
export function describeSchedule(sub: ScheduleSpec, _locale: 'en-GB' = 'en-GB'): string {
  const weekday = checkedWeekday(sub);
  const when = weekday === null ? 'Every day' : ENGLISH_PLURAL_DAYS[weekday];
  return `${when} at ${sub.time} (${sub.tz})`;
}

/**
 * Parses what people type for a time: '09:00', '9:00', '17:30', '9am', '9 am', '9.30pm', '12pm' (noon),
 * '12am' (midnight), 'noon', 'midnight'. Returns 'HH:MM' (24-hour) or null.
 */
export function parseTime(input: string): string | null {
  const s = input.trim().toLowerCase();
  if (s === 'noon' || s === 'midday') return '12:00';
  if (s === 'midnight') return '00:00';
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/.exec(s);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const meridiem = m[3]?.replace(/\./g, '');
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (m[2] === undefined || hour > 23) {
    // A bare number like '9' is ambiguous (9am? 21:00?); ask rather than guess.
    return null;
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

const WEEKDAY_PREFIXES: readonly (readonly string[])[] = [
  ['sun', 'sunday'],
  ['mon', 'monday'],
  ['tue', 'tues', 'tuesday'],
  ['wed', 'weds', 'wednesday'],
  ['thu', 'thur', 'thurs', 'thursday'],
  ['fri', 'friday'],
  ['sat', 'saturday'],
];

/** 'mon', 'Monday', 'Mondays', 'Mon.' → 1. Returns 0 (Sunday) … 6 (Saturday), or null. */
export function parseWeekday(input: string): number | null {
  let s = input.trim().toLowerCase().replace(/\.$/, '');
  if (s.endsWith('days')) s = s.slice(0, -1);
  const index = WEEKDAY_PREFIXES.findIndex((names) => names.includes(s));
  return index === -1 ? null : index;
}
