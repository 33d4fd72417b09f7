import type { Instance, Result } from 'autocannon';
import { spawnSync } from 'node:child_process';
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ask } from '../src/answers/ask';
import { loadCore } from '../src/data/core';
import { measureResolver } from './bench/resolver';
import { benchQueries } from './bench-queries';

// `npm run bench [-- --only data,resolve,answer,analyses,exports,charts,slack,swap,digest,refresh]`: prints speed and
// memory figures. Targets (issues): load <= 1 s and RSS <= 250 MB; resolve and answer p99 <= 5 ms;
// analyst answers (rank by change, scatter; no chart) p99 <= 10 ms; chart median <= 60 ms (scatter
// <= 80 ms) with flat RSS; Slack ack p95 <= 50 ms and >= 80% of a static-ack Bolt app.

const only = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? new Set(process.argv[i + 1].split(',')) : null;
})();
const wanted = (name: string) => !only || only.has(name);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function percentiles(times: number[]): { median: number; p95: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function benchData(): void {
  const rssBefore = process.memoryUsage().rss;
  const start = process.hrtime.bigint();
  const core = loadCore();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  global.gc?.();
  const rss = process.memoryUsage().rss;
  console.log(
    `data: snapshot load ${ms.toFixed(0)} ms (${core.indicators.length} indicators, ${core.geography.all().length} areas); RSS ${mb(rss)} (was ${mb(rssBefore)} before loading)`,
  );
}

function benchResolve(): void {
  const core = loadCore();
  const queries = benchQueries(10_000);
  const { medianMs, p99Ms } = measureResolver(queries, core, 1);
  console.log(
    `resolve: ${queries.length} realistic queries, median ${medianMs.toFixed(3)} ms, p99 ${p99Ms.toFixed(3)} ms per query`,
  );
}

function benchAnswer(): void {
  const core = loadCore();
  const time = (queries: string[]) =>
    percentiles(
      queries.map((q) => {
        const start = process.hrtime.bigint();
        ask(q, core);
        return Number(process.hrtime.bigint() - start) / 1e6;
      }),
    );
  // Cold: the first answers of a fresh process (JIT, rank caches empty). Warm: after 2,000 other
  // queries (a different seed), as a running server is.
  const cold = time(benchQueries(1_000, 3));
  time(benchQueries(2_000, 11));
  const warm = time(benchQueries(10_000, 7));
  console.log(
    `answer (resolve + engine, no chart): cold (first 1,000 queries) median ${cold.median.toFixed(3)} ms, p99 ${cold.p99.toFixed(3)} ms; warm (10,000 queries) median ${warm.median.toFixed(3)} ms, p99 ${warm.p99.toFixed(3)} ms`,
  );
}

/**
 * Analyst answers (issue 13) without a chart, each question asked 500 times after 20 warm-ups, over
 * the largest groups (all 296 local authorities) as well as the usual ones.
 */
function benchAnalyses(): void {
  const core = loadCore();
  const sets: [string, string[]][] = [
    [
      'rank by change',
      [
        '/rank pay change since 2015 among northern cities',
        'which local authorities improved most on employment since 2015',
        'biggest falls in employment since 2019',
        'fastest growing places for GVA per hour',
      ],
    ],
    [
      'scatter',
      [
        '/scatter productivity vs skills among local authorities',
        'does pay go with skills in the north?',
        '/scatter pay vs employment among northern cities',
      ],
    ],
    [
      'catching up',
      [
        'is leeds catching up with the south east on productivity?',
        'is the north catching up with the south east on pay?',
      ],
    ],
    ['benchmark', ['which core cities beat the south east on pay?']],
  ];
  const kinds: Record<string, string> = {
    'rank by change': 'change',
    scatter: 'scatter',
    'catching up': 'catching-up',
    benchmark: 'benchmark',
  };
  for (const [name, questions] of sets) {
    // A question answered as something else would time the wrong work: say so in the figures.
    const off = questions.filter((q) => ask(q, core).kind !== kinds[name]);
    if (off.length > 0) console.log(`analyses: NOT ${kinds[name]} answers: ${off.join(' | ')}`);
    for (const q of questions) for (let i = 0; i < 20; i++) ask(q, core);
    const times: number[] = [];
    for (let i = 0; i < 500; i++)
      for (const q of questions) {
        const start = process.hrtime.bigint();
        ask(q, core);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    const p = percentiles(times);
    console.log(
      `analyses: ${name.padEnd(14)} ${times.length} answers, median ${p.median.toFixed(3)} ms, p99 ${p.p99.toFixed(3)} ms`,
    );
  }
}

async function timed(runs: number, fn: () => unknown): Promise<{ median: number; p95: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return percentiles(times);
}

/**
 * Profile downloads (targets: /profile answer p99 <= 20 ms; card median <= 150 ms; XLSX and Word
 * median <= 300 ms each; peak RSS <= 300 MB), then the XLSX of a profile and of a rank-by-change answer.
 */
async function benchExports(): Promise<void> {
  const { answerXlsx } = await import('../src/slack/xlsx');
  const { profileDocx } = await import('../src/exports/docx');
  const { profileCardPng } = await import('../src/exports/profile-card');
  const core = loadCore();
  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const q = '/profile wakefield';
  // Warmed as a running server is (JIT, rank caches), then 1,000 answers.
  for (let i = 0; i < 200; i++) ask(q, core);
  const profile = await timed(1000, () => ask(q, core));
  const answer = ask(q, core);
  if (answer.kind !== 'profile') throw new Error(answer.kind);
  for (let i = 0; i < 3; i++) await profileCardPng(answer);
  const card = await timed(30, async () => {
    await profileCardPng(answer);
    sample();
  });
  for (let i = 0; i < 3; i++) await profileDocx(answer);
  const word = await timed(30, async () => {
    await profileDocx(answer);
    sample();
  });
  const book = await timed(30, async () => {
    await answerXlsx(answer, core);
    sample();
  });
  console.log(
    `exports: "${q}" answer (no files) median ${profile.median.toFixed(2)} ms, p99 ${profile.p99.toFixed(2)} ms (1,000 runs); card PNG median ${card.median.toFixed(1)} ms; XLSX median ${book.median.toFixed(1)} ms; Word median ${word.median.toFixed(1)} ms (30 runs each); peak RSS ${mb(peak)}`,
  );
  for (const q of ['/profile wakefield', '/rank pay change since 2015 among local authorities']) {
    const answer = ask(q, core);
    for (let i = 0; i < 3; i++) await answerXlsx(answer, core);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 30; i++) {
      const start = process.hrtime.bigint();
      bytes = (await answerXlsx(answer, core))?.length ?? 0;
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const p = percentiles(times);
    console.log(
      `exports: XLSX for "${q}" median ${p.median.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms (30 runs, ${(bytes / 1024).toFixed(0)} KB)`,
    );
  }
}

async function benchCharts(): Promise<void> {
  const { benchCharts: run } = await import('./bench/charts');
  const rows = await run(200);
  for (const r of rows)
    console.log(
      `charts: ${r.kind} median ${r.medianMs.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms (200 renders)`,
    );
  console.log(`charts: peak RSS over ${rows.length * 200} renders ${rows.peakRssMb.toFixed(0)} MB`);
}

// --- Slack ack throughput --------------------------------------------------------------------

const SECRET = 'bench-signing-secret';

function signed(body: string, ts: number): Record<string, string> {
  const sig = `v0=${crypto.createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-signature': sig,
    'x-slack-request-timestamp': String(ts),
  };
}

interface LoadResult {
  rps: number;
  p50: number;
  /** autocannon reports p97.5, not p95: the stricter of the two is shown. */
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/**
 * `seconds` of signed /stats requests at concurrency 16. With several bodies, every request carries a
 * different text (signed as it is sent), so no answer comes from the cache.
 */
async function load(url: string, bodies: string[], seconds: number): Promise<LoadResult> {
  const autocannon = (await import('autocannon')).default;
  let i = 0;
  const options = {
    url,
    method: 'POST',
    connections: 16,
    duration: seconds,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const body = bodies[i++ % bodies.length];
          return { ...req, body, headers: signed(body, Math.floor(Date.now() / 1000)) };
        },
      },
    ],
  } as unknown as Parameters<typeof autocannon>[0];
  const result = await autocannon(options);
  const lat = result.latency as unknown as Record<string, number>;
  return {
    rps: result.requests.average,
    p50: lat.p50,
    p95: lat.p97_5 ?? lat.p90,
    p99: lat.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Starts one benchmark server in a child process and resolves with its port. */
function spawnServer(
  kind: 'bare' | 'static' | 'northstat',
  apiUrl: string,
): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(__dirname, 'bench-server.js'), kind, SECRET, apiUrl], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  // Never leave a server running after the bench, whatever happens to it.
  process.once('exit', () => child.kill());
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (c: Buffer) => {
      buffer += c.toString();
      const m = /port (\d+)/.exec(buffer);
      if (m) resolve({ port: Number(m[1]), child });
    });
    child.on('exit', (code) => reject(new Error(`${kind} bench server exited with ${code}`)));
  });
}

/** A Web API stub that answers ok: /stats acks with the whole answer and calls no Web API method. */
async function startOkWebApi(): Promise<{ fakeApi: http.Server; apiUrl: string }> {
  const fakeApi = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  await new Promise<void>((r) => fakeApi.listen(0, '127.0.0.1', r));
  return { fakeApi, apiUrl: `http://127.0.0.1:${(fakeApi.address() as AddressInfo).port}/api/` };
}

/** The form body Slack posts for "/stats <text>". */
function statsForm(apiUrl: string, text: string): string {
  return new URLSearchParams({
    command: '/stats',
    text,
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'U1',
    response_url: `${apiUrl}response`,
    trigger_id: 't',
  }).toString();
}

/**
 * A data refresh swapping the core while /stats is under load (targets: longest request during the
 * swap <= 50 ms; RSS during the swap <= 1.6x steady). The server reloads the snapshot in slices,
 * warms the new core and swaps it; every request that was in flight during that window counts.
 */
async function benchSwap(): Promise<void> {
  const { fakeApi, apiUrl } = await startOkWebApi();
  const { port, child } = await spawnServer('northstat', apiUrl);
  const bodies = [
    'leeds pay',
    'leeds',
    'bradford productivity',
    'north west exports',
    'wakefield employment',
  ].map((text) => statsForm(apiUrl, text));
  const autocannon = (await import('autocannon')).default;
  let i = 0;
  const done: { at: number; ms: number }[] = [];
  const options = {
    url: `http://127.0.0.1:${port}/slack/events`,
    method: 'POST',
    connections: 8,
    duration: 6,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const body = bodies[i++ % bodies.length];
          return { ...req, body, headers: signed(body, Math.floor(Date.now() / 1000)) };
        },
      },
    ],
  } as unknown as Parameters<typeof autocannon>[0];
  let instance: Instance | undefined;
  const finished = new Promise<Result>((resolve, reject) => {
    instance = autocannon(options, (err: Error | null, res: Result) => (err ? reject(err) : resolve(res)));
  });
  instance?.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) =>
    done.push({ at: Date.now(), ms }),
  );
  const report = new Promise<{
    start: number;
    end: number;
    steadyMb: number;
    peakMb: number;
    loopMaxMs: number;
  }>((resolve) => {
    let buffer = '';
    child.stdout?.on('data', (c: Buffer) => {
      buffer += c.toString();
      const m = /swap (\{.*\})/.exec(buffer);
      if (m) resolve(JSON.parse(m[1]));
    });
  });
  setTimeout(() => child.stdin?.write('swap\n'), 2500);
  const [result, swap] = await Promise.all([finished, report]);
  child.kill();
  fakeApi.close();
  // A request overlaps the swap if it finished after the swap began and started before it ended.
  const during = done.filter((d) => d.at >= swap.start && d.at - d.ms <= swap.end);
  const longest = Math.max(...during.map((d) => d.ms));
  const steadyP99 = (result.latency as unknown as Record<string, number>).p99;
  console.log(
    `swap: load + warm + swap took ${swap.end - swap.start} ms under /stats load; longest request during it ${longest.toFixed(1)} ms, longest event-loop block ${swap.loopMaxMs.toFixed(1)} ms (${during.length} requests; whole run p99 ${steadyP99} ms, ${result.errors} errors, ${result.non2xx} non-2xx); RSS steady ${swap.steadyMb.toFixed(0)} MB, peak during swap ${swap.peakMb.toFixed(0)} MB (${(swap.peakMb / swap.steadyMb).toFixed(2)}x)`,
  );
}

async function benchSlack(): Promise<void> {
  const { fakeApi, apiUrl } = await startOkWebApi();
  const form = (text: string) => statsForm(apiUrl, text);
  // Texts for the uncached run: /stats place + indicator, none repeated within the run's likely length.
  const varied = benchQueries(60_000, 99)
    .filter((q) => q.startsWith('/stats '))
    .map((q, k) => form(`${q.slice('/stats '.length)} ${2010 + (k % 14)}`));
  // All three servers run side by side; rounds alternate between them and each figure is the median
  // round, because on two shared cores a single 10 s run varies by +-30%.
  const servers = await Promise.all(
    (['bare', 'static', 'northstat'] as const).map((kind) => spawnServer(kind, apiUrl)),
  );
  const urls = servers.map((sv) => `http://127.0.0.1:${sv.port}/slack/events`);
  const fixed = [form('leeds productivity')];
  for (const url of urls) await load(url, fixed, 5); // warm-up (JIT, caches)
  const rounds: LoadResult[][] = [[], [], [], []];
  for (let r = 0; r < 3; r++) {
    for (const [k, url] of urls.entries()) rounds[k].push(await load(url, fixed, 8));
    rounds[3].push(await load(urls[2], varied, 8));
  }
  for (const sv of servers) sv.child.kill();
  const median = (list: LoadResult[]) => [...list].sort((x, y) => x.rps - y.rps)[Math.floor(list.length / 2)];
  const results = {
    bare: median(rounds[0]),
    static: median(rounds[1]),
    northstat: median(rounds[2]),
    varied: median(rounds[3]),
  };
  const [a, b, c, d] = [results.bare, results.static, results.northstat, results.varied];
  const line = (name: string, r: typeof a) =>
    `slack: ${name.padEnd(40)} ${r.rps.toFixed(0).padStart(6)} req/s, p50 ${r.p50} ms, p97.5 ${r.p95} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`;
  console.log(line('(a) bare node:http + HMAC', a));
  console.log(line('(b) Bolt static ack', b));
  console.log(line('(c) Northstat /stats leeds productivity', c));
  console.log(line('(d) Northstat /stats, every text different', d));
  console.log(
    `slack: ratios: Northstat/static Bolt ${((c.rps / b.rps) * 100).toFixed(0)}%, static Bolt/bare ${((b.rps / a.rps) * 100).toFixed(0)}%, Northstat/bare ${((c.rps / a.rps) * 100).toFixed(0)}%, uncached Northstat/static Bolt ${((d.rps / b.rps) * 100).toFixed(0)}% (each server in its own process; autocannon concurrency 16; median of 3 alternating 8 s rounds after a 5 s warm-up)`,
  );
  fakeApi.close();
}

async function benchDigest(): Promise<void> {
  let mod: { runDigestBench?: (engine: 'sqlite' | 'postgres', url?: string) => Promise<string> };
  try {
    mod = await import('./bench/digests');
  } catch {
    console.log('digest: no digest benchmark in this build');
    return;
  }
  if (!mod.runDigestBench) return;
  console.log(await mod.runDigestBench('sqlite'));
  const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pg) console.log(await mod.runDigestBench('postgres', pg));
  else console.log('digest: PostgreSQL skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
}

/** Runs one bench section in a fresh node process with this process's flags and environment. */
function benchInChild(section: string): void {
  const out = spawnSync(process.execPath, [...process.execArgv, __filename, '--only', section], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  // Its own banner line is dropped: this run already printed one.
  process.stdout.write(out.stdout.split('\n').slice(1).join('\n'));
  if (out.status !== 0) throw new Error(`bench ${section} failed (exit ${out.status})`);
}

async function main(): Promise<void> {
  console.log(`Northstat bench on node ${process.version}, ${new Date().toISOString()}`);
  if (wanted('data')) benchData();
  if (wanted('resolve')) benchResolve();
  if (wanted('answer')) benchAnswer();
  if (wanted('analyses')) benchAnalyses();
  // Downloads are measured in a process of their own, so their peak RSS is theirs, not what the
  // resolver and answer benches before them left on the heap (311 MB in one process, 290 MB alone).
  if (wanted('exports')) {
    if (only?.size === 1) await benchExports();
    else benchInChild('exports');
  }
  if (wanted('charts')) await benchCharts();
  if (wanted('slack')) await benchSlack();
  if (wanted('swap')) await benchSwap();
  if (wanted('digest')) await benchDigest();
  if (wanted('refresh')) await benchRefreshSection();
}

/** `--only refresh`: one changed dataset from a local folder copy of ../shared/ons (target <= 5 s). */
async function benchRefreshSection(): Promise<void> {
  const { benchRefresh } = await import('./bench/refresh');
  const ons = path.resolve(__dirname, '..', '..', '..', 'shared', 'ons');
  const r = await benchRefresh(ons);
  console.log(
    `refresh: one changed dataset (new period) from a local folder ${r.ms.toFixed(0)} ms (${r.downloaded} of ${r.files} files read; target <= 5,000 ms); first full refresh ${r.firstMs} ms`,
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
