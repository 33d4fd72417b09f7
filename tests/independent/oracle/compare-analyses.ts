// Independent check of the analyst answers: compares the app's AnalysisFacts with the oracle's, field by
// field (see ../analyses.independent.test.ts). Returns every mismatch; the report keeps the first.
import type { AnalysisFacts, AnalysisRequest } from '../contract-analyses';
import type { Mismatch } from './compare';

/** Published values and their differences. */
export const VALUE_TOLERANCE = 1e-9;
/** Derived ratios (% of the South East / England, % change, per-head values), slopes and r. */
export const RATIO_TOLERANCE = 1e-6;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function near(e: number, a: unknown, tol: number): boolean {
  return isNum(a) && Math.abs(a - e) <= tol;
}

/** An expected "no such number" (undefined) is matched by an absent, null or non-finite number. */
function absentNumber(a: unknown): boolean {
  return a === undefined || a === null || (typeof a === 'number' && !Number.isFinite(a));
}

/** Compares two lists as sets; on a difference, pushes what the answer lacks and what it has too many. */
function compareSets(out: Mismatch[], field: string, e: readonly string[], a: readonly string[]): void {
  const es = new Set(e);
  const as = new Set(a);
  const missing = [...es].filter((x) => !as.has(x));
  const extra = [...as].filter((x) => !es.has(x));
  if (missing.length > 0 || extra.length > 0) {
    out.push({ field, expected: { missingFromAnswer: missing }, actual: { notExpected: extra } });
  }
}

const arr = <T>(v: T[] | undefined | null): T[] => (Array.isArray(v) ? v : []);

function compareChange(out: Mismatch[], e: AnalysisFacts, a: AnalysisFacts): void {
  if (a.measure !== e.measure) out.push({ field: 'measure', expected: e.measure, actual: a.measure });
  const eC = arr(e.changes);
  const aC = arr(a.changes);
  compareSets(
    out,
    'changes (areas)',
    eC.map((c) => c.area),
    aC.map((c) => c.area),
  );
  for (const ec of eC) {
    const ac = aC.find((c) => c.area === ec.area);
    if (!ac) continue;
    const push = (field: string, ev: unknown, av: unknown) =>
      out.push({
        field: `changes[${ec.area}].${field}`,
        expected: ev,
        actual: av,
        expectedFact: ec,
        actualFact: ac,
      });
    if (ac.startPeriod !== ec.startPeriod) push('startPeriod', ec.startPeriod, ac.startPeriod);
    if (ac.endPeriod !== ec.endPeriod) push('endPeriod', ec.endPeriod, ac.endPeriod);
    for (const k of ['startValue', 'endValue', 'change'] as const) {
      if (!near(ec[k], ac[k], VALUE_TOLERANCE)) push(k, ec[k], ac[k]);
    }
    // A start value of 0 has no % change: any non-number is right then.
    const pctOk = Number.isFinite(ec.changePct)
      ? near(ec.changePct, ac.changePct, RATIO_TOLERANCE)
      : absentNumber(ac.changePct);
    if (!pctOk) push('changePct', ec.changePct, ac.changePct);
  }
  // Order: by the measure the expected facts say, largest first; tied rows may come in any order.
  const key = (c: { change: number; changePct: number }) =>
    e.measure === 'percent' ? c.changePct : c.change;
  for (let k = 1; k < aC.length; k++) {
    const prev = key(aC[k - 1]);
    const cur = key(aC[k]);
    if (isNum(prev) && isNum(cur) && cur > prev + RATIO_TOLERANCE) {
      out.push({
        field: `changes order (by ${e.measure === 'percent' ? 'changePct' : 'change'}, largest first)`,
        expected: eC.map((c) => c.area),
        actual: aC.map((c) => c.area),
      });
      break;
    }
  }
  compareSets(out, 'lacking', arr(e.lacking), arr(a.lacking));
}

function compareSlope(out: Mismatch[], field: 'slopeAll' | 'slopeLast5', e: AnalysisFacts, a: AnalysisFacts) {
  const ev = e[field];
  const av = a[field];
  if (ev === undefined ? !absentNumber(av) : !near(ev, av, RATIO_TOLERANCE)) {
    out.push({ field, expected: ev, actual: av });
  }
}

function compareCatchingUp(out: Mismatch[], e: AnalysisFacts, a: AnalysisFacts): void {
  const eR = arr(e.ratios);
  const aR = arr(a.ratios);
  compareSets(
    out,
    'ratios (periods)',
    eR.map((r) => r.period),
    aR.map((r) => r.period),
  );
  for (const er of eR) {
    const ar = aR.find((r) => r.period === er.period);
    if (!ar) continue;
    const push = (field: string, ev: unknown, av: unknown) =>
      out.push({
        field: `ratios[${er.period}].${field}`,
        expected: ev,
        actual: av,
        expectedFact: er,
        actualFact: ar,
      });
    if (!near(er.pctOfSouthEast, ar.pctOfSouthEast, RATIO_TOLERANCE))
      push('pctOfSouthEast', er.pctOfSouthEast, ar.pctOfSouthEast);
    if (
      er.pctOfEngland === null
        ? !absentNumber(ar.pctOfEngland)
        : !near(er.pctOfEngland, ar.pctOfEngland, RATIO_TOLERANCE)
    )
      push('pctOfEngland', er.pctOfEngland, ar.pctOfEngland);
  }
  compareSlope(out, 'slopeAll', e, a);
  compareSlope(out, 'slopeLast5', e, a);
}

function compareScatter(out: Mismatch[], e: AnalysisFacts, a: AnalysisFacts): void {
  if (a.xPeriod !== e.xPeriod) out.push({ field: 'xPeriod', expected: e.xPeriod, actual: a.xPeriod });
  if (a.yPeriod !== e.yPeriod) out.push({ field: 'yPeriod', expected: e.yPeriod, actual: a.yPeriod });
  const eP = arr(e.points);
  const aP = arr(a.points);
  compareSets(
    out,
    'points (areas)',
    eP.map((p) => p.area),
    aP.map((p) => p.area),
  );
  for (const ep of eP) {
    const ap = aP.find((p) => p.area === ep.area);
    if (!ap) continue;
    for (const k of ['x', 'y'] as const) {
      if (!near(ep[k], ap[k], VALUE_TOLERANCE))
        out.push({
          field: `points[${ep.area}].${k}`,
          expected: ep[k],
          actual: ap[k],
          expectedFact: ep,
          actualFact: ap,
        });
    }
  }
  if (a.n !== e.n) out.push({ field: 'n', expected: e.n, actual: a.n });
  if (e.r === undefined ? !absentNumber(a.r) : !near(e.r, a.r, RATIO_TOLERANCE))
    out.push({ field: 'r', expected: e.r, actual: a.r });
}

function compareBenchmark(out: Mismatch[], e: AnalysisFacts, a: AnalysisFacts): void {
  if (a.period !== e.period) out.push({ field: 'period', expected: e.period, actual: a.period });
  const eV = arr(e.verdicts);
  const aV = arr(a.verdicts);
  compareSets(
    out,
    'verdicts (areas)',
    eV.map((v) => v.area),
    aV.map((v) => v.area),
  );
  for (const ev of eV) {
    const av = aV.find((v) => v.area === ev.area);
    if (av && av.verdict !== ev.verdict)
      out.push({
        field: `verdicts[${ev.area}]`,
        expected: ev.verdict,
        actual: av.verdict,
        expectedFact: ev,
        actualFact: av,
      });
  }
}

function comparePerHead(out: Mismatch[], e: AnalysisFacts, a: AnalysisFacts): void {
  const eH = e.perHead;
  const aH = a.perHead ?? undefined;
  if (!eH) {
    if (aH) out.push({ field: 'perHead', expected: undefined, actual: aH, actualFact: aH });
    return;
  }
  if (!aH) {
    out.push({ field: 'perHead', expected: eH, actual: aH, expectedFact: eH });
    return;
  }
  const push = (field: string, ev: unknown, av: unknown) =>
    out.push({ field: `perHead.${field}`, expected: ev, actual: av, expectedFact: eH, actualFact: aH });
  if (!near(eH.value, aH.value, RATIO_TOLERANCE)) push('value', eH.value, aH.value);
  if (aH.population !== eH.population) push('population', eH.population, aH.population);
  if (aH.year !== eH.year) push('year', eH.year, aH.year);
  if (aH.unit !== eH.unit) push('unit', eH.unit, aH.unit);
}

export function compareAnalysis(
  req: AnalysisRequest,
  expected: AnalysisFacts,
  actual: AnalysisFacts | undefined | null,
): Mismatch[] {
  if (!actual || typeof actual !== 'object') {
    return [{ field: '(answer)', expected: 'an AnalysisFacts object', actual }];
  }
  const out: Mismatch[] = [];
  switch (req.kind) {
    case 'change':
      compareChange(out, expected, actual);
      break;
    case 'catching-up':
      compareCatchingUp(out, expected, actual);
      break;
    case 'scatter':
      compareScatter(out, expected, actual);
      break;
    case 'benchmark':
      compareBenchmark(out, expected, actual);
      break;
    case 'per-head':
      comparePerHead(out, expected, actual);
      break;
  }
  return out;
}
