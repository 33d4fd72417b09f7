import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type FetchLimits, type FetchOutcome, fetchFile } from './http';

// Where refreshed files come from. Paths are always those of the ../shared/ons layout
// (els/<dataset>/<file>, geography/<file>, population/<file>), whatever the source calls them.
// The file list always comes from the source itself: a folder listing, the mirror's MANIFEST.csv,
// or GitHub's tree API for the ELS repository. Nothing here names a dataset.

export interface SourceFile {
  path: string;
  /** A content id the listing already gives (GitHub blob sha): equal to the stored one means unchanged. */
  version?: string;
}

/** What the refresh state remembers of the last accepted copy of a file. */
export interface FileState {
  sha256: string;
  bytes: number;
  etag?: string;
  version?: string;
  mtimeMs?: number;
}

export type GetOutcome = FetchOutcome | { kind: 'unchanged' };

export interface RefreshSource {
  label: string;
  list(): Promise<SourceFile[]>;
  get(file: SourceFile, previous: FileState | undefined): Promise<GetOutcome & { mtimeMs?: number }>;
}

const DATA_PATH = /^(els\/[^/]+|geography|population)\/[^/]+\.(csv|json)$/;

/** The files refresh cares about (not README, licences, checks). */
export const isDataPath = (p: string): boolean => DATA_PATH.test(p);

/** The unit a guard accepts or rejects as a whole: a dataset folder, or all of geography / population. */
export function groupOf(p: string): string {
  const m = /^els\/([^/]+)\//.exec(p);
  return m ? m[1] : p.split('/')[0];
}

export const sha256 = (buf: Buffer): string => crypto.createHash('sha256').update(buf).digest('hex');

export function openSource(spec: string, limits: FetchLimits): RefreshSource {
  if (/^https?:\/\//i.test(spec)) {
    const gh = /^https:\/\/github\.com\/([^/]+)\/([^/]+?)(?:\.git)?(?:\/tree\/([^/]+))?\/?$/.exec(spec);
    if (gh) return new GitHubSource(gh[1], gh[2], gh[3] ?? 'main', limits);
    return new HttpSource(spec.replace(/\/+$/, ''), limits);
  }
  return new DirSource(path.resolve(spec), limits.maxBytes);
}

export class DirSource implements RefreshSource {
  readonly label: string;
  constructor(
    private readonly root: string,
    private readonly maxBytes: number,
  ) {
    this.label = root;
  }

  async list(): Promise<SourceFile[]> {
    if (!fs.existsSync(path.join(this.root, 'els')))
      throw new Error(`no ONS data at ${this.root} (expected els/, geography/, population/)`);
    const files = fs
      .readdirSync(this.root, { recursive: true, encoding: 'utf8' })
      .map((p) => p.split(path.sep).join('/'))
      .filter(isDataPath)
      .sort();
    return files.map((p) => ({ path: p }));
  }

  async get(file: SourceFile, previous: FileState | undefined): Promise<GetOutcome & { mtimeMs?: number }> {
    const full = path.join(this.root, file.path);
    try {
      const st = fs.statSync(full);
      // Same size and modification time as the accepted copy: not read at all.
      if (previous && previous.bytes === st.size && previous.mtimeMs === st.mtimeMs)
        return { kind: 'unchanged' };
      if (st.size > this.maxBytes)
        return { kind: 'failed', reason: `${st.size} bytes, over the ${this.maxBytes}-byte size cap` };
      const body = fs.readFileSync(full);
      if (previous && previous.sha256 === sha256(body)) return { kind: 'unchanged', mtimeMs: st.mtimeMs };
      return { kind: 'body', body, mtimeMs: st.mtimeMs };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return {
        kind: 'failed',
        reason: code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? err})`,
      };
    }
  }
}

/** A mirror serving the ../shared/ons layout; its MANIFEST.csv (first column `file`) lists the files. */
export class HttpSource implements RefreshSource {
  readonly label: string;
  constructor(
    private readonly base: string,
    private readonly limits: FetchLimits,
  ) {
    this.label = base;
  }

  async list(): Promise<SourceFile[]> {
    const res = await fetchFile(`${this.base}/MANIFEST.csv`, this.limits);
    if (res.kind !== 'body') throw new Error(`cannot read ${this.base}/MANIFEST.csv: ${describe(res)}`);
    const rows: Record<string, string>[] = parse(res.body, {
      bom: true,
      columns: true,
      skip_empty_lines: true,
    });
    if (rows.length > 0 && !('file' in rows[0])) throw new Error('MANIFEST.csv has no "file" column');
    return rows
      .map((r) => r.file)
      .filter(isDataPath)
      .map((p) => ({ path: p }));
  }

  get(file: SourceFile, previous: FileState | undefined): Promise<GetOutcome> {
    const url = `${this.base}/${file.path.split('/').map(encodeURIComponent).join('/')}`;
    return fetchFile(url, this.limits, previous?.etag);
  }
}

/**
 * The ELS data repository on GitHub: <dataset>/<dataset>.csv at its root, listed by the git tree API
 * (one request; blob shas tell what changed without downloading), files from raw.githubusercontent.com
 * (which also answers If-None-Match). It has no geography/ or population/: those stay as the last
 * refresh from a full copy left them (seed DATA_DIR once with --source ../shared/ons or a mirror).
 */
export class GitHubSource implements RefreshSource {
  readonly label: string;
  constructor(
    private readonly owner: string,
    private readonly repo: string,
    private readonly branch: string,
    private readonly limits: FetchLimits,
    private readonly apiBase = 'https://api.github.com',
    private readonly rawBase = 'https://raw.githubusercontent.com',
  ) {
    this.label = `github.com/${owner}/${repo}@${branch}`;
  }

  async list(): Promise<SourceFile[]> {
    const url = `${this.apiBase}/repos/${this.owner}/${this.repo}/git/trees/${this.branch}?recursive=1`;
    const res = await fetchFile(url, this.limits, undefined, { Accept: 'application/vnd.github+json' });
    if (res.kind !== 'body') throw new Error(`cannot list ${this.label}: ${describe(res)}`);
    const tree = JSON.parse(res.body.toString('utf8')) as {
      tree?: { path: string; type: string; sha: string }[];
      truncated?: boolean;
    };
    if (!Array.isArray(tree.tree))
      throw new Error(`unexpected answer from the GitHub tree API for ${this.label}`);
    return tree.tree
      .filter((e) => e.type === 'blob' && /^[^/]+\/[^/]+\.(csv|json)$/.test(e.path))
      .map((e) => ({ path: `els/${e.path}`, version: e.sha }))
      .filter((f) => isDataPath(f.path));
  }

  async get(file: SourceFile, previous: FileState | undefined): Promise<GetOutcome> {
    if (file.version && previous?.version === file.version) return { kind: 'unchanged' };
    const repoPath = file.path.replace(/^els\//, '');
    const url = `${this.rawBase}/${this.owner}/${this.repo}/${this.branch}/${repoPath}`;
    return fetchFile(url, this.limits, previous?.etag);
  }
}

function describe(res: FetchOutcome): string {
  return res.kind === 'failed' ? res.reason : res.kind;
}
