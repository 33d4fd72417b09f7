import type { IndicatorMeta } from './types';

// What an indicator's unit means for arithmetic and wording. The ELS metadata keeps the multiplier
// only in its subText ("in £ millions", "in £ millions, 2024 prices") and some of those indicators
// have no £ prefix; ONS never applies it. Northstat carries it with every figure.

export interface UnitInfo {
  /** "£" where the values are money (also when the metadata forgot the prefix). */
  prefix: string;
  suffix: string;
  /** The published values are millions of pounds. */
  multiplier: 'million' | null;
  /** The unit as a label for axes, CSV headers and "unit:" lines: "£ million", "%", "per 100,000 population". */
  unitLabel: string;
  /** A total (not a rate): comparing it between places of different size means nothing without population. */
  isCount: boolean;
  /** Age-standardised rates cannot be combined across areas by population weighting. */
  ageStandardised: boolean;
  /** "current prices", "2024 prices", "chained volume measures" for money series; null otherwise. */
  priceBasis: string | null;
}

const cache = new WeakMap<IndicatorMeta, UnitInfo>();

export function unitInfo(ind: IndicatorMeta): UnitInfo {
  let info = cache.get(ind);
  if (!info) {
    info = computeUnitInfo(ind);
    cache.set(ind, info);
  }
  return info;
}

function computeUnitInfo(ind: IndicatorMeta): UnitInfo {
  const unit = ind.unit.trim();
  const millions = /£\s*millions?/i.test(unit);
  const money = millions || ind.prefix === '£' || ind.measure.toLowerCase() === 'pounds';
  const prefix = money ? '£' : ind.prefix;
  const pricesMatch = /(\d{4}) prices/i.exec(unit);
  const text = `${ind.label} ${ind.measure} ${ind.description}`.toLowerCase();
  let priceBasis: string | null = null;
  if (money) {
    if (pricesMatch) priceBasis = `${pricesMatch[1]} prices`;
    else if (/chained volume/.test(text)) priceBasis = 'chained volume measures';
    else priceBasis = 'current prices';
  }
  let unitLabel: string;
  if (ind.derived) unitLabel = unit;
  else if (millions) unitLabel = `£ million${pricesMatch ? `, ${pricesMatch[1]} prices` : ''}`;
  else if (prefix === '£') unitLabel = '£';
  else if (ind.suffix === '%') unitLabel = '%';
  else unitLabel = unit;
  const measure = ind.measure.toLowerCase();
  const isCount = !ind.derived && (millions || measure === 'count' || /^number of\b/.test(measure));
  return {
    prefix,
    suffix: ind.suffix,
    multiplier: millions ? 'million' : null,
    unitLabel,
    isCount,
    ageStandardised: /age[- ]standardi[sz]ed|directly standardi[sz]ed/.test(text),
    priceBasis,
  };
}
