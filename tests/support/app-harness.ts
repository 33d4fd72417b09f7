import { type StartedApp, startSlackApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { StatsCore } from '../../src/data/stats';
import { createLogger } from '../../src/log';
import { openStore } from '../../src/store';
import type { Store } from '../../src/store/types';
import { type FakeSlack, startFakeSlack } from './fake-slack';

// The real Bolt app in HTTP mode against the fake Slack on 127.0.0.1, as the Slack end-to-end tests
// start it: in-memory store, no scheduler, silent logs.

export const TEST_SIGNING_SECRET = 'test-signing-secret';

export interface AppHarness {
  fake: FakeSlack;
  started: StartedApp;
  store: Store;
  base: string;
  stop(): Promise<void>;
}

export async function startAppHarness(core: StatsCore): Promise<AppHarness> {
  const fake = await startFakeSlack();
  const store = await openStore({ dataDir: ':memory:' });
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    PORT: '0',
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: 'silent',
  });
  const started = await startSlackApp(config, {
    core,
    store,
    logger: createLogger({ level: 'silent' }),
    scheduler: false,
    refresher: false,
    trackInflight: true,
    bolt: {
      botId: fake.botId,
      botUserId: fake.botUserId,
      tokenVerificationEnabled: false,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    },
  });
  return {
    fake,
    started,
    store,
    base: `http://127.0.0.1:${started.port}`,
    async stop() {
      await started.stop();
      await store.close();
      await fake.close();
    },
  };
}
