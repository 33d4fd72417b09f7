import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/northstat';
import { fetchFile } from '../../src/data/refresh/http';
import { GitHubSource } from '../../src/data/refresh/source';
import { defaultSnapshotPath } from '../../src/data/snapshot';

// The pieces of refresh the mirror scenario (refresh.test.ts) does not reach: the GitHub listing
// (against a local fake of its API, never the internet), retries, and the CLI's words and exit codes.

async function serve(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const LIMITS = { timeoutMs: 300, retries: 2, backoffMs: 5, maxBytes: 10_000 };

describe('refresh sources', () => {
  it('GitHub: lists <dataset>/<dataset>.csv from the tree API as els/..., skips unchanged blobs, fetches the rest', async () => {
    const hits: string[] = [];
    const s = await serve((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/repos/ONSdigital/els-data/git/trees/main?recursive=1') {
        res.end(
          JSON.stringify({
            tree: [
              { path: 'LICENSE.md', type: 'blob', sha: 'l' },
              { path: 'museums', type: 'tree', sha: 't' },
              { path: 'museums/museums.csv', type: 'blob', sha: 'aaa' },
              { path: 'museums/museums.json', type: 'blob', sha: 'bbb' },
              { path: 'museums/old/museums.csv', type: 'blob', sha: 'ccc' },
            ],
          }),
        );
      } else if (req.url === '/ONSdigital/els-data/main/museums/museums.csv') res.end('areacd,period\n');
      else res.writeHead(404).end();
    });
    try {
      const gh = new GitHubSource('ONSdigital', 'els-data', 'main', LIMITS, s.url, s.url);
      const files = await gh.list();
      expect(files).toEqual([
        { path: 'els/museums/museums.csv', version: 'aaa' },
        { path: 'els/museums/museums.json', version: 'bbb' },
      ]);
      const same = await gh.get(files[1], { sha256: 'x', bytes: 1, version: 'bbb' });
      expect(same.kind).toBe('unchanged');
      const got = await gh.get(files[0], { sha256: 'x', bytes: 1, version: 'old' });
      expect(got.kind === 'body' && got.body.toString()).toBe('areacd,period\n');
      expect(hits.filter((h) => h.includes('museums.json'))).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('retries a 503 with backoff, never a 404, and stops a body larger than the cap even without Content-Length', async () => {
    let calls = 0;
    const s = await serve((req, res) => {
      calls++;
      if (req.url === '/flaky') {
        if (calls < 3) res.writeHead(503).end();
        else res.end('ok');
      } else if (req.url === '/big') {
        res.writeHead(200, { 'Transfer-Encoding': 'chunked' });
        res.end('x'.repeat(20_000));
      } else res.writeHead(404).end();
    });
    try {
      const ok = await fetchFile(`${s.url}/flaky`, LIMITS);
      expect(ok.kind === 'body' && ok.body.toString()).toBe('ok');
      expect(calls).toBe(3);
      calls = 0;
      expect(await fetchFile(`${s.url}/gone`, LIMITS)).toEqual({
        kind: 'failed',
        reason: 'HTTP 404 Not Found (1 attempt)',
      });
      expect(calls).toBe(1);
      const big = await fetchFile(`${s.url}/big`, LIMITS);
      expect(big.kind).toBe('failed');
      expect(big.kind === 'failed' && big.reason).toMatch(/over the 10000-byte size cap/);
    } finally {
      await s.close();
    }
  });
});

describe('northstat data', () => {
  const run = async (args: string[]) => {
    const lines: string[] = [];
    const code = await main(args, (l) => lines.push(l));
    return { code, out: lines.join('\n') };
  };
  let dataDir: string;
  const saved = process.env.DATA_DIR;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'northstat-data-cli-'));
    process.env.DATA_DIR = dataDir;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = saved;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('diff of a snapshot against itself says there is nothing to tell', async () => {
    const { code, out } = await run([
      'data',
      'diff',
      '--from',
      defaultSnapshotPath(),
      '--to',
      defaultSnapshotPath(),
    ]);
    expect(code).toBe(0);
    expect(out).toContain('No changes');
  });

  it('a second refresh of the same DATA_DIR while one runs is refused, not interleaved', async () => {
    fs.mkdirSync(path.join(dataDir, 'refresh', '.lock'), { recursive: true });
    try {
      const { code, out } = await run(['data', 'refresh', '--source', dataDir]);
      expect(code).toBe(1);
      expect(out).toMatch(/another refresh of .* is running/);
    } finally {
      fs.rmSync(path.join(dataDir, 'refresh', '.lock'), { recursive: true, force: true });
    }
  });

  it('bad input gives a sentence and an exit code, never a stack trace', async () => {
    const missing = await run(['data', 'refresh', '--source', path.join(dataDir, 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/cannot list the source: no ONS data at .*nowhere/);
    expect(missing.out).toContain('No new snapshot written.');
    expect(missing.out).not.toMatch(/\n\s+at /);
    const badDiff = await run(['data', 'diff', '--from', path.join(dataDir, 'none')]);
    expect(badDiff.code).toBe(2);
    expect(badDiff.out).toMatch(/^Cannot read a snapshot/);
    expect((await run(['data', 'refresh', '--source'])).code).toBe(2);
    expect((await run(['data'])).out).toContain('northstat data refresh');
  });
});
