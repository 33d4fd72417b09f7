import { monitorEventLoopDelay } from 'node:perf_hooks';
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { openStore } from '../src/store';

// One server for the Slack ack benchmark, in its own process so that the load generator does not
// share its event loop: `node bench-server.js bare|static|northstat <secret> <slackApiUrl>`.
// Prints "port <n>" once listening; northstat also swaps its core on "swap" from stdin (the swap bench).

const [kind, secret, apiUrl] = process.argv.slice(2);
const bolt = {
  botId: 'B0BOT',
  botUserId: 'U0BOT',
  tokenVerificationEnabled: false,
  clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 } },
};

function announce(server: http.Server | number | null): void {
  const port = typeof server === 'number' ? server : (server?.address() as AddressInfo | null)?.port;
  process.stdout.write(`port ${port}\n`);
}

async function main(): Promise<void> {
  if (kind === 'bare') {
    // (a) verifies the same signature as Bolt and returns a fixed JSON.
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const ts = Number(req.headers['x-slack-request-timestamp']);
        const expected = `v0=${crypto.createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
        const given = String(req.headers['x-slack-signature'] ?? '');
        const ok =
          Math.abs(Date.now() / 1000 - ts) < 300 &&
          given.length === expected.length &&
          crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
        res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
        res.end(ok ? JSON.stringify({ response_type: 'ephemeral', text: 'ok' }) : '');
      });
    });
    server.listen(0, '127.0.0.1', () => announce(server));
    return;
  }
  if (kind === 'static') {
    // (b) a Bolt app that acks a static message.
    const app = new App({ token: 'xoxb-bench', signingSecret: secret, logLevel: LogLevel.ERROR, ...bolt });
    app.command('/stats', async ({ ack }) => ack({ response_type: 'ephemeral', text: 'pong' }));
    announce((await app.start(0)) as unknown as http.Server);
    return;
  }
  // (c) Northstat itself.
  const { startSlackApp } = await import('../src/app');
  const store = await openStore({ dataDir: ':memory:' });
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: secret,
    PORT: '0',
    SLACK_API_URL: apiUrl,
    LOG_LEVEL: 'silent',
  });
  const started = await startSlackApp(config, {
    store,
    logger: createLogger({ level: 'silent' }),
    scheduler: false,
    refresher: false,
    bolt,
  });
  announce(started.port);
  // The swap bench: on "swap" (stdin), load the snapshot again as a refresh would (read in slices),
  // warm and swap it in while serving, and report the window and RSS: steady (median of the second
  // before) and the peak during the swap, sampled every 10 ms.
  const rss: { t: number; mb: number }[] = [];
  setInterval(() => rss.push({ t: Date.now(), mb: process.memoryUsage().rss / 1048576 }), 10).unref();
  process.stdin.on('data', async (line: Buffer) => {
    if (!line.toString().startsWith('swap')) return;
    const { readSnapshotSliced, defaultSnapshotPath } = await import('../src/data/snapshot');
    const { StatsCore } = await import('../src/data/stats');
    // The longest the event loop was held during the swap: what a request could have waited for.
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    const start = Date.now();
    const next = new StatsCore(await readSnapshotSliced(defaultSnapshotPath()));
    await started.swapCore(next);
    const end = Date.now();
    loop.disable();
    await new Promise((r) => setTimeout(r, 50));
    const before = rss
      .filter((s) => s.t >= start - 1000 && s.t < start)
      .map((s) => s.mb)
      .sort((a, b) => a - b);
    const during = rss.filter((s) => s.t >= start && s.t <= end + 50).map((s) => s.mb);
    const steady = before[Math.floor(before.length / 2)] ?? 0;
    process.stdout.write(
      `swap ${JSON.stringify({ start, end, steadyMb: steady, peakMb: Math.max(steady, ...during), loopMaxMs: loop.max / 1e6 })}\n`,
    );
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
