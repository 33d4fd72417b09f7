import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config';

const BOT = 'xoxb-111-222-secretbotvalue';
const APP = 'xapp-1-A111-secretappvalue';
const SECRET = 'abcdef0123456789abcdef0123456789';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return [...e.problems];
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('console mode with defaults when no Slack variables are set', () => {
    const c = loadConfig({});
    expect(c).toEqual({
      mode: 'console',
      slack: null,
      port: 3000,
      slackApiUrl: undefined,
      defaultResponseVisibility: 'in_channel',
      chartRenderer: 'local',
      quickchartBaseUrl: 'https://quickchart.io',
      dataDir: './var',
      databaseUrl: undefined,
      logLevel: 'info',
      digestMaxCatchUpHours: 6,
      digestLeaseSeconds: 30,
      digestHeartbeatSeconds: 10,
      tzDefault: 'Europe/London',
      refresh: {
        source: 'https://github.com/ONSdigital/explore-local-statistics-data',
        timeoutMs: 30_000,
        retries: 3,
        maxFileBytes: 64 * 1024 * 1024,
        dailyAt: '07:30',
        tz: 'Europe/London',
        checkEveryMs: 60_000,
      },
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('http mode needs bot token and signing secret', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET });
    expect(c.mode).toBe('http');
    expect(c.slack).toEqual({ botToken: BOT, appToken: undefined, signingSecret: SECRET });
    expect(Object.isFrozen(c.slack)).toBe(true);
  });

  it('socket mode when an app token is present; signing secret optional', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).mode).toBe('socket');
    expect(
      loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SECRET }).slack,
    ).toEqual({
      botToken: BOT,
      appToken: APP,
      signingSecret: SECRET,
    });
  });

  it('empty values count as unset (a copied .env.example)', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: ' ', PORT: '', LOG_LEVEL: '' }).mode).toBe(
      'console',
    );
  });

  it('token without secret names the missing variable', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: BOT })).toEqual([
      expect.stringMatching(/^SLACK_SIGNING_SECRET is missing/),
    ]);
  });

  it('secret without token names the missing token', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: SECRET })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN is missing/),
    ]);
  });

  it('app token without bot token', () => {
    expect(problemsOf({ SLACK_APP_TOKEN: APP })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN is missing \(required in socket mode/),
    ]);
  });

  it('reports every malformed variable at once, without echoing secret values', () => {
    const env = {
      SLACK_BOT_TOKEN: 'xoxp-user-token-secretvalue',
      SLACK_APP_TOKEN: 'xoxb-not-an-app-token-secretvalue',
      PORT: 'eighty',
      CHART_RENDERER: 'vega',
      SLACK_API_URL: 'not a url',
      DATABASE_URL: 'mysql://u:secretpw@h/db',
      TZ_DEFAULT: 'Mars/Olympus',
    };
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const err = error as ConfigError;
    const joined = err.problems.join('\n');
    for (const name of [
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
      'PORT',
      'CHART_RENDERER',
      'SLACK_API_URL',
      'DATABASE_URL',
      'TZ_DEFAULT',
    ]) {
      expect(joined).toContain(name);
    }
    expect(err.message).not.toMatch(/secretvalue|secretpw|vega|eighty/);
    expect(JSON.stringify(err)).not.toMatch(/secretvalue|secretpw/);
  });

  it('takes the digest lease and heartbeat, and refuses a heartbeat longer than half the lease', () => {
    expect(loadConfig({ DIGEST_LEASE_SECONDS: '20', DIGEST_HEARTBEAT_SECONDS: '5' })).toMatchObject({
      digestLeaseSeconds: 20,
      digestHeartbeatSeconds: 5,
    });
    expect(problemsOf({ DIGEST_LEASE_SECONDS: '20', DIGEST_HEARTBEAT_SECONDS: '15' })).toEqual([
      'DIGEST_HEARTBEAT_SECONDS: must be at most half of DIGEST_LEASE_SECONDS',
    ]);
  });

  it('parses and normalises the other variables', () => {
    const c = loadConfig({
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      DEFAULT_RESPONSE_VISIBILITY: 'ephemeral',
      CHART_RENDERER: 'quickchart',
      QUICKCHART_BASE_URL: 'http://127.0.0.1:3400/',
      DATA_DIR: '/data',
      DATABASE_URL: 'postgres://northstat:pw@127.0.0.1:5432/northstat',
      LOG_LEVEL: 'DEBUG',
      DIGEST_MAX_CATCH_UP_HOURS: '12',
      TZ_DEFAULT: 'Europe/Dublin',
    });
    expect(c).toMatchObject({
      port: 8080,
      slackApiUrl: 'http://127.0.0.1:9999/api/',
      defaultResponseVisibility: 'ephemeral',
      chartRenderer: 'quickchart',
      quickchartBaseUrl: 'http://127.0.0.1:3400',
      dataDir: '/data',
      databaseUrl: 'postgres://northstat:pw@127.0.0.1:5432/northstat',
      logLevel: 'debug',
      digestMaxCatchUpHours: 12,
      tzDefault: 'Europe/Dublin',
    });
  });

  it('reads a .env file without touching process.env, and real variables win', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'northstat-env-'));
    const file = path.join(dir, '.env');
    writeFileSync(file, `NORTHSTAT_TEST_ONLY=1\nDATA_DIR=/from-dotenv\nPORT=4000\n`);
    const previousPort = process.env.PORT;
    process.env.PORT = '5000';
    // The test setup points DATA_DIR at an empty folder (tests/support/isolate-data-dir.js): unset it
    // here so the .env file's value is the one read.
    const previousDataDir = process.env.DATA_DIR;
    delete process.env.DATA_DIR;
    try {
      const c = loadConfig(undefined, { dotenvPath: file });
      expect(c.dataDir).toBe('/from-dotenv');
      expect(c.port).toBe(5000);
      expect(process.env.NORTHSTAT_TEST_ONLY).toBeUndefined();
    } finally {
      if (previousPort === undefined) delete process.env.PORT;
      else process.env.PORT = previousPort;
      if (previousDataDir !== undefined) process.env.DATA_DIR = previousDataDir;
    }
  });
});
