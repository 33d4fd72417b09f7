import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { ask } from '../src/answers/ask';
import { loadConfig } from '../src/config';
import { loadCore } from '../src/data/core';
import { createLogger } from '../src/log';
import { measureResolver } from '../src/resolve/bench';
import { openStore } from '../src/store';
import { benchQueries } from './bench-queries';

// `npm run bench [-- --only data,resolve,answer,charts,slack,digest]`: prints speed and memory
// figures. Targets (issues): load <= 1 s and RSS <= 250 MB; resolve and answer p99 <= 5 ms; chart
// median <= 60 ms with flat RSS; Slack ack p95 <= 50 ms and >= 80% of a static-ack Bolt app.

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

async function benchCharts(): Promise<void> {
  const { benchCharts: run } = await import('../src/charts/bench');
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

/** (a) A bare node:http server that verifies the same signature and returns a fixed JSON. */
function bareServer(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const ts = Number(req.headers['x-slack-request-timestamp']);
      const expected = `v0=${crypto.createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
      const given = String(req.headers['x-slack-signature'] ?? '');
      const ok =
        Math.abs(Date.now() / 1000 - ts) < 300 &&
        given.length === expected.length &&
        crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(ok ? JSON.stringify({ response_type: 'ephemeral', text: 'ok' }) : '');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function load(
  url: string,
  body: string,
): Promise<{ rps: number; p50: number; p95: number; p99: number; non2xx: number; errors: number }> {
  const autocannon = (await import('autocannon')).default;
  const ts = Math.floor(Date.now() / 1000);
  const result = await autocannon({
    url,
    method: 'POST',
    headers: signed(body, ts),
    body,
    connections: 16,
    duration: 10,
  });
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

async function benchSlack(): Promise<void> {
  const core = loadCore();
  const fakeApi = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  await new Promise<void>((r) => fakeApi.listen(0, '127.0.0.1', r));
  const apiUrl = `http://127.0.0.1:${(fakeApi.address() as AddressInfo).port}/api/`;
  const bolt = {
    botId: 'B0BOT',
    botUserId: 'U0BOT',
    tokenVerificationEnabled: false,
    clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 } },
  };
  const form = (command: string, text: string) =>
    new URLSearchParams({
      command,
      text,
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'U1',
      response_url: `${apiUrl}response`,
      trigger_id: 't',
    }).toString();

  const bare = await bareServer();
  const staticApp = new App({
    token: 'xoxb-bench',
    signingSecret: SECRET,
    logLevel: LogLevel.ERROR,
    ...bolt,
  });
  staticApp.command('/ping', async ({ ack }) => ack({ response_type: 'ephemeral', text: 'pong' }));
  const staticServer = (await staticApp.start(0)) as unknown as http.Server;
  const { startSlackApp } = await import('../src/app');
  const store = await openStore({ dataDir: ':memory:' });
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    PORT: '0',
    SLACK_API_URL: apiUrl,
    LOG_LEVEL: 'silent',
  });
  const real = await startSlackApp(config, {
    core,
    store,
    logger: createLogger({ level: 'silent' }),
    scheduler: false,
    bolt,
  });

  const url = (s: http.Server | number | null) =>
    `http://127.0.0.1:${typeof s === 'number' ? s : (s?.address() as AddressInfo).port}/slack/events`;
  const a = await load(url(bare), form('/ping', ''));
  const b = await load(url(staticServer), form('/ping', ''));
  // /stats is text-only (no chart), so the ack carries the whole answer, as in production.
  const c = await load(url(real.port), form('/stats', 'leeds productivity'));
  const line = (name: string, r: typeof a) =>
    `slack: ${name.padEnd(34)} ${r.rps.toFixed(0).padStart(6)} req/s, p50 ${r.p50} ms, p97.5 ${r.p95} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`;
  console.log(line('(a) bare node:http + HMAC', a));
  console.log(line('(b) Bolt static ack', b));
  console.log(line('(c) Northstat /stats leeds productivity', c));
  console.log(
    `slack: ratios: Northstat/static Bolt ${((c.rps / b.rps) * 100).toFixed(0)}%, static Bolt/bare ${((b.rps / a.rps) * 100).toFixed(0)}%, Northstat/bare ${((c.rps / a.rps) * 100).toFixed(0)}% (concurrency 16, 10 s each)`,
  );
  await real.stop();
  await store.close();
  await staticApp.stop();
  bare.close();
  fakeApi.close();
}

async function benchDigest(): Promise<void> {
  let mod: { runDigestBench?: (engine: 'sqlite' | 'postgres', url?: string) => Promise<string> };
  try {
    mod = await import('../src/digest/bench');
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

async function main(): Promise<void> {
  console.log(`Northstat bench on node ${process.version}, ${new Date().toISOString()}`);
  if (wanted('data')) benchData();
  if (wanted('resolve')) benchResolve();
  if (wanted('answer')) benchAnswer();
  if (wanted('charts')) await benchCharts();
  if (wanted('slack')) await benchSlack();
  if (wanted('digest')) await benchDigest();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
