import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebClient } from '@slack/web-api';
import { type FakeSlack, responseUrl, startFakeSlack } from './fake-slack';
import { postToApp, signedRequest, slashCommandBody, slashCommandFields } from './slack-signing';

const BOT = 'xoxb-fake-bot';
const SECRET = 'test-signing-secret';

let fake: FakeSlack;
let client: WebClient;

beforeAll(async () => {
  fake = await startFakeSlack({ seed: 42, channels: { C0OUT: { isMember: false } } });
  client = new WebClient(BOT, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
  });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

describe('Web API basics', () => {
  it('auth.test identifies the bot', async () => {
    const res = await client.auth.test();
    expect(res).toMatchObject({ ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0TEAM' });
    expect(fake.calls('auth.test')[0].token).toBe(BOT);
  });

  it('chat.postMessage records form fields, returns ts/channel and stores metadata for history', async () => {
    const metadata = {
      event_type: 'northstat_digest',
      event_payload: { subscription_id: 's1', period: '2024' },
    };
    const res = await client.chat.postMessage({
      channel: 'C0CHAN',
      text: 'Leeds pay',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Leeds pay' } }],
      metadata,
    });
    expect(res.ok).toBe(true);
    expect(res.channel).toBe('C0CHAN');
    expect(res.ts).toMatch(/^\d+\.\d{6}$/);

    const call = fake.calls('chat.postMessage')[0];
    expect(call.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(call.headers.authorization).toBe(`Bearer ${BOT}`);
    expect(call.params).toMatchObject({ channel: 'C0CHAN', text: 'Leeds pay', metadata });
    expect(call.params.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'Leeds pay' } }]);

    // Like Slack: metadata only comes back with include_all_metadata.
    const plain = await client.conversations.history({ channel: 'C0CHAN' });
    expect(plain.messages?.[0]).not.toHaveProperty('metadata');
    const withMeta = await client.conversations.history({ channel: 'C0CHAN', include_all_metadata: true });
    expect(withMeta.messages?.[0]).toMatchObject({
      ts: res.ts,
      text: 'Leeds pay',
      bot_id: 'B0BOT',
      metadata,
    });
  });

  it('history is newest first and honours oldest/limit; seeded messages count', async () => {
    const old = fake.addMessage('C0CHAN', { text: 'old', ts: '1000.000001' });
    await client.chat.postMessage({ channel: 'C0CHAN', text: 'one' });
    await client.chat.postMessage({ channel: 'C0CHAN', text: 'two' });
    const res = await client.conversations.history({ channel: 'C0CHAN', oldest: old.ts, limit: 1 });
    expect(res.messages?.map((m) => m.text)).toEqual(['two']);
    expect(res.has_more).toBe(true);
  });

  it('update, delete, ephemeral, info, members, users.info and views.publish', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0CHAN', text: 'v1' });
    await client.chat.update({ channel: 'C0CHAN', ts: posted.ts as string, text: 'v2' });
    expect(fake.channelMessages('C0CHAN')[0].text).toBe('v2');
    await client.chat.delete({ channel: 'C0CHAN', ts: posted.ts as string });
    expect(fake.channelMessages('C0CHAN')).toEqual([]);
    await expect(client.chat.delete({ channel: 'C0CHAN', ts: posted.ts as string })).rejects.toThrow(
      /message_not_found/,
    );

    const eph = await client.chat.postEphemeral({ channel: 'C0CHAN', user: 'U0USER', text: 'only you' });
    expect(eph.message_ts).toBeDefined();
    expect((await client.conversations.info({ channel: 'C0OUT' })).channel).toMatchObject({
      is_member: false,
    });
    expect((await client.conversations.members({ channel: 'C0CHAN' })).members).toContain('U0BOT');
    expect((await client.users.info({ user: 'U0USER' })).user).toMatchObject({
      id: 'U0USER',
      tz: 'Europe/London',
    });
    await client.views.publish({ user_id: 'U0USER', view: { type: 'home', blocks: [] } });
    expect(fake.homeView('U0USER')).toMatchObject({ type: 'home' });
  });

  it('rejects like Slack: not_in_channel, oversized blocks, missing text, xapp token on a bot method', async () => {
    await expect(client.chat.postMessage({ channel: 'C0OUT', text: 'x' })).rejects.toThrow(/not_in_channel/);
    const many = Array.from({ length: 51 }, () => ({ type: 'divider' as const }));
    await expect(client.chat.postMessage({ channel: 'C0CHAN', text: 'x', blocks: many })).rejects.toThrow(
      /invalid_blocks/,
    );
    const huge = Array.from({ length: 5 }, () => ({
      type: 'section' as const,
      text: { type: 'mrkdwn' as const, text: 'x'.repeat(2900) },
    }));
    await expect(client.chat.postMessage({ channel: 'C0CHAN', text: 'x', blocks: huge })).rejects.toThrow(
      /msg_blocks_too_long/,
    );
    await expect(client.chat.postMessage({ channel: 'C0CHAN', text: '' })).rejects.toThrow(/no_text/);
    const appClient = new WebClient('xapp-1-x', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    await expect(appClient.chat.postMessage({ channel: 'C0CHAN', text: 'x' })).rejects.toThrow(
      /not_allowed_token_type/,
    );
  });
});

describe('files.uploadV2', () => {
  it('makes the three calls and the fake keeps the bytes', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]);
    const res = await client.files.uploadV2({
      channel_id: 'C0CHAN',
      file: png,
      filename: 'pay.png',
      title: 'Median pay',
      alt_text: 'Bar chart of median pay',
      initial_comment: 'Leeds pay is £612',
    });
    expect(res.ok).toBe(true);
    expect(fake.calls().map((c) => c.method)).toEqual([
      'files.getUploadURLExternal',
      'upload',
      'files.completeUploadExternal',
    ]);

    const [getUrl, upload, complete] = fake.calls();
    expect(getUrl.params).toMatchObject({ filename: 'pay.png', length: String(png.length) });
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(upload.headers.authorization).toBe(`Bearer ${BOT}`);
    expect(upload.files[0]).toMatchObject({ field: 'body' });
    expect(upload.files[0].data.equals(png)).toBe(true);
    expect(upload.status).toBe(200);
    expect(complete.params).toMatchObject({
      channel_id: 'C0CHAN',
      initial_comment: 'Leeds pay is £612',
      files: [{ id: upload.targetId, title: 'Median pay' }],
    });
    expect(fake.uploadedFile(upload.targetId as string)?.equals(png)).toBe(true);
    expect(fake.channelMessages('C0CHAN')[0]).toMatchObject({
      text: 'Leeds pay is £612',
      files: [{ title: 'Median pay' }],
    });
  });

  it('completeUploadExternal answers not_in_channel where the bot is not a member', async () => {
    await expect(
      client.files.uploadV2({ channel_id: 'C0OUT', file: Buffer.from('x'), filename: 'a.png' }),
    ).rejects.toThrow(/not_in_channel/);
  });
});

describe('fault injection', () => {
  it('429 with Retry-After surfaces as a rate-limit error', async () => {
    fake.fail('chat.postMessage', { type: 'rate_limited', retryAfter: 7 });
    const strict = new WebClient(BOT, {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    const error = await strict.chat.postMessage({ channel: 'C0CHAN', text: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebAPIRateLimitedError);
    expect((error as WebAPIRateLimitedError).retryAfter).toBe(7);
    expect(fake.calls('chat.postMessage')[0]).toMatchObject({ status: 429, fault: 'rate_limited(7s)' });
    // Only one call was faulted.
    await expect(strict.chat.postMessage({ channel: 'C0CHAN', text: 'x' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('the default client waits Retry-After, then (with retries: 0) throws a rate limit error', async () => {
    fake.fail('chat.postMessage', { type: 'rate_limited', retryAfter: 0 });
    await expect(client.chat.postMessage({ channel: 'C0CHAN', text: 'x' })).rejects.toThrow(/rate limit/);
  });

  it('HTTP 500 and ok:false errors for N calls', async () => {
    fake.fail('chat.postMessage', { type: 'http', status: 500 });
    await expect(client.chat.postMessage({ channel: 'C0CHAN', text: 'x' })).rejects.toBeInstanceOf(
      WebAPIHTTPError,
    );

    fake.fail('chat.postMessage', { type: 'error', error: 'not_in_channel' }, { times: 2 });
    for (let i = 0; i < 2; i++) {
      const e = await client.chat.postMessage({ channel: 'C0CHAN', text: 'x' }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(WebAPIPlatformError);
      expect((e as WebAPIPlatformError).data.error).toBe('not_in_channel');
    }
    await expect(client.chat.postMessage({ channel: 'C0CHAN', text: 'x' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('conditional faults hit only matching calls', async () => {
    fake.fail(
      'chat.postMessage',
      { type: 'error', error: 'channel_not_found' },
      {
        times: 5,
        when: (c) => c.params.channel === 'C0GONE',
      },
    );
    await expect(client.chat.postMessage({ channel: 'C0CHAN', text: 'x' })).resolves.toBeDefined();
    await expect(client.chat.postMessage({ channel: 'C0GONE', text: 'x' })).rejects.toThrow(
      /channel_not_found/,
    );
  });

  it('probabilistic faults are reproducible with the same seed', async () => {
    const run = async (): Promise<boolean[]> => {
      fake.reset();
      fake.fail('chat.postMessage', { type: 'error', error: 'internal_error' }, { probability: 0.5 });
      const outcomes: boolean[] = [];
      for (let i = 0; i < 12; i++) {
        outcomes.push(
          await client.chat.postMessage({ channel: 'C0CHAN', text: `${i}` }).then(
            () => true,
            () => false,
          ),
        );
      }
      return outcomes;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(true);
    expect(first).toContain(false);
  });

  it('per-channel rate limiting: a second message to the same channel within 1 s gets 429', async () => {
    fake.setRateLimit({ perChannelPerSecond: 1, retryAfter: 1 });
    const strict = new WebClient(BOT, {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    await strict.chat.postMessage({ channel: 'C0CHAN', text: 'a' });
    await strict.chat.postMessage({ channel: 'C0OTHER', text: 'b' });
    await expect(strict.chat.postMessage({ channel: 'C0CHAN', text: 'c' })).rejects.toBeInstanceOf(
      WebAPIRateLimitedError,
    );
    fake.setRateLimit(false);
  });
});

describe('response_url and waitFor', () => {
  it('records POSTs to /response/<id> and refuses a sixth use', async () => {
    const url = responseUrl(fake, 'cmd-1');
    expect(url).toBe(fake.responseUrl('cmd-1'));
    const pending = fake.waitFor('response', (c) => c.targetId === 'cmd-1');
    for (let i = 0; i < 5; i++) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response_type: 'in_channel', text: `answer ${i}` }),
      });
      expect(res.status).toBe(200);
    }
    expect((await pending).params).toMatchObject({ response_type: 'in_channel', text: 'answer 0' });
    const sixth = await fetch(url, { method: 'POST', body: JSON.stringify({ text: 'x' }) });
    expect(sixth.status).toBe(404);
  });

  it('waitFor rejects with a helpful message on timeout', async () => {
    await expect(fake.waitFor('chat.update', () => true, 50)).rejects.toThrow(/no matching chat.update call/);
  });
});

describe('Socket Mode', () => {
  it('apps.connections.open → hello → envelope → ack round-trip with the real SocketModeClient', async () => {
    const socket = new SocketModeClient({
      appToken: 'xapp-1-fake',
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
      logLevel: LogLevel.ERROR,
    });
    socket.on(
      'slash_commands',
      async ({ ack, body }: { ack: (r?: object) => Promise<void>; body: { text: string } }) => {
        await ack({ response_type: 'ephemeral', text: `Looking up ${body.text}…` });
      },
    );
    await socket.start();
    try {
      expect(fake.calls('apps.connections.open')[0].token).toBe('xapp-1-fake');
      await fake.waitForSocket();
      const ack = await fake.sendEnvelope({
        type: 'slash_commands',
        payload: slashCommandFields({ command: '/stats', text: 'Reading' }),
      });
      expect(ack.payload).toEqual({ response_type: 'ephemeral', text: 'Looking up Reading…' });
    } finally {
      await socket.disconnect();
    }
  });
});

describe('with a Bolt App (the pattern app tests should use)', () => {
  it('HTTP mode: signed slash command → ack body, respond() → response_url, uploadV2 via client', async () => {
    const app = new App({
      token: BOT,
      signingSecret: SECRET,
      tokenVerificationEnabled: false,
      botId: fake.botId,
      botUserId: fake.botUserId,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/stats', async ({ ack, respond, client: c, command }) => {
      await ack({ response_type: 'ephemeral', text: `Looking up ${command.text}…` });
      await respond({ response_type: 'in_channel', text: 'Reading: £700' });
      await c.files.uploadV2({ channel_id: command.channel_id, file: Buffer.from('png'), filename: 'a.png' });
    });
    const server = (await app.start(0)) as { address(): AddressInfo | string | null };
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const res = await postToApp(
        base,
        'command',
        { command: '/stats', text: 'Reading', response_url: fake.responseUrl('r1') },
        { secret: SECRET },
      );
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ response_type: 'ephemeral', text: 'Looking up Reading…' });
      expect((await fake.waitFor('response')).params).toEqual({
        response_type: 'in_channel',
        text: 'Reading: £700',
      });
      await fake.waitFor('files.completeUploadExternal');
      expect(fake.calls('auth.test')).toEqual([]);

      const bad = await postToApp(base, 'command', { command: '/stats' }, { secret: 'wrong-secret' });
      expect(bad.status).toBe(401);
      const stale = signedRequest(SECRET, slashCommandBody({ command: '/stats' }), {
        timestamp: Math.floor(Date.now() / 1000) - 360,
      });
      const staleRes = await fetch(`${base}/slack/events`, { method: 'POST', ...stale });
      expect(staleRes.status).toBe(401);
      const challenge = await postToApp(base, 'url_verification', { challenge: 'abc' }, { secret: SECRET });
      expect(await challenge.json()).toEqual({ challenge: 'abc' });
    } finally {
      await app.stop();
    }
  });

  it('Socket Mode: the App connects through the fake and acks envelopes over the socket', async () => {
    const app = new App({
      token: BOT,
      appToken: 'xapp-1-fake',
      socketMode: true,
      tokenVerificationEnabled: false,
      botId: fake.botId,
      botUserId: fake.botUserId,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    app.event('app_mention', async ({ event, say }) => {
      await say({ text: 'hi', thread_ts: event.ts });
    });
    await app.start();
    try {
      await fake.waitForSocket();
      const ack = await fake.sendEnvelope({
        type: 'events_api',
        payload: {
          type: 'event_callback',
          team_id: 'T0TEAM',
          api_app_id: 'A0APP',
          event_id: 'Ev1',
          event_time: 1,
          event: {
            type: 'app_mention',
            user: 'U0USER',
            text: '<@U0BOT> pay',
            ts: '1.000001',
            channel: 'C0CHAN',
            event_ts: '1.000001',
          },
        },
      });
      expect(ack.envelope_id).toBeDefined();
      const post = await fake.waitFor('chat.postMessage');
      expect(post.params).toMatchObject({ channel: 'C0CHAN', text: 'hi', thread_ts: '1.000001' });
    } finally {
      await app.stop();
    }
  });
});
