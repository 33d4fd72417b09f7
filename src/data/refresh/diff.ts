import type { IndicatorMeta, Snapshot } from '../types';

// What changed between two snapshots, as data (pure: no I/O, no wording; see describe-diff.ts).
// Periods are matched by id and areas by code, so a value that moves between snapshots is a
// revision, a period id only in the new snapshot is a new period.

export interface Revision {
  indicator: string;
  area: string;
  period: string;
  old: number;
  new: number;
  /** new - old */
  absolute: number;
  /** (new - old) / |old|; null when old is 0. */
  relative: number | null;
}

/** A figure the previous snapshot had and the new one does not (the area, or its value, is gone). */
export interface RemovedFigure {
  indicator: string;
  area: string;
  period: string;
  old: number;
}

export interface SnapshotDiff {
  newPeriods: { indicator: string; periods: string[] }[];
  revisions: Revision[];
  /** Figures that disappeared for periods and areas both snapshots know: never expected of a refresh. */
  removedFigures: RemovedFigure[];
  newAreas: string[];
  /** Codes gone from the new snapshot, or given an end year they did not have. */
  retiredAreas: string[];
  newIndicators: string[];
  removedIndicators: string[];
}

/** Values closer than this (relative) are the same figure written differently. */
const SAME = 1e-9;

export function diffSnapshots(before: Snapshot, after: Snapshot): SnapshotDiff {
  const oldInd = new Map(before.indicators.map((i) => [i.id, i]));
  const newInd = new Map(after.indicators.map((i) => [i.id, i]));
  const oldAreas = new Map(before.areas.map((a) => [a.code, a]));
  const newAreas = new Map(after.areas.map((a) => [a.code, a]));
  const diff: SnapshotDiff = {
    newPeriods: [],
    revisions: [],
    removedFigures: [],
    newAreas: [...newAreas.keys()].filter((c) => !oldAreas.has(c)).sort(),
    retiredAreas: [...oldAreas.values()]
      .filter((a) => {
        const now = newAreas.get(a.code);
        return !now || (a.end === undefined && now.end !== undefined);
      })
      .map((a) => a.code)
      .sort(),
    newIndicators: [...newInd.keys()].filter((id) => !oldInd.has(id)).sort(),
    removedIndicators: [...oldInd.keys()].filter((id) => !newInd.has(id)).sort(),
  };
  const retired = new Set(diff.retiredAreas);
  for (const [id, now] of newInd) {
    const was = oldInd.get(id);
    if (!was) continue;
    const oldPeriods = new Set(was.periods.map((p) => p.id));
    const added = now.periods.filter((p) => !oldPeriods.has(p.id)).map((p) => p.id);
    if (added.length > 0) diff.newPeriods.push({ indicator: id, periods: added });
    diff.revisions.push(...revisionsOf(id, was, now, before, after));
    diff.removedFigures.push(...removedOf(id, was, now, before, after, retired));
  }
  diff.newPeriods.sort((a, b) => a.indicator.localeCompare(b.indicator));
  return diff;
}

function revisionsOf(
  id: string,
  was: IndicatorMeta,
  now: IndicatorMeta,
  before: Snapshot,
  after: Snapshot,
): Revision[] {
  const out: Revision[] = [];
  const oldValues = before.series[id]?.values ?? {};
  const newValues = after.series[id]?.values ?? {};
  const newIndex = new Map(now.periods.map((p, i) => [p.id, i]));
  // Old period position -> new position, for the periods both snapshots have.
  const pairs: [number, number, string][] = [];
  was.periods.forEach((p, i) => {
    const j = newIndex.get(p.id);
    if (j !== undefined) pairs.push([i, j, p.id]);
  });
  for (const [area, olds] of Object.entries(oldValues)) {
    const news = newValues[area];
    if (!news) continue;
    for (const [i, j, period] of pairs) {
      const a = olds[i];
      const b = news[j];
      if (a === null || b === null || a === undefined || b === undefined) continue;
      if (Math.abs(a - b) <= SAME * Math.max(Math.abs(a), Math.abs(b))) continue;
      out.push({
        indicator: id,
        area,
        period,
        old: a,
        new: b,
        absolute: b - a,
        relative: a === 0 ? null : (b - a) / Math.abs(a),
      });
    }
  }
  return out.sort((x, y) => x.area.localeCompare(y.area) || x.period.localeCompare(y.period));
}

/** Values the old snapshot had for periods the new one still has, for areas not retired, that are gone. */
function removedOf(
  id: string,
  was: IndicatorMeta,
  now: IndicatorMeta,
  before: Snapshot,
  after: Snapshot,
  retired: Set<string>,
): RemovedFigure[] {
  const out: RemovedFigure[] = [];
  const newValues = after.series[id]?.values ?? {};
  const newIndex = new Map(now.periods.map((p, i) => [p.id, i]));
  for (const [area, olds] of Object.entries(before.series[id]?.values ?? {})) {
    if (retired.has(area)) continue;
    const news = newValues[area];
    was.periods.forEach((p, i) => {
      const a = olds[i];
      const j = newIndex.get(p.id);
      if (a === null || a === undefined || j === undefined) return;
      const b = news?.[j];
      if (b === null || b === undefined) out.push({ indicator: id, area, period: p.id, old: a });
    });
  }
  return out;
}

/** True when nothing at all changed. */
export function isEmptyDiff(d: SnapshotDiff): boolean {
  return (
    d.newPeriods.length === 0 &&
    d.revisions.length === 0 &&
    d.removedFigures.length === 0 &&
    d.newAreas.length === 0 &&
    d.retiredAreas.length === 0 &&
    d.newIndicators.length === 0 &&
    d.removedIndicators.length === 0
  );
}
