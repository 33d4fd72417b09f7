// Independent check of the app's analyst answers (issue 13): for every frozen request in
// cases-analyses.json, the facts the app shows (./app-analyses, written by the app's team) must equal the
// facts computed from the raw ONS files by ./oracle/analyses (written without reading src/, following
// ./contract-analyses.ts and ./contract.ts).
//
// Tolerances: published values and their differences within 1e-9; derived ratios (% of the South East or
// England, % change, per-head values), slopes and r within 1e-6. Periods exactly (raw CSV strings).
// `changes` in the order of the measure the facts say (tied rows in any order); `lacking` as a set;
// `points` as a set by area; verdicts by area.
//
// Prints "independent analyses: N of M fully right" and writes ./last-analyses-report.json (git-ignored).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { appAnalysis } from './app-analyses';
import type { AnalysisFacts, AnalysisRequest } from './contract-analyses';
import { expectedAnalysis } from './oracle/analyses';
import { describeMismatches, type Mismatch } from './oracle/compare';
import { compareAnalysis } from './oracle/compare-analyses';
import { listDatasets, onsDir, describeOns } from './oracle/data';

const cases = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'cases-analyses.json'), 'utf8'),
) as AnalysisRequest[];

const KINDS = ['change', 'catching-up', 'scatter', 'benchmark', 'per-head'] as const;

const datasetsOf = (req: AnalysisRequest): string[] =>
  req.kind === 'scatter' ? [req.x.dataset, req.y.dataset] : [req.dataset];

interface CaseResult {
  id: string;
  kind: AnalysisRequest['kind'];
  ok: boolean;
  mismatches: number;
  firstMismatch: Mismatch | null;
}
const results = new Map<string, CaseResult>();

describeOns('independent analyses: data', () => {
  test('the ONS data folder is present (set NORTHSTAT_ONS_DIR if it is elsewhere)', () => {
    const dir = onsDir();
    expect(fs.existsSync(path.join(dir, 'population', 'population-count.csv'))).toBe(true);
  });

  test('cases-analyses.json is the frozen list: >= 80 cases, unique ids, every kind, known datasets', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const kind of KINDS) expect(cases.filter((c) => c.kind === kind).length).toBeGreaterThanOrEqual(10);
    const datasets = new Set(listDatasets());
    const unknown = cases.flatMap((c) =>
      datasetsOf(c)
        .filter((d) => !datasets.has(d))
        .map((d) => `${c.id}: ${d}`),
    );
    expect(unknown).toEqual([]);
  });
});

describeOns('independent analyses: answers', () => {
  afterAll(() => {
    const all = [...results.values()];
    const right = all.filter((r) => r.ok).length;
    const line = `independent analyses: ${right} of ${all.length} fully right`;
    const byKind = Object.fromEntries(
      KINDS.map((k) => {
        const of = all.filter((r) => r.kind === k);
        return [k, `${of.filter((r) => r.ok).length} of ${of.length}`];
      }),
    );
    console.log(line);
    fs.writeFileSync(
      path.join(__dirname, 'last-analyses-report.json'),
      `${JSON.stringify({ summary: line, byKind, generatedAt: new Date().toISOString(), cases: all }, null, 2)}\n`,
    );
  });

  for (const req of cases) {
    test(req.id, async () => {
      const record = (ok: boolean, ms: Mismatch[]) =>
        results.set(req.id, {
          id: req.id,
          kind: req.kind,
          ok,
          mismatches: ms.length,
          firstMismatch: ms[0] ?? null,
        });
      let expected: AnalysisFacts;
      try {
        expected = expectedAnalysis(req);
      } catch (err) {
        record(false, [{ field: '(oracle threw)', expected: 'expected facts', actual: String(err) }]);
        throw err;
      }
      let actual: AnalysisFacts | undefined;
      try {
        actual = await appAnalysis(req);
      } catch (err) {
        const m: Mismatch = { field: '(appAnalysis threw)', expected: 'an answer', actual: String(err) };
        record(false, [m]);
        throw new Error(`${describeMismatches(req, [m])}\n  expected facts: ${JSON.stringify(expected)}`);
      }
      const mismatches = compareAnalysis(req, expected, actual);
      record(mismatches.length === 0, mismatches);
      if (mismatches.length > 0) throw new Error(describeMismatches(req, mismatches));
    });
  }
});
