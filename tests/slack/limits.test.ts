import fc from 'fast-check';
import { enforceLimits, LIMITS, type SlackBlock, validateBlocks } from '../../src/slack/limits';

const section = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const sources: SlackBlock = {
  type: 'context',
  elements: [{ type: 'mrkdwn', text: 'Source: ONS, ASHE 2024' }],
};

describe('LIMITS', () => {
  it('keeps a margin under the observed msg_blocks_too_long ceiling', () => {
    expect(LIMITS.blocksJson).toBeLessThan(LIMITS.blocksJsonObservedFailure);
    expect(LIMITS.blocksPerMessage).toBe(50);
    expect(LIMITS.blocksPerView).toBe(100);
  });
});

describe('validateBlocks', () => {
  it('accepts a normal answer', () => {
    expect(
      validateBlocks([{ type: 'header', text: { type: 'plain_text', text: 'Pay' } }, section('x'), sources]),
    ).toEqual([]);
  });

  it('names each violation', () => {
    const problems = validateBlocks([
      { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
      section('s'.repeat(3001)),
      {
        type: 'actions',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'b'.repeat(76) }, action_id: 'a', value: 'v' },
        ],
      },
      { type: 'image', image_url: `https://x.org/${'u'.repeat(3000)}`, alt_text: 'chart' },
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('blocks[0] (header): text is 151 chars'),
        expect.stringContaining('blocks[1] (section): text is 3001 chars'),
        expect.stringContaining('blocks[2] (actions).elements[0]: text is 76 chars'),
        expect.stringContaining('blocks[3] (image): image_url'),
      ]),
    );
  });

  it('flags too many blocks and duplicate block ids', () => {
    const many = Array.from({ length: 51 }, () => ({ type: 'divider' }) as SlackBlock);
    expect(validateBlocks(many)[0]).toMatch(/51 blocks/);
    expect(
      validateBlocks([
        { type: 'divider', block_id: 'a' },
        { type: 'divider', block_id: 'a' },
      ]),
    ).toEqual(['blocks[1] (divider): duplicate block_id']);
    expect(validateBlocks(many, { maxBlocks: 100 })).toEqual([]);
  });
});

describe('enforceLimits', () => {
  it('returns equal blocks and no changes when everything fits', () => {
    const blocks = [section('hello'), sources];
    const out = enforceLimits(blocks, 'hello');
    expect(out.blocks).toEqual(blocks);
    expect(out.text).toBe('hello');
    expect(out.changes).toEqual([]);
  });

  it('does not mutate its input', () => {
    const blocks = [section('x'.repeat(4000))];
    const copy = structuredClone(blocks);
    enforceLimits(blocks, 'x');
    expect(blocks).toEqual(copy);
  });

  it('truncates texts entity-safely and caps the fallback text', () => {
    const out = enforceLimits([section(`${'a'.repeat(2997)}&amp;b`)], 't'.repeat(5000));
    const text = (out.blocks[0] as { text: { text: string } }).text.text;
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text.endsWith('a…')).toBe(true);
    expect(out.text.length).toBe(LIMITS.textFallback);
  });

  it('cuts long lists with "…and N more" and keeps the sources context last', () => {
    const blocks = [...Array.from({ length: 60 }, (_, i) => section(`row ${i}`)), sources];
    const out = enforceLimits(blocks, 'rows');
    expect(out.blocks).toHaveLength(50);
    expect(out.blocks[48]).toEqual(section('…and 12 more'));
    expect(out.blocks[49]).toEqual(sources);
    expect(validateBlocks(out.blocks)).toEqual([]);
  });

  it('cuts on total JSON size as well as count', () => {
    const blocks = [...Array.from({ length: 20 }, (_, i) => section(`${i} ${'x'.repeat(2500)}`)), sources];
    const out = enforceLimits(blocks, 'big');
    expect(JSON.stringify(out.blocks).length).toBeLessThanOrEqual(LIMITS.blocksJson);
    expect(out.blocks.at(-1)).toEqual(sources);
    expect(JSON.stringify(out.blocks.at(-2))).toMatch(/…and \d+ more/);
  });

  it('header mrkdwn is converted to plain_text; over-long image URLs drop the image', () => {
    const out = enforceLimits(
      [
        { type: 'header', text: { type: 'mrkdwn', text: '*Pay*' } } as unknown as SlackBlock,
        { type: 'image', image_url: `https://x.org/${'u'.repeat(3000)}`, alt_text: 'chart' },
      ],
      'x',
    );
    expect(out.blocks).toEqual([{ type: 'header', text: { type: 'plain_text', text: '*Pay*' } }]);
  });

  it('uses the modal limit when asked', () => {
    const blocks = Array.from({ length: 80 }, (_, i) => section(String(i)));
    expect(enforceLimits(blocks, 'x', { maxBlocks: LIMITS.blocksPerView }).blocks).toHaveLength(80);
  });

  // --- property -------------------------------------------------------------------------------

  /** Long strings cheaply: a random prefix, then one random unit repeated up to n times. */
  const longText = (max: number) =>
    fc
      .tuple(
        fc.string({ maxLength: 8, unit: 'binary' }),
        fc.constantFrom('a', '&amp;', '😀', '<', 'é', ' '),
        fc.nat(max),
      )
      .map(([prefix, unit, n]) => prefix + unit.repeat(Math.ceil(n / unit.length)));

  const textObj = (max: number) => longText(max).map((text) => ({ type: 'mrkdwn' as const, text }));
  const plain = (max: number) => longText(max).map((text) => ({ type: 'plain_text' as const, text }));
  const url = (max: number) => fc.nat(max).map((n) => `https://example.org/${'p'.repeat(n)}`);
  const button = fc.record({
    type: fc.constant('button' as const),
    text: plain(120),
    action_id: fc.nat(300).map((n) => `a${'i'.repeat(n)}`),
    value: fc.nat(2500).map((n) => 'v'.repeat(n)),
    url: fc.option(url(3200), { nil: undefined }),
  });
  const image = fc.record({
    type: fc.constant('image' as const),
    image_url: url(3200),
    alt_text: longText(2600),
  });

  const block: fc.Arbitrary<SlackBlock> = fc.oneof(
    fc.record({
      type: fc.constant('section' as const),
      text: textObj(4000),
      block_id: fc.option(fc.constantFrom('a', 'b', 'x'.repeat(300)), { nil: undefined }),
    }),
    fc.record({
      type: fc.constant('section' as const),
      fields: fc.array(textObj(2600), { minLength: 1, maxLength: 14 }),
    }),
    fc.record({ type: fc.constant('section' as const), text: textObj(100), accessory: button }),
    fc.record({ type: fc.constant('header' as const), text: plain(300) }),
    fc.record({
      type: fc.constant('context' as const),
      elements: fc.array(fc.oneof(textObj(3500), image), { minLength: 1, maxLength: 14 }),
    }),
    fc.record({
      type: fc.constant('actions' as const),
      elements: fc.array(button, { minLength: 1, maxLength: 30 }),
    }),
    image,
    fc.constant({ type: 'divider' as const }),
  ) as fc.Arbitrary<SlackBlock>;

  it('property: output always passes validateBlocks and the fallback fits', () => {
    fc.assert(
      fc.property(
        fc.array(block, { maxLength: 70 }),
        longText(5000),
        fc.constantFrom(LIMITS.blocksPerMessage, LIMITS.blocksPerView),
        (blocks, text, maxBlocks) => {
          const out = enforceLimits(blocks, text, { maxBlocks });
          expect(validateBlocks(out.blocks, { maxBlocks })).toEqual([]);
          expect(out.text.length).toBeLessThanOrEqual(LIMITS.textFallback);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: a sources context block survives any cut when it is small', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 51, maxLength: 70 }), (blocks) => {
        const input = [...blocks.filter((b) => b.type !== 'context'), sources];
        const out = enforceLimits(input, 'x');
        expect(out.blocks.at(-1)).toEqual(sources);
      }),
      { numRuns: 50 },
    );
  });
});
