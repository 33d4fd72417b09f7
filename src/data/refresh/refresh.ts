import fs from 'node:fs';
import path from 'node:path';
import { type BuildReport, buildSnapshot } from '../ingest/build-snapshot';
import { defaultSnapshotPath, readSnapshot } from '../snapshot';
import type { Snapshot } from '../types';
import { type Revision, type SnapshotDiff, diffSnapshots } from './diff';
import { type GuardContext, checkDataset, checkSharedGroup } from './guards';
import {
  linkTree,
  mirrorDir,
  promote,
  readState,
  refreshDir,
  restoreGroup,
  stageFile,
  takeLock,
  writeAtomic,
  writeState,
} from './mirror';
import { type GetOutcome, type RefreshSource, type SourceFile, groupOf, isDataPath, sha256 } from './source';
import { newestSnapshotPath, snapshotsDir, stampOf, writeSnapshotDir } from './store';

// `northstat data refresh`: fetch what changed, guard each changed dataset, rebuild the snapshot with
// the same pipeline as `npm run data:build` (buildSnapshot), and write it under DATA_DIR/snapshots/.
// A dataset that fails anything keeps its previous version; the others go ahead (per dataset, not
// all-or-nothing). The report says, per dataset, what happened and why.

/** A revision of an existing figure by more than this share (relative) is listed for a person to check. */
export const REVISION_BOUND = 0.25;

export type DatasetStatus = 'updated' | 'new' | 'kept-previous' | 'left-out';

export interface DatasetOutcome {
  dataset: string;
  status: DatasetStatus;
  /** Files that changed at the source (or failed to arrive). */
  files: string[];
  reasons: string[];
}

export interface RefreshReport {
  startedAt: string;
  ms: number;
  source: string;
  /** The snapshot this refresh compared against and built on. */
  previousSnapshot: string;
  /** The snapshot folder written, or null (nothing accepted, or a failure before the build). */
  snapshot: string | null;
  requests: { files: number; downloaded: number; notModified: number; unchanged: number; failed: number };
  /** Datasets (and the geography / population groups) that changed or failed; unchanged ones are not listed. */
  datasets: DatasetOutcome[];
  revisionBound: number;
  /** Revisions beyond REVISION_BOUND: published, but worth a look. */
  largeRevisions: Revision[];
  changes: {
    newPeriods: SnapshotDiff['newPeriods'];
    revisions: number;
    newAreas: string[];
    retiredAreas: string[];
    newIndicators: string[];
    removedIndicators: string[];
  } | null;
  /** Problems that stopped the whole refresh (source unreadable, build impossible). */
  failures: string[];
  notes: string[];
}

export interface RefreshOptions {
  source: RefreshSource;
  dataDir: string;
  now?: Date;
  /** Parallel requests. */
  concurrency?: number;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const groupPath = (group: string) =>
  group === 'geography' || group === 'population' ? group : `els/${group}`;

function previousRows(snapshotFile: string): Map<string, number> {
  try {
    const report = JSON.parse(
      fs.readFileSync(path.join(path.dirname(snapshotFile), 'build-report.json'), 'utf8'),
    ) as BuildReport;
    return new Map(report.datasets.map((d) => [d.file, d.rows]));
  } catch {
    return new Map();
  }
}

export async function runRefresh(options: RefreshOptions): Promise<RefreshReport> {
  const release = takeLock(options.dataDir);
  if (!release) {
    const report = emptyReport(options, options.now ?? new Date(), '');
    report.failures.push(
      `another refresh of ${path.resolve(options.dataDir)} is running (refresh/.lock); try again later`,
    );
    return report;
  }
  try {
    return await refreshLocked(options);
  } finally {
    release();
  }
}

/** A report with nothing done yet: what every run starts from (and what a locked-out run returns). */
function emptyReport(options: RefreshOptions, startedAt: Date, previousSnapshot: string): RefreshReport {
  return {
    startedAt: startedAt.toISOString(),
    ms: 0,
    source: options.source.label,
    previousSnapshot,
    snapshot: null,
    requests: { files: 0, downloaded: 0, notModified: 0, unchanged: 0, failed: 0 },
    datasets: [],
    revisionBound: REVISION_BOUND,
    largeRevisions: [],
    changes: null,
    failures: [],
    notes: [],
  };
}

async function refreshLocked(options: RefreshOptions): Promise<RefreshReport> {
  const started = options.now ?? new Date();
  const t0 = Date.now();
  const stamp = stampOf(started);
  const dataDir = path.resolve(options.dataDir);
  const previousFile = newestSnapshotPath(dataDir) ?? defaultSnapshotPath();
  const report = emptyReport(options, started, previousFile);
  const finish = () => {
    report.ms = Date.now() - t0;
    writeAtomic(
      path.join(refreshDir(dataDir), 'reports', `${stamp}.json`),
      `${JSON.stringify(report, null, 2)}\n`,
    );
    return report;
  };

  let listing: SourceFile[];
  try {
    listing = (await options.source.list()).filter((f) => isDataPath(f.path));
  } catch (err) {
    report.failures.push(`cannot list the source: ${(err as Error).message}`);
    return finish();
  }
  if (listing.length === 0) {
    report.failures.push('the source lists no data files (expected els/<dataset>/<dataset>.csv)');
    return finish();
  }

  const state = readState(dataDir);
  const mirror = mirrorDir(dataDir);
  const outcomes = await mapLimit(listing, options.concurrency ?? 8, (f) =>
    options.source.get(f, state.files[f.path]),
  );
  report.requests.files = listing.length;
  const byGroup = new Map<string, { file: SourceFile; got: GetOutcome & { mtimeMs?: number } }[]>();
  listing.forEach((file, i) => {
    const got = outcomes[i];
    if (got.kind === 'body') report.requests.downloaded++;
    else if (got.kind === 'not-modified') report.requests.notModified++;
    else if (got.kind === 'unchanged') report.requests.unchanged++;
    else report.requests.failed++;
    const list = byGroup.get(groupOf(file.path)) ?? [];
    list.push({ file, got });
    byGroup.set(groupOf(file.path), list);
  });
  // A dataset the source stops listing is kept: a truncated listing must not delete data.
  const listedGroups = new Set(byGroup.keys());
  const mirrorEls = path.join(mirror, 'els');
  for (const d of fs.existsSync(mirrorEls) ? fs.readdirSync(mirrorEls) : [])
    if (!listedGroups.has(d))
      report.notes.push(`${d}: no longer listed by the source; previous version kept`);

  // Which groups changed, and which failed to arrive.
  const changed: string[] = [];
  for (const [group, entries] of byGroup) {
    const failed = entries.filter((e) => e.got.kind === 'failed');
    const bodies = entries.filter((e) => e.got.kind === 'body');
    const hadCopy = fs.existsSync(path.join(mirror, groupPath(group)));
    if (failed.length > 0) {
      report.datasets.push({
        dataset: group,
        status: hadCopy ? 'kept-previous' : 'left-out',
        files: entries
          .filter((e) => e.got.kind !== 'unchanged' && e.got.kind !== 'not-modified')
          .map((e) => e.file.path),
        reasons: failed.map((e) => `${e.file.path}: ${(e.got as { reason: string }).reason}`),
      });
    } else if (bodies.length > 0) changed.push(group);
  }
  if (changed.length === 0) {
    report.notes.push('nothing changed at the source: no new snapshot');
    return finish();
  }

  const staging = path.join(refreshDir(dataDir), `.staging-${stamp}-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    linkTree(mirror, staging);
    for (const group of changed)
      for (const { file, got } of byGroup.get(group) ?? [])
        if (got.kind === 'body') stageFile(staging, file.path, got.body);

    const previous = readSnapshot(previousFile);
    const ctx: GuardContext = {
      previous,
      previousRows: previousRows(previousFile),
      geographyCodes: geographyCodes(staging),
    };
    const accepted: string[] = [];
    for (const group of changed) {
      const isShared = group === 'geography' || group === 'population';
      const reasons = isShared ? checkSharedGroup(staging, group) : checkDataset(staging, group, ctx);
      const hadCopy = fs.existsSync(path.join(mirror, groupPath(group)));
      const files = (byGroup.get(group) ?? []).filter((e) => e.got.kind === 'body').map((e) => e.file.path);
      if (reasons.length > 0) {
        restoreGroup(staging, mirror, groupPath(group));
        report.datasets.push({
          dataset: group,
          status: hadCopy ? 'kept-previous' : 'left-out',
          files,
          reasons,
        });
      } else {
        accepted.push(group);
        report.datasets.push({ dataset: group, status: hadCopy ? 'updated' : 'new', files, reasons: [] });
      }
    }
    if (accepted.length === 0) {
      report.notes.push('every changed dataset failed a guard: no new snapshot');
      return finish();
    }

    let built = buildWithRollback(staging, mirror, started.toISOString(), accepted, report);
    if (!built) return finish();
    let diff = diffSnapshots(previous, built.snapshot);
    // A refresh never takes figures away: a dataset whose new version lacks figures the previous one
    // had (an area's whole series, or rows cut from the file) keeps its previous version.
    const losing = datasetsLosingFigures(diff, previous, accepted);
    if (losing.size > 0) {
      for (const [d, removed] of losing) {
        restoreGroup(staging, mirror, groupPath(d));
        accepted.splice(accepted.indexOf(d), 1);
        const entry = report.datasets.find((o) => o.dataset === d);
        if (entry) {
          entry.status = fs.existsSync(path.join(mirror, groupPath(d))) ? 'kept-previous' : 'left-out';
          const first = removed[0];
          entry.reasons.push(
            `figures removed: ${removed.length} figure${removed.length === 1 ? '' : 's'} the previous version had ${removed.length === 1 ? 'is' : 'are'} missing (first: ${first.indicator}, ${first.area}, ${first.period})`,
          );
        }
      }
      if (accepted.length === 0) {
        report.notes.push('every changed dataset failed a guard: no new snapshot');
        return finish();
      }
      built = buildWithRollback(staging, mirror, started.toISOString(), accepted, report);
      if (!built) return finish();
      diff = diffSnapshots(previous, built.snapshot);
    }
    const { snapshot, buildReport } = built;
    buildReport.sourceRoot = options.source.label;

    report.largeRevisions = diff.revisions.filter(
      (r) => r.relative === null || Math.abs(r.relative) > REVISION_BOUND,
    );
    report.changes = {
      newPeriods: diff.newPeriods,
      revisions: diff.revisions.length,
      newAreas: diff.newAreas,
      retiredAreas: diff.retiredAreas,
      newIndicators: diff.newIndicators,
      removedIndicators: diff.removedIndicators,
    };
    report.ms = Date.now() - t0;
    report.snapshot = path.join(snapshotsDir(dataDir), stamp);
    writeSnapshotDir(dataDir, stamp, snapshot, {
      'build-report.json': buildReport,
      'refresh-report.json': report,
    });

    // Only now is the staged copy the accepted one, and the state records what it holds.
    promote(staging, mirror);
    const acceptedSet = new Set(accepted);
    for (const [group, entries] of byGroup) {
      for (const { file, got } of entries) {
        if (got.kind === 'body' && acceptedSet.has(group))
          state.files[file.path] = {
            sha256: sha256(got.body),
            bytes: got.body.length,
            etag: got.etag,
            version: file.version,
            mtimeMs: got.mtimeMs,
          };
        else if (got.kind === 'unchanged' && got.mtimeMs !== undefined && state.files[file.path])
          state.files[file.path].mtimeMs = got.mtimeMs;
      }
    }
    writeState(dataDir, state);
    return finish();
  } catch (err) {
    report.failures.push(`refresh stopped: ${(err as Error).message.split('\n')[0]}`);
    return finish();
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function geographyCodes(root: string): Set<string> {
  try {
    const geo = JSON.parse(
      fs.readFileSync(path.join(root, 'geography', 'geo-metadata.json'), 'utf8').replace(/^\uFEFF/, ''),
    ) as Record<string, { areacd: string }>;
    return new Set(Object.values(geo).map((g) => g.areacd));
  } catch {
    return new Set();
  }
}

/** Accepted datasets whose indicators lost figures in `diff`, with those figures. */
function datasetsLosingFigures(
  diff: SnapshotDiff,
  previous: Snapshot,
  accepted: readonly string[],
): Map<string, SnapshotDiff['removedFigures']> {
  const datasetOf = new Map(previous.indicators.map((i) => [i.id, i.dataset]));
  const out = new Map<string, SnapshotDiff['removedFigures']>();
  for (const r of diff.removedFigures) {
    const d = datasetOf.get(r.indicator);
    if (!d || !accepted.includes(d)) continue;
    out.set(d, [...(out.get(d) ?? []), r]);
  }
  return out;
}

/**
 * The build itself can still fail a dataset (its row-loss limit counts rows as the build reads them).
 * Such a dataset goes back to its previous version and the build runs again; a failure that no
 * accepted dataset explains stops the refresh.
 */
function buildWithRollback(
  staging: string,
  mirror: string,
  builtAt: string,
  accepted: string[],
  report: RefreshReport,
): { snapshot: Snapshot; buildReport: BuildReport } | null {
  for (let round = 0; round <= accepted.length; round++) {
    let result: ReturnType<typeof buildSnapshot>;
    try {
      result = buildSnapshot(staging, builtAt);
    } catch (err) {
      const msg = (err as Error).message.split('\n')[0];
      report.failures.push(
        `cannot build the snapshot: ${msg}${/ENOENT/.test(msg) ? ' (seed DATA_DIR once from a full copy: --source ../shared/ons or a mirror)' : ''}`,
      );
      return null;
    }
    if (result.report.failures.length === 0) return { snapshot: result.snapshot, buildReport: result.report };
    const culprits = accepted.filter((d) => result.report.failures.some((f) => f.startsWith(`els/${d}/`)));
    if (culprits.length === 0) {
      report.failures.push(...result.report.failures.map((f) => `build failed: ${f}`));
      return null;
    }
    for (const d of culprits) {
      restoreGroup(staging, mirror, groupPath(d));
      accepted.splice(accepted.indexOf(d), 1);
      const entry = report.datasets.find((o) => o.dataset === d);
      if (entry) {
        entry.status = fs.existsSync(path.join(mirror, groupPath(d))) ? 'kept-previous' : 'left-out';
        entry.reasons.push(...result.report.failures.filter((f) => f.startsWith(`els/${d}/`)));
      }
    }
    if (accepted.length === 0) {
      report.notes.push('every changed dataset failed the build: no new snapshot');
      return null;
    }
  }
  return null;
}
