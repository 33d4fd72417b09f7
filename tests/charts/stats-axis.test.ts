import { ask } from '../../src/answers/ask';
import { axisTitle, chartInputFor } from '../../src/answers/chart-input';
import { positionText } from '../../src/answers/phrases';
import { indicatorRef } from '../../src/answers/engine';
import { ENGLAND, SOUTH_EAST } from '../../src/data/geography';
import { loadCore } from '../../src/data/core';

const core = loadCore();

describe('/stats for one indicator', () => {
  const answer = ask('/stats leeds pay', core);
  if (answer.kind !== 'stats') throw new Error('not stats');
  const item = answer.items[0];
  const input = chartInputFor(answer);

  it('sets the place (focus) against the South East and England, each with its published CI', () => {
    expect(input?.kind).toBe('bars');
    if (input?.kind !== 'bars') return;
    expect(input.items.map((it) => [it.label, it.role])).toEqual([
      ['Leeds', 'focus'],
      ['South East', 'reference'],
      ['England', 'reference'],
    ]);
    for (const [code, it] of [
      [answer.area.code, input.items[0]],
      [SOUTH_EAST, input.items[1]],
      [ENGLAND, input.items[2]],
    ] as const) {
      const f = core.valueAt('gross-median-weekly-pay', code, item.figure.period!);
      expect(f.lci).not.toBeNull();
      expect(it.value).toBe(f.value);
      expect(it.ci).toEqual({ lower: f.lci, upper: f.uci });
    }
  });

  it('gives its rank in the subtitle, worded as the text answer words it', () => {
    expect(item.position).not.toBeNull();
    expect(input?.subtitle).toContain(positionText(item.position!));
    expect(input?.subtitle).toMatch(/\d+(st|nd|rd|th) of \d+ local authorities in England/);
  });
});

describe('value axis titles', () => {
  const title = (id: string) => axisTitle(indicatorRef(core.indicator(id)));

  it('give the unit with its multiplier and price basis', () => {
    expect(title('value-of-uk-exports')).toBe('£ million, current prices');
    expect(title('air-pollution-regulating')).toBe('£ million, 2024 prices');
    expect(title('employment-rate-great-britain')).toBe('%');
    expect(title('male-healthy-life-expectancy')).toBe('years');
  });

  it('define a measure whose unit does not explain itself, briefly', () => {
    expect(title('housing-affordability-ratio-residence-based')).toBe(
      'Affordability ratio: median house price / median gross annual residence-based earnings',
    );
    expect(title('happiness')).toMatch(/^Score out of 10: average rating of happiness/);
    for (const ind of core.indicators) expect(axisTitle(indicatorRef(ind)).length).toBeLessThanOrEqual(115);
  });

  it('reach the chart of a real answer', () => {
    const input = chartInputFor(ask('/compare leeds vs reading on exports', core));
    expect(input?.format.unitLabel).toContain('£ million');
  });
});
