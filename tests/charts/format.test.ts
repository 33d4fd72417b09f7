import { formatDifference, formatMaybe, formatTick, formatValue } from '../../src/charts/format';

describe('formatValue (en-GB, ONS house style)', () => {
  it('writes money with £ and the indicator decimals', () => {
    expect(formatValue(41.47, { prefix: '£', decimals: 2 })).toBe('£41.47');
    expect(formatValue(35.9, { prefix: '£', decimals: 2 })).toBe('£35.90');
  });

  it('uses thousands separators', () => {
    expect(formatValue(28187, { prefix: '£', decimals: 0 })).toBe('£28,187');
    expect(formatValue(1234567.891, { decimals: 1 })).toBe('1,234,567.9');
  });

  it('writes rates with % and no space', () => {
    expect(formatValue(71.2, { suffix: '%', decimals: 1 })).toBe('71.2%');
  });

  it('puts the sign before the prefix and never prints -£0.00', () => {
    expect(formatValue(-3.75, { prefix: '£', decimals: 2 })).toBe('-£3.75');
    expect(formatValue(-0.001, { prefix: '£', decimals: 2 })).toBe('£0.00');
  });

  it('says "no data" rather than zero for missing values', () => {
    expect(formatMaybe(null, { prefix: '£', decimals: 2 })).toBe('no data');
    expect(formatMaybe(0, { prefix: '£', decimals: 2 })).toBe('£0.00');
  });
});

describe('formatDifference', () => {
  it('gives differences between rates in percentage points', () => {
    expect(formatDifference(3.8, { suffix: '%', decimals: 1 })).toBe('3.8 percentage points');
  });
  it('gives money differences as an absolute amount', () => {
    expect(formatDifference(-3.75, { prefix: '£', decimals: 2 })).toBe('£3.75');
  });
});

describe('formatTick', () => {
  const money = { prefix: '£', decimals: 2 };
  it('drops decimals on whole-number steps', () => {
    expect(formatTick(40, money, 2)).toBe('£40');
    expect(formatTick(28000, { prefix: '£', decimals: 0 }, 1000)).toBe('£28,000');
  });
  it('keeps the indicator decimals on fractional steps', () => {
    expect(formatTick(42.5, money, 2.5)).toBe('£42.50');
    expect(formatTick(0.5, { decimals: 0, suffix: '%' }, 0.5)).toBe('0.5%');
  });
  it('uses the indicator decimals without a step', () => {
    expect(formatTick(41.47, money)).toBe('£41.47');
  });
});
