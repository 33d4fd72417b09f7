import type { WebClient } from '@slack/web-api';
import { type StartedApp, startSlackApp } from '../../src/app';
import { shortId } from '../../src/digest/service';
import { handleDigest } from '../../src/slack/listeners/commands/digest';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import type { AppDeps } from '../../src/slack/deps';
import { validateBlocks } from '../../src/slack/limits';
import { openStore } from '../../src/store';
import type { Store } from '../../src/store/types';
import { type FakeSlack, type RecordedCall, startFakeSlack } from '../support/fake-slack';
import { nextTs, postToApp } from '../support/slack-signing';
import { digestClient, newSub, testCore, urlCharts } from './digest-helpers';

// /digest: first through handleDigest with a real store and the fake Slack (membership via
// conversations.members), then end to end through the real Bolt app with signed requests.

const SECRET = 'secret';
const core = testCore();
const NOW = new Date('2026-03-25T12:00:00Z'); // a Wednesday, before the BST change

let fake: FakeSlack;
let store: Store;
let client: WebClient;
let deps: AppDeps;

const channels = {
  C0CHAN: { members: ['U0BOT', 'U0USER'] },
  C0OTHER: { members: ['U0BOT', 'U0ELSE'] },
  C0NOBOT: { members: ['U0USER'], isMember: false },
};

beforeAll(async () => {
  fake = await startFakeSlack({ channels });
  client = digestClient(fake);
});

afterAll(async () => {
  await fake.close();
});

beforeEach(async () => {
  fake.reset();
  store = await openStore({ dataDir: ':memory:' });
  deps = {
    core,
    store,
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    logger: createLogger({ level: 'silent' }),
    charts: urlCharts,
  };
});

afterEach(async () => {
  await store.close();
});

const digest = (text: string, who: Partial<{ teamId: string; channelId: string; userId: string }> = {}) =>
  handleDigest(
    { text, teamId: 'T0TEAM', channelId: 'C0CHAN', userId: 'U0USER', ...who },
    deps,
    client,
    'U0BOT',
    NOW,
  );

const textOf = (r: { text: string; blocks: unknown[] }) => `${r.text}\n${JSON.stringify(r.blocks)}`;

describe('/digest subscribe', () => {
  it('confirms exactly what was understood, with the next delivery in local time', async () => {
    const r = await digest('subscribe');
    expect(r.response_type).toBe('in_channel');
    const t = textOf(r);
    expect(t).toContain('Mondays at 09:00 (Europe/London)');
    expect(t).toContain('Leeds, Liverpool, Manchester, Newcastle upon Tyne, Sheffield');
    expect(t).toContain('the default: the northern core cities');
    expect(t).toContain('the default: the headline indicators');
    // Monday 30 March is the first Monday of BST: 09:00 local is 08:00Z.
    expect(t).toContain('Monday 30 Mar 2026 at 09:00 (Europe/London)');
    const [sub] = await store.listSubscriptions('T0TEAM', 'C0CHAN');
    expect(sub).toMatchObject({
      cadence: 'weekly',
      weekday: 1,
      time: '09:00',
      tz: 'Europe/London',
      createdBy: 'U0USER',
    });
    expect(t).toContain(shortId(sub.id));
    expect(validateBlocks(r.blocks)).toEqual([]);
  });

  it('stores the time zone per subscription and shows times in it', async () => {
    const r = await digest('subscribe daily at 07:30 America/New_York for leeds on pay');
    const t = textOf(r);
    expect(t).toContain('Every day at 07:30 (America/New_York)');
    // 12:00Z is 08:00 in New York (EDT since 8 March), so today's 07:30 has gone.
    expect(t).toContain('Thursday 26 Mar 2026 at 07:30 (America/New_York)');
    const [sub] = await store.listSubscriptions('T0TEAM', 'C0CHAN');
    expect(sub).toMatchObject({
      tz: 'America/New_York',
      places: ['E08000035'],
      indicators: ['gross-median-weekly-pay'],
    });
  });

  it('creates nothing and explains when something could not be read', async () => {
    const r = await digest('subscribe for atlantis on vibes');
    expect(r.response_type).toBe('ephemeral');
    expect(textOf(r)).toContain('I did not set up a digest');
    expect(await store.listSubscriptions('T0TEAM')).toEqual([]);
  });

  it('warns when the bot is not in the channel', async () => {
    const r = await digest('subscribe', { channelId: 'C0NOBOT' });
    expect(textOf(r)).toContain('I am not a member of this channel yet');
  });
});

describe('who may change what', () => {
  it('only lets people in the channel subscribe or unsubscribe', async () => {
    const refused = await digest('subscribe', { userId: 'U0STRANGER' });
    expect(textOf(refused)).toContain('Only people in <#C0CHAN> can change its digests');
    expect(await store.listSubscriptions('T0TEAM')).toEqual([]);

    const sub = await store.createSubscription(newSub(), NOW);
    const r = await digest(`unsubscribe ${sub.id}`, { userId: 'U0STRANGER' });
    expect(textOf(r)).toContain('Only people in <#C0CHAN>');
    expect(await store.getSubscription('T0TEAM', sub.id)).not.toBeNull();
    expect(fake.calls('conversations.members').length).toBeGreaterThan(0);
  });

  it('keeps workspaces apart: team A cannot list, preview or unsubscribe team B’s digest', async () => {
    const theirs = await store.createSubscription(newSub({ teamId: 'TBBBB', channelId: 'C0CHAN' }), NOW);
    const list = await digest('list', { teamId: 'TAAAA' });
    expect(textOf(list)).toContain('This channel has no digests');
    expect(textOf(list)).not.toContain(shortId(theirs.id));
    for (const id of [theirs.id, shortId(theirs.id)]) {
      const un = await digest(`unsubscribe ${id}`, { teamId: 'TAAAA' });
      expect(textOf(un)).toContain('couldn');
      const pre = await digest(`preview ${id}`, { teamId: 'TAAAA' });
      expect(textOf(pre)).toContain('couldn');
    }
    expect(await store.getSubscription('TBBBB', theirs.id)).not.toBeNull();
  });

  it('refuses to change another channel’s digest from here', async () => {
    const other = await store.createSubscription(newSub({ channelId: 'C0OTHER' }), NOW);
    const r = await digest(`unsubscribe ${shortId(other.id)}`);
    expect(textOf(r)).toContain('belongs to <#C0OTHER>');
    expect(await store.getSubscription('T0TEAM', other.id)).not.toBeNull();
  });
});

describe('/digest list, unsubscribe, resume, preview, help', () => {
  it('lists digests with their next time, and paused ones with the reason', async () => {
    const a = await store.createSubscription(newSub(), NOW);
    const b = await store.createSubscription(newSub({ cadence: 'daily', weekday: null, time: '07:00' }), NOW);
    await store.pauseSubscription(b.id, 'not_in_channel', NOW);
    const t = textOf(await digest('list'));
    expect(t).toContain(shortId(a.id));
    expect(t).toContain('Next: Monday 30 Mar 2026 at 09:00 (Europe/London)');
    expect(t).toContain('Paused');
    expect(t).toContain('not_in_channel');
    expect(t).toContain(`/digest resume ${shortId(b.id)}`);
    const resumed = await digest(`resume ${shortId(b.id)}`);
    expect(textOf(resumed)).toContain('resumed');
    expect((await store.getSubscription('T0TEAM', b.id))?.status).toBe('active');
  });

  it('unsubscribes by short id', async () => {
    const a = await store.createSubscription(newSub(), NOW);
    const r = await digest(`unsubscribe ${shortId(a.id)}`);
    expect(textOf(r)).toContain('unsubscribed this channel');
    expect(await store.getSubscription('T0TEAM', a.id)).toBeNull();
    expect(textOf(await digest(`unsubscribe ${shortId(a.id)}`))).toContain('couldn');
    expect(textOf(await digest('unsubscribe'))).toContain('Which digest?');
  });

  it('previews the next digest, ephemerally and within limits', async () => {
    const none = await digest('preview');
    expect(none.response_type).toBe('ephemeral');
    expect(textOf(none)).toContain('Preview* of a default digest');
    const a = await store.createSubscription(newSub(), NOW);
    const r = await digest('preview');
    expect(r.response_type).toBe('ephemeral');
    const t = textOf(r);
    expect(t).toContain(`digest \`${shortId(a.id)}\``);
    expect(t).toContain('Week of 30 Mar 2026');
    expect(validateBlocks(r.blocks)).toEqual([]);
  });

  it('helps', async () => {
    expect(textOf(await digest('help'))).toContain('/digest subscribe');
    expect(textOf(await digest('wibble'))).toContain("I don't know `/digest wibble`");
  });
});

describe('hostile input', () => {
  const hostile = [
    '<!channel> subscribe',
    'subscribe for <!here> <@U999> <#C1|x> <https://evil.test|click>',
    `subscribe for ${'leeds '.repeat(1000)}`,
    'x'.repeat(5000),
    `subscribe for ${'🎉'.repeat(2000)}`,
    'unsubscribe <!everyone>',
    'preview <!channel>',
    'subscribe at <!channel>',
    'subscribe on <script>alert(1)</script> & more',
    '\u0000\u202e subscribe',
  ];
  it.each(hostile.map((h) => [h.slice(0, 40), h]))('answers %j safely', async (_label, text) => {
    const r = await digest(text);
    expect(validateBlocks(r.blocks)).toEqual([]);
    const t = textOf(r);
    expect(t).not.toMatch(/<!(channel|here|everyone)>|<@U999>|<script>/);
    expect(r.text.length).toBeLessThanOrEqual(3000);
  });
});

describe('startSlackApp starts the scheduler unless told not to', () => {
  it('posts a digest that is due, with the scheduler on (the default)', async () => {
    const now = new Date();
    const hhmm = (d: Date) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/London',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(d);
    const sub = await store.createSubscription(
      newSub({ cadence: 'daily', weekday: null, time: hhmm(new Date(now.getTime() - 30 * 60_000)) }),
      new Date(now.getTime() - 3 * 86_400_000),
    );
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      PORT: '0',
      SLACK_API_URL: fake.apiUrl,
      DATA_DIR: ':memory:',
      LOG_LEVEL: 'silent',
    });
    const app = await startSlackApp(config, {
      core,
      store,
      logger: createLogger({ level: 'silent' }),
      bolt: { botId: 'B0BOT', botUserId: 'U0BOT', tokenVerificationEnabled: false },
    });
    try {
      const post = await fake.waitFor('chat.postMessage', (c) => c.params.metadata !== undefined, 10_000);
      expect(post.params.metadata).toMatchObject({ event_payload: { subscription_id: sub.id } });
    } finally {
      await app.stop();
    }
  });
});

describe('end to end through the Bolt app', () => {
  let started: StartedApp;
  let base: string;
  beforeEach(async () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      PORT: '0',
      SLACK_API_URL: fake.apiUrl,
      DATA_DIR: ':memory:',
      LOG_LEVEL: 'silent',
    });
    started = await startSlackApp(config, {
      core,
      store,
      logger: createLogger({ level: 'silent' }),
      scheduler: false,
      bolt: {
        botId: 'B0BOT',
        botUserId: 'U0BOT',
        tokenVerificationEnabled: false,
        clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
      },
    });
    base = `http://127.0.0.1:${started.port}`;
  });
  afterEach(async () => {
    await started.stop();
  });

  async function run(text: string, extra: Record<string, string> = {}): Promise<RecordedCall> {
    const id = `r${nextTs()}`;
    const res = await postToApp(
      base,
      'command',
      { command: '/digest', text, response_url: fake.responseUrl(id), ...extra },
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    return fake.waitFor('response', (c) => c.targetId === id, 5000);
  }

  const said = (c: RecordedCall) => `${String(c.params.text)}\n${JSON.stringify(c.params.blocks ?? [])}`;

  it('subscribes, lists, previews and unsubscribes', async () => {
    const sub = await run('subscribe weekly on friday at 08:30 for leeds, bradford on pay');
    expect(sub.params.response_type).toBe('in_channel');
    expect(said(sub)).toContain('Fridays at 08:30 (Europe/London)');
    expect(said(sub)).toContain('Leeds, Bradford');
    const [row] = await store.listSubscriptions('T0TEAM', 'C0CHAN');
    expect(row).toMatchObject({ weekday: 5, time: '08:30', places: ['E08000035', 'E08000032'] });

    const list = await run('list');
    expect(said(list)).toContain(shortId(row.id));
    expect(list.params.response_type).toBe('ephemeral');

    const preview = await run(`preview ${shortId(row.id)}`);
    expect(said(preview)).toContain('Northstat digest');
    expect(validateBlocks((preview.params.blocks ?? []) as never)).toEqual([]);

    const gone = await run(`unsubscribe ${shortId(row.id)}`);
    expect(said(gone)).toContain('unsubscribed');
    expect(await store.listSubscriptions('T0TEAM')).toEqual([]);
  });

  it('keeps teams apart over HTTP too, and refuses non-members', async () => {
    const theirs = await store.createSubscription(newSub({ teamId: 'TOTHER' }), NOW);
    const un = await run(`unsubscribe ${theirs.id}`);
    expect(said(un)).toContain('couldn');
    const stranger = await run('subscribe', { user_id: 'U0STRANGER' });
    expect(said(stranger)).toContain('Only people in');
    expect(await store.getSubscription('TOTHER', theirs.id)).not.toBeNull();
  });

  it('answers hostile input with an escaped, helpful reply', async () => {
    const r = await run(`<!channel> ${'🎉'.repeat(3000)}`);
    expect(said(r)).not.toMatch(/<!channel>/);
    expect(said(r)).toContain('/digest');
  });
});
