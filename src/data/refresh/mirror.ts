import fs from 'node:fs';
import path from 'node:path';
import type { FileState } from './source';

// DATA_DIR/refresh/ keeps what the next refresh builds on:
//   files/        the last accepted copy of every source file (the ../shared/ons layout)
//   state.json    per file: sha256, bytes, ETag, GitHub blob id, mtime (what "unchanged" is judged by)
//   reports/      one refresh-report JSON per run, also the runs that wrote no snapshot
// A refresh stages a hard-linked copy of files/, changes only what it accepted, and swaps it in by
// rename, so a crash mid-refresh leaves the previous copy whole.

export interface RefreshState {
  version: 1;
  files: Record<string, FileState>;
}

export const refreshDir = (dataDir: string): string => path.join(path.resolve(dataDir), 'refresh');
export const mirrorDir = (dataDir: string): string => path.join(refreshDir(dataDir), 'files');

export function readState(dataDir: string): RefreshState {
  try {
    const s = JSON.parse(fs.readFileSync(path.join(refreshDir(dataDir), 'state.json'), 'utf8'));
    if (s?.version === 1 && typeof s.files === 'object') return s as RefreshState;
  } catch {
    // No state (first refresh) or an unreadable one: everything is fetched again, which is safe.
  }
  return { version: 1, files: {} };
}

export function writeState(dataDir: string, state: RefreshState): void {
  writeAtomic(path.join(refreshDir(dataDir), 'state.json'), `${JSON.stringify(state, null, 1)}\n`);
}

export function writeAtomic(file: string, text: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** Hard-links every file of `from` into `to` (copies where links are not possible): fast, no extra space. */
export function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  if (!fs.existsSync(from)) return;
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory()) linkTree(a, b);
    else
      try {
        fs.linkSync(a, b);
      } catch {
        fs.copyFileSync(a, b);
      }
  }
}

/** Writes a staged file; unlinks first so the hard-linked accepted copy is never modified. */
export function stageFile(staging: string, rel: string, body: Buffer): void {
  const file = path.join(staging, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, body);
}

/** Puts a group's accepted files back into the staging tree (or removes it if it had none). */
export function restoreGroup(staging: string, mirror: string, groupPath: string): void {
  fs.rmSync(path.join(staging, groupPath), { recursive: true, force: true });
  linkTree(path.join(mirror, groupPath), path.join(staging, groupPath));
  if (fs.readdirSync(path.join(staging, groupPath)).length === 0)
    fs.rmSync(path.join(staging, groupPath), { recursive: true, force: true });
}

/** Makes the staged tree the accepted one. */
export function promote(staging: string, mirror: string): void {
  const old = `${mirror}.old-${process.pid}`;
  if (fs.existsSync(mirror)) fs.renameSync(mirror, old);
  fs.renameSync(staging, mirror);
  fs.rmSync(old, { recursive: true, force: true });
}

/** A lock older than this is from a refresh that died; it is taken over. */
const STALE_LOCK_MS = 60 * 60 * 1000;

/**
 * Only one refresh at a time per DATA_DIR (two would stage and promote over each other). mkdir is
 * atomic, so the folder is the lock. Returns the release function, or null when another holds it.
 */
export function takeLock(dataDir: string): (() => void) | null {
  const lock = path.join(refreshDir(dataDir), '.lock');
  fs.mkdirSync(refreshDir(dataDir), { recursive: true });
  try {
    fs.mkdirSync(lock);
  } catch {
    const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (age < STALE_LOCK_MS) return null;
    fs.rmSync(lock, { recursive: true, force: true });
    fs.mkdirSync(lock);
  }
  return () => fs.rmSync(lock, { recursive: true, force: true });
}
