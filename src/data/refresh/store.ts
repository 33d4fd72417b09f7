import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { SnapshotChanges } from '../stats';
import type { Snapshot } from '../types';

// Refreshed snapshots live under DATA_DIR/snapshots/<timestamp>/, never over the committed
// data/snapshot.json.gz. Each folder is written under a dot-name and renamed into place, so a reader
// sees a whole snapshot or none; the stored sha256 catches a file damaged after that (disk, hand edit).

export const SNAPSHOT_FILE = 'snapshot.json.gz';
export const CHECKSUM_FILE = 'snapshot.sha256';

export const snapshotsDir = (dataDir: string): string => path.join(path.resolve(dataDir), 'snapshots');

/** A folder name that sorts by time and is legal on every file system (no colons). */
export function stampOf(date: Date): string {
  return date.toISOString().replace(/:/g, '-');
}

const sha256 = (buf: Buffer): string => crypto.createHash('sha256').update(buf).digest('hex');

/** Snapshot folders, newest first (including invalid ones; see `isValidSnapshotDir`). */
export function snapshotDirs(dataDir: string): string[] {
  const dir = snapshotsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort()
    .reverse()
    .map((name) => path.join(dir, name));
}

/** True when the folder's snapshot matches its stored checksum (cheap: no gunzip, no parse). */
export function isValidSnapshotDir(dir: string): boolean {
  try {
    const gz = fs.readFileSync(path.join(dir, SNAPSHOT_FILE));
    const want = fs.readFileSync(path.join(dir, CHECKSUM_FILE), 'utf8').trim();
    return sha256(gz) === want;
  } catch {
    return false;
  }
}

/** The newest snapshot under DATA_DIR that passes its checksum, or null (then the bundled one is used). */
export function newestSnapshotPath(dataDir: string): string | null {
  for (const dir of snapshotDirs(dataDir)) if (isValidSnapshotDir(dir)) return path.join(dir, SNAPSHOT_FILE);
  return null;
}

/** Every valid snapshot file, newest first: loadCore falls through them when one will not parse. */
export function validSnapshotPaths(dataDir: string): string[] {
  return snapshotDirs(dataDir)
    .filter(isValidSnapshotDir)
    .map((dir) => path.join(dir, SNAPSHOT_FILE));
}

/** Checks what a StatsCore needs before it is trusted (after gunzip and JSON.parse succeeded). */
export function assertSnapshotShape(s: unknown, file: string): asserts s is Snapshot {
  const o = s as Partial<Snapshot> | null;
  const ok =
    !!o &&
    o.version === 1 &&
    Array.isArray(o.areas) &&
    Array.isArray(o.indicators) &&
    o.indicators.length > 0 &&
    typeof o.series === 'object' &&
    o.series !== null &&
    o.indicators.every((i) => o.series?.[i.id] !== undefined) &&
    typeof o.population === 'object';
  if (!ok)
    throw new Error(`${file} is not a Northstat snapshot (version 1 with areas, indicators and series)`);
}

/**
 * Writes snapshot + reports into DATA_DIR/snapshots/<stamp>/ atomically (temp folder, then rename).
 * Returns the folder.
 */
export function writeSnapshotDir(
  dataDir: string,
  stamp: string,
  snapshot: Snapshot,
  extras: Record<string, unknown>,
): string {
  const root = snapshotsDir(dataDir);
  fs.mkdirSync(root, { recursive: true });
  const tmp = path.join(root, `.tmp-${stamp}-${process.pid}`);
  const final = path.join(root, stamp);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp);
  // Level 6, not the build's 9: a third of the time for a file about 5% larger (refresh target <= 5 s).
  const gz = zlib.gzipSync(JSON.stringify(snapshot), { level: 6 });
  fs.writeFileSync(path.join(tmp, SNAPSHOT_FILE), gz);
  for (const [name, value] of Object.entries(extras))
    fs.writeFileSync(path.join(tmp, name), `${JSON.stringify(value, null, 2)}\n`);
  fs.writeFileSync(path.join(tmp, CHECKSUM_FILE), `${sha256(gz)}\n`);
  fs.renameSync(tmp, final);
  return final;
}

/**
 * The changes recorded beside a refreshed snapshot (its refresh-report.json), or null: the bundled
 * snapshot, or a report that is missing or unreadable (the snapshot is still served).
 */
export function readSnapshotChanges(snapshotFile: string): SnapshotChanges | null {
  try {
    const report = JSON.parse(
      fs.readFileSync(path.join(path.dirname(snapshotFile), 'refresh-report.json'), 'utf8'),
    ) as {
      startedAt?: string;
      changes?: Omit<SnapshotChanges, 'refreshedAt' | 'largeRevisions'> | null;
      largeRevisions?: SnapshotChanges['largeRevisions'];
    };
    if (!report.changes || !report.startedAt) return null;
    return { refreshedAt: report.startedAt, ...report.changes, largeRevisions: report.largeRevisions ?? [] };
  } catch {
    return null;
  }
}

/** A snapshot folder's files as stored in the database (the shared copy between instances). */
export function snapshotFiles(dir: string): {
  stamp: string;
  gz: Buffer;
  sha256: string;
  report: string | null;
} {
  const gz = fs.readFileSync(path.join(dir, SNAPSHOT_FILE));
  let report: string | null = null;
  try {
    report = fs.readFileSync(path.join(dir, 'refresh-report.json'), 'utf8');
  } catch {
    report = null;
  }
  return {
    stamp: path.basename(dir),
    gz,
    sha256: fs.readFileSync(path.join(dir, CHECKSUM_FILE), 'utf8').trim(),
    report,
  };
}

/**
 * Writes a snapshot fetched from the database into DATA_DIR/snapshots/<stamp>/ (temp folder, then
 * rename), unless its checksum does not match. Returns the folder, or null.
 */
export function writeSnapshotFiles(
  dataDir: string,
  files: { stamp: string; gz: Buffer; sha256: string; report: string | null },
): string | null {
  if (!/^[\w.:-]+$/.test(files.stamp) || sha256(files.gz) !== files.sha256) return null;
  const root = snapshotsDir(dataDir);
  const final = path.join(root, files.stamp);
  if (fs.existsSync(final)) return final;
  fs.mkdirSync(root, { recursive: true });
  const tmp = path.join(root, `.tmp-${files.stamp}-${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp);
  fs.writeFileSync(path.join(tmp, SNAPSHOT_FILE), files.gz);
  if (files.report) fs.writeFileSync(path.join(tmp, 'refresh-report.json'), files.report);
  fs.writeFileSync(path.join(tmp, CHECKSUM_FILE), `${files.sha256}\n`);
  fs.renameSync(tmp, final);
  return final;
}
