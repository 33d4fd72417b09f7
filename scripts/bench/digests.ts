import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { loadCore } from '../../src/data/core';
import type { StatsCore } from '../../src/data/stats';
import { createLogger, type Logger } from '../../src/log';
import { openStore } from '../../src/store';
import type { Store } from '../../src/store/types';
import { DigestRunner } from '../../src/digest/runner';

/*
 * Digest fan-out benchmark: N subscriptions in N channels, all due in the same minute, delivered by one runner
 * tick against a Slack API that enforces ~1 message per second per channel (429 + Retry-After beyond it).
 *
 * Pacing: the runner's DigestRateLimiter keeps 1 s between posts to one channel, and a process-wide token
 * bucket. Different channels go in parallel (BENCH_CONCURRENCY slots in flight). The bench's global rate is
 * BENCH_GLOBAL_PER_SECOND = 500 posts/s (bursts of 50): a local ceiling chosen so the bench measures our own
 * overhead (store claims, content, HTTP) rather than a sleep. Production uses DEFAULT_LIMITER (20/s), because
 * Slack also has an unpublished workspace-wide limit.
 */

export const BENCH_GLOBAL_PER_SECOND = 500;
export const BENCH_GLOBAL_BURST = 50;
export const BENCH_CONCURRENCY = 64;

export interface BenchDigestsOptions {
  subscriptions: number;
  store: Store;
  /** A WebClient pointed at a Slack (fake) API; best with rejectRateLimitedCalls: true and retries: 0. */
  client: WebClient;
  core?: StatsCore;
  logger?: Logger;
  globalPerSecond?: number;
  globalBurst?: number;
  concurrency?: number;
}

export interface BenchDigestsResult {
  /** Subscriptions whose slot is 'sent' in the ledger. */
  delivered: number;
  /** Successful chat.postMessage calls beyond the first for one (subscription, slot). */
  duplicates: number;
  /** Wall time of the tick that delivered them. */
  totalMs: number;
  /** Peak resident set size while it ran. */
  peakRssMb: number;
  /** Successful posts in all. */
  posts: number;
  /** Slots that did not end 'sent'. */
  undelivered: number;
}

/** A Monday 09:00 Europe/London slot (BST), well in the past so nothing else is due around it. */
const BENCH_SLOT = new Date('2026-03-30T08:00:00Z');

export async function benchDigests(options: BenchDigestsOptions): Promise<BenchDigestsResult> {
  const core = options.core ?? loadCore();
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const { store } = options;
  const teamId = `TBENCH${randomBytes(4).toString('hex').toUpperCase()}`;
  const createdAt = new Date(BENCH_SLOT.getTime() - 7 * 86_400_000);
  const ids: string[] = [];
  for (let i = 0; i < options.subscriptions; i++) {
    const sub = await store.createSubscription(
      {
        teamId,
        channelId: `C${teamId}${String(i).padStart(5, '0')}`,
        createdBy: 'UBENCH',
        cadence: 'weekly',
        weekday: 1,
        time: '09:00',
        tz: 'Europe/London',
        places: ['E08000035', 'E08000012', 'E08000003', 'E08000021', 'E08000039'],
        indicators: [
          'gross-value-added-per-hour-worked',
          'gross-median-weekly-pay',
          'gross-disposable-household-income-per-head',
          'employment-rate-great-britain',
          'level-3-or-above-qualifications-great-britain',
        ].filter((id) => core.hasIndicator(id)),
        skipWhenNoNewData: false,
      },
      createdAt,
    );
    ids.push(sub.id);
  }
  const wanted = new Set(ids);

  const postsBySlot = new Map<string, number>();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);
  sampler.unref();

  const runner = new DigestRunner(
    { core, store, logger, charts: { render: () => Promise.reject(new Error('no charts in the bench')) } },
    options.client,
    {
      instanceId: 'bench',
      charts: false,
      concurrency: options.concurrency ?? BENCH_CONCURRENCY,
      limiter: {
        perChannelIntervalMs: 1000,
        globalPerSecond: options.globalPerSecond ?? BENCH_GLOBAL_PER_SECOND,
        globalBurst: options.globalBurst ?? BENCH_GLOBAL_BURST,
      },
      onPosted: (sub, slot) => {
        if (!wanted.has(sub.id)) return;
        const key = `${sub.id}@${slot.toISOString()}`;
        postsBySlot.set(key, (postsBySlot.get(key) ?? 0) + 1);
      },
    },
  );

  const started = performance.now();
  // A minute after the slot; further ticks only pick up retries (there should be none).
  await runner.tick(new Date(BENCH_SLOT.getTime() + 60_000));
  for (let i = 0; i < 3; i++) {
    const retry = await store.listRetryableDeliveries(new Date(Date.now() + 3_600_000));
    if (!retry.some((d) => wanted.has(d.subscriptionId))) break;
    await runner.tick(new Date(BENCH_SLOT.getTime() + 120_000 + i * 3_600_000));
  }
  const totalMs = performance.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  let delivered = 0;
  for (const id of ids) {
    const d = await store.getDelivery(id, BENCH_SLOT);
    if (d?.status === 'sent') delivered++;
  }
  let posts = 0;
  let duplicates = 0;
  for (const n of postsBySlot.values()) {
    posts += n;
    duplicates += Math.max(0, n - 1);
  }
  for (const id of ids) await store.deleteSubscription(teamId, null, id);
  return {
    delivered,
    duplicates,
    totalMs: Math.round(totalMs),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
    posts,
    undelivered: ids.length - delivered,
  };
}

// ---------------------------------------------------------------------------------------------
// A minimal Slack Web API for the bench script (tests use tests/support/fake-slack.ts instead).

interface BenchSlack {
  apiUrl: string;
  limited: () => number;
  close(): Promise<void>;
}

async function startBenchSlack(): Promise<BenchSlack> {
  const lastPost = new Map<string, number[]>();
  const history = new Map<string, { ts: string; text: string; metadata?: unknown }[]>();
  let seq = 0;
  let limited = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const channel = params.channel ?? '';
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      };
      if (method === 'chat.postMessage') {
        const now = Date.now();
        const recent = (lastPost.get(channel) ?? []).filter((t) => now - t < 1000);
        if (recent.length >= 1) {
          limited++;
          json(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' });
          return;
        }
        recent.push(now);
        lastPost.set(channel, recent);
        const ts = `${Math.floor(now / 1000)}.${String(++seq).padStart(6, '0')}`;
        let metadata: unknown;
        try {
          metadata = params.metadata ? JSON.parse(params.metadata) : undefined;
        } catch {
          metadata = undefined;
        }
        const list = history.get(channel) ?? [];
        list.push({ ts, text: params.text ?? '', metadata });
        history.set(channel, list);
        json(200, { ok: true, channel, ts });
        return;
      }
      if (method === 'conversations.history') {
        const messages = [...(history.get(channel) ?? [])].reverse();
        json(200, { ok: true, messages, has_more: false, response_metadata: { next_cursor: '' } });
        return;
      }
      json(200, { ok: true });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    limited: () => limited,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** For scripts/bench.ts: one line of figures for 1,000 digests on SQLite or PostgreSQL. */
export async function runDigestBench(engine: 'sqlite' | 'postgres', url?: string): Promise<string> {
  const slack = await startBenchSlack();
  const client = new WebClient('xoxb-bench', {
    slackApiUrl: slack.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logger: undefined,
  });
  let store: Store;
  let cleanup = async () => {};
  if (engine === 'postgres') {
    if (!url) throw new Error('runDigestBench postgres needs a database URL');
    const { Client } = await import('pg');
    const schema = `northstat_bench_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${schema}`);
    store = await openStore({ databaseUrl: u.toString(), dataDir: ':memory:' });
    cleanup = async () => {
      const a = new Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await a.end();
    };
  } else {
    store = await openStore({ dataDir: ':memory:' });
  }
  try {
    const r = await benchDigests({ subscriptions: 1000, store, client });
    return `digest (${engine}): 1,000 subscriptions due in one minute across 1,000 channels: delivered ${r.delivered}, duplicates ${r.duplicates}, ${r.totalMs} ms, peak RSS ${r.peakRssMb} MB (per channel 1/s, global ${BENCH_GLOBAL_PER_SECOND}/s, ${BENCH_CONCURRENCY} in flight, 429s seen ${slack.limited()})`;
  } finally {
    await store.close();
    await cleanup();
    await slack.close();
  }
}
