import path from 'node:path';
import { ConfigError, type Config, loadConfig } from '../config';
import { readSnapshot, defaultSnapshotPath } from '../data/snapshot';
import { describeDiff } from '../data/refresh/describe-diff';
import { diffSnapshots } from '../data/refresh/diff';
import { type RefreshReport, REVISION_BOUND, runRefresh } from '../data/refresh/refresh';
import { openSource } from '../data/refresh/source';
import { validSnapshotPaths } from '../data/refresh/store';
import { formatPercent, plural } from '../format/number';

// `northstat data refresh [--source URL|DIR]` and `northstat data diff [--from PATH] [--to PATH]`.
// Exit codes: 0 done; 1 refresh failed (nothing written); 2 bad usage or configuration;
// 3 some dataset kept its previous version, with or without a new snapshot (worth a look, e.g. from cron).

export const DATA_USAGE = `  northstat data refresh [--source URL|DIR]   fetch changed ONS files, write a new snapshot under DATA_DIR
  northstat data diff [--from PATH] [--to PATH]   what changed between two snapshots (default: previous vs newest)`;

type Out = (s: string) => void;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v === undefined || v.startsWith('--') ? '' : v;
}

export async function runData(args: string[], out: Out, config?: Config): Promise<number> {
  const sub = args.shift();
  let cfg: Config;
  try {
    cfg = config ?? loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      out(err.message);
      return 2;
    }
    throw err;
  }
  if (sub === 'refresh') {
    const source = flag(args, '--source');
    if (source === '') {
      out('--source needs a folder or an http(s) URL');
      return 2;
    }
    const spec = source ?? cfg.refresh.source;
    const report = await runRefresh({
      source: openSource(spec, {
        timeoutMs: cfg.refresh.timeoutMs,
        retries: cfg.refresh.retries,
        maxBytes: cfg.refresh.maxFileBytes,
      }),
      dataDir: cfg.dataDir,
    });
    out(describeRefresh(report));
    if (report.failures.length > 0) return 1;
    // 3 whenever a dataset was held back, new snapshot or not: the daily job's owner must hear of it.
    return report.datasets.some((d) => d.reasons.length > 0) ? 3 : 0;
  }
  if (sub === 'diff') {
    const from = flag(args, '--from');
    const to = flag(args, '--to');
    if (from === '' || to === '') {
      out('--from and --to need a snapshot path (a snapshot.json.gz or its folder)');
      return 2;
    }
    const refreshed = validSnapshotPaths(cfg.dataDir);
    const toFile = to ? snapshotFile(to) : (refreshed[0] ?? defaultSnapshotPath());
    const fromFile = from ? snapshotFile(from) : (refreshed[1] ?? defaultSnapshotPath());
    let before: ReturnType<typeof readSnapshot>;
    let after: ReturnType<typeof readSnapshot>;
    try {
      before = readSnapshot(fromFile);
      after = readSnapshot(toFile);
    } catch (err) {
      out(`Cannot read a snapshot: ${(err as Error).message.split('\n')[0]}`);
      return 2;
    }
    out(`From ${fromFile}\n  to ${toFile}\n`);
    out(describeDiff(diffSnapshots(before, after), before, after));
    return 0;
  }
  out(`Usage:\n${DATA_USAGE}`);
  return 2;
}

function snapshotFile(p: string): string {
  return p.endsWith('.gz') ? path.resolve(p) : path.resolve(p, 'snapshot.json.gz');
}

export function describeRefresh(r: RefreshReport): string {
  const q = r.requests;
  const lines = [
    `Refresh from ${r.source}: ${plural(q.files, 'file')}; ${q.downloaded} downloaded, ${q.notModified} not modified, ${q.unchanged} unchanged, ${q.failed} failed (${r.ms} ms).`,
  ];
  for (const d of r.datasets) {
    const what = {
      updated: 'updated',
      new: 'new',
      'kept-previous': 'kept previous version',
      'left-out': 'left out (no earlier copy)',
    }[d.status];
    lines.push(`  ${d.dataset}: ${what}`);
    for (const reason of d.reasons) lines.push(`    because ${reason}`);
  }
  for (const f of r.failures) lines.push(`FAILED: ${f}`);
  for (const n of r.notes) lines.push(`Note: ${n}`);
  if (r.changes) {
    const c = r.changes;
    lines.push(
      `Changes: ${plural(c.newPeriods.length, 'indicator')} with new periods, ${plural(c.revisions, 'revised figure')}, ${plural(c.newIndicators.length, 'new indicator')}, ${plural(c.newAreas.length, 'new area')}, ${plural(c.retiredAreas.length, 'retired area')}.`,
    );
  }
  if (r.largeRevisions.length > 0)
    lines.push(
      `${plural(r.largeRevisions.length, 'revision')} larger than ${formatPercent(REVISION_BOUND * 100)}: see refresh-report.json (largeRevisions) or northstat data diff.`,
    );
  lines.push(r.snapshot ? `Snapshot written to ${r.snapshot}` : 'No new snapshot written.');
  return lines.join('\n');
}
