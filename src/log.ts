/**
 * Logging: pino with secrets removed twice over.
 *
 * 1. Path redaction (pino `redact`) for the fields where secrets are known to live: tokens, signing
 *    secrets, Authorization headers, SLACK_* environment values, our Config.slack credentials.
 * 2. Value scrubbing for Slack tokens (xox?-…, xapp-…) and URL passwords wherever they appear, because
 *    a token pasted into an error message or a payload dump would not sit at a known path.
 */
import type { Logger as BoltLogger, LogLevel as BoltLogLevel } from '@slack/bolt';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export const REDACTED = '[Redacted]';

const SECRET_KEYS = [
  'token',
  'botToken',
  'appToken',
  'userToken',
  'signingSecret',
  'clientSecret',
  'stateSecret',
  'password',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
];

/** Pino redact paths: each secret key at the top level and up to two levels down. */
export const REDACT_PATHS: readonly string[] = [
  ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
  'authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
];

// xoxb- (bot), xoxp- (user), xoxa/xoxr/xoxe (rotation, incl. `xoxe.xoxp-`), xoxc/xoxd/xoxs, xapp- (app-level).
const TOKEN_PATTERN = /\b(?:xox[abcdeprs](?:\.xox[abcdeprs])?|xapp)-[A-Za-z0-9-]+/g;
// postgres://user:password@host → keep the user, drop the password.
const URL_PASSWORD_PATTERN = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi;

/** Replaces token-shaped substrings and URL passwords with `[Redacted]`. */
export function scrubSecrets(text: string): string {
  return text.replace(TOKEN_PATTERN, REDACTED).replace(URL_PASSWORD_PATTERN, `$1${REDACTED}@`);
}

export interface LoggerOptions {
  level?: string;
  name?: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to capture output. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      name: options.name,
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
      formatters: {
        // Runs before serialisation and path redaction; only plain objects/arrays are walked so
        // Error objects still reach pino's err serializer intact.
        log: (object) => scrubValue(object, 0, new WeakSet()) as Record<string, unknown>,
      },
      hooks: {
        // The message string and printf-style arguments never pass through formatters.log.
        logMethod(args, method) {
          const cleaned = args.map((a) => (typeof a === 'string' ? scrubSecrets(a) : a));
          method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? pino.destination(1),
  );
}

const MAX_DEPTH = 8;

function scrubValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value;
  if (seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1, seen));
  if (value instanceof Error) {
    // Keep the Error (for the serializer's stack/type) but scrub its message in a copy.
    const copy = Object.create(Object.getPrototypeOf(value)) as Error;
    Object.assign(copy, value, {
      message: scrubSecrets(value.message),
      stack: value.stack && scrubSecrets(value.stack),
    });
    return copy;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, depth + 1, seen);
  return out;
}

/**
 * Adapts a pino logger to Bolt's `Logger` interface (`new App({ logger: toBoltLogger(log) })`), so
 * Bolt's own lines get the same redaction and JSON format.
 */
export function toBoltLogger(base: Logger, name = 'bolt'): BoltLogger {
  let child = base.child({ component: name });
  const emit =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]): void => {
      // Bolt logs several debug lines per request: skip the formatting when the level is off.
      if (!child.isLevelEnabled(level)) return;
      const [first, ...rest] = msg;
      if (first instanceof Error) child[level]({ err: first }, rest.map(String).join(' '));
      else child[level](msg.map((m) => (typeof m === 'string' ? m : safeStringify(m))).join(' '));
    };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    setLevel(level: BoltLogLevel) {
      child.level = level;
    },
    getLevel(): BoltLogLevel {
      // Bolt's levels are a subset of pino's; anything quieter maps to its nearest, 'error'.
      const level = child.level;
      return (
        ['debug', 'info', 'warn', 'error'].includes(level) ? level : level === 'trace' ? 'debug' : 'error'
      ) as BoltLogLevel;
    },
    setName(newName: string) {
      const level = child.level;
      child = base.child({ component: newName });
      child.level = level;
    },
  };
}

function safeStringify(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
