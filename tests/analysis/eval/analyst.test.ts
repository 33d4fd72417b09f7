// The frozen analyst questions, scored; a drop below the committed score fails (score.json).
// Regenerate only after an improvement: UPDATE_SCORES=1 npx jest tests/analysis
import fs from 'node:fs';
import path from 'node:path';
import { loadCore } from '../../../src/data/core';
import { type AnalystQuestion, scoreQuestion } from './score';

const core = loadCore();
const FLOOR = path.join(__dirname, 'score.json');

it('understands the analyst questions at least as well as its committed score', () => {
  const questions = JSON.parse(fs.readFileSync(path.join(__dirname, 'analyst-questions.json'), 'utf8')) as AnalystQuestion[];
  const results = questions.map((q) => scoreQuestion(q, core));
  const pct = Math.round((results.filter((r) => r.ok).length / results.length) * 1000) / 10;
  console.log(`analyst questions: ${pct}% understood (n=${results.length})`);
  fs.writeFileSync(
    path.join(__dirname, 'last-report.json'),
    `${JSON.stringify(results.filter((r) => !r.ok), null, 2)}\n`,
  );
  if (process.env.UPDATE_SCORES === '1') {
    fs.writeFileSync(FLOOR, `${JSON.stringify({ understood: pct }, null, 2)}\n`);
    return;
  }
  const floor = JSON.parse(fs.readFileSync(FLOOR, 'utf8')) as { understood: number };
  expect(pct).toBeGreaterThanOrEqual(floor.understood);
});
