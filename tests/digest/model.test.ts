import { type DigestSubject, digestModel, digestStateFor } from '../../src/digest/content';
import { testCore } from './digest-helpers';

// The digest model is data only: what the digest says, with no Block Kit and no wording
// (src/slack/blocks/digest.ts renders it; tests/slack/blocks/digest.test.ts checks that).

const core = testCore();
const slot = new Date('2026-03-30T08:00:00Z');
const sub: DigestSubject = {
  places: ['E12000008', 'N09000003'],
  indicators: ['gross-median-weekly-pay', 'housing-affordability-ratio-residence-based', 'not-an-indicator'],
  tz: 'Europe/London',
  skipWhenNoNewData: false,
};

describe('digestModel', () => {
  it('has a figure per place and known indicator, compared with the South East unless it is the South East', () => {
    const d = digestModel(core, sub, null, slot);
    expect(d.places.map((p) => [p.code, p.name])).toEqual([
      ['E12000008', 'South East'],
      ['N09000003', 'Belfast'],
    ]);
    const [southEast, belfast] = d.places;
    expect(southEast.figures.map((f) => f.indicator.id)).toEqual([
      'gross-median-weekly-pay',
      'housing-affordability-ratio-residence-based',
    ]);
    for (const f of southEast.figures) expect(f.value === null || f.southEast === null).toBe(true);
    const [pay, housing] = belfast.figures;
    expect(pay.value).toEqual(expect.any(Number));
    if (pay.value === null) throw new Error('unreachable');
    expect(pay.period).toMatch(/\d{4}/);
    expect(pay.southEast).toMatchObject({ to: 'E12000008', toName: 'South East' });
    expect(housing).toEqual({
      indicator: expect.objectContaining({ id: housing.indicator.id }),
      value: null,
      note: expect.stringContaining('Belfast'),
    });
  });

  it('knows a first digest, and what is new since a previous one', () => {
    const first = digestModel(core, sub, null, slot);
    expect(first).toMatchObject({ isFirst: true, lastDigestAt: null, hasNewData: true });
    expect(first.newData.map((n) => n.indicatorId)).toEqual([
      'gross-median-weekly-pay',
      'housing-affordability-ratio-residence-based',
    ]);
    const again = digestModel(core, sub, first.state, new Date('2026-04-06T08:00:00Z'));
    expect(again).toMatchObject({
      isFirst: false,
      lastDigestAt: slot.toISOString(),
      hasNewData: false,
      newData: [],
    });
  });

  it('lists a source per indicator shown, the gap indicator last, and remembers them all', () => {
    const d = digestModel(core, sub, null, slot);
    const gapId = d.gap?.indicator.id;
    expect(gapId).toBeDefined();
    const shown = ['gross-median-weekly-pay', 'housing-affordability-ratio-residence-based', gapId as string];
    expect(d.sources).toHaveLength(new Set(shown).size);
    expect(d.sources[0]).toEqual({
      org: core.indicator('gross-median-weekly-pay').sourceOrg,
      dataset: expect.any(String),
      releaseDate: core.indicator('gross-median-weekly-pay').sourceDate,
    });
    expect(d.state).toEqual(digestStateFor(core, [...new Set(shown)], slot, null));
    const noGap = digestModel(core, sub, null, slot, { gap: false });
    expect(noGap).toMatchObject({ gap: null, gapChartFollows: false });
    expect(noGap.sources).toHaveLength(2);
  });

  it('is plain data: no Block Kit, no mrkdwn', () => {
    const json = JSON.stringify(digestModel(core, sub, null, slot));
    expect(json).not.toMatch(/"type":"(section|header|context|divider|mrkdwn|plain_text)"/);
    expect(json).not.toContain('"blocks"');
  });
});
