import { HEADLINE_INDICATORS } from '../../src/data/stats';
import { GAP_ROTATION, gapIndicatorFor, isoWeekOf, weekLabel, whatIsNew } from '../../src/digest/content';
import { buildDigest } from '../../src/digest/message';
import { MAX_INPUT_CHARS, MAX_PLACES, parseDigestCommand } from '../../src/digest/parse';
import { NORTHERN_CORE_CITIES } from '../../src/resolve';
import { validateBlocks } from '../../src/slack/limits';
import { testCore } from './digest-helpers';

const core = testCore();
const parse = (text: string) => parseDigestCommand(text, core, { defaultTz: 'Europe/London' });
const subscribe = (text: string) => {
  const c = parse(text);
  if (c.kind !== 'subscribe') throw new Error(`expected subscribe, got ${c.kind}`);
  return c;
};

describe('parseDigestCommand', () => {
  it('defaults to weekly, Monday 09:00 Europe/London, northern core cities, headline indicators', () => {
    const c = subscribe('subscribe');
    expect(c.problems).toEqual([]);
    expect(c.request).toMatchObject({
      cadence: 'weekly',
      weekday: 1,
      time: '09:00',
      tz: 'Europe/London',
      placesDefaulted: true,
      indicatorsDefaulted: true,
      skipWhenNoNewData: false,
    });
    expect(c.request.places.map((p) => p.code)).toEqual(NORTHERN_CORE_CITIES);
    expect(c.request.indicators.map((i) => i.id)).toEqual(HEADLINE_INDICATORS);
  });

  it('reads every clause, telling "on <weekday>" from "on <indicators>"', () => {
    const c = subscribe(
      'subscribe weekly on friday at 17:30 for leeds, bradford and york on pay, employment skip-empty',
    );
    expect(c.problems).toEqual([]);
    expect(c.request).toMatchObject({
      cadence: 'weekly',
      weekday: 5,
      time: '17:30',
      skipWhenNoNewData: true,
    });
    expect(c.request.places.map((p) => p.name)).toEqual(['Leeds', 'Bradford', 'York']);
    expect(c.request.indicators.map((i) => i.id)).toEqual([
      'gross-median-weekly-pay',
      expect.stringMatching(/^employment-rate/),
    ]);
  });

  it('reads daily, 12-hour times, time zones, groups and "every <weekday>"', () => {
    expect(subscribe('daily at 7am').request).toMatchObject({
      cadence: 'daily',
      weekday: null,
      time: '07:00',
    });
    expect(subscribe('subscribe every tuesday at 08:15 Europe/Dublin').request).toMatchObject({
      weekday: 2,
      tz: 'Europe/Dublin',
    });
    const g = subscribe('subscribe for northern core cities');
    expect(g.request.places.map((p) => p.code)).toEqual(NORTHERN_CORE_CITIES);
  });

  it('reports what it could not read instead of guessing', () => {
    expect(subscribe('subscribe at 25:99').problems[0]).toMatch(/couldn't read "25:99" as a time/);
    expect(subscribe('subscribe for qwertyuiop').problems[0]).toMatch(
      /couldn't find a place called "qwertyuiop"/,
    );
    expect(subscribe('subscribe on zzzyyyxxx').problems[0]).toMatch(/indicator called "zzzyyyxxx"/);
    expect(subscribe('subscribe banana').problems[0]).toMatch(/didn't understand "banana"/);
  });

  it('knows the other subcommands', () => {
    expect(parse('')).toEqual({ kind: 'help' });
    expect(parse('help')).toEqual({ kind: 'help' });
    expect(parse('list')).toEqual({ kind: 'list' });
    expect(parse('unsubscribe 1a2b3c4d')).toEqual({ kind: 'unsubscribe', id: '1a2b3c4d' });
    expect(parse('resume 1a2b3c4d')).toEqual({ kind: 'resume', id: '1a2b3c4d' });
    expect(parse('preview')).toEqual({ kind: 'preview', id: null });
    expect(parse('frobnicate')).toEqual({ kind: 'unknown', word: 'frobnicate' });
  });

  it('survives hostile input: Slack markup, 5,000 characters, emoji', () => {
    const c = subscribe('subscribe for <!channel> leeds <@U123|bob> :tada: 🎉');
    expect(c.request.places.map((p) => p.name)).toContain('Leeds');
    expect(JSON.stringify(c)).not.toMatch(/<!channel>|<@U123/);
    const long = subscribe(`subscribe for leeds ${'x'.repeat(5000)}`);
    expect(long.notes.join(' ')).toContain(String(MAX_INPUT_CHARS));
    expect(JSON.stringify(long).length).toBeLessThan(20_000);
    const many = subscribe(
      'subscribe for leeds, york, hull, bradford, wakefield, sheffield, doncaster, salford, bolton, wigan',
    );
    expect(many.request.places).toHaveLength(MAX_PLACES);
    expect(many.notes.join(' ')).toContain(`at most ${MAX_PLACES} places`);
  });
});

describe('buildDigest', () => {
  const sub = {
    id: 's1',
    places: NORTHERN_CORE_CITIES,
    indicators: HEADLINE_INDICATORS,
    tz: 'Europe/London',
    skipWhenNoNewData: false,
  };
  const slot = new Date('2026-03-30T08:00:00Z');

  it('has the week header, a section per place with period, change and South East comparison, and sources last', () => {
    const d = buildDigest(core, sub, null, slot);
    expect(validateBlocks(d.blocks)).toEqual([]);
    expect(d.weekLabel).toBe('Week of 30 Mar 2026');
    const json = JSON.stringify(d.blocks);
    expect(json).toContain('Northstat digest · Week of 30 Mar 2026');
    expect(json).toMatch(
      /\*Leeds\*\\n• \*Gross value added per hour worked\* \(2023\): \*£[\d.]+\* · [+-]£[\d.]+ since 2022/,
    );
    expect(json).toContain('below South East (£45.2)');
    expect(d.blocks.at(-1)?.type).toBe('context');
    expect(JSON.stringify(d.blocks.at(-1))).toContain('Open Government Licence');
    expect(d.hasNewData).toBe(true);
  });

  it('is pure: same inputs, same message', () => {
    expect(buildDigest(core, sub, null, slot)).toEqual(buildDigest(core, sub, null, slot));
  });

  it('says what is new since the stored state, and "no new data" when nothing is', () => {
    const first = buildDigest(core, sub, null, slot);
    const again = buildDigest(core, sub, first.state, new Date('2026-04-06T08:00:00Z'));
    expect(again.hasNewData).toBe(false);
    expect(JSON.stringify(again.blocks)).toContain('no new data since the last digest (30 Mar 2026)');
    const older = {
      ...first.state,
      releases: { ...first.state.releases, 'gross-median-weekly-pay': '2024-10-01' },
    };
    const changed = whatIsNew(core, HEADLINE_INDICATORS, older);
    expect(changed.map((n) => n.indicatorId)).toEqual(['gross-median-weekly-pay']);
    expect(changed[0].reason).toBe('release');
    const d = buildDigest(core, sub, older, slot);
    expect(JSON.stringify(d.blocks)).toContain('What is new in the data since the last digest');
  });

  it('rotates the gap indicator by ISO week through GAP_ROTATION', () => {
    const weeks = Array.from(
      { length: GAP_ROTATION.length },
      (_, k) => new Date(slot.getTime() + k * 7 * 86_400_000),
    );
    const ids = weeks.map((w) => gapIndicatorFor(core, w, 'Europe/London'));
    expect(new Set(ids).size).toBe(GAP_ROTATION.length);
    expect(ids[0]).toBe(GAP_ROTATION[isoWeekOf(slot, 'Europe/London') % GAP_ROTATION.length]);
    const d = buildDigest(core, sub, null, slot);
    expect(d.gap?.indicator.id).toBe(ids[0]);
    expect(JSON.stringify(d.blocks)).toContain('The gap this week');
  });

  it('uses the local week: Sunday 23:30Z in summer is already Monday in London', () => {
    expect(weekLabel(new Date('2026-06-07T23:30:00Z'), 'Europe/London')).toBe('Week of 8 Jun 2026');
    expect(weekLabel(new Date('2026-06-07T23:30:00Z'), 'UTC')).toBe('Week of 1 Jun 2026');
  });

  it('stays within Block Kit limits for the largest allowed digest', () => {
    const big = {
      ...sub,
      places: [...NORTHERN_CORE_CITIES, 'E08000032', 'E06000010', 'E06000014'],
      indicators: [...HEADLINE_INDICATORS, 'gross-domestic-product-per-head-at-current-market-prices'],
    };
    expect(validateBlocks(buildDigest(core, big, null, slot).blocks)).toEqual([]);
  });
});
