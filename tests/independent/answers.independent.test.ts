// Independent check of the app's answers: for every frozen request in cases.json, the facts the app
// shows (./app-facts, written by the app's team) must equal the facts computed from the raw ONS files
// by ./oracle (written without reading src/, following the rules in ./contract.ts).
//
// Prints "independent check: N of M answers fully right" and writes ./last-report.json (git-ignored).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { appFacts } from './app-facts';
import type { AnswerFacts, CheckRequest } from './contract';
import { compareFacts, describeMismatches, type Mismatch } from './oracle/compare';
import { listDatasets, onsDir, describeOns } from './oracle/data';
import { expectedFacts } from './oracle/expected';

const cases = JSON.parse(fs.readFileSync(path.join(__dirname, 'cases.json'), 'utf8')) as CheckRequest[];

interface CaseResult {
  id: string;
  ok: boolean;
  firstMismatch: Mismatch | null;
}
const results = new Map<string, CaseResult>();

describeOns('independent check: data', () => {
  test('the ONS data folder is present (set NORTHSTAT_ONS_DIR if it is elsewhere)', () => {
    // Throws, with the path tried, when the folder is missing: the check must never pass without data.
    const dir = onsDir();
    expect(fs.existsSync(path.join(dir, 'population', 'population-count.csv'))).toBe(true);
  });

  test('cases.json is the frozen list and names only datasets that exist', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    const datasets = new Set(listDatasets());
    const unknown = cases.filter((c) => !datasets.has(c.dataset)).map((c) => `${c.id}: ${c.dataset}`);
    expect(unknown).toEqual([]);
  });
});

describeOns('independent check: answers', () => {
  afterAll(() => {
    const all = [...results.values()];
    const right = all.filter((r) => r.ok).length;
    const line = `independent check: ${right} of ${all.length} answers fully right`;
    console.log(line);
    fs.writeFileSync(
      path.join(__dirname, 'last-report.json'),
      `${JSON.stringify({ summary: line, generatedAt: new Date().toISOString(), cases: all }, null, 2)}\n`,
    );
  });

  for (const req of cases) {
    test(req.id, async () => {
      let expected: AnswerFacts;
      try {
        expected = expectedFacts(req);
      } catch (err) {
        const m: Mismatch = { field: '(oracle threw)', expected: 'expected facts', actual: String(err) };
        results.set(req.id, { id: req.id, ok: false, firstMismatch: m });
        throw err;
      }
      let actual: AnswerFacts | undefined;
      try {
        actual = await appFacts(req);
      } catch (err) {
        const m: Mismatch = { field: '(appFacts threw)', expected: 'an answer', actual: String(err) };
        results.set(req.id, { id: req.id, ok: false, firstMismatch: m });
        throw new Error(`${describeMismatches(req, [m])}\n  expected facts: ${JSON.stringify(expected)}`);
      }
      const mismatches = compareFacts(expected, actual, req.direction ?? 'top');
      results.set(req.id, { id: req.id, ok: mismatches.length === 0, firstMismatch: mismatches[0] ?? null });
      if (mismatches.length > 0) throw new Error(describeMismatches(req, mismatches));
    });
  }
});
