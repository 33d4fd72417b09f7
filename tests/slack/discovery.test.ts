import { PassThrough } from 'node:stream';
import { runConsole } from '../../src/cli/console';
import { main } from '../../src/cli/northstat';
import { loadCore } from '../../src/data/core';
import { type AppHarness, startAppHarness, TEST_SIGNING_SECRET } from '../support/app-harness';
import { nextTs, postToApp } from '../support/slack-signing';

// Discovery and per-command help (issue 10) on every surface: the same questions give the same help in
// Slack (slash command and mention), the local console and the CLI.

const core = loadCore();
const THEMES_LINE = 'What Northstat holds, by theme (ONS Explore Local Statistics)';
// A line of the list only the discovery answer has: a theme heading with an everyday word under it.
const LAY_WORDS = /on the dole|claimants/;

describe('discovery and help in Slack', () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await startAppHarness(core);
  });
  afterAll(async () => app.stop());
  beforeEach(async () => {
    await app.started.idle();
    app.fake.reset();
  });

  /** The ack's text and blocks plus anything posted to the response_url. */
  async function slash(command: string, text: string): Promise<string> {
    const res = await postToApp(
      app.base,
      'command',
      { command, text, response_url: app.fake.responseUrl(`r${nextTs()}`) },
      { secret: TEST_SIGNING_SECRET },
    );
    expect(res.status).toBe(200);
    const ack = await res.text();
    await app.started.idle();
    const later = app.fake.calls('response').map((c) => JSON.stringify(c.params));
    return [ack, ...later].join('\n');
  }

  it.each([
    ['/stats', 'indicators'],
    ['/stats', 'help indicators'],
    ['/stats', 'what can you measure'],
  ])('%s %s lists the themes with the words that reach each indicator', async (command, text) => {
    const out = await slash(command, text);
    expect(out).toContain(THEMES_LINE);
    expect(out).toMatch(LAY_WORDS);
  });

  it.each(['stats', 'rank', 'gap', 'scatter', 'profile'])(
    '/%s help is that command’s usage',
    async (name) => {
      const out = await slash(`/${name}`, 'help');
      expect(out).toContain(`Usage: /${name}`);
      expect(out).not.toContain('I need a place');
    },
  );

  it('"@Northstat what can you do?" answers with the themes in the thread', async () => {
    const ts = nextTs();
    await postToApp(
      app.base,
      'app_mention',
      { text: `<@${app.fake.botUserId}> what can you do?`, ts, event_id: `EvDisc${ts}` },
      { secret: TEST_SIGNING_SECRET },
    );
    const post = await app.fake.waitFor('chat.postMessage', undefined, 5000);
    expect(post.params.thread_ts).toBe(ts);
    expect(JSON.stringify(post.params)).toContain(THEMES_LINE);
  });
});

describe('discovery and help in the console and the CLI', () => {
  it('the console answers per-command help, discovery and Slack-only commands', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => {
      text += c.toString();
    });
    const done = runConsole(input, output);
    input.end('/stats help\n/rank help\nwhat can you measure\n/digest list\nquit\n');
    expect(await done).toBe(0);
    expect(text).toContain('Usage: /stats');
    expect(text).toContain('Usage: /rank');
    expect(text).toContain(THEMES_LINE);
    expect(text).toContain(
      '/digest subscribes a Slack channel to a weekly digest; it works in Slack, not here.',
    );
    expect(text).not.toMatch(/couldn.t find a UK place called .?digest/i);
    expect(text).not.toContain('I need a place');
  });

  it('the CLI answers the same', async () => {
    const lines: string[] = [];
    expect(await main(['ask', 'help indicators'], (s) => lines.push(s))).toBe(0);
    expect(lines.join('\n')).toContain(THEMES_LINE);
    lines.length = 0;
    expect(await main(['ask', '/gap help'], (s) => lines.push(s))).toBe(0);
    expect(lines.join('\n')).toContain('Usage: /gap');
  });
});
