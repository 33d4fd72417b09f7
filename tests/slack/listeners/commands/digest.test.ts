import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { loadConfig } from '../../../../src/config';
import { loadCore } from '../../../../src/data/core';
import { createLogger } from '../../../../src/log';
import type { AppDeps } from '../../../../src/slack/deps';
import { listener, name } from '../../../../src/slack/listeners/commands/digest';
import { validateBlocks } from '../../../../src/slack/limits';
import { openStore } from '../../../../src/store';
import type { Store } from '../../../../src/store/types';

// The /digest listener called directly, as slackapi/bolt-ts-starter-template unit-tests its listeners:
// a fake ack, respond, client and logger; the store is a real in-memory SQLite one.

const core = loadCore();
let store: Store;
let deps: AppDeps;

const fakeAck = jest.fn(async () => undefined);
const fakeRespond = jest.fn(async (_message: unknown) => undefined);
const fakeLogger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() };
const fakeClient = {
  conversations: {
    members: jest.fn(async () => ({ ok: true, members: ['U0BOT', 'U0USER'], response_metadata: {} })),
  },
};

function args(text: string | undefined, user = 'U0USER') {
  return {
    command: { command: '/digest', text, team_id: 'T0TEAM', channel_id: 'C0CHAN', user_id: user },
    ack: fakeAck,
    respond: fakeRespond,
    client: fakeClient,
    context: { botUserId: 'U0BOT' },
    logger: fakeLogger,
  } as unknown as SlackCommandMiddlewareArgs & AllMiddlewareArgs;
}

/** What respond() received, after checking ack() came first and alone. */
function answered(): { response_type: string; text: string; blocks?: never[] } {
  expect(fakeAck).toHaveBeenCalledTimes(1);
  expect(fakeAck).toHaveBeenCalledWith();
  expect(fakeRespond).toHaveBeenCalledTimes(1);
  expect(fakeAck.mock.invocationCallOrder[0]).toBeLessThan(fakeRespond.mock.invocationCallOrder[0]);
  return fakeRespond.mock.calls[0][0] as { response_type: string; text: string; blocks?: never[] };
}

beforeEach(async () => {
  jest.clearAllMocks();
  store = await openStore({ dataDir: ':memory:' });
  deps = {
    core,
    store,
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    logger: createLogger({ level: 'silent' }),
    charts: { render: jest.fn() },
  };
});

afterEach(async () => {
  await store.close();
});

describe('/digest listener', () => {
  it('is registered as /digest', () => {
    expect(name).toBe('/digest');
  });

  it('acks at once with nothing, then responds with the help', async () => {
    await listener(deps)(args('help'));
    const reply = answered();
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('*Northstat digests*');
    expect(validateBlocks(reply.blocks ?? [])).toEqual([]);
    expect(fakeClient.conversations.members).not.toHaveBeenCalled();
  });

  it('treats a missing text as help', async () => {
    await listener(deps)(args(undefined));
    expect(answered().text).toContain('/digest subscribe');
  });

  it('subscribes the channel for a member, in the channel, asking Slack who is in it', async () => {
    await listener(deps)(args('subscribe weekly on friday at 08:30 for leeds on pay'));
    const reply = answered();
    expect(reply.response_type).toBe('in_channel');
    expect(reply.text).toContain('<@U0USER> subscribed this channel to a weekly Northstat digest');
    expect(reply.text).toContain('Fridays at 08:30 (Europe/London)');
    expect(fakeClient.conversations.members).toHaveBeenCalledWith(
      expect.objectContaining({ channel: 'C0CHAN' }),
    );
    expect(await store.listSubscriptions('T0TEAM', 'C0CHAN')).toHaveLength(1);
  });

  it('refuses someone who is not in the channel, only to them', async () => {
    await listener(deps)(args('subscribe', 'U0STRANGER'));
    const reply = answered();
    expect(reply).toMatchObject({
      response_type: 'ephemeral',
      text: 'Only people in <#C0CHAN> can change its digests.',
    });
    expect(await store.listSubscriptions('T0TEAM')).toEqual([]);
  });

  it('escapes what the user typed, and drops Slack mentions from it', async () => {
    await listener(deps)(args('fish&chips<b'));
    expect(answered().text).toMatch(/^I don't know `\/digest fish&amp;chips&lt;b`/);
    fakeRespond.mockClear();
    fakeAck.mockClear();
    await listener(deps)(args('<!channel> now'));
    expect(JSON.stringify(answered())).not.toContain('<!channel>');
  });

  it('says sorry (ephemerally, after the ack) and logs when something fails', async () => {
    store.listSubscriptions = async () => {
      throw new Error('database is down');
    };
    await listener(deps)(args('list'));
    expect(answered()).toEqual({
      response_type: 'ephemeral',
      text: 'Sorry, something went wrong with that digest command. Please try again, or try `/digest help`.',
    });
    expect(fakeLogger.error).toHaveBeenCalledWith('/digest failed: database is down');
  });

  it('does not throw when even the apology cannot be sent', async () => {
    fakeRespond
      .mockRejectedValueOnce(new Error('response_url expired'))
      .mockRejectedValueOnce(new Error('response_url expired'));
    await expect(listener(deps)(args('help'))).resolves.toBeUndefined();
    expect(fakeAck).toHaveBeenCalledTimes(1);
    expect(fakeRespond).toHaveBeenCalledTimes(2);
    expect(fakeLogger.error).toHaveBeenCalledWith('/digest failed: response_url expired');
  });
});
