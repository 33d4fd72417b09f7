// Behaviour kept while the house is rearranged (issue 9): 40 questions answered in the console/CLI
// (plain text) and in Slack (the blocks and text Slack receives), compared with answers saved before
// the change. Regenerate only for an intended change of wording: UPDATE_GOLDEN=1 npx jest tests/golden
import fs from 'node:fs';
import path from 'node:path';
import { ask } from '../../src/answers/ask';
import { renderText } from '../../src/answers/render-text';
import { loadCore } from '../../src/data/core';
import { type AppHarness, startAppHarness, TEST_SIGNING_SECRET } from '../support/app-harness';
import { nextTs, postToApp } from '../support/slack-signing';

const GOLDEN = path.join(__dirname, 'answers.golden.json');
const core = loadCore();

const SLASH: [string, string][] = [
  ['/stats', 'leeds'],
  ['/stats', 'leeds pay'],
  ['/stats', 'sheffeild wages'],
  ['/stats', 'north west exports'],
  ['/stats', 'lancashire employment'],
  ['/stats', 'reading pay'],
  ['/stats', 'belfast gdp per head'],
  ['/stats', 'leeds pay 2030'],
  ['/stats', 'leeds active businesses'],
  ['/stats', 'newcastle healthy life expectancy'],
  ['/stats', 'asdf'],
  ['/stats', 'private leeds productivity'],
  ['/compare', 'leeds vs reading on pay'],
  ['/compare', 'manchester vs reading on productivity'],
  ['/compare', 'manchester, liverpool, newcastle, leeds, sheffield, bradford, wakefield, hull on pay'],
  ['/compare', 'leeds vs bradford'],
  ['/trend', 'pay for leeds, manchester since 2015'],
  ['/trend', 'net additions for dorset since 2010'],
  ['/trend', 'claimant count for belfast since 2012'],
  ['/rank', 'pay top 10'],
  ['/rank', 'productivity among northern cities'],
  ['/rank', 'healthy life expectancy top 10 among local authorities'],
  ['/rank', 'income bottom 5 among northern cities'],
  ['/rank', 'pay among similar to barnsley'],
  ['/gap', 'productivity'],
  ['/gap', 'pay since 2010'],
  ['/gap', 'income'],
  ['/gap', 'income 1990'],
  ['/gap', 'exports'],
  ['/stats', 'help'],
  ['/digest', 'help'],
  ['/digest', 'frobnicate'],
];
const MENTIONS = [
  'how does Leeds compare with Reading on pay?',
  "what's productivity like in Hull?",
  'which areas are similar to Barnsley?',
  'hello',
  'how has employment changed in bradford since 2015',
];
const DMS = ['gap in income', 'stats wakefield', 'help'];

interface Golden {
  text: Record<string, string>;
  slack: Record<string, unknown>;
}

let app: AppHarness;
const captured: Golden = { text: {}, slack: {} };
const update = process.env.UPDATE_GOLDEN === '1';
const saved: Golden | null = fs.existsSync(GOLDEN)
  ? (JSON.parse(fs.readFileSync(GOLDEN, 'utf8')) as Golden)
  : null;

beforeAll(async () => {
  app = await startAppHarness(core);
});

afterAll(async () => {
  await app.stop();
  if (update) fs.writeFileSync(GOLDEN, `${JSON.stringify(captured, null, 2)}\n`);
});

function expectSame(kind: 'text' | 'slack', key: string, value: unknown): void {
  captured[kind][key] = value;
  if (update) return;
  if (!saved) throw new Error(`${GOLDEN} is missing: run UPDATE_GOLDEN=1 npx jest tests/golden once`);
  expect(value).toEqual(saved[kind][key]);
}

describe('console and CLI text is unchanged', () => {
  it.each([...SLASH.map(([c, t]) => `${c} ${t}`), ...MENTIONS, ...DMS])('%s', (q) => {
    expectSame('text', q, renderText(ask(q, core)));
  });
});

describe('Slack messages are unchanged', () => {
  it.each(SLASH)('%s %s', async (command, text) => {
    const id = `g${nextTs()}`;
    const res = await postToApp(
      app.base,
      'command',
      { command, text, response_url: app.fake.responseUrl(id) },
      { secret: TEST_SIGNING_SECRET },
    );
    expect(res.status).toBe(200);
    const raw = await res.text();
    let body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    // Commands that ack first and answer through response_url (/digest): the message is that answer.
    if (!body.blocks) body = (await app.fake.waitFor('response', (c) => c.targetId === id, 5000)).params;
    expectSame('slack', `${command} ${text}`, {
      text: body.text,
      blocks: body.blocks,
      response_type: body.response_type,
    });
  });

  it.each([
    ...MENTIONS.map((m) => ['app_mention', m] as const),
    ...DMS.map((m) => ['message.im', m] as const),
  ])('%s: %s', async (kind, text) => {
    const ts = nextTs();
    const channel = kind === 'message.im' ? 'D0GOLD' : undefined;
    const eventText = kind === 'app_mention' ? `<@${app.fake.botUserId}> ${text}` : text;
    await postToApp(
      app.base,
      kind,
      { text: eventText, ts, event_id: `EvGold${ts}`, ...(channel ? { channel } : {}) },
      { secret: TEST_SIGNING_SECRET },
    );
    // A reply with figures is posted; one without (a clarification) goes to the asker only.
    const mine = (c: { params: Record<string, unknown> }) =>
      c.params.thread_ts === ts || c.params.channel === channel;
    const post = await Promise.any([
      app.fake.waitFor('chat.postMessage', mine, 5000),
      app.fake.waitFor('chat.postEphemeral', mine, 5000),
    ]);
    expectSame('slack', `${kind} ${text}`, {
      ...(post.method === 'chat.postEphemeral' ? { ephemeral: true } : {}),
      text: post.params.text,
      blocks: post.params.blocks,
    });
  });
});
