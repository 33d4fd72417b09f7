import { actions, button, context, fields, header, message, section } from '../../../src/slack/blocks/kit';
import { LIMITS, validateBlocks } from '../../../src/slack/limits';

describe('Block Kit kit', () => {
  it('keeps every element within its own limit', () => {
    const long = 'x'.repeat(5000);
    const blocks = [
      header(long),
      section(long),
      fields(Array.from({ length: 14 }, () => long)),
      context(Array.from({ length: 12 }, () => long)),
      actions(Array.from({ length: 30 }, (_, i) => button(long, `a${i}`, 'v'))),
    ];
    // Per-element limits hold; the total size is message()'s job (below).
    expect(validateBlocks(blocks).filter((p) => !p.startsWith('blocks JSON'))).toEqual([]);
    expect(validateBlocks(message(blocks, 'text').blocks)).toEqual([]);
    expect((blocks[0] as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
  });
  it('a message is cut to Slack’s message-wide limits and keeps a text fallback', () => {
    const many = Array.from({ length: 80 }, (_, i) => section(`line ${i}`));
    const m = message(many, 'fallback');
    expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    expect(m.text).toBe('fallback');
  });
});
