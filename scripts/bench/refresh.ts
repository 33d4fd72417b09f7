import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runRefresh } from '../../src/data/refresh/refresh';
import { openSource } from '../../src/data/refresh/source';

// Refresh of one changed dataset from a local folder (target <= 5 s): a full copy of ../shared/ons,
// a first refresh to seed DATA_DIR (not timed), one dataset given a new period, then the timed refresh.

export async function benchRefresh(
  onsDir: string,
  dataset = 'claimant-count',
): Promise<{
  ms: number;
  firstMs: number;
  downloaded: number;
  files: number;
}> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'northstat-bench-refresh-'));
  try {
    const src = path.join(root, 'ons');
    fs.cpSync(onsDir, src, { recursive: true });
    const dataDir = path.join(root, 'var');
    const limits = { timeoutMs: 30_000, retries: 0, maxBytes: 64 * 1024 * 1024 };
    const t0 = Date.now();
    const seed = await runRefresh({ source: openSource(src, limits), dataDir });
    const firstMs = Date.now() - t0;
    if (!seed.snapshot) throw new Error(`seeding refresh wrote no snapshot: ${seed.failures.join('; ')}`);
    const file = path.join(src, 'els', dataset, `${dataset}.csv`);
    fs.chmodSync(file, 0o644);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    const periods = lines.slice(1).map((l) => /,(\d{4})-(\d\d-\d\d[^,]*),/.exec(l));
    const latest = Math.max(...periods.map((m) => (m ? Number(m[1]) : 0)));
    const added = lines
      .slice(1)
      .filter((_line, i) => periods[i] && Number(periods[i]?.[1]) === latest)
      .map((l) => l.replace(`,${latest}-`, `,${latest + 1}-`));
    fs.writeFileSync(file, `${[...lines, ...added].join('\n')}\n`);
    const start = process.hrtime.bigint();
    const report = await runRefresh({ source: openSource(src, limits), dataDir });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (!report.snapshot || report.datasets.length !== 1)
      throw new Error(`refresh did not take exactly one dataset: ${JSON.stringify(report.datasets)}`);
    return { ms, firstMs, downloaded: report.requests.downloaded, files: report.requests.files };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
