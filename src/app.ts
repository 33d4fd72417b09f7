import { randomUUID } from 'node:crypto';
import { App, type AppOptions, HTTPReceiver, LogLevel, webApi } from '@slack/bolt';
import { createChartRenderer } from './charts';
import type { Config } from './config';
import { warmCore } from './answers/warm';
import { loadCoreAsync } from './data/core';
import { CoreRef } from './data/core-ref';
import { startRefresher } from './data/refresh/in-app';
import { newestSnapshotPath } from './data/refresh/store';
import type { StatsCore } from './data/stats';
import { type DigestScheduler, startDigestScheduler } from './digest/runner';
import { createLogger, type Logger, toBoltLogger } from './log';
import type { AppDeps } from './slack/deps';
import { deliverAlerts } from './slack/alerts';
import { registerListeners } from './slack/listeners';
import { Inflight } from './slack/listeners/inflight';
import { openStore } from './store';
import type { Store } from './store/types';

// Wires the Bolt app for HTTP or Socket Mode: receiver, dependencies, listeners (src/slack/listeners),
// the digest scheduler. Nothing here answers anything.

export interface StartedApp {
  app: App;
  deps: AppDeps;
  /** The HTTP port actually bound (HTTP mode), for tests that start on port 0. */
  port: number | null;
  /** Resolves when no listener is running (with `trackInflight`; at once otherwise). */
  idle(): Promise<void>;
  /**
   * Serve from a new statistics core from now on (a data refresh), with no restart: the new core is
   * warmed first (resolver indexes, ranks), then swapped in with one assignment, so no answer mixes the
   * two and the first question after the swap does not pay for the indexes.
   */
  swapCore(next: StatsCore): Promise<void>;
  stop(): Promise<void>;
}

export interface CreateAppOptions {
  /** Bolt options merged last (tests: botId/botUserId, tokenVerificationEnabled false, retries 0). */
  bolt?: Partial<AppOptions>;
  /** The statistics core, or a promise of it (tests use one to watch /healthz say 503 while loading). */
  core?: StatsCore | Promise<StatsCore>;
  store?: Store;
  logger?: Logger;
  /** Start the digest scheduler (default true); tests drive it by hand instead. */
  scheduler?: boolean;
  /** Watch DATA_DIR for refreshed snapshots and refresh daily (default true, see src/data/refresh/in-app.ts). */
  refresher?: boolean;
  /** Post alerts after a core swap (default true). */
  alerts?: boolean;
  /** Count running listeners so that `idle()` can wait for them (tests); off by default. */
  trackInflight?: boolean;
}

function boltLevel(level: Config['logLevel']): LogLevel {
  if (level === 'debug' || level === 'trace') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

/** Starts Northstat on Slack. The statistics core loads after the HTTP server is up, so /healthz says 503 until then. */
export async function startSlackApp(
  config: Readonly<Config>,
  options: CreateAppOptions = {},
): Promise<StartedApp> {
  if (!config.slack) throw new Error('startSlackApp needs Slack credentials (console mode has none)');
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const state = { ready: false };
  const clientOptions = { slackApiUrl: config.slackApiUrl, ...(options.bolt?.clientOptions ?? {}) };
  const common: AppOptions = {
    token: config.slack.botToken,
    logger: toBoltLogger(logger),
    // Bolt sets this level on the logger it is given: keep it at ours (Bolt has no 'silent'; ERROR is its quietest).
    logLevel: boltLevel(config.logLevel),
    ...options.bolt,
    clientOptions,
  };
  let app: App;
  let receiver: HTTPReceiver | undefined;
  if (config.mode === 'socket') {
    app = new App({ ...common, socketMode: true, appToken: config.slack.appToken });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.slack.signingSecret ?? '',
      endpoints: '/slack/events',
      logger: toBoltLogger(logger),
      customRoutes: [
        {
          path: '/healthz',
          method: ['GET'],
          handler: (_req, res) => {
            res.writeHead(state.ready ? 200 : 503, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ ok: state.ready }));
          },
        },
      ],
    });
    app = new App({ ...common, receiver });
  }
  const server = config.mode === 'socket' ? await app.start() : await app.start(config.port);
  const coreRef = new CoreRef(await (options.core ?? loadCoreAsync()));
  const store =
    options.store ?? (await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const deps: AppDeps = {
    get core() {
      return coreRef.current;
    },
    config,
    logger,
    charts: createChartRenderer({
      renderer: config.chartRenderer,
      quickchartBaseUrl: config.quickchartBaseUrl,
    }),
    store,
  };
  const inflight = options.trackInflight ? new Inflight() : null;
  if (inflight) app.use(inflight.middleware());
  registerListeners(app, deps);
  let scheduler: DigestScheduler | undefined;
  if (options.scheduler !== false) {
    // Its own client: 429s come back to the scheduler (which honours Retry-After on its injected clock and
    // paces every channel) instead of being waited out inside the WebClient.
    const digestClient = new webApi.WebClient(config.slack.botToken, {
      ...clientOptions,
      logger: toBoltLogger(logger, 'digest'),
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: 15_000,
    });
    scheduler = startDigestScheduler(deps, digestClient, {
      maxCatchUpMs: config.digestMaxCatchUpHours * 3_600_000,
      leaseMs: config.digestLeaseSeconds * 1000,
      heartbeatMs: config.digestHeartbeatSeconds * 1000,
    });
  }
  // The snapshot being served: the newest refreshed one loadCoreAsync found, unless a core was given.
  const refresher =
    options.refresher === false
      ? undefined
      : startRefresher({
          config,
          logger,
          swap: (next) => started.swapCore(next),
          serving: options.core ? null : newestSnapshotPath(config.dataDir),
          // Instances on one PostgreSQL share refreshed snapshots through it (they need not share a disk).
          shared: store.engine === 'postgres' ? store.snapshots : undefined,
        });
  state.ready = true;
  const address =
    receiver && server && typeof server === 'object' && 'address' in server
      ? (server as import('node:http').Server).address()
      : null;
  const port = address && typeof address === 'object' ? address.port : null;
  logger.info({ mode: config.mode, port }, 'Northstat is listening');
  const instanceId = `app-${randomUUID().slice(0, 8)}`;
  /**
   * Posts the alerts a swap brought; events whose post failed are tried again every minute (up to ten
   * times) with the same two cores: the ledger makes each try skip what was already sent.
   */
  const alertsAfterSwap = async (before: StatsCore, after: StatsCore, attempt = 1): Promise<void> => {
    try {
      const r = await deliverAlerts({
        before,
        after,
        store: store.alerts,
        client: app.client,
        instanceId,
        logger,
      });
      logger.info({ ...r, attempt }, 'alerts delivered');
      if (r.failed > 0 && attempt < 10)
        setTimeout(() => void alertsAfterSwap(before, after, attempt + 1), 60_000).unref();
    } catch (err) {
      logger.error({ err: err instanceof Error ? err.message : String(err) }, 'alert delivery failed');
    }
  };
  const started: StartedApp = {
    app,
    deps,
    port,
    idle: () => inflight?.idle() ?? Promise.resolve(),
    async swapCore(next) {
      const before = coreRef.current;
      await warmCore(next, before);
      coreRef.swap(next);
      logger.info({ generation: coreRef.generation }, 'statistics core swapped');
      // Alerts for what the new data brought, off the request path.
      if (options.alerts !== false) void alertsAfterSwap(before, next);
    },
    async stop() {
      refresher?.stop();
      await scheduler?.stop();
      await app.stop();
      if (!options.store) await store.close();
    },
  };
  return started;
}
