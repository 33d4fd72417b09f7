import { loadConfig } from '../../src/config';
import { digestStateFor } from '../../src/digest/content';
import {
  type Caller,
  channelMembership,
  type DigestResult,
  findSubscription,
  MAX_SUBSCRIPTIONS_PER_CHANNEL,
  type MembersClient,
  runDigestCommand,
  type ServiceDeps,
  shortId,
} from '../../src/digest/service';
import { createLogger } from '../../src/log';
import { openStore } from '../../src/store';
import { type Store, StoreValidationError } from '../../src/store/types';
import { newSub, testCore } from './digest-helpers';

// The /digest rules against the real SQLite store, with a fake client for conversations.members.
// Results are plain objects: the wording is src/slack/blocks/digest.ts's business (tests/slack/blocks).

const core = testCore();
const NOW = new Date('2026-03-25T12:00:00Z'); // a Wednesday, before the BST change

/** conversations.members over `channels`, `pageSize` members a page; a channel not listed is channel_not_found. */
function membersClient(channels: Record<string, string[]>, pageSize = 1000) {
  const members = jest.fn(async ({ channel, cursor }: { channel: string; cursor?: string }) => {
    const all = channels[channel];
    if (!all)
      throw Object.assign(new Error('An API error occurred'), { data: { error: 'channel_not_found' } });
    const start = cursor ? Number(cursor) : 0;
    const end = start + pageSize;
    return {
      members: all.slice(start, end),
      response_metadata: { next_cursor: end < all.length ? `${end}` : '' },
    };
  });
  return { client: { conversations: { members } } satisfies MembersClient, members };
}

let store: Store;
let deps: ServiceDeps;
const { client, members } = membersClient({
  C0CHAN: ['U0BOT', 'U0USER'],
  C0OTHER: ['U0BOT', 'U0ELSE', 'U0USER'],
  C0NOBOT: ['U0USER'],
});

beforeEach(async () => {
  members.mockClear();
  store = await openStore({ dataDir: ':memory:' });
  deps = {
    core,
    store,
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    logger: createLogger({ level: 'silent' }),
  };
});

afterEach(async () => {
  await store.close();
});

const run = (text: string, who: Partial<Caller> = {}) =>
  runDigestCommand(
    { text, teamId: 'T0TEAM', channelId: 'C0CHAN', userId: 'U0USER', ...who },
    deps,
    client,
    'botUserId' in who ? who.botUserId : 'U0BOT',
    NOW,
  );

function as<K extends DigestResult['kind']>(r: DigestResult, kind: K): Extract<DigestResult, { kind: K }> {
  expect(r.kind).toBe(kind);
  return r as Extract<DigestResult, { kind: K }>;
}

describe('channelMembership', () => {
  it('pages through conversations.members until it has found the user and the bot', async () => {
    const paged = membersClient({ C1: ['UA', 'UB', 'U0USER', 'UC', 'U0BOT', 'UD', 'UE'] }, 2);
    expect(await channelMembership(paged.client, 'C1', 'U0USER', 'U0BOT')).toEqual({
      ok: true,
      user: true,
      bot: true,
    });
    // Pages 0-1, 2-3, 4-5: the bot is on the third, so the fourth is never asked for.
    expect(paged.members.mock.calls.map(([a]) => a.cursor)).toEqual([undefined, '2', '4']);
    expect(paged.members.mock.calls[0][0]).toMatchObject({ channel: 'C1', limit: 1000 });
  });

  it('stops at the user when there is no bot to look for, and reads every page otherwise', async () => {
    const paged = membersClient({ C1: ['U0USER', 'UA', 'UB', 'UC'] }, 1);
    expect(await channelMembership(paged.client, 'C1', 'U0USER', undefined)).toEqual({
      ok: true,
      user: true,
      bot: false,
    });
    expect(paged.members).toHaveBeenCalledTimes(1);
    expect(await channelMembership(paged.client, 'C1', 'U0NOBODY', 'U0BOT')).toEqual({
      ok: true,
      user: false,
      bot: false,
    });
    expect(paged.members).toHaveBeenCalledTimes(1 + 4);
  });

  it('reports the Slack error code, or unknown_error for anything else', async () => {
    expect(await channelMembership(client, 'C0NONE', 'U0USER', 'U0BOT')).toEqual({
      ok: false,
      error: 'channel_not_found',
    });
    const broken = { conversations: { members: async () => Promise.reject(new Error('socket hang up')) } };
    expect(await channelMembership(broken, 'C1', 'U0USER', 'U0BOT')).toEqual({
      ok: false,
      error: 'unknown_error',
    });
  });
});

describe('subscribe', () => {
  it('creates the subscription the command describes and says when the first digest is due', async () => {
    const r = as(
      await run('subscribe daily at 07:30 America/New_York for leeds on pay skip-empty'),
      'subscribed',
    );
    const [sub] = await store.listSubscriptions('T0TEAM', 'C0CHAN');
    expect(sub).toMatchObject({
      cadence: 'daily',
      weekday: null,
      time: '07:30',
      tz: 'America/New_York',
      places: ['E08000035'],
      indicators: ['gross-median-weekly-pay'],
      skipWhenNoNewData: true,
      createdBy: 'U0USER',
      status: 'active',
    });
    expect(r.sub.id).toBe(sub.id);
    expect(r.userId).toBe('U0USER');
    expect(r.request.places.map((p) => p.name)).toEqual(['Leeds']);
    // 12:00Z is 08:00 in New York (EDT since 8 March), so today's 07:30 has gone: tomorrow 07:30 EDT.
    expect(r.next.toISOString()).toBe('2026-03-26T11:30:00.000Z');
    expect(r.botMissing).toBe(false);
    expect(members).toHaveBeenCalledWith(expect.objectContaining({ channel: 'C0CHAN' }));
  });

  it("takes the creator's Slack time zone when none is typed; a typed zone wins; Slack errors fall back", async () => {
    const info = jest.fn(async ({ user }: { user: string }) => {
      if (user === 'U0USER') return { user: { tz: 'America/Chicago' } };
      if (user === 'U0ELSE') return { user: { tz: 'Mars/Olympus_Mons' } };
      throw Object.assign(new Error('An API error occurred'), { data: { error: 'missing_scope' } });
    });
    const withUsers = { ...client, users: { info } } satisfies MembersClient;
    const subscribeAs = async (text: string, userId: string, channelId = 'C0CHAN') =>
      as(
        await runDigestCommand({ text, teamId: 'T0TEAM', channelId, userId }, deps, withUsers, 'U0BOT', NOW),
        'subscribed',
      ).sub;

    const fromSlack = await subscribeAs('subscribe', 'U0USER');
    expect(fromSlack.tz).toBe('America/Chicago');
    expect(info).toHaveBeenCalledWith({ user: 'U0USER' });
    expect((await store.getSubscription('T0TEAM', fromSlack.id))?.tz).toBe('America/Chicago');

    info.mockClear();
    expect((await subscribeAs('subscribe weekly at 08:00 Asia/Tokyo', 'U0USER')).tz).toBe('Asia/Tokyo');
    expect(info).not.toHaveBeenCalled();

    // A zone this runtime does not know, and a Slack error: the configured default, no crash.
    expect((await subscribeAs('subscribe', 'U0ELSE', 'C0OTHER')).tz).toBe('Europe/London');
    const { client: noScope } = membersClient({ C0CHAN: ['U0BOT', 'U0NOSCOPE'] });
    const r = await runDigestCommand(
      { text: 'subscribe', teamId: 'T0TEAM', channelId: 'C0CHAN', userId: 'U0NOSCOPE' },
      deps,
      { ...noScope, users: { info } },
      'U0BOT',
      NOW,
    );
    expect(as(r, 'subscribed').sub.tz).toBe('Europe/London');
    expect(info).toHaveBeenCalledWith({ user: 'U0NOSCOPE' });
  });

  it('says when the bot is not in the channel, but only when it knows who the bot is', async () => {
    expect(as(await run('subscribe', { channelId: 'C0NOBOT' }), 'subscribed').botMissing).toBe(true);
    const unknownBot = await run('subscribe', { channelId: 'C0NOBOT', botUserId: undefined });
    expect(as(unknownBot, 'subscribed').botMissing).toBe(false);
  });

  it('creates nothing when the command could not be read in full, and does not ask Slack', async () => {
    const r = as(await run('subscribe for atlantis on vibes'), 'subscribe-problems');
    expect(r.problems.length).toBeGreaterThan(0);
    expect(await store.listSubscriptions('T0TEAM')).toEqual([]);
    expect(members).not.toHaveBeenCalled();
  });

  it('only lets people in the channel subscribe it', async () => {
    expect(await run('subscribe', { userId: 'U0STRANGER' })).toEqual({
      kind: 'not-a-member',
      channelId: 'C0CHAN',
    });
    expect(await run('subscribe', { channelId: 'C0SECRET' })).toEqual({
      kind: 'members-unknown',
      channelId: 'C0SECRET',
      error: 'channel_not_found',
    });
    expect(await store.listSubscriptions('T0TEAM')).toEqual([]);
  });

  it(`allows at most ${MAX_SUBSCRIPTIONS_PER_CHANNEL} digests per channel`, async () => {
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_CHANNEL; i++) await store.createSubscription(newSub(), NOW);
    await store.createSubscription(newSub({ channelId: 'C0OTHER' }), NOW);
    expect(await run('subscribe')).toEqual({ kind: 'too-many', count: MAX_SUBSCRIPTIONS_PER_CHANNEL });
    expect(as(await run('subscribe', { channelId: 'C0OTHER' }), 'subscribed').sub.channelId).toBe('C0OTHER');
  });

  it('passes on what the store refuses, and lets other store errors through', async () => {
    const refusing = Object.create(store) as Store;
    refusing.createSubscription = async () => {
      throw new StoreValidationError('unknown time zone');
    };
    deps = { ...deps, store: refusing };
    expect(await run('subscribe')).toEqual({ kind: 'invalid', message: 'unknown time zone' });
    refusing.createSubscription = async () => {
      throw new Error('disk full');
    };
    await expect(run('subscribe')).rejects.toThrow('disk full');
  });
});

describe('list', () => {
  it("lists this team's digests in this channel, with names, labels and the next delivery", async () => {
    const a = await store.createSubscription(
      newSub({ indicators: ['gross-median-weekly-pay', 'no-such-thing'] }),
      NOW,
    );
    const b = await store.createSubscription(newSub({ cadence: 'daily', weekday: null, time: '07:00' }), NOW);
    await store.pauseSubscription(b.id, 'not_in_channel', NOW);
    await store.createSubscription(newSub({ channelId: 'C0OTHER' }), NOW);
    await store.createSubscription(newSub({ teamId: 'T0ELSE' }), NOW);
    const r = as(await run('list'), 'list');
    expect(r.subscriptions.map((s) => s.sub.id).sort()).toEqual([a.id, b.id].sort());
    const listedA = r.subscriptions.find((s) => s.sub.id === a.id);
    expect(listedA).toMatchObject({
      placeNames: ['Leeds', 'Manchester'],
      indicatorLabels: ['Gross median weekly pay', 'no-such-thing'],
      next: new Date('2026-03-30T08:00:00Z'),
    });
    expect(r.subscriptions.find((s) => s.sub.id === b.id)?.next).toBeNull();
    expect(as(await run('list', { teamId: 'T0NOBODY' }), 'list').subscriptions).toEqual([]);
  });
});

describe('finding a digest by id', () => {
  it('takes the full id or a unique prefix of at least four characters, within the team only', async () => {
    const a = await store.createSubscription(newSub(), NOW);
    expect(await findSubscription(deps, 'T0TEAM', a.id)).toEqual({ sub: a });
    expect(await findSubscription(deps, 'T0TEAM', shortId(a.id))).toEqual({ sub: a });
    expect(await findSubscription(deps, 'T0TEAM', a.id.slice(0, 4))).toEqual({ sub: a });
    expect(await findSubscription(deps, 'T0TEAM', a.id.slice(0, 3))).toEqual({
      problem: { kind: 'not-found', id: a.id.slice(0, 3) },
    });
    expect(await findSubscription(deps, 'T0ELSE', a.id)).toEqual({
      problem: { kind: 'not-found', id: a.id },
    });
    expect(await findSubscription(deps, 'T0TEAM', null)).toEqual({ problem: { kind: 'no-id' } });
  });

  it('refuses a prefix two digests share', async () => {
    const a = await store.createSubscription(newSub(), NOW);
    const twin = { ...a, id: `${a.id.slice(0, 6)}-twin` };
    const twins = Object.create(store) as Store;
    twins.listSubscriptions = async () => [a, twin];
    expect(await findSubscription({ store: twins }, 'T0TEAM', a.id.slice(0, 6))).toEqual({
      problem: { kind: 'ambiguous', id: a.id.slice(0, 6) },
    });
  });

  it('shortId is the first eight characters', () => {
    expect(shortId('1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d')).toBe('1a2b3c4d');
  });
});

describe('unsubscribe and resume', () => {
  it('unsubscribes a digest of this channel for a member, once', async () => {
    const a = await store.createSubscription(newSub(), NOW);
    expect(as(await run(`unsubscribe ${shortId(a.id)}`), 'unsubscribed')).toMatchObject({
      sub: { id: a.id },
      userId: 'U0USER',
    });
    expect(await store.getSubscription('T0TEAM', a.id)).toBeNull();
    expect(await run(`unsubscribe ${shortId(a.id)}`)).toEqual({ kind: 'not-found', id: shortId(a.id) });
    expect(await run('unsubscribe')).toEqual({ kind: 'no-id' });
  });

  it('says when it was removed in the meantime', async () => {
    const a = await store.createSubscription(newSub(), NOW);
    const racing = Object.create(store) as Store;
    racing.deleteSubscription = async () => false;
    deps = { ...deps, store: racing };
    expect(as(await run(`unsubscribe ${a.id}`), 'already-removed').sub.id).toBe(a.id);
  });

  it("never changes another channel's or another team's digest, nor one for a non-member", async () => {
    const other = await store.createSubscription(newSub({ channelId: 'C0OTHER' }), NOW);
    expect(as(await run(`unsubscribe ${other.id}`), 'other-channel').sub.id).toBe(other.id);
    expect(members).not.toHaveBeenCalled();
    const theirs = await store.createSubscription(newSub({ teamId: 'T0ELSE' }), NOW);
    expect((await run(`unsubscribe ${theirs.id}`)).kind).toBe('not-found');
    const mine = await store.createSubscription(newSub(), NOW);
    expect(await run(`unsubscribe ${mine.id}`, { userId: 'U0STRANGER' })).toEqual({
      kind: 'not-a-member',
      channelId: 'C0CHAN',
    });
    for (const s of [other, mine]) expect(await store.getSubscription('T0TEAM', s.id)).not.toBeNull();
    expect(await store.getSubscription('T0ELSE', theirs.id)).not.toBeNull();
  });

  it('resumes a paused digest and says when the next one is due; an active one is left alone', async () => {
    const a = await store.createSubscription(newSub(), NOW);
    expect(as(await run(`resume ${shortId(a.id)}`), 'not-paused').sub.id).toBe(a.id);
    await store.pauseSubscription(a.id, 'channel_not_found', NOW);
    const r = as(await run(`resume ${shortId(a.id)}`), 'resumed');
    expect(r.next).toEqual(new Date('2026-03-30T08:00:00Z'));
    expect((await store.getSubscription('T0TEAM', a.id))?.status).toBe('active');
  });
});

describe('preview', () => {
  it('previews a default digest when the channel has none', async () => {
    const r = as(await run('preview'), 'preview');
    expect(r).toMatchObject({ id: null, tz: 'Europe/London', skipWhenNoNewData: false });
    expect(r.due).toEqual(new Date('2026-03-30T08:00:00Z'));
    expect(r.digest.weekLabel).toBe('Week of 30 Mar 2026');
    expect(r.digest.places.map((p) => p.name)).toEqual([
      'Leeds',
      'Liverpool',
      'Manchester',
      'Newcastle upon Tyne',
      'Sheffield',
    ]);
    expect(r.digest.isFirst).toBe(true);
  });

  it("previews the channel's first digest, or one by id, from its stored state", async () => {
    const a = await store.createSubscription(newSub({ skipWhenNoNewData: true, tz: 'Asia/Tokyo' }), NOW);
    const first = as(await run('preview'), 'preview');
    expect(first).toMatchObject({ id: a.id, tz: 'Asia/Tokyo', skipWhenNoNewData: true });
    expect(first.digest.hasNewData).toBe(true);
    await store.setDigestState(
      a.id,
      digestStateFor(core, a.indicators, new Date('2026-03-16T00:00:00Z'), null),
    );
    const again = as(await run(`preview ${shortId(a.id)}`), 'preview');
    expect(again.digest.isFirst).toBe(false);
    expect(again.digest.hasNewData).toBe(false);
    expect(await run('preview 0000')).toEqual({ kind: 'not-found', id: '0000' });
  });
});

describe('the other subcommands', () => {
  it('help, unknown words, and text it cannot read', async () => {
    expect(await run('')).toEqual({ kind: 'help' });
    expect(await run('help')).toEqual({ kind: 'help' });
    expect(await run('frobnicate now')).toEqual({ kind: 'unknown', word: 'frobnicate' });
    deps = {
      ...deps,
      core: new Proxy(core, {
        get() {
          throw new Error('core unavailable');
        },
      }),
    };
    expect(await run('subscribe for leeds')).toEqual({ kind: 'unreadable' });
  });
});
