import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseInSlices } from './json-slices';
import { assertSnapshotShape } from './refresh/store';
import type { Snapshot } from './types';

/** The repository root, found from this file whether it runs from src/ (ts-jest) or dist/src/ (built). */
export function repoRoot(start = __dirname): string {
  let dir = start;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'northstat') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the northstat package root above ${start}`);
    dir = parent;
  }
}

export const defaultSnapshotPath = (): string => path.join(repoRoot(), 'data', 'snapshot.json.gz');

export function readSnapshot(file = defaultSnapshotPath()): Snapshot {
  const snapshot = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as Snapshot;
  if (snapshot.version !== 1) throw new Error(`unsupported snapshot version ${snapshot.version} in ${file}`);
  assertSnapshotShape(snapshot, file);
  return snapshot;
}

/** The same, without blocking the event loop (so a starting server can answer /healthz with 503). */
export async function readSnapshotAsync(file = defaultSnapshotPath()): Promise<Snapshot> {
  const gz = await fs.promises.readFile(file);
  const json = await new Promise<Buffer>((resolve, reject) =>
    zlib.gunzip(gz, (err, out) => (err ? reject(err) : resolve(out))),
  );
  const snapshot = JSON.parse(json.toString('utf8')) as Snapshot;
  if (snapshot.version !== 1) throw new Error(`unsupported snapshot version ${snapshot.version} in ${file}`);
  assertSnapshotShape(snapshot, file);
  return snapshot;
}

/**
 * The same again, and the parse itself in slices of a few milliseconds (json-slices.ts): for loading a
 * refreshed snapshot into a server that keeps answering while it loads.
 */
export async function readSnapshotSliced(file: string): Promise<Snapshot> {
  const gz = await fs.promises.readFile(file);
  const json = await new Promise<Buffer>((resolve, reject) =>
    zlib.gunzip(gz, (err, out) => (err ? reject(err) : resolve(out))),
  );
  const snapshot = await parseInSlices<Snapshot>(json.toString('utf8'), ['series']);
  if (snapshot.version !== 1) throw new Error(`unsupported snapshot version ${snapshot.version} in ${file}`);
  assertSnapshotShape(snapshot, file);
  return snapshot;
}
