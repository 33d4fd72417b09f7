// Independent check: compares the app's facts with the oracle's, field by field (see the brief in
// answers.independent.test.ts). Returns every mismatch; the first is what the report keeps.
import type { AnswerFacts, FigureFact } from '../contract';

export interface Mismatch {
  /** where, e.g. "figures[0].display" */
  field: string;
  expected: unknown;
  actual: unknown;
  /** the whole expected / actual fact that holds the field (a figure, rank, verdict, gap ...) */
  expectedFact?: unknown;
  actualFact?: unknown;
}

const VALUE_TOLERANCE = 1e-9;
const REL_PCT_TOLERANCE = 0.05;

const nul = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

/** Lenient unit-label comparison: case, whitespace, "£million(s)" / "£ millions" all the same. */
export function normaliseUnit(s: string): string {
  return s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/£\s*millions?\b/g, '£ million');
}

export function unitLabelMatches(expected: string, actual: unknown): boolean {
  if (typeof actual !== 'string') return false;
  const e = normaliseUnit(expected);
  const a = normaliseUnit(actual);
  // "£ million, 2024 prices" is fine for money in £ millions; the multiplier word must be there.
  if (e === '£ million') return a.startsWith('£ million');
  return a === e;
}

function sameNumber(e: number | null, a: unknown, tol: number): boolean {
  if (e === null) return a === null || a === undefined;
  return typeof a === 'number' && Math.abs(a - e) <= tol;
}

function compareFigure(out: Mismatch[], where: string, e: FigureFact, a: FigureFact | undefined): void {
  if (!a) {
    out.push({ field: where, expected: e, actual: undefined, expectedFact: e });
    return;
  }
  const push = (field: string, ev: unknown, av: unknown) =>
    out.push({ field: `${where}.${field}`, expected: ev, actual: av, expectedFact: e, actualFact: a });
  if (a.area !== e.area) push('area', e.area, a.area);
  // A figure without a row at the selected period: the period may be given, or null.
  const noRow = e.value === null && e.status === null;
  if (nul(a.period) !== e.period && !(noRow && nul(a.period) === null)) push('period', e.period, a.period);
  if (!sameNumber(e.value, a.value, VALUE_TOLERANCE)) push('value', e.value, a.value);
  if (nul(a.status) !== e.status) push('status', e.status, a.status);
  if (nul(a.display) !== e.display) push('display', e.display, a.display);
}

function isMonotone(ps: number[], dir: 'up' | 'down' | 'either'): boolean {
  const up = ps.every((p, i) => i === 0 || p >= ps[i - 1]);
  const down = ps.every((p, i) => i === 0 || p <= ps[i - 1]);
  return dir === 'up' ? up : dir === 'down' ? down : up || down;
}

export function compareFacts(
  expected: AnswerFacts,
  actual: AnswerFacts | undefined | null,
  direction: 'top' | 'bottom' = 'top',
): Mismatch[] {
  const out: Mismatch[] = [];
  if (!actual || typeof actual !== 'object') {
    return [{ field: '(answer)', expected: 'an AnswerFacts object', actual }];
  }
  if (actual.kind !== expected.kind)
    out.push({ field: 'kind', expected: expected.kind, actual: actual.kind });
  if (!unitLabelMatches(expected.unitLabel, actual.unitLabel)) {
    out.push({ field: 'unitLabel', expected: expected.unitLabel, actual: actual.unitLabel });
  }

  // yearNotHeld
  const eY = expected.yearNotHeld;
  const aY = actual.yearNotHeld ?? undefined;
  if (eY) {
    if (
      !aY ||
      aY.requested !== eY.requested ||
      aY.firstPeriod !== eY.firstPeriod ||
      aY.lastPeriod !== eY.lastPeriod
    ) {
      out.push({ field: 'yearNotHeld', expected: eY, actual: aY, expectedFact: eY, actualFact: aY });
    }
  } else if (aY) {
    out.push({ field: 'yearNotHeld', expected: undefined, actual: aY, actualFact: aY });
  }

  // figures
  const aFigs: FigureFact[] = Array.isArray(actual.figures) ? actual.figures : [];
  if (eY) {
    // No figure for another year may be presented: none at all, or figures without a value.
    aFigs.forEach((f, i) => {
      if (nul(f.value) !== null)
        out.push({ field: `figures[${i}].value`, expected: null, actual: f.value, actualFact: f });
      if (nul(f.display) !== null) {
        out.push({ field: `figures[${i}].display`, expected: null, actual: f.display, actualFact: f });
      }
    });
  } else if (expected.kind === 'rank' && expected.ranking) {
    const ePos = expected.ranking.positions;
    const aPos: number[] = Array.isArray(actual.ranking?.positions) ? actual.ranking!.positions : [];
    if (aFigs.length !== expected.figures.length) {
      out.push({ field: 'figures.length', expected: expected.figures.length, actual: aFigs.length });
    }
    if (!isMonotone(aPos, direction === 'top' ? 'up' : 'either')) {
      out.push({ field: 'ranking.positions (order shown)', expected: ePos, actual: aPos });
    }
    // Pair rows with positions and compare in (position, area) order: rows tied on a position may come in any order.
    const pair = (figs: FigureFact[], pos: number[]) =>
      figs.map((f, i) => ({ f, p: pos[i] })).sort((x, y) => x.p - y.p || (x.f.area < y.f.area ? -1 : 1));
    const eRows = pair(expected.figures, ePos);
    const aRows = pair(aFigs, aPos);
    eRows.forEach((row, i) => {
      compareFigure(out, `figures[position ${row.p}]`, row.f, aRows[i]?.f);
      if (aRows[i] && aRows[i].p !== row.p) {
        out.push({ field: `ranking.positions[${row.f.area}]`, expected: row.p, actual: aRows[i].p });
      }
    });
  } else {
    if (aFigs.length !== expected.figures.length) {
      out.push({ field: 'figures.length', expected: expected.figures.length, actual: aFigs.length });
    }
    expected.figures.forEach((e, i) => {
      compareFigure(out, `figures[${i}]`, e, aFigs[i]);
    });
  }

  // rank (stats)
  const eR = expected.rank;
  const aR = actual.rank ?? undefined;
  if (eR) {
    if (!aR) out.push({ field: 'rank', expected: eR, actual: aR, expectedFact: eR });
    else {
      for (const k of ['position', 'of', 'set', 'approximate'] as const) {
        if (aR[k] !== eR[k])
          out.push({ field: `rank.${k}`, expected: eR[k], actual: aR[k], expectedFact: eR, actualFact: aR });
      }
    }
  } else if (aR) {
    out.push({ field: 'rank', expected: undefined, actual: aR, actualFact: aR });
  }

  // ranking (rank)
  const eK = expected.ranking;
  const aK = actual.ranking ?? undefined;
  if (eK) {
    if (!aK) out.push({ field: 'ranking', expected: eK, actual: aK, expectedFact: eK });
    else {
      for (const k of ['of', 'set', 'period', 'approximate'] as const) {
        if (aK[k] !== eK[k])
          out.push({
            field: `ranking.${k}`,
            expected: eK[k],
            actual: aK[k],
            expectedFact: eK,
            actualFact: aK,
          });
      }
      const sortNum = (xs: number[]) => [...xs].sort((x, y) => x - y).join(',');
      if (!Array.isArray(aK.positions) || sortNum(aK.positions) !== sortNum(eK.positions)) {
        out.push({
          field: 'ranking.positions',
          expected: eK.positions,
          actual: aK.positions,
          expectedFact: eK,
          actualFact: aK,
        });
      }
    }
  } else if (aK) {
    out.push({ field: 'ranking', expected: undefined, actual: aK, actualFact: aK });
  }

  // verdicts: each expected verdict present with the same verdict and basis
  const aV = Array.isArray(actual.verdicts) ? actual.verdicts : [];
  for (const ev of expected.verdicts ?? []) {
    const av = aV.find((v) => v.area === ev.area && v.against === ev.against);
    if (!av) {
      // Our reading: when the year is not held, leaving the (empty) verdicts out is fine.
      if (!eY)
        out.push({
          field: `verdicts[${ev.area} vs ${ev.against}]`,
          expected: ev,
          actual: undefined,
          expectedFact: ev,
        });
      continue;
    }
    if (av.verdict !== ev.verdict || av.basis !== ev.basis) {
      out.push({
        field: `verdicts[${ev.area} vs ${ev.against}]`,
        expected: `${ev.verdict}/${ev.basis}`,
        actual: `${av.verdict}/${av.basis}`,
        expectedFact: ev,
        actualFact: av,
      });
    }
  }

  // gaps
  const aG = Array.isArray(actual.gaps) ? actual.gaps : [];
  const eG = expected.gaps ?? [];
  if (eG.length === 0 && aG.length > 0) out.push({ field: 'gaps', expected: eG, actual: aG });
  for (const eg of eG) {
    const ag = aG.find((g) => g.region === eg.region);
    const where = `gaps[${eg.region}]`;
    // A "movement" over a single period is no movement: the app may leave it out (contract clarification).
    if (!ag && eg.startPeriod === eg.endPeriod) continue;
    if (!ag) {
      out.push({ field: where, expected: eg, actual: undefined, expectedFact: eg });
      continue;
    }
    const push = (field: string, ev: unknown, av: unknown) =>
      out.push({ field: `${where}.${field}`, expected: ev, actual: av, expectedFact: eg, actualFact: ag });
    if (ag.startPeriod !== eg.startPeriod) push('startPeriod', eg.startPeriod, ag.startPeriod);
    if (ag.endPeriod !== eg.endPeriod) push('endPeriod', eg.endPeriod, ag.endPeriod);
    if (!sameNumber(eg.startRelPct, ag.startRelPct, REL_PCT_TOLERANCE))
      push('startRelPct', eg.startRelPct, ag.startRelPct);
    if (!sameNumber(eg.endRelPct, ag.endRelPct, REL_PCT_TOLERANCE))
      push('endRelPct', eg.endRelPct, ag.endRelPct);
    if (ag.verdict !== eg.verdict) push('verdict', eg.verdict, ag.verdict);
  }
  return out;
}

export function describeMismatches(request: unknown, mismatches: Mismatch[]): string {
  const lines = [`request: ${JSON.stringify(request)}`, `${mismatches.length} mismatch(es):`];
  for (const m of mismatches) {
    lines.push(`  ${m.field}: expected ${JSON.stringify(m.expected)}, actual ${JSON.stringify(m.actual)}`);
    if (m.expectedFact !== undefined) lines.push(`    expected fact: ${JSON.stringify(m.expectedFact)}`);
    if (m.actualFact !== undefined) lines.push(`    actual fact:   ${JSON.stringify(m.actualFact)}`);
  }
  return lines.join('\n');
}
