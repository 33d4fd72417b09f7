import type { Difference, IndicatorRef } from '../../../src/answers/types';
import { loadCore } from '../../../src/data/core';
import { type DigestModel, digestModel, type PlaceFigure } from '../../../src/digest/content';
import type { DigestResult, ListedSubscription } from '../../../src/digest/service';
import { digestMessage, digestReplyMessage, HELP_LINES, placeLine } from '../../../src/slack/blocks/digest';
import { LIMITS, type SlackBlock, validateBlocks } from '../../../src/slack/limits';
import type { Subscription } from '../../../src/store/types';

// The digest renderers: a model in, Block Kit out, always within Slack's limits and with every
// user- or data-supplied string escaped.

const pay: IndicatorRef = {
  id: 'gross-median-weekly-pay',
  label: 'Gross median weekly pay',
  subtitle: '',
  unit: '£',
  prefix: '£',
  suffix: '',
  decimalPlaces: 0,
  polarity: 'higher-better',
  hasCi: false,
  caveats: null,
  multiplier: null,
  unitLabel: '£',
  isCount: false,
  priceBasis: null,
};

const belowSouthEast: Difference = {
  to: 'E12000008',
  toName: 'South East',
  toValue: 700,
  diff: -89,
  diffPct: -12.714,
  verdict: 'lower',
  method: 'no-ci',
  basis: 'value',
  perHead: null,
  better: false,
};

const leedsPay: PlaceFigure = {
  indicator: pay,
  value: 611,
  period: '2025',
  change: { diff: 23, since: '2024' },
  southEast: belowSouthEast,
};

function model(overrides: Partial<DigestModel> = {}): DigestModel {
  return {
    weekLabel: 'Week of 30 Mar 2026',
    isFirst: false,
    lastDigestAt: '2026-03-23T08:00:00.000Z',
    newData: [],
    hasNewData: false,
    places: [{ code: 'E08000035', name: 'Leeds', figures: [leedsPay] }],
    gap: null,
    gapChartFollows: false,
    sources: [{ org: 'ONS', dataset: 'Earnings & hours', releaseDate: '2025-10-22' }],
    state: { releases: {} },
    ...overrides,
  };
}

/** A block's text: a section's text, its fields (one per place) joined by blank lines, or a context's elements. */
const textOf = (b: SlackBlock | undefined): string => {
  const block = b as
    | { text?: { text?: string }; fields?: { text: string }[]; elements?: { text?: string }[] }
    | undefined;
  return (
    block?.text?.text ??
    block?.fields?.map((f) => f.text).join('\n\n') ??
    block?.elements?.map((el) => el.text).join(' ') ??
    ''
  );
};

describe('digestMessage', () => {
  it('header, what is new, the places as fields of one section, sources last', () => {
    const m = digestMessage(model());
    expect(validateBlocks(m.blocks)).toEqual([]);
    expect(m.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);
    expect(m.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Northstat digest · Week of 30 Mar 2026', emoji: false },
    });
    expect(textOf(m.blocks[1])).toBe('*What is new:* no new data since the last digest (23 Mar 2026).');
    expect(textOf(m.blocks[2])).toBe(
      '*Leeds*\n• *Gross median weekly pay* (2025): *£611* · +£23 since 2024 · £89 (12.7%) below South East (£700), worse',
    );
    expect(textOf(m.blocks[3])).toBe(
      'Sources: ONS, Earnings &amp; hours (released 22 Oct 2025). Open Government Licence v3.0.',
    );
    expect(m.text).toBe(
      'Northstat digest · Week of 30 Mar 2026 No new data since the last digest. Figures for Leeds.',
    );
  });

  it('says what is new: the first digest, or each new release and period', () => {
    expect(textOf(digestMessage(model({ isFirst: true, hasNewData: true })).blocks[1])).toBe(
      '*What is new:* this is the first digest for this channel, so every figure is new to it.',
    );
    const m = digestMessage(
      model({
        hasNewData: true,
        newData: [
          {
            indicatorId: pay.id,
            label: pay.label,
            sourceDate: '2025-10-22',
            period: '2025',
            reason: 'release',
          },
          {
            indicatorId: 'x',
            label: 'Jobs <density>',
            sourceDate: '2025-11-01',
            period: '2024',
            reason: 'both',
          },
        ],
      }),
    );
    expect(textOf(m.blocks[1])).toBe(
      '*What is new in the data since the last digest*\n• Gross median weekly pay: new release 22 Oct 2025\n• Jobs &lt;density&gt;: new figures for 2024 (released 1 Nov 2025)',
    );
    expect(m.text).toContain('New data: Gross median weekly pay, Jobs &lt;density&gt;.');
  });

  it('writes missing figures, a missing South East figure, and the South East itself', () => {
    const lines = [
      placeLine({ indicator: pay, value: null, note: 'withheld [u]: low reliability' }),
      placeLine({ indicator: pay, value: null, note: null }),
      placeLine({ ...leedsPay, change: null, southEast: 'missing' }),
      placeLine({ ...leedsPay, southEast: null }),
    ];
    expect(lines).toEqual([
      '*Gross median weekly pay*: no data (withheld [u]: low reliability)',
      '*Gross median weekly pay*: no data',
      '*Gross median weekly pay* (2025): *£611* · no South East figure for the same period',
      '*Gross median weekly pay* (2025): *£611* · +£23 since 2024',
    ]);
    const none = digestMessage(model({ places: [{ code: 'E08000035', name: 'Leeds', figures: [] }] }));
    expect(textOf(none.blocks[2])).toBe('*Leeds*\nNo indicators chosen.');
  });

  it('escapes names and labels from the data, so mentions stay inert', () => {
    const hostile = { ...pay, label: '<!channel> pay' };
    const m = digestMessage(
      model({
        places: [{ code: 'X', name: '<!here> & <@U123>', figures: [{ ...leedsPay, indicator: hostile }] }],
        sources: [{ org: '<!everyone>', dataset: 'd', releaseDate: '2025-01-01' }],
      }),
    );
    const json = JSON.stringify(m);
    expect(json).not.toMatch(/<!(channel|here|everyone)>|<@U123>/);
    expect(textOf(m.blocks[2])).toContain('*&lt;!here&gt; &amp; &lt;@U123&gt;*');
  });

  it('adds the gap this week from a real model, and says the chart is in the thread', () => {
    const core = loadCore();
    const sub = {
      places: ['E08000035'],
      indicators: [pay.id],
      tz: 'Europe/London',
      skipWhenNoNewData: false,
    };
    const d = digestModel(core, sub, null, new Date('2026-03-30T08:00:00Z'));
    expect(d.gap).not.toBeNull();
    const m = digestMessage(d);
    expect(validateBlocks(m.blocks)).toEqual([]);
    const gapAt = m.blocks.findIndex((b) => b.type === 'divider') + 1;
    expect(textOf(m.blocks[gapAt])).toMatch(/^\*The gap this week: /);
    expect(textOf(m.blocks[gapAt])).toContain('_The chart is in the thread._');
    expect(m.text).toContain(`The gap this week: ${d.gap?.indicator.label}.`);
    expect(m.blocks.at(-1)?.type).toBe('context');
  });

  it('a full digest (8 northern places, headline figures, the gap) and its preview fit in 10 blocks and say one thing about the chart', () => {
    const core = loadCore();
    const places = [
      'leeds',
      'manchester',
      'liverpool',
      'newcastle upon tyne',
      'sheffield',
      'bradford',
      'wakefield',
      'kingston upon hull',
    ];
    const codes = places.map(
      (name) =>
        core.geography
          .all()
          .find((a) => a.name.toLowerCase().startsWith(name) && a.level !== 'combined_authority')!.code,
    );
    const full = { places: codes, indicators: [] as string[], tz: 'Europe/London', skipWhenNoNewData: true };
    const d = digestModel(core, full, null, new Date('2026-03-30T08:00:00Z'));
    expect(d.places).toHaveLength(8);
    const posted = digestMessage({ ...d, gapChartFollows: true });
    expect(posted.blocks.length).toBeLessThanOrEqual(10);
    expect(validateBlocks(posted.blocks)).toEqual([]);
    const preview = digestReplyMessage({
      kind: 'preview',
      id: null,
      due: new Date('2026-03-30T08:00:00Z'),
      tz: 'Europe/London',
      skipWhenNoNewData: true,
      digest: { ...d, gapChartFollows: true },
    });
    expect(preview.blocks.length).toBeLessThanOrEqual(10);
    const text = JSON.stringify(preview.blocks);
    expect(text).not.toContain('The chart is in the thread');
    expect(text.match(/chart/g)).toHaveLength(1);
    // Every place is there with its figures.
    for (const p of d.places) expect(text).toContain(p.name);
  });

  it('stays within the limits when the model is far too big, keeping the sources', () => {
    const places = Array.from({ length: 80 }, (_, i) => ({
      code: `P${i}`,
      name: `Place ${i} ${'long name '.repeat(40)}`,
      figures: Array.from({ length: 6 }, () => leedsPay),
    }));
    const sources = Array.from({ length: 200 }, (_, i) => ({
      org: `Org ${i}`,
      dataset: 'd',
      releaseDate: '2025-01-01',
    }));
    const m = digestMessage(model({ places, sources }));
    expect(validateBlocks(m.blocks)).toEqual([]);
    expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    expect(m.blocks.at(-1)?.type).toBe('context');
    expect(textOf(m.blocks.at(-2))).toMatch(/^…and \d+ more$/);
    expect(m.text.length).toBeLessThanOrEqual(LIMITS.textFallback);
  });
});

const NOW = new Date('2026-03-25T12:00:00Z');
const sub: Subscription = {
  id: '1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d',
  teamId: 'T0TEAM',
  channelId: 'C0CHAN',
  createdBy: 'U0USER',
  cadence: 'weekly',
  weekday: 1,
  time: '09:00',
  tz: 'Europe/London',
  places: ['E08000035'],
  indicators: [pay.id],
  skipWhenNoNewData: false,
  status: 'active',
  pausedReason: null,
  pausedAt: null,
  createdAt: NOW,
  updatedAt: NOW,
};

describe('digestReplyMessage', () => {
  const sections = (r: DigestResult) => digestReplyMessage(r).blocks.map(textOf);

  it('answers every result within the limits, in the channel only for changes everyone should see', () => {
    const listed: ListedSubscription = {
      sub,
      placeNames: ['Leeds'],
      indicatorLabels: [pay.label],
      next: new Date('2026-03-30T08:00:00Z'),
    };
    const results: DigestResult[] = [
      { kind: 'help' },
      { kind: 'unreadable' },
      { kind: 'unknown', word: 'wibble' },
      { kind: 'list', subscriptions: [] },
      { kind: 'list', subscriptions: [listed] },
      { kind: 'no-id' },
      { kind: 'not-found', id: 'abcd' },
      { kind: 'ambiguous', id: 'abcd' },
      { kind: 'members-unknown', channelId: 'C0CHAN', error: 'not_in_channel' },
      { kind: 'not-a-member', channelId: 'C0CHAN' },
      { kind: 'other-channel', sub },
      { kind: 'unsubscribed', sub, userId: 'U0USER' },
      { kind: 'already-removed', sub },
      { kind: 'resumed', sub, userId: 'U0USER', next: new Date('2026-03-30T08:00:00Z') },
      { kind: 'not-paused', sub },
      { kind: 'subscribe-problems', problems: ['no place called "x"'], notes: [] },
      { kind: 'too-many', count: 10 },
      { kind: 'invalid', message: 'bad time' },
      {
        kind: 'preview',
        id: sub.id,
        due: NOW,
        tz: 'Europe/London',
        skipWhenNoNewData: false,
        digest: model(),
      },
    ];
    const inChannel = new Set(['unsubscribed', 'resumed']);
    for (const r of results) {
      const reply = digestReplyMessage(r);
      expect(validateBlocks(reply.blocks)).toEqual([]);
      expect(reply.response_type).toBe(inChannel.has(r.kind) ? 'in_channel' : 'ephemeral');
      expect(reply.text.length).toBeGreaterThan(0);
    }
  });

  it('help is the help lines, one section each, with the same fallback text', () => {
    const reply = digestReplyMessage({ kind: 'help' });
    expect(reply.blocks.map(textOf)).toEqual(HELP_LINES);
    expect(reply.text).toBe(HELP_LINES.join('\n'));
  });

  it('lists digests with short ids, schedule, next time, and why one is paused', () => {
    const paused = { ...sub, status: 'paused' as const, pausedReason: 'not_in_channel', pausedAt: NOW };
    const [title, active, stopped] = sections({
      kind: 'list',
      subscriptions: [
        { sub, placeNames: ['Leeds'], indicatorLabels: [pay.label], next: new Date('2026-03-30T08:00:00Z') },
        { sub: paused, placeNames: ['Leeds'], indicatorLabels: ['x'], next: null },
      ],
    });
    expect(title).toBe('*Digests in this channel (2)*');
    expect(active).toBe(
      '*`1a2b3c4d`* · Mondays at 09:00 (Europe/London)\nPlaces: Leeds\nIndicators: Gross median weekly pay\nNext: Monday 30 Mar 2026 at 09:00 (Europe/London)',
    );
    expect(stopped.split('\n').at(-1)).toBe(
      ':double_vertical_bar: *Paused* since 25 Mar 2026: I am not a member of this channel (not_in_channel); invite me with `/invite @Northstat`. Fix that, then `/digest resume 1a2b3c4d`.',
    );
  });

  it('shows at most 20 digests but counts them all', () => {
    const listed = { sub, placeNames: ['Leeds'], indicatorLabels: ['x'], next: NOW };
    const r = sections({ kind: 'list', subscriptions: Array.from({ length: 24 }, () => listed) });
    expect(r[0]).toBe('*Digests in this channel (24)*');
    expect(r).toHaveLength(21);
  });

  it('confirms a subscription with what was understood and the bot warning when needed', () => {
    const request = {
      cadence: 'weekly' as const,
      weekday: 5,
      time: '08:30',
      tz: 'Europe/London',
      tzTyped: false,
      places: [{ code: 'E08000035', name: 'Leeds' }],
      indicators: [{ id: pay.id, label: pay.label }],
      placesDefaulted: false,
      indicatorsDefaulted: true,
      skipWhenNoNewData: true,
    };
    const reply = digestReplyMessage({
      kind: 'subscribed',
      sub,
      request,
      userId: 'U0USER',
      next: new Date('2026-03-27T08:30:00Z'),
      notes: ['I read at most <8> places'],
      botMissing: true,
    });
    expect(reply.response_type).toBe('in_channel');
    expect(reply.blocks.map(textOf)).toEqual([
      '<@U0USER> subscribed this channel to a weekly Northstat digest (id `1a2b3c4d`).',
      '*When:* Fridays at 08:30 (Europe/London)\n*Places:* Leeds\n*Indicators:* Gross median weekly pay _(the default: the headline indicators)_\n*When there is no new data:* skip that digest',
      '*Next digest:* Friday 27 Mar 2026 at 08:30 (Europe/London)',
      '_I read at most &lt;8&gt; places_',
      ':warning: I am not a member of this channel yet, so I cannot post the digest. Invite me with `/invite @Northstat`.',
      '`/digest preview 1a2b3c4d` shows what it will look like · `/digest unsubscribe 1a2b3c4d` stops it.',
    ]);
  });

  it('wraps a preview round the digest: intro, skip note, the digest, chart note', () => {
    const reply = digestReplyMessage({
      kind: 'preview',
      id: null,
      due: new Date('2026-03-30T08:00:00Z'),
      tz: 'Europe/London',
      skipWhenNoNewData: true,
      digest: model(),
    });
    const digest = digestMessage(model());
    expect(reply.blocks).toEqual([
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*Preview* of a default digest (this channel has none yet), as it would look Monday 30 Mar 2026 at 09:00 (Europe/London). Only you can see this.',
        },
      },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: '_With no new data since the last digest, this one would be skipped._' },
        ],
      },
      ...digest.blocks,
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: 'The gap chart is posted with the digest itself.' }],
      },
    ]);
    expect(reply.text).toBe(digest.text);
  });

  it('escapes and shortens what the user typed', () => {
    const [unknown] = sections({ kind: 'unknown', word: `<!channel>${'x'.repeat(100)}` });
    expect(unknown).toMatch(/^I don't know `\/digest &lt;!channel&gt;x+…`/);
    const [notFound] = sections({ kind: 'not-found', id: '<@U999>' });
    expect(notFound).toContain('`&lt;@U999&gt;`');
    const [problems] = sections({ kind: 'subscribe-problems', problems: ['<!here>'], notes: [] }).slice(1);
    expect(problems).toBe('• &lt;!here&gt;');
    expect(sections({ kind: 'invalid', message: 'a <b> & c' })).toEqual([
      'I could not set up that digest: a &lt;b&gt; &amp; c.',
    ]);
  });
});
