import { Writable } from 'node:stream';
import { createLogger, REDACTED, scrubSecrets, toBoltLogger } from '../src/log';

const BOT = 'xoxb-1234-5678-abcdefSECRET';
const APP = 'xapp-1-A1-999-fedcbaSECRET';

function capture(level = 'debug') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = createLogger({ level, destination: stream });
  return { log, lines, output: () => lines.join('') };
}

describe('createLogger redaction', () => {
  it('redacts a logged object containing an xoxb- token', () => {
    const { log, lines } = capture();
    log.info({ token: BOT, config: { slack: { botToken: BOT, signingSecret: 'shhh-signing' } } }, 'starting');
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(line.token).toBe(REDACTED);
    expect(line).toMatchObject({
      config: { slack: { botToken: '[Redacted]', signingSecret: '[Redacted]' } },
    });
    expect(lines[0]).not.toContain('SECRET');
    expect(lines[0]).not.toContain('shhh');
  });

  it('redacts Authorization headers and SLACK_* environment values', () => {
    const { log, output } = capture();
    log.info({
      req: { headers: { authorization: `Bearer ${BOT}` } },
      env: { SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: 'x' },
    });
    log.info({ headers: { authorization: 'Bearer abc' } });
    expect(output()).not.toMatch(/abcdefSECRET|fedcbaSECRET|Bearer/);
    expect(output()).toContain('[Redacted]');
  });

  it('scrubs token-shaped values at unknown paths, in messages and in errors', () => {
    const { log, output } = capture();
    log.warn({ payload: { text: `my token is ${BOT}`, list: [APP] } }, `failed with ${BOT}`);
    log.error({ err: new Error(`invalid_auth for ${BOT}`) }, 'boom');
    log.info('url %s', 'postgres://northstat:hunter2@db:5432/n');
    const out = output();
    expect(out).not.toContain('SECRET');
    expect(out).not.toContain('hunter2');
    expect(out).toContain('invalid_auth for [Redacted]');
    expect(out).toContain('"type":"Error"');
  });

  it('scrubSecrets leaves ordinary text alone', () => {
    expect(scrubSecrets('Leeds pay xoxo-not-a-token 2024')).toBe('Leeds pay xoxo-not-a-token 2024');
    expect(scrubSecrets(`a ${BOT} b`)).toBe('a [Redacted] b');
    expect(scrubSecrets('rotated xoxe.xoxp-1-abc')).toBe('rotated [Redacted]');
  });
});

describe('toBoltLogger', () => {
  it('adapts to the Bolt Logger interface with redaction', () => {
    const { log, output } = capture('info');
    const bolt = toBoltLogger(log);
    bolt.info('token', BOT);
    bolt.debug('hidden at info');
    bolt.setLevel('debug' as Parameters<typeof bolt.setLevel>[0]);
    bolt.setName('socket');
    bolt.debug('now visible');
    expect(bolt.getLevel()).toBe('debug');
    const out = output();
    expect(out).not.toContain('SECRET');
    expect(out).not.toContain('hidden at info');
    expect(out).toContain('now visible');
    expect(out).toContain('"component":"socket"');
  });
});
