import { formatSignedPercent, formatValue, plural } from '../../format/number';
import type { IndicatorMeta, Snapshot } from '../types';
import { unitInfo } from '../units';
import { type SnapshotDiff, isEmptyDiff } from './diff';

// A SnapshotDiff in plain words for `northstat data diff`. Figures go through the one number
// formatter (src/format/number.ts), with each indicator's own prefix, suffix and decimals.

/** Long lists are cut here; the refresh report keeps every line. */
const MAX_LINES = 25;

export function describeDiff(d: SnapshotDiff, before: Snapshot, after: Snapshot): string {
  if (isEmptyDiff(d)) return 'No changes: both snapshots hold the same figures.';
  const ind = new Map([...before.indicators, ...after.indicators].map((i) => [i.id, i]));
  const areaName = new Map([...before.areas, ...after.areas].map((a) => [a.code, a.name]));
  const label = (id: string) => ind.get(id)?.label ?? id;
  const periodLabel = (indicator: IndicatorMeta | undefined, id: string) =>
    indicator?.periods.find((p) => p.id === id)?.label ?? id;
  const place = (code: string) => `${areaName.get(code) ?? code} (${code})`;
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`${title}:`);
    for (const item of items.slice(0, MAX_LINES)) lines.push(`  ${item}`);
    if (items.length > MAX_LINES) lines.push(`  ... and ${items.length - MAX_LINES} more`);
  };
  section(
    `${plural(d.newIndicators.length, 'new indicator')}`,
    d.newIndicators.map((id) => `${label(id)} [${id}]`),
  );
  section(
    `${plural(d.removedIndicators.length, 'indicator')} no longer published`,
    d.removedIndicators.map((id) => `${label(id)} [${id}]`),
  );
  section(
    `New periods for ${plural(d.newPeriods.length, 'indicator')}`,
    d.newPeriods.map(
      (n) =>
        `${label(n.indicator)}: ${n.periods.map((p) => periodLabel(ind.get(n.indicator), p)).join(', ')}`,
    ),
  );
  section(
    `${plural(d.revisions.length, 'revised figure')}`,
    d.revisions.map((r) => {
      const meta = ind.get(r.indicator);
      const fmt = meta
        ? { ...meta, prefix: unitInfo(meta).prefix, multiplier: unitInfo(meta).multiplier }
        : { prefix: '', suffix: '', decimalPlaces: 2 };
      const size = r.relative === null ? 'from zero' : formatSignedPercent(r.relative * 100);
      return `${label(r.indicator)}, ${place(r.area)}, ${periodLabel(meta, r.period)}: ${formatValue(r.old, fmt)} -> ${formatValue(r.new, fmt)} (${size})`;
    }),
  );
  section(
    `${plural(d.removedFigures.length, 'figure')} no longer in the data`,
    d.removedFigures.map(
      (r) => `${label(r.indicator)}, ${place(r.area)}, ${periodLabel(ind.get(r.indicator), r.period)}`,
    ),
  );
  section(`${plural(d.newAreas.length, 'new area')}`, d.newAreas.map(place));
  section(`${plural(d.retiredAreas.length, 'retired area')}`, d.retiredAreas.map(place));
  return lines.join('\n');
}
