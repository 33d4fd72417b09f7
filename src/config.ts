/**
 * Configuration: the only module in src/ that reads process.env.
 *
 * Everything else receives a `Config` object, which keeps modules testable and makes the full list
 * of settings greppable in one place (documented in .env.example).
 */
import dotenv from 'dotenv';
import { z } from 'zod';
import { isTimeZone } from './time-zone';

export type SlackMode = 'socket' | 'http' | 'console';

export interface SlackCredentials {
  /** xoxb- bot token. */
  botToken: string;
  /** xapp- app-level token; present only in socket mode. */
  appToken?: string;
  /** Required in http mode; optional in socket mode (unused there). */
  signingSecret?: string;
}

export interface Config {
  /** Derived from which Slack credentials are present; see `loadConfig`. */
  mode: SlackMode;
  /** null in console mode. */
  slack: Readonly<SlackCredentials> | null;
  port: number;
  /** Web API base URL override (GovSlack, or a fake Slack in tests). Always ends with '/'. */
  slackApiUrl?: string;
  defaultResponseVisibility: 'in_channel' | 'ephemeral';
  chartRenderer: 'local' | 'quickchart';
  quickchartBaseUrl: string;
  dataDir: string;
  databaseUrl?: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  digestMaxCatchUpHours: number;
  /** A digest claim's lease: a crashed instance's digests are picked up again after about this long. */
  digestLeaseSeconds: number;
  /** How often a live instance renews the leases of the digests it is delivering (at most half the lease). */
  digestHeartbeatSeconds: number;
  tzDefault: string;
  /** Where `northstat data refresh` reads ONS data from, and how patiently (see src/data/refresh). */
  refresh: Readonly<RefreshSettings>;
}

export interface RefreshSettings {
  /** A folder with the layout of ../shared/ons, or an http(s) base URL serving that layout. */
  source: string;
  timeoutMs: number;
  retries: number;
  maxFileBytes: number;
  /** The running app's daily refresh: local time and zone, or 'off'. */
  dailyAt: string | 'off';
  tz: string;
  /** How often a running app looks for a newer snapshot under DATA_DIR (another instance's refresh). */
  checkEveryMs: number;
}

/** The ELS data repository; its file list comes from GitHub's tree API (see src/data/refresh/source.ts). */
export const DEFAULT_DATA_SOURCE = 'https://github.com/ONSdigital/explore-local-statistics-data';

export type Env = Readonly<Record<string, string | undefined>>;

/** Thrown with every problem at once, so a operator fixes their .env in one go. Never contains secret values. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

// Empty strings count as unset: copying .env.example leaves `SLACK_BOT_TOKEN=` lines behind.
const optionalString = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().optional(),
);

const schema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  SLACK_API_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  DEFAULT_RESPONSE_VISIBILITY: z.preprocess(
    emptyToUndefined,
    z.enum(['in_channel', 'ephemeral']).default('in_channel'),
  ),
  CHART_RENDERER: z.preprocess(emptyToUndefined, z.enum(['local', 'quickchart']).default('local')),
  QUICKCHART_BASE_URL: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/ }).default('https://quickchart.io'),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./var')),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' ? emptyToUndefined(v.toLowerCase()) : v),
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  DIGEST_MAX_CATCH_UP_HOURS: z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(168).default(6)),
  DIGEST_LEASE_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().min(1).max(3600).default(30)),
  DIGEST_HEARTBEAT_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().positive().max(1800).default(10),
  ),
  TZ_DEFAULT: z.preprocess(
    emptyToUndefined,
    z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/London').default('Europe/London'),
  ),
  DATA_SOURCE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine(
        (v) => !/^[a-z]+:\/\//i.test(v) || z.url({ protocol: /^https?$/ }).safeParse(v).success,
        'must be a folder path or an http(s) URL',
      )
      .default(DEFAULT_DATA_SOURCE),
  ),
  REFRESH_TIME: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, 'must be HH:MM on a 24-hour clock, or off')
      .default('07:30'),
  ),
  REFRESH_TZ: z.preprocess(
    emptyToUndefined,
    z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/London').default('Europe/London'),
  ),
  SNAPSHOT_CHECK_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(3600).default(60),
  ),
  REFRESH_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(30_000)),
  REFRESH_RETRIES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10).default(3)),
  REFRESH_MAX_FILE_BYTES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int()
      .min(1)
      .default(64 * 1024 * 1024),
  ),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
});

/**
 * Builds the configuration from `env`. Pass an object in tests (nothing else is read, so the call is
 * pure). Without an argument it reads process.env plus `.env` (real environment variables win), and
 * leaves process.env untouched.
 *
 * Mode: SLACK_APP_TOKEN present → 'socket'; otherwise SLACK_BOT_TOKEN or SLACK_SIGNING_SECRET
 * present → 'http'; no Slack variable at all → 'console'. Partial credentials are an error rather
 * than a silent fallback to console mode, because that failure would only show up in Slack.
 */
export function loadConfig(env?: Env, options: { dotenvPath?: string } = {}): Readonly<Config> {
  const source = env ?? readEnvironment(options.dotenvPath);
  const parsed = schema.safeParse(source);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // Only the variable name and zod's message: messages never echo the input value.
      problems.push(`${issue.path.join('.')}: ${issue.message}`);
    }
  }
  const slack = slackCredentials(source, problems);
  if (parsed.success && parsed.data.DIGEST_HEARTBEAT_SECONDS * 2 > parsed.data.DIGEST_LEASE_SECONDS) {
    // One late heartbeat would let another instance take over a digest still being delivered.
    problems.push('DIGEST_HEARTBEAT_SECONDS: must be at most half of DIGEST_LEASE_SECONDS');
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);

  const v = parsed.data;
  const config: Config = {
    mode: slack.mode,
    slack: slack.credentials ? Object.freeze(slack.credentials) : null,
    port: v.PORT,
    slackApiUrl: v.SLACK_API_URL ? withTrailingSlash(v.SLACK_API_URL) : undefined,
    defaultResponseVisibility: v.DEFAULT_RESPONSE_VISIBILITY,
    chartRenderer: v.CHART_RENDERER,
    quickchartBaseUrl: v.QUICKCHART_BASE_URL.replace(/\/+$/, ''),
    dataDir: v.DATA_DIR,
    databaseUrl: v.DATABASE_URL,
    logLevel: v.LOG_LEVEL,
    digestMaxCatchUpHours: v.DIGEST_MAX_CATCH_UP_HOURS,
    digestLeaseSeconds: v.DIGEST_LEASE_SECONDS,
    digestHeartbeatSeconds: v.DIGEST_HEARTBEAT_SECONDS,
    tzDefault: v.TZ_DEFAULT,
    refresh: Object.freeze({
      source: v.DATA_SOURCE,
      timeoutMs: v.REFRESH_TIMEOUT_MS,
      retries: v.REFRESH_RETRIES,
      maxFileBytes: v.REFRESH_MAX_FILE_BYTES,
      dailyAt: v.REFRESH_TIME,
      tz: v.REFRESH_TZ,
      checkEveryMs: v.SNAPSHOT_CHECK_SECONDS * 1000,
    }),
  };
  return Object.freeze(config);
}

/**
 * DATA_DIR alone, for code that runs without a full configuration (the CLI and scripts load the
 * snapshot before, or without, Slack settings): partial Slack credentials must not stop `ask`.
 */
export function configuredDataDir(env?: Env): string {
  const parsed = schema.shape.DATA_DIR.safeParse((env ?? readEnvironment()).DATA_DIR);
  return parsed.success ? parsed.data : './var';
}

function readEnvironment(dotenvPath?: string): Env {
  // dotenv writes into `processEnv`; giving it a copy keeps the real process.env as the OS set it.
  const merged: Record<string, string | undefined> = { ...process.env };
  dotenv.config({ quiet: true, path: dotenvPath, processEnv: merged });
  return merged;
}

function slackCredentials(env: Env, problems: string[]): { mode: SlackMode; credentials?: SlackCredentials } {
  const botToken = present(env.SLACK_BOT_TOKEN);
  const appToken = present(env.SLACK_APP_TOKEN);
  const signingSecret = present(env.SLACK_SIGNING_SECRET);

  if (!botToken && !appToken && !signingSecret) return { mode: 'console' };
  const mode: SlackMode = appToken ? 'socket' : 'http';
  const before = problems.length;

  if (!botToken) {
    problems.push(`SLACK_BOT_TOKEN is missing (required in ${mode} mode; a bot token starting with xoxb-)`);
  } else if (!/^xoxb-\S+$/.test(botToken)) {
    problems.push('SLACK_BOT_TOKEN is malformed: expected a bot token starting with xoxb-');
  }
  if (appToken && !/^xapp-\S+$/.test(appToken)) {
    problems.push('SLACK_APP_TOKEN is malformed: expected an app-level token starting with xapp-');
  }
  if (mode === 'http' && !signingSecret) {
    problems.push(
      'SLACK_SIGNING_SECRET is missing (required in http mode; or set SLACK_APP_TOKEN to use socket mode)',
    );
  }
  if (signingSecret && /\s/.test(signingSecret)) {
    problems.push('SLACK_SIGNING_SECRET is malformed: it must not contain whitespace');
  }
  if (problems.length > before || !botToken) return { mode };
  return { mode, credentials: { botToken, appToken, signingSecret } };
}

function present(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function emptyToUndefined(v: unknown): unknown {
  return typeof v === 'string' && v.trim() === '' ? undefined : v;
}

function withTrailingSlash(url: string): string {
  // WebClient concatenates `${slackApiUrl}${method}`, so a missing slash gives ".../apichat.postMessage".
  return url.endsWith('/') ? url : `${url}/`;
}
