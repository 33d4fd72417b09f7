import { createChartRenderer } from '../../src/charts';
import { loadConfig } from '../../src/config';
import type { StatsCore } from '../../src/data/stats';
import { createLogger } from '../../src/log';
import type { AppDeps } from '../../src/slack/deps';
import type { Store } from '../../src/store/types';

// Fakes for calling one listener directly, the way slackapi/bolt-ts-starter-template unit-tests its
// listeners: a recorded ack, respond and say, and a client whose methods record their calls.

export interface Recorder {
  calls: { name: string; args: unknown[] }[];
  fn(name: string, result?: unknown): (...args: unknown[]) => Promise<unknown>;
  named(name: string): unknown[][];
}

export function recorder(): Recorder {
  const calls: { name: string; args: unknown[] }[] = [];
  return {
    calls,
    fn:
      (name, result = { ok: true }) =>
      async (...args: unknown[]) => {
        calls.push({ name, args });
        return result;
      },
    named: (name) => calls.filter((c) => c.name === name).map((c) => c.args),
  };
}

/** A Web API client with the few methods Northstat's listeners call, each recorded. */
export function fakeClient(rec: Recorder) {
  return {
    chat: { postMessage: rec.fn('chat.postMessage', { ok: true, ts: '1.0' }) },
    conversations: {
      open: rec.fn('conversations.open', { ok: true, channel: { id: 'D0FAKE' } }),
      members: rec.fn('conversations.members', { ok: true, members: ['U0TEST'] }),
    },
    files: { uploadV2: rec.fn('files.uploadV2', { ok: true, files: [] }) },
  };
}

export function fakeDeps(core: StatsCore, store?: Store): AppDeps {
  return {
    core,
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    logger: createLogger({ level: 'silent' }),
    charts: createChartRenderer({ renderer: 'local' }),
    store: store as Store,
  };
}
