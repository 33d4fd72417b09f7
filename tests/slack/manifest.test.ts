import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { registeredCommands } from '../../src/slack/listeners';

// The manifests must import cleanly with "Create an app from a manifest". These checks encode the
// manifest schema rules we rely on (slack-notes §2.11, §3.12): no empty arrays, no null values,
// request URLs only in HTTP mode, every scope an event needs, and every command the app registers.

type Manifest = {
  _metadata: { major_version: number };
  display_information: {
    name: string;
    description: string;
    long_description?: string;
    background_color: string;
  };
  features: {
    bot_user: { display_name: string };
    slash_commands: { command: string; description: string; usage_hint?: string; url?: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
};

const root = path.resolve(__dirname, '../..');
const load = (file: string) => yaml.load(fs.readFileSync(path.join(root, file), 'utf8')) as Manifest;

function walk(value: unknown, at: string, problems: string[]): void {
  if (value === null || value === undefined) problems.push(`${at} is null`);
  else if (Array.isArray(value)) {
    if (value.length === 0) problems.push(`${at} is an empty array`);
    for (const [i, v] of value.entries()) walk(v, `${at}[${i}]`, problems);
  } else if (typeof value === 'object')
    for (const [k, v] of Object.entries(value)) walk(v, `${at}.${k}`, problems);
}

// What the app's command listener dispatches (src/slack/listeners/commands), not a list of files.
const registered = registeredCommands().sort();

describe.each([
  ['manifest.yml', true],
  ['manifest.http.yml', false],
])('%s', (file, socket) => {
  const m = load(file);
  it('has no empty arrays or null values', () => {
    const problems: string[] = [];
    walk(m, 'manifest', problems);
    expect(problems).toEqual([]);
  });
  it('respects the schema’s length limits', () => {
    expect(m._metadata.major_version).toBe(1);
    expect(m.display_information.name.length).toBeLessThanOrEqual(35);
    expect(m.display_information.description.length).toBeLessThanOrEqual(140);
    expect((m.display_information.long_description ?? '').length).toBeGreaterThanOrEqual(174);
    expect(m.display_information.long_description?.length ?? 0).toBeLessThanOrEqual(4000);
    expect(m.display_information.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    for (const c of m.features.slash_commands) {
      expect(c.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect((c.usage_hint ?? '').length).toBeLessThanOrEqual(100);
    }
  });
  it('lists exactly the slash commands the app registers', () => {
    expect(m.features.slash_commands.map((c) => c.command).sort()).toEqual(registered);
  });
  it('asks for the scopes its events and calls need, and no legacy scopes', () => {
    const scopes = m.oauth_config.scopes.bot;
    expect(scopes).toEqual(
      expect.arrayContaining([
        'commands',
        'chat:write',
        'files:write',
        'app_mentions:read',
        'im:history',
        'im:write',
      ]),
    );
    expect(scopes).not.toContain('files:write:user');
    expect(m.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_mention', 'message.im']),
    );
  });
  it(socket ? 'has no request URLs in Socket Mode' : 'sends everything to /slack/events over HTTPS', () => {
    expect(m.settings.socket_mode_enabled).toBe(socket);
    const urls = [
      m.settings.event_subscriptions.request_url,
      m.settings.interactivity.request_url,
      ...m.features.slash_commands.map((c) => c.url),
    ];
    if (socket) expect(urls.filter(Boolean)).toEqual([]);
    else for (const u of urls) expect(u).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
  });
});
