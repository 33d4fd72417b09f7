import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

// A local mirror of the ../shared/ons layout for refresh tests: serves files from a folder on
// 127.0.0.1 with strong ETags (sha1 of the bytes) and answers If-None-Match with 304. Tests can make
// one path answer 404 or stall, and read back every request and its status.

export interface MirrorServer {
  url: string;
  log: { path: string; status: number }[];
  /** Paths (relative, e.g. "els/x/x.csv") that answer 404. */
  missing: Set<string>;
  /** Paths that wait this long (ms) before answering. */
  stall: Map<string, number>;
  close(): Promise<void>;
}

export async function startMirror(root: string): Promise<MirrorServer> {
  const log: MirrorServer['log'] = [];
  const missing = new Set<string>();
  const stall = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '');
    const answer = () => {
      const file = path.join(root, rel);
      if (missing.has(rel) || rel.includes('..') || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        log.push({ path: rel, status: 404 });
        res.writeHead(404).end('not found');
        return;
      }
      const body = fs.readFileSync(file);
      const etag = `"${crypto.createHash('sha1').update(body).digest('hex')}"`;
      if (req.headers['if-none-match'] === etag) {
        log.push({ path: rel, status: 304 });
        res.writeHead(304, { ETag: etag }).end();
        return;
      }
      log.push({ path: rel, status: 200 });
      res.writeHead(200, { ETag: etag, 'Content-Length': body.length }).end(body);
    };
    const wait = stall.get(rel);
    if (wait === undefined) return answer();
    const t = setTimeout(() => {
      timers.delete(t);
      if (!res.destroyed) answer();
    }, wait);
    timers.add(t);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    missing,
    stall,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Copies the named datasets plus what the build needs from geography/ and population/, with a MANIFEST.csv. */
export function copyOnsSubset(from: string, to: string, datasets: string[]): void {
  const files = [
    'geography/geo-metadata.json',
    'geography/areas-list.json',
    'geography/areas-similar.json',
    'geography/areas-clusters.json',
    'population/population-count.csv',
    'population/population-indicators.json',
    ...datasets.flatMap((d) => [`els/${d}/${d}.csv`, `els/${d}/${d}.json`]),
  ];
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(to, f)), { recursive: true });
    fs.copyFileSync(path.join(from, f), path.join(to, f));
  }
  writeManifest(to);
}

/** A MANIFEST.csv listing every file under `root` (first column `file`, as in ../shared/ons). */
export function writeManifest(root: string): void {
  const files = fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((p) => p.split(path.sep).join('/'))
    .filter((p) => /\.(csv|json)$/.test(p) && p !== 'MANIFEST.csv')
    .sort();
  fs.writeFileSync(path.join(root, 'MANIFEST.csv'), `file,bytes\n${files.map((f) => `${f},0`).join('\n')}\n`);
}
