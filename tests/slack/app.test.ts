import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { type StartedApp, startSlackApp } from '../../src/app';
import { ask } from '../../src/answers/ask';
import { encodeSpec } from '../../src/answers/replay';
import { loadConfig } from '../../src/config';
import { loadCore } from '../../src/data/core';
import { createLogger } from '../../src/log';
import { validateBlocks } from '../../src/slack/limits';
import { openStore } from '../../src/store';
import { type AppHarness, startAppHarness, TEST_SIGNING_SECRET } from '../support/app-harness';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack';
import { nextTs, postToApp, TEST_CHANNEL_ID, TEST_USER_ID } from '../support/slack-signing';

// The real Bolt app in HTTP mode against the fake Slack on 127.0.0.1, with requests signed exactly
// as Slack signs them. Figures asserted are the real ones from the snapshot.

const SECRET = TEST_SIGNING_SECRET;
const core = loadCore();
let app: AppHarness;
let fake: FakeSlack;
let started: StartedApp;

let base: string;

type AckBody = { response_type?: string; text?: string; blocks?: unknown[] };

beforeAll(async () => {
  app = await startAppHarness(core);
  ({ fake, started, base } = app);
});

afterAll(async () => {
  await app.stop();
});

// Charts and uploads happen after the ack: wait until every listener has finished (no sleeping), so
// one test's uploads never land in the next.
beforeEach(async () => {
  await started.idle();
  fake.reset();
});

async function command(cmd: string, text: string, extra: Record<string, string> = {}): Promise<AckBody> {
  const res = await postToApp(
    base,
    'command',
    { command: cmd, text, response_url: fake.responseUrl(`r${nextTs()}`), ...extra },
    { secret: SECRET },
  );
  expect(res.status).toBe(200);
  const body = await res.text();
  return body ? (JSON.parse(body) as AckBody) : {};
}

function allText(body: AckBody): string {
  return `${body.text ?? ''}\n${JSON.stringify(body.blocks ?? [])}`;
}

function expectSafe(body: AckBody): void {
  expect(validateBlocks((body.blocks ?? []) as never)).toEqual([]);
  expect(allText(body)).not.toMatch(/<!(channel|here|everyone)|<@U/);
}

describe('HTTP basics', () => {
  it('answers /healthz with 200 once loaded', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
  });
  it('answers url_verification with the challenge', async () => {
    const res = await postToApp(base, 'url_verification', { challenge: 'abc123' }, { secret: SECRET });
    expect(await res.json()).toEqual({ challenge: 'abc123' });
  });
  it('rejects a bad signature and a stale timestamp with 401', async () => {
    const bad = await postToApp(
      base,
      'command',
      { command: '/stats', text: 'leeds' },
      { secret: SECRET, signature: 'v0=deadbeef' },
    );
    expect(bad.status).toBe(401);
    const stale = await postToApp(
      base,
      'command',
      { command: '/stats', text: 'leeds' },
      { secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 6 * 60 },
    );
    expect(stale.status).toBe(401);
    const wrongSecret = await postToApp(
      base,
      'command',
      { command: '/stats', text: 'leeds' },
      { secret: 'not-the-secret' },
    );
    expect(wrongSecret.status).toBe(401);
  });
});

describe('slash commands', () => {
  // The seven answers the statistics audit (issue 8) named, as Slack receives them.
  it.each([
    ['/stats', 'north west exports', '£68.5bn'],
    ['/stats', 'lancashire employment', '102nd of 151 upper-tier councils in England'],
    ['/rank', 'healthy life expectancy top 10 among local authorities', 'upper-tier councils in England'],
    ['/gap', 'pay since 2010', 'April 2010'],
    ['/stats', 'reading pay', 'similar to South East (£678): within the margin of error'],
    ['/gap', 'income 1990', 'not held for 1990'],
    ['/trend', 'net additions for dorset since 2010', 'boundary changed in 2019'],
  ])('%s %s reads correctly in Slack', async (cmd, q, expected) => {
    const body = await command(cmd, q);
    expect(allText(body)).toContain(expected);
    expectSafe(body);
  });

  it('/stats sheffeild wages: Sheffield pay, Apr 2025, rank, South East, source, in channel', async () => {
    const body = await command('/stats', 'sheffeild wages');
    expect(body.response_type).toBe('in_channel');
    const text = allText(body);
    expect(text).toContain('Sheffield');
    expect(text).toContain('£607'); // 606.6 rounded to the metadata's 0 decimal places
    expect(text).toContain('April 2025');
    // Ranked among the English authorities that have a pay figure (two are suppressed).
    const withPay = (core.geography.comparisonSet('E08000039', true)?.codes ?? []).filter(
      (c) => core.value('gross-median-weekly-pay', c, 2025).value !== null,
    );
    expect(text).toContain(`of ${withPay.length} local authorities in England`);
    expect(text).toContain('South East (£678)');
    expect(text).toContain('Source: Office for National Statistics');
    expectSafe(body);
  });

  it('/compare manchester vs reading on productivity: both figures and a chart uploaded to the channel', async () => {
    const body = await command('/compare', 'manchester vs reading on productivity');
    const text = allText(body);
    expect(text).toContain('Manchester: *£44.8*');
    expect(text).toContain('Reading: *£48.5*');
    expect(text).toContain('2023');
    const complete = await fake.waitFor('files.completeUploadExternal', undefined, 5000);
    expect(complete.params.channel_id).toBe(TEST_CHANNEL_ID);
    const getUrl = fake.calls('files.getUploadURLExternal')[0];
    expect(String(getUrl.params.alt_text)).toContain('Manchester');
    expect(fake.calls('upload')).toHaveLength(1);
  });

  it('/trend, /rank and /gap answer with real figures', async () => {
    const trend = await command('/trend', 'pay for leeds, manchester since 2015');
    expect(allText(trend)).toContain('£611');
    expect(allText(trend)).toContain('2015');
    const rank = await command('/rank', 'pay among english regions');
    expect(allText(rank)).toMatch(/1st\. London: £767/);
    expect(allText(rank)).toMatch(/9th\. \*North East\*: £578/);
    const gap = await command('/gap', 'productivity');
    expect(allText(gap)).toContain('North East: *£35.8*');
    expect(allText(gap)).toContain('South East: *£45.2*');
    expect(allText(gap)).toMatch(/widened|narrowed/);
    for (const b of [trend, rank, gap]) expectSafe(b);
  });

  it.each(['/stats', '/compare', '/trend', '/rank', '/gap'])(
    '%s help and an empty %s give help with examples',
    async (cmd) => {
      for (const text of ['help', '']) {
        const body = await command(cmd, text);
        expect(body.response_type).toBe('ephemeral');
        expect(allText(body)).toContain('Examples');
        expect(allText(body)).toContain(cmd);
      }
    },
  );

  it('not found: says what was not understood, the closest matches and an example', async () => {
    const body = await command('/stats', 'qwertyx pay');
    expect(body.response_type).toBe('ephemeral');
    expect(allText(body)).toContain("I couldn't find a UK place called");
    expect(allText(body)).toContain('qwertyx');
    expect(allText(body)).toContain('Did you mean');
    expect(allText(body)).toContain('Try:');
    const foreign = await command('/stats', 'paris pay');
    expect(allText(foreign)).toContain('is not a UK place');
  });

  it('private answers are ephemeral, with the chart sent by DM and a Share in channel button', async () => {
    const body = await command('/compare', 'leeds vs reading on pay private');
    expect(body.response_type).toBe('ephemeral');
    expect(allText(body)).toContain('share_in_channel');
    await fake.waitFor('conversations.open', undefined, 5000);
    const complete = await fake.waitFor('files.completeUploadExternal', undefined, 5000);
    expect(String(complete.params.channel_id)).toMatch(/^D/);
  });

  it('says how to invite the bot when a chart cannot be posted in the channel', async () => {
    fake.fail('files.completeUploadExternal', { type: 'error', error: 'not_in_channel' }, { times: 1 });
    await command('/trend', 'pay for leeds since 2020');
    const eph = await fake.waitFor('chat.postEphemeral', undefined, 5000);
    expect(String(eph.params.text)).toContain('/invite @Northstat');
  });
});

describe('/alert', () => {
  it('creates, lists and deletes an alert for this channel, escaping what was typed', async () => {
    const channel = `CALERT${nextTs().replace('.', '')}`;
    const created = await command('/alert', 'claimant count in leeds above 4%', { channel_id: channel });
    expect(created.response_type).toBe('ephemeral');
    const id = /`([0-9a-f]{8})`/.exec(allText(created))?.[1];
    expect(id).toBeDefined();
    expect(allText(created)).toContain('Claimant Count in Leeds above 4');
    const listed = allText(await command('/alert', 'list', { channel_id: channel }));
    expect(listed).toContain(id!);
    expect(allText(await command('/alert', 'list', { channel_id: 'COTHER' }))).not.toContain(id!);
    expect(allText(await command('/alert', `delete ${id}`, { channel_id: channel }))).toContain('deleted');
    expect(allText(await command('/alert', 'list', { channel_id: channel }))).toContain('No alerts');
    const hostile = await command('/alert', 'when <!channel> rises', { channel_id: channel });
    expect(allText(hostile)).not.toMatch(/<!channel>/);
    expectSafe(hostile);
  });
});

describe('hostile input', () => {
  it.each([
    ['<!channel> leeds pay', 'leeds'],
    ['<!here> <@U999> <#C123> leeds', 'leeds'],
    ['x'.repeat(5000), null],
    ['🏙️ leeds 📈 pay', 'leeds'],
    ['ليدز leeds', 'leeds'],
    ['&lt;!channel&gt; &amp;', null],
  ])('%#: %s', async (text, _place) => {
    const body = await command('/stats', text);
    expectSafe(body);
    expect(JSON.stringify(body).length).toBeLessThan(40000);
  });

  it('a property: any command text gets HTTP 200, blocks within limits, no live mentions, and the app stays up', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/stats', '/compare', '/trend', '/rank', '/gap'),
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.constantFrom(
            '<!channel>',
            '<!everyone>',
            '<@U123>',
            'leeds vs <!here>',
            'top 99999999',
            'since 0001',
            'on on on',
            '/compare',
          ),
          fc
            .array(
              fc.constantFrom(
                'leeds',
                'vs',
                'pay',
                'on',
                '2019',
                'top',
                '5',
                'among',
                'northern',
                'cities',
                'since',
                'hull',
                '<!channel>',
                ',',
                'and',
                'private',
              ),
              { maxLength: 12 },
            )
            .map((w) => w.join(' ')),
        ),
        async (cmd, text) => {
          const body = await command(cmd, text);
          expectSafe(body);
        },
      ),
      { numRuns: 60, seed: 42 },
    );
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('mentions and DMs', () => {
  it('answers a mention in a thread under it, with the chart in the same thread', async () => {
    const ts = nextTs();
    const res = await postToApp(
      base,
      'app_mention',
      { text: `<@${fake.botUserId}> how does Leeds compare with Reading on pay?`, ts, event_id: `Ev${ts}` },
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    const post = await fake.waitFor('chat.postMessage', undefined, 5000);
    expect(post.params.thread_ts).toBe(ts);
    expect(String(post.params.text)).toContain('Leeds');
    expect(String(post.params.text)).toContain('Reading');
    const complete = await fake.waitFor('files.completeUploadExternal', undefined, 5000);
    expect(complete.params.thread_ts).toBe(ts);
  });

  it('answers an analyst question in a mention as the analysis asked for, with its chart', async () => {
    const ts = nextTs();
    await postToApp(
      base,
      'app_mention',
      {
        text: `<@${fake.botUserId}> is Leeds catching up with the South East on productivity?`,
        ts,
        event_id: `EvCatch${ts}`,
      },
      { secret: SECRET },
    );
    const post = await fake.waitFor('chat.postMessage', undefined, 5000);
    expect(post.params.thread_ts).toBe(ts);
    expect(String(post.params.text)).toMatch(/Leeds/);
    expect(JSON.stringify(post.params.blocks)).toMatch(/% of the South East/);
    // Catching up is a /gap answer: its chart is posted with it, in the same thread.
    const complete = await fake.waitFor('files.completeUploadExternal', undefined, 5000);
    expect(complete.params.thread_ts).toBe(ts);
  });

  it('answers a retried event once (deduplicated on event_id)', async () => {
    const ts = nextTs();
    const input = {
      text: `<@${fake.botUserId}> what's productivity like in Hull?`,
      ts,
      event_id: `EvRetry${ts}`,
    };
    await postToApp(base, 'app_mention', input, { secret: SECRET });
    await fake.waitFor('chat.postMessage', undefined, 5000);
    const retry = await postToApp(base, 'app_mention', input, { secret: SECRET, retryNum: 1 });
    expect(retry.status).toBe(200);
    await started.idle();
    const posts = fake.calls('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(String(posts[0].params.text)).toContain('Kingston upon Hull');
  });

  it('answers a direct message', async () => {
    const ts = nextTs();
    await postToApp(
      base,
      'message.im',
      { text: 'gap in income', channel: 'D0DM', ts, event_id: `EvDm${ts}` },
      { secret: SECRET },
    );
    const post = await fake.waitFor('chat.postMessage', undefined, 5000);
    expect(post.params.channel).toBe('D0DM');
    expect(String(post.params.text)).toMatch(/gross disposable household income/i);
  });
});

describe('buttons', () => {
  const leedsPay = encodeSpec({
    k: 'stats',
    a: ['E08000035'],
    i: 'gross-median-weekly-pay',
    y: null,
    s: null,
    g: null,
    j: null,
    n: null,
    d: null,
  });

  async function click(actionId: string, value: string) {
    const id = `act${nextTs()}`;
    const res = await postToApp(
      base,
      'block_actions',
      { action_id: actionId, value, response_url: fake.responseUrl(id) },
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    return id;
  }

  it('acks clicks on unknown or stale action ids at once and says the button has expired (200 tampered clicks)', async () => {
    const ids = ['old_button_v0', 'show_chart_v2', 'x', 'nonsense_id', 'download_csv:extra'];
    let slowest = 0;
    for (let k = 0; k < 200; k++) {
      const started = Date.now();
      const id = await click(ids[k % ids.length], '{}');
      slowest = Math.max(slowest, Date.now() - started);
      if (k < 3) {
        const reply = await fake.waitFor('response', (c) => c.targetId === id, 5000);
        expect(JSON.stringify(reply.params)).toContain('That button has expired');
      }
    }
    // Each answered with HTTP 200 (click() asserts it) well inside Slack's 3 seconds.
    expect(slowest).toBeLessThan(1000);
  });
  it('Show chart uploads the chart with alt text', async () => {
    await click('show_chart', leedsPay);
    await fake.waitFor('files.completeUploadExternal', undefined, 5000);
    expect(String(fake.calls('files.getUploadURLExternal')[0].params.alt_text)).toContain('Leeds');
  });
  it('Compare with similar areas answers with the ONS statistical neighbours', async () => {
    await click('compare_similar', leedsPay);
    const response = await fake.waitFor('response', undefined, 5000);
    const text = JSON.stringify(response.params);
    expect(text).toContain('Leeds');
    const neighbour = core.geography.name(core.geography.similar('E08000035')[0]);
    expect(text).toContain(neighbour);
  });
  it('Download CSV uploads the figures with period and source', async () => {
    await click('download_csv', leedsPay);
    await fake.waitFor('files.completeUploadExternal', undefined, 5000);
    const upload = fake.calls('upload')[0];
    const csv = upload.files?.[0]?.data?.toString('utf8') ?? '';
    expect(csv).toContain('E08000035,Leeds,gross-median-weekly-pay');
    expect(csv).toContain('610.7');
    expect(csv).toContain('April 2025');
  });
  it('Download XLSX uploads a workbook with the same figures, named for what is inside', async () => {
    await click('download_xlsx', leedsPay);
    await fake.waitFor('files.completeUploadExternal', undefined, 5000);
    const name = String(fake.calls('files.getUploadURLExternal')[0].params.filename);
    expect(name).toMatch(/^leeds-gross-median-weekly-pay-.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fake.calls('upload')[0].files?.[0]?.data as unknown as ArrayBuffer);
    const data = book.getWorksheet('Data')!;
    expect(data.getRow(2).getCell(1).value).toBe('E08000035');
    expect(data.getRow(2).getCell(6).value).toBe(610.7);
    expect(JSON.stringify(book.getWorksheet('About')!.getSheetValues())).toContain(
      'Open Government Licence v3.0',
    );
  });
  it("a profile's Download Word and Profile card upload a .docx and a slide-sized PNG named for the place", async () => {
    const wakefield = encodeSpec({
      k: 'profile',
      a: ['E08000036'],
      i: null,
      y: null,
      s: null,
      g: null,
      j: null,
      n: null,
      d: null,
    });
    await click('download_docx', wakefield);
    await fake.waitFor('files.completeUploadExternal', undefined, 10000);
    const docxName = String(fake.calls('files.getUploadURLExternal')[0].params.filename);
    expect(docxName).toMatch(/^wakefield.*\.docx$/);
    const zip = await JSZip.loadAsync(fake.calls('upload')[0].files?.[0]?.data as unknown as Buffer);
    expect(await zip.file('word/document.xml')!.async('string')).toContain('Wakefield');
    fake.reset();
    await click('download_png', wakefield);
    await fake.waitFor('files.completeUploadExternal', undefined, 10000);
    expect(String(fake.calls('files.getUploadURLExternal')[0].params.filename)).toMatch(/^wakefield.*\.png$/);
    const png = Buffer.from(fake.calls('upload')[0].files?.[0]?.data as unknown as Uint8Array);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 900]);
  });
  it('About this figure tells the clicker what pay measures, its unit and source, with Slack links', async () => {
    await click('about_figure', leedsPay);
    const response = await fake.waitFor('response', undefined, 5000);
    expect(response.params.response_type).toBe('ephemeral');
    expect(response.params.replace_original).toBe(false);
    const ind = core.indicator('gross-median-weekly-pay');
    const text = JSON.stringify(response.params);
    expect(text).toContain('About this figure');
    expect(text).toContain(ind.subtitle.slice(0, 40));
    expect(text).toContain(`<${ind.sourceUrl}|source publication>`);
    expect(text).not.toMatch(/\]\(http/); // never raw markdown links
    expect(validateBlocks(response.params.blocks as never)).toEqual([]);
  });
  it('Share in channel re-posts publicly through response_url', async () => {
    await click('share_in_channel', leedsPay);
    const response = await fake.waitFor('response', undefined, 5000);
    expect(response.params.response_type).toBe('in_channel');
    expect(JSON.stringify(response.params)).toContain('£611');
  });
  it('ambiguous places are one line with one menu; choosing another meaning replaces the answer in place', async () => {
    const body = await command('/compare', 'manchester, liverpool and newcastle on pay');
    const blocks = body.blocks as {
      type: string;
      block_id?: string;
      text?: { text: string };
      accessory?: { type: string; action_id: string; options: { value: string; text: { text: string } }[] };
    }[];
    const menus = blocks.filter((b) => b.accessory?.type === 'overflow');
    expect(menus).toHaveLength(1);
    const menu = menus[0];
    expect(menu.text?.text).toContain('"manchester" as Manchester');
    expect(menu.text?.text).toContain('"newcastle" as Newcastle upon Tyne');
    const option = menu.accessory!.options.find((o) => o.text.text.startsWith('Greater Manchester'));
    expect(option).toBeDefined();
    for (const o of menu.accessory!.options) expect(o.value.length).toBeLessThanOrEqual(150);
    const id = `act${nextTs()}`;
    const res = await postToApp(
      base,
      'block_actions',
      {
        action_id: menu.accessory!.action_id,
        block_id: menu.block_id,
        selected_option: { value: option!.value, text: option!.text.text },
        response_url: fake.responseUrl(id),
      },
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    const response = await fake.waitFor('response', (c) => c.targetId === id, 5000);
    expect(response.params.replace_original).toBe(true);
    const text = JSON.stringify(response.params);
    expect(text).toContain('Greater Manchester');
    // The same question, with only the one place swapped.
    expect(text).toContain('Liverpool');
    expect(text).toContain('weekly pay');
    expect(validateBlocks(response.params.blocks as never)).toEqual([]);
  });
  it('a tampered menu choice gets the "expired" reply, not an answer for a place nobody asked about', async () => {
    const body = await command('/stats', 'manchester pay');
    const menu = (body.blocks as { block_id?: string; accessory?: { type: string } }[]).find(
      (b) => b.accessory?.type === 'overflow',
    );
    const id = `act${nextTs()}`;
    await postToApp(
      base,
      'block_actions',
      {
        action_id: 'other_meaning',
        block_id: menu?.block_id,
        selected_option: { value: 'E99999999>E08000025', text: 'x' },
        response_url: fake.responseUrl(id),
      },
      { secret: SECRET },
    );
    const response = await fake.waitFor('response', (c) => c.targetId === id, 5000);
    expect(JSON.stringify(response.params)).toContain('expired');
  });
  it('a no-data answer is for the asker only and offers no chart, compare or download buttons', async () => {
    // GVA per hour worked is not published for counties: no figure for Cambridgeshire.
    const body = await command('/stats', 'cambridgeshire productivity');
    expect(body.response_type).toBe('ephemeral');
    const text = allText(body);
    expect(text).toContain('not for a county such as Cambridgeshire');
    expect(text).not.toContain('show_chart');
    expect(text).not.toContain('download_csv');
    expect(text).not.toContain('compare_similar');
    // The same place with a figure is posted in the channel with its buttons.
    const withData = await command('/stats', 'cambridgeshire pay');
    expect(withData.response_type).toBe('in_channel');
    expect(allText(withData)).toContain('download_csv');
  });
  it('a profile offers one button per theme; a click shows that theme in full to the person who clicked', async () => {
    const body = await command('/profile', 'wakefield');
    const themes = (
      body.blocks as {
        block_id?: string;
        elements?: { action_id: string; value: string; text: { text: string } }[];
      }[]
    ).find((b) => b.block_id === 'profile_themes');
    expect(themes?.elements?.map((b) => b.text.text)).toEqual(
      expect.arrayContaining(['Economy', 'Work and pay', 'Health', 'Housing', 'Population']),
    );
    const health = themes!.elements!.find((b) => b.text.text === 'Health')!;
    const id = await click(health.action_id, health.value);
    const response = await fake.waitFor('response', (c) => c.targetId === id, 5000);
    expect(response.params.response_type).toBe('ephemeral');
    expect(response.params.replace_original).toBe(false);
    const text = JSON.stringify(response.params);
    expect(text).toContain('Wakefield · Health');
    // Every health indicator held for Wakefield, not only the headline one shown in the summary.
    const profile = ask('/profile wakefield', core);
    const theme = profile.kind === 'profile' ? profile.themes.find((t) => t.theme === 'health') : undefined;
    expect(theme!.items.length).toBeGreaterThan(3);
    for (const item of theme!.items) expect(text).toContain(item.indicator.label);
    expect(validateBlocks(response.params.blocks as never)).toEqual([]);
  });
  it('a tampered button value gets a polite "expired" reply, not a crash', async () => {
    await click('show_chart', '{"k":"stats","a":["<!channel>"]}');
    const response = await fake.waitFor('response', undefined, 5000);
    expect(JSON.stringify(response.params)).toContain('expired');
  });
});

describe('Socket Mode', () => {
  it('delivers a slash command over the socket and acks with the answer', async () => {
    const sockFake = await startFakeSlack();
    const sockStore = await openStore({ dataDir: ':memory:' });
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_APP_TOKEN: 'xapp-test',
      SLACK_API_URL: sockFake.apiUrl,
      LOG_LEVEL: 'silent',
    });
    const app = await startSlackApp(config, {
      core,
      store: sockStore,
      logger: createLogger({ level: 'silent' }),
      scheduler: false,
      bolt: {
        botId: sockFake.botId,
        botUserId: sockFake.botUserId,
        tokenVerificationEnabled: false,
        clientOptions: { slackApiUrl: sockFake.apiUrl, retryConfig: { retries: 0 } },
      },
    });
    try {
      await sockFake.waitForSocket();
      const ack = await sockFake.sendEnvelope({
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          command: '/stats',
          text: 'leeds productivity',
          channel_id: TEST_CHANNEL_ID,
          user_id: TEST_USER_ID,
          team_id: 'T0TEAM',
          response_url: sockFake.responseUrl('s1'),
        },
      });
      expect(JSON.stringify(ack.payload)).toContain('£41.5');
    } finally {
      await app.stop();
      await sockStore.close();
      await sockFake.close();
    }
  });
});

describe('QuickChart renderer', () => {
  it('posts an image block with alt text, and uploads a PNG when the URL would pass 3,000 characters', async () => {
    const qcFake = await startFakeSlack();
    const qcStore = await openStore({ dataDir: ':memory:' });
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      PORT: '0',
      SLACK_API_URL: qcFake.apiUrl,
      CHART_RENDERER: 'quickchart',
      QUICKCHART_BASE_URL: 'http://127.0.0.1:3400',
      LOG_LEVEL: 'silent',
    });
    const app = await startSlackApp(config, {
      core,
      store: qcStore,
      logger: createLogger({ level: 'silent' }),
      scheduler: false,
      bolt: {
        botId: qcFake.botId,
        botUserId: qcFake.botUserId,
        tokenVerificationEnabled: false,
        clientOptions: { slackApiUrl: qcFake.apiUrl, retryConfig: { retries: 0 } },
      },
    });
    try {
      const url = `http://127.0.0.1:${app.port}`;
      await postToApp(
        url,
        'command',
        { command: '/compare', text: 'leeds vs reading on pay', response_url: qcFake.responseUrl('q1') },
        { secret: SECRET },
      );
      const post = await qcFake.waitFor('chat.postMessage', undefined, 5000);
      const blocks = post.params.blocks as { type: string; image_url: string; alt_text: string }[];
      expect(blocks[0].type).toBe('image');
      expect(blocks[0].image_url.startsWith('http://127.0.0.1:3400/chart?')).toBe(true);
      expect(blocks[0].image_url.length).toBeLessThanOrEqual(3000);
      expect(blocks[0].alt_text).toContain('Leeds');
      expect(blocks[0].alt_text).toContain('Reading');
      // Twelve places over 15 years: too long for image_url, so rendered locally and uploaded.
      const places =
        'leeds, bradford, wakefield, kirklees, calderdale, sheffield, barnsley, rotherham, doncaster, york, hull, manchester';
      await postToApp(
        url,
        'command',
        { command: '/trend', text: `pay for ${places} since 2010`, response_url: qcFake.responseUrl('q2') },
        { secret: SECRET },
      );
      await qcFake.waitFor('files.completeUploadExternal', undefined, 10000);
    } finally {
      await app.stop();
      await qcStore.close();
      await qcFake.close();
    }
  });
});

describe('health', () => {
  it('/healthz says 503 while the statistics load, then 200', async () => {
    const hFake = await startFakeSlack();
    const hStore = await openStore({ dataDir: ':memory:' });
    let release: (c: typeof core) => void = () => undefined;
    const slowCore = new Promise<typeof core>((r) => {
      release = r;
    });
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      PORT: '0',
      SLACK_API_URL: hFake.apiUrl,
      LOG_LEVEL: 'silent',
    });
    // A fixed free port: the app reports its port only once started, and it starts serving before the core is ready.
    const probe = (await import('node:net')).createServer();
    const port = await new Promise<number>((r) =>
      probe.listen(0, '127.0.0.1', () => r((probe.address() as import('node:net').AddressInfo).port)),
    );
    await new Promise((r) => probe.close(r));
    const starting = startSlackApp(
      { ...config, port },
      {
        core: slowCore,
        store: hStore,
        logger: createLogger({ level: 'silent' }),
        scheduler: false,
        bolt: {
          botId: hFake.botId,
          botUserId: hFake.botUserId,
          tokenVerificationEnabled: false,
          clientOptions: { slackApiUrl: hFake.apiUrl, retryConfig: { retries: 0 } },
        },
      },
    );
    let status = 0;
    for (let i = 0; i < 50 && status !== 503; i++) {
      status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status,
        () => 0,
      );
      if (status !== 503) await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(503);
    release(core);
    const app = await starting;
    try {
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await app.stop();
      await hStore.close();
      await hFake.close();
    }
  });
});
