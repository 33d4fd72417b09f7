import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildSnapshot } from '../src/data/ingest/build-snapshot';
import { buildTowns } from '../src/data/ingest/towns';
import type { SnapshotArea } from '../src/data/types';

// `npm run data:build [-- --source ../shared/ons] [--out data]`: rebuilds the committed snapshot.
// Fails (exit 1) when a dataset lost more than the allowed share of rows; the report lists every
// row that could not be read, with file and line.

const SIZE_BUDGET_BYTES = 20 * 1024 * 1024;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function main(): number {
  const repo = path.resolve(__dirname, '..', '..');
  const source = path.resolve(arg('--source', path.join(repo, '..', 'shared', 'ons')));
  const outDir = path.resolve(arg('--out', path.join(repo, 'data')));
  if (!fs.existsSync(path.join(source, 'els'))) {
    console.error(`No ONS data at ${source} (expected els/, geography/, population/). Pass --source <dir>.`);
    return 1;
  }
  const started = Date.now();
  const { snapshot, report } = buildSnapshot(source);
  report.sourceRoot = path.relative(repo, source) || source;
  fs.mkdirSync(outDir, { recursive: true });
  const gz = zlib.gzipSync(JSON.stringify(snapshot), { level: 9 });
  fs.writeFileSync(path.join(outDir, 'snapshot.json.gz'), gz);
  fs.writeFileSync(path.join(outDir, 'build-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  const rows = report.datasets.reduce((n, d) => n + d.rows, 0);
  console.log(
    `snapshot: ${snapshot.indicators.length} indicators, ${snapshot.areas.length} areas, ${report.datasets.length} CSVs, ${rows} rows read`,
  );
  console.log(
    `rejected rows: ${report.rejected.length}; unknown periods: ${report.unknownPeriods.length}; conflicting duplicates: ${report.duplicates.length}; excluded files: ${report.excluded.length}`,
  );
  console.log(
    `written ${(gz.length / 1024 / 1024).toFixed(2)} MB to ${path.join(outDir, 'snapshot.json.gz')} in ${Date.now() - started} ms`,
  );
  for (const r of report.rejected.slice(0, 20)) console.log(`  rejected ${r.file}:${r.line} ${r.reason}`);
  const towns = buildTowns(source, currentCouncil(snapshot.areas));
  const townsFile = path.join(repo, 'data', 'lexicon', 'towns.csv');
  fs.writeFileSync(townsFile, `name,code\n${towns.map((t) => `${t.name},${t.code}`).join('\n')}\n`);
  console.log(
    `towns: ${towns.length} parish, community and ward names with one council, written to ${townsFile}`,
  );
  if (gz.length > SIZE_BUDGET_BYTES)
    report.failures.push(`snapshot is ${gz.length} bytes, over the 20 MB budget`);
  for (const f of report.failures) console.error(`FAIL ${f}`);
  return report.failures.length > 0 ? 1 : 0;
}

/** The council covering a code today: itself, its successor, or its nearest current parent. */
function currentCouncil(areas: SnapshotArea[]): (code: string) => string | null {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const walk = (code: string, depth = 0): string | null => {
    const a = byCode.get(code);
    if (!a || depth > 4) return null;
    if (a.successor) return walk(a.successor, depth + 1);
    if (a.end === undefined) return a.lowerTier || a.upperTier ? a.code : null;
    for (const p of a.parents) {
      const parent = byCode.get(p);
      if (parent && (parent.level === 'county' || parent.level === 'unitary_authority')) {
        const found = walk(p, depth + 1);
        if (found) return found;
      }
    }
    return null;
  };
  return (code) => walk(code);
}

process.exitCode = main();
