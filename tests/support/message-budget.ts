import type { types } from '@slack/bolt';
import type { SlackBlock } from '../../src/slack/blocks/kit';

// What a reader sees of a message: the text of headers, sections (and their fields) and contexts,
// with mrkdwn markup removed (*bold*, _italic_, `code`) and links counted by their label, not URL.
// Button labels are controls, not text to read, and are not counted.

function visible(mrkdwn: string): string {
  return mrkdwn
    .replace(/<[^|>]+\|([^>]+)>/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function visibleText(blocks: readonly SlackBlock[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    if (b.type === 'header') parts.push((b as types.HeaderBlock).text.text);
    if (b.type === 'section') {
      const section = b as types.SectionBlock;
      if (section.text) parts.push(visible(section.text.text));
      for (const f of section.fields ?? []) parts.push(visible(f.text));
    }
    if (b.type === 'context')
      for (const el of (b as types.ContextBlock).elements)
        if ('text' in el && typeof el.text === 'string') parts.push(visible(el.text));
  }
  return parts.join('\n');
}
