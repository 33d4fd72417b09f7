import fs from 'node:fs';
import path from 'node:path';
import { ask } from '../src/answers/ask';
import { loadCore } from '../src/data/core';
import { profileDocx } from '../src/exports/docx';
import { profileCardPng } from '../src/exports/profile-card';
import { answerXlsx } from '../src/slack/xlsx';

// `npm run build && node dist/scripts/profile-examples.js`: writes docs/examples/wakefield-profile.{png,xlsx,docx}
// from the bundled data, so the examples are always what the code makes.

async function main(): Promise<void> {
  const core = loadCore();
  const answer = ask('/profile wakefield', core);
  if (answer.kind !== 'profile') throw new Error(`expected a profile, got ${answer.kind}`);
  const dir = path.join(__dirname, '..', '..', 'docs', 'examples');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'wakefield-profile.png'), await profileCardPng(answer));
  fs.writeFileSync(path.join(dir, 'wakefield-profile.xlsx'), (await answerXlsx(answer, core)) as Buffer);
  fs.writeFileSync(path.join(dir, 'wakefield-profile.docx'), await profileDocx(answer));
  console.log(`written to ${dir}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
