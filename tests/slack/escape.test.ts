import fc from 'fast-check';
import { escapeMrkdwn, truncate, truncateWords } from '../../src/slack/escape';

describe('escapeMrkdwn', () => {
  it('neutralises broadcast and user mentions typed by users', () => {
    expect(escapeMrkdwn('<!channel> <!here> <@U123> <#C1|general>')).toBe(
      '&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;#C1|general&gt;',
    );
  });

  it('escapes & first so existing entities are shown literally', () => {
    expect(escapeMrkdwn('A&B &lt;')).toBe('A&amp;B &amp;lt;');
  });

  it('leaves ordinary text alone', () => {
    expect(escapeMrkdwn('Leeds £612 – 2024 😀 @channel')).toBe('Leeds £612 – 2024 😀 @channel');
  });

  it('property: output never contains a control sequence opener', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeMrkdwn(s);
        expect(out).not.toMatch(/<[!@#]/);
        expect(out).not.toContain('<');
        expect(out).not.toContain('>');
        // Reversible: nothing is lost.
        expect(out.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(s);
      }),
    );
  });
});

describe('truncate', () => {
  it('returns short text unchanged', () => {
    expect(truncate('hello', 5)).toBe('hello');
  });

  it('cuts and appends an ellipsis within max', () => {
    expect(truncate('hello world', 6)).toBe('hello…');
  });

  it('does not cut an escape entity in half', () => {
    const text = escapeMrkdwn('ab<cd');
    // "ab&lt;cd": cutting at 5 would leave "ab&l"
    expect(truncate(text, 5)).toBe('ab…');
  });

  it('does not split a surrogate pair', () => {
    expect(truncate('ab😀cd', 4)).toBe('ab…');
  });

  it('does not leave an unterminated link token', () => {
    expect(truncate('see <https://example.org/very/long|ELS> now', 20)).toBe('see …');
  });

  it('handles tiny limits', () => {
    expect(truncate('hello', 0)).toBe('');
    expect(truncate('hello', 1)).toBe('h');
  });

  const piece = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 5 }),
    fc.constantFrom('&amp;', '&lt;', '&gt;', '😀', '<https://x.org|x>', 'é'),
  );
  const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

  it('property: never longer than max, never a lone high surrogate at the cut, never half an entity', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 120 }), (s, max) => {
        const out = truncate(s, max);
        expect(out.length).toBeLessThanOrEqual(Math.max(0, max));
        if (out === s) return;
        const body = out.endsWith('…') ? out.slice(0, -1) : out;
        expect(s.startsWith(body)).toBe(true);
        const last = body.charCodeAt(body.length - 1);
        expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
        expect(body).not.toMatch(/&(a|am|amp|l|lt|g|gt)$/);
      }),
    );
  });

  it('property: escaped then truncated text is still free of live mentions', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(200), (s, max) => {
        expect(truncate(escapeMrkdwn(s), max)).not.toMatch(/<[!@#]/);
      }),
    );
  });
});

describe('truncateWords', () => {
  it('cuts at a word boundary with an ellipsis, and leaves short text alone', () => {
    expect(truncateWords('Leeds vs Reading', 150)).toBe('Leeds vs Reading');
    const long =
      'Manchester vs Liverpool vs Newcastle upon Tyne vs Leeds vs Sheffield · Gross median weekly pay';
    const cut = truncateWords(long, 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut).toBe('Manchester vs Liverpool vs Newcastle…');
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
  });
});
