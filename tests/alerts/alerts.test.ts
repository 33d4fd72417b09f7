import { ALERT_EXAMPLES, parseAlert } from '../../src/alerts/parse';
import { alertEvents, alertText } from '../../src/alerts/evaluate';
import { loadCore } from '../../src/data/core';
import { LEEDS, withNewPeriod } from '../support/new-period';

// Alerts on real data: parsed with the resolver, fired by comparing the serving core with a refreshed
// one that has a new period.

const before = loadCore();
const BRADFORD = 'E08000032';

describe('parseAlert', () => {
  it('reads the three kinds the issue names, with the resolver', () => {
    const [release, threshold, direction] = ALERT_EXAMPLES.map((t) =>
      parseAlert(t.replace('/alert ', ''), before),
    );
    expect(release).toEqual({
      kind: 'create',
      spec: {
        kind: 'release',
        indicators: ['gross-median-weekly-pay'],
        label: 'Gross median weekly pay',
        places: [LEEDS, BRADFORD],
      },
    });
    expect(threshold).toMatchObject({
      kind: 'create',
      spec: { kind: 'threshold', indicator: 'claimant-count', place: LEEDS, op: 'above', value: 4 },
    });
    expect(direction).toMatchObject({
      kind: 'create',
      spec: { kind: 'direction', indicator: 'modelled-unemployment-rate', place: LEEDS, direction: 'rises' },
    });
  });
  it('a theme becomes every indicator of it; list, delete, help; nonsense is explained, not guessed', () => {
    const theme = parseAlert('new data on health for wakefield', before);
    expect(
      theme.kind === 'create' && theme.spec.kind === 'release' && theme.spec.indicators.length,
    ).toBeGreaterThan(3);
    expect(parseAlert('list', before)).toEqual({ kind: 'list' });
    expect(parseAlert('delete ab12', before)).toEqual({ kind: 'delete', id: 'ab12' });
    expect(parseAlert('', before)).toEqual({ kind: 'help' });
    expect(parseAlert('when the moon is blue', before).kind).toBe('error');
    expect(parseAlert('claimant count above 4%', before)).toMatchObject({ kind: 'error' });
  });
});

describe('alertEvents', () => {
  const pay = withNewPeriod('gross-median-weekly-pay', 'April 2026', '2026-04-29', 1.03, 640);
  it('a release alert fires for each place with the new period: figure, change, rank and gap to the South East', () => {
    const spec = parseAlert('new data on pay for leeds, bradford', before);
    if (spec.kind !== 'create') throw new Error(spec.kind);
    const events = alertEvents(spec.spec, before, pay);
    expect(events.map((e) => e.key)).toEqual([
      `release|gross-median-weekly-pay|${LEEDS}|2026-04-29`,
      `release|gross-median-weekly-pay|${BRADFORD}|2026-04-29`,
    ]);
    const text = alertText(events[0]);
    expect(text).toContain('Leeds, April 2026: £640');
    expect(text).toContain('+£29 (+4.8%) on April 2025'); // 640 - 610.7, as the text answers round it
    expect(text).toMatch(/below South East \(£698\)/); // 678 * 1.03
    expect(text).toContain('period April 2026');
    // Nothing new on the second refresh with the same data: no event.
    expect(alertEvents(spec.spec, pay, pay)).toEqual([]);
  });
  it('a threshold alert fires once per crossing, and not while the figure stays over the line', () => {
    const leedsNow = before.value('claimant-count', LEEDS).value!;
    const spec = {
      kind: 'threshold' as const,
      indicator: 'claimant-count',
      label: 'Claimant Count',
      place: LEEDS,
      op: 'above' as const,
      value: 5,
    };
    expect(leedsNow).toBeLessThan(5);
    const crossed = withNewPeriod('claimant-count', '2026', '2026-01-01', 1, 5.4);
    const events = alertEvents(spec, before, crossed);
    expect(events).toHaveLength(1);
    expect(events[0].title).toBe('Claimant Count in Leeds is now above 5.0%');
    // Already above before the next period: no second alert for staying there.
    const stillOver = withNewPeriod('claimant-count', '2026', '2026-01-01', 1, 5.6);
    expect(alertEvents(spec, crossed, stillOver)).toEqual([]);
  });
  it('a direction alert fires when the new period moves the figure that way, and says when the move is within the margin of error', () => {
    const spec = {
      kind: 'direction' as const,
      indicator: 'gross-median-weekly-pay',
      label: 'pay',
      place: LEEDS,
      direction: 'rises' as const,
    };
    const events = alertEvents(spec, before, pay);
    expect(events).toHaveLength(1);
    expect(events[0].title).toMatch(/^Gross median weekly pay in Leeds rose/);
    const falls = { ...spec, direction: 'falls' as const };
    expect(alertEvents(falls, before, pay)).toEqual([]);
  });
});
