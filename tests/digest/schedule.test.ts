import { TZDate } from '@date-fns/tz';
import {
  DEFAULT_MAX_CATCH_UP_MS,
  describeSchedule,
  dueSlots,
  localToInstant,
  nextDueAt,
  parseTime,
  parseWeekday,
  previousDueAt,
  type ScheduleInput,
} from '../../src/digest/schedule';

const iso = (d: Date) => d.toISOString();
const Z = (s: string) => new Date(s);
const HOUR = 3_600_000;

const mondayLondon: ScheduleInput = { cadence: 'weekly', weekday: 1, time: '09:00', tz: 'Europe/London' };
const dailyLondon = (time: string): ScheduleInput => ({
  cadence: 'daily',
  weekday: null,
  time,
  tz: 'Europe/London',
});

/** Every slot from `from` for `count` ticks, via nextDueAt. */
function walk(sub: ScheduleInput, from: Date, count: number): Date[] {
  const out: Date[] = [];
  let t = from;
  for (let i = 0; i < count; i++) {
    t = nextDueAt(sub, t);
    out.push(t);
  }
  return out;
}

describe('nextDueAt: weekly Europe/London across BST', () => {
  it('is 09:00 local on both sides of the spring change (last Sunday of March)', () => {
    expect(walk(mondayLondon, Z('2026-03-20T12:00:00Z'), 3).map(iso)).toEqual([
      '2026-03-23T09:00:00.000Z', // GMT
      '2026-03-30T08:00:00.000Z', // BST, the day after clocks went forward on Sunday 29 March
      '2026-04-06T08:00:00.000Z',
    ]);
  });

  it('is 09:00 local on both sides of the autumn change (last Sunday of October)', () => {
    expect(walk(mondayLondon, Z('2026-10-15T00:00:00Z'), 3).map(iso)).toEqual([
      '2026-10-19T08:00:00.000Z', // BST
      '2026-10-26T09:00:00.000Z', // GMT, the day after clocks went back on Sunday 25 October
      '2026-11-02T09:00:00.000Z',
    ]);
  });

  it('is strictly after `after`, including exactly at a slot', () => {
    expect(iso(nextDueAt(mondayLondon, Z('2026-03-30T08:00:00Z')))).toBe('2026-04-06T08:00:00.000Z');
    expect(iso(nextDueAt(mondayLondon, Z('2026-03-30T07:59:59.999Z')))).toBe('2026-03-30T08:00:00.000Z');
  });

  it('handles a Sunday schedule on the change days themselves', () => {
    const sunday: ScheduleInput = { cadence: 'weekly', weekday: 0, time: '09:00', tz: 'Europe/London' };
    expect(walk(sunday, Z('2026-03-21T00:00:00Z'), 2).map(iso)).toEqual([
      '2026-03-22T09:00:00.000Z',
      '2026-03-29T08:00:00.000Z',
    ]);
    expect(walk(sunday, Z('2026-10-24T00:00:00Z'), 1).map(iso)).toEqual(['2026-10-25T09:00:00.000Z']);
  });

  it('rejects a weekly schedule without a weekday and an unknown zone', () => {
    expect(() => nextDueAt({ ...mondayLondon, weekday: null }, Z('2026-01-01T00:00:00Z'))).toThrow(
      RangeError,
    );
    expect(() => nextDueAt({ ...mondayLondon, tz: 'Mars/Olympus' }, Z('2026-01-01T00:00:00Z'))).toThrow(
      RangeError,
    );
  });
});

describe('daily slots over DST changes', () => {
  it('moves a nonexistent 01:30 on the London spring-forward day to 02:30 BST, once', () => {
    expect(walk(dailyLondon('01:30'), Z('2026-03-27T12:00:00Z'), 3).map(iso)).toEqual([
      '2026-03-28T01:30:00.000Z', // 01:30 GMT
      '2026-03-29T01:30:00.000Z', // 01:30 does not exist; 02:30 BST is the first valid equivalent
      '2026-03-30T00:30:00.000Z', // 01:30 BST
    ]);
    const shifted = new TZDate(Z('2026-03-29T01:30:00Z').getTime(), 'Europe/London');
    expect([shifted.getHours(), shifted.getMinutes()]).toEqual([2, 30]);
  });

  it('fires a repeated 01:30 on the London fall-back day once, at the first occurrence (BST)', () => {
    expect(walk(dailyLondon('01:30'), Z('2026-10-24T12:00:00Z'), 3).map(iso)).toEqual([
      '2026-10-25T00:30:00.000Z', // 01:30 BST; the repeated 01:30 GMT an hour later is not a slot
      '2026-10-26T01:30:00.000Z',
      '2026-10-27T01:30:00.000Z',
    ]);
  });

  it('never fires twice or skips a day over a whole year, in London and New York', () => {
    for (const tz of ['Europe/London', 'America/New_York']) {
      for (const time of ['00:00', '01:30', '02:30', '09:00', '23:59']) {
        const sub: ScheduleInput = { cadence: 'daily', weekday: null, time, tz };
        const slots = walk(sub, Z('2025-12-31T12:00:00Z'), 365);
        const localDates = slots.map((s) => {
          const d = new TZDate(s.getTime(), tz);
          return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
        });
        expect(new Set(localDates).size).toBe(365);
        for (let i = 1; i < slots.length; i++)
          expect(slots[i]!.getTime()).toBeGreaterThan(slots[i - 1]!.getTime());
      }
    }
  });
});

describe('America/New_York', () => {
  const mondayNY: ScheduleInput = { cadence: 'weekly', weekday: 1, time: '09:00', tz: 'America/New_York' };

  it('keeps 09:00 local across the March and November changes', () => {
    expect(walk(mondayNY, Z('2026-02-28T00:00:00Z'), 2).map(iso)).toEqual([
      '2026-03-02T14:00:00.000Z', // EST (UTC-5)
      '2026-03-09T13:00:00.000Z', // EDT (UTC-4), after Sunday 8 March
    ]);
    expect(walk(mondayNY, Z('2026-10-28T00:00:00Z'), 2).map(iso)).toEqual([
      '2026-11-02T14:00:00.000Z', // EST again after Sunday 1 November
      '2026-11-09T14:00:00.000Z',
    ]);
  });

  it('moves a nonexistent 02:30 on 8 March 2026 to 03:30 EDT', () => {
    expect(iso(localToInstant('America/New_York', { year: 2026, month: 3, day: 8 }, 2, 30))).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('uses the first 01:30 on 1 November 2026 (EDT)', () => {
    expect(iso(localToInstant('America/New_York', { year: 2026, month: 11, day: 1 }, 1, 30))).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });
});

describe('previousDueAt', () => {
  it('is the latest slot at or before the instant', () => {
    expect(iso(previousDueAt(mondayLondon, Z('2026-03-30T08:00:00Z')))).toBe('2026-03-30T08:00:00.000Z');
    expect(iso(previousDueAt(mondayLondon, Z('2026-03-30T07:59:00Z')))).toBe('2026-03-23T09:00:00.000Z');
  });
});

describe('dueSlots', () => {
  const sub: ScheduleInput = { ...mondayLondon, createdAt: Z('2026-01-01T00:00:00Z') };

  it('returns nothing before the slot and nothing once the ledger has it', () => {
    expect(dueSlots(sub, Z('2026-03-23T09:00:00Z'), Z('2026-03-30T07:59:00Z'))).toEqual([]);
    expect(dueSlots(sub, Z('2026-03-30T08:00:00Z'), Z('2026-03-30T08:05:00Z'))).toEqual([]);
  });

  it('posts the slot that has just come due', () => {
    expect(dueSlots(sub, Z('2026-03-23T09:00:00Z'), Z('2026-03-30T08:00:30Z'))).toEqual([
      { slot: Z('2026-03-30T08:00:00Z'), action: 'post', supersededCount: 0 },
    ]);
  });

  it('after downtime over several slots, returns only the most recent one, once', () => {
    const daily: ScheduleInput = { ...dailyLondon('07:00'), createdAt: Z('2026-01-01T00:00:00Z') };
    // Last digest Monday 07:00 BST; back up Thursday 08:00 BST: Tue, Wed and Thu 07:00 were all missed.
    const due = dueSlots(daily, Z('2026-04-06T06:00:00Z'), Z('2026-04-09T07:00:00Z'));
    expect(due).toEqual([{ slot: Z('2026-04-09T06:00:00Z'), action: 'post', supersededCount: 2 }]);
  });

  it('returns a missed slot older than maxCatchUpMs as skip', () => {
    const now = Z('2026-03-30T14:00:01Z'); // 6 h and 1 s after 09:00 BST
    expect(dueSlots(sub, Z('2026-03-23T09:00:00Z'), now)).toEqual([
      { slot: Z('2026-03-30T08:00:00Z'), action: 'skip', supersededCount: 0 },
    ]);
    expect(dueSlots(sub, Z('2026-03-23T09:00:00Z'), now, 7 * HOUR)[0]!.action).toBe('post');
    expect(DEFAULT_MAX_CATCH_UP_MS).toBe(6 * HOUR);
  });

  it('does not post slots from before the subscription existed', () => {
    const fresh: ScheduleInput = { ...mondayLondon, createdAt: Z('2026-03-30T08:30:00Z') };
    expect(dueSlots(fresh, null, Z('2026-03-30T09:00:00Z'))).toEqual([]);
    expect(dueSlots(fresh, null, Z('2026-04-06T08:00:00Z'))).toEqual([
      { slot: Z('2026-04-06T08:00:00Z'), action: 'post', supersededCount: 0 },
    ]);
  });

  it('without any history, offers the latest slot', () => {
    expect(dueSlots(mondayLondon, null, Z('2026-03-30T08:10:00Z'))).toEqual([
      { slot: Z('2026-03-30T08:00:00Z'), action: 'post', supersededCount: 0 },
    ]);
  });
});

describe('describeSchedule', () => {
  it('describes weekly and daily schedules in en-GB', () => {
    expect(describeSchedule(mondayLondon, 'en-GB')).toBe('Mondays at 09:00 (Europe/London)');
    expect(describeSchedule({ ...mondayLondon, weekday: 0, time: '17:30' })).toBe(
      'Sundays at 17:30 (Europe/London)',
    );
    expect(describeSchedule(dailyLondon('07:15'))).toBe('Every day at 07:15 (Europe/London)');
  });
});

describe('parseTime', () => {
  it.each([
    ['9am', '09:00'],
    ['9 am', '09:00'],
    ['9AM', '09:00'],
    ['09:00', '09:00'],
    ['9:00', '09:00'],
    ['17:30', '17:30'],
    ['5.30pm', '17:30'],
    ['12pm', '12:00'],
    ['12am', '00:00'],
    ['noon', '12:00'],
    ['midnight', '00:00'],
    ['23:59', '23:59'],
  ])('%s → %s', (input, expected) => {
    expect(parseTime(input)).toBe(expected);
  });

  it.each(['', '9', '25:00', '24:00', '12:60', '13pm', '0am', 'nine', '9:5', '09:00:00'])(
    '%j → null',
    (input) => {
      expect(parseTime(input)).toBeNull();
    },
  );
});

describe('parseWeekday', () => {
  it.each([
    ['mon', 1],
    ['Monday', 1],
    ['Mondays', 1],
    ['MON.', 1],
    ['tues', 2],
    ['Wednesdays', 3],
    ['thurs', 4],
    ['fri', 5],
    ['sat', 6],
    ['Sunday', 0],
  ])('%s → %d', (input, expected) => {
    expect(parseWeekday(input)).toBe(expected);
  });

  it.each(['', 'mo', 'moon', 'weekday', 'lundi', '1'])('%j → null', (input) => {
    expect(parseWeekday(input)).toBeNull();
  });
});
