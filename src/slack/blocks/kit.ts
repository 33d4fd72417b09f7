import type { types } from '@slack/bolt';
import { truncate, truncateWords } from '../escape';
import { enforceLimits, LIMITS, type SlackBlock } from '../limits';

// The one Block Kit kit: every block Northstat posts (answers, digests, /digest replies) is made here,
// so each per-element limit is enforced in one place and the message-wide ones by `message` below.
// Text passed in is mrkdwn the caller has already escaped (escapeMrkdwn): the kit only shapes it.

export type { SlackBlock };

export interface SlackMessage {
  blocks: SlackBlock[];
  text: string;
}

export function header(text: string): types.HeaderBlock {
  return {
    type: 'header',
    text: { type: 'plain_text', text: truncateWords(text, LIMITS.headerText), emoji: false },
  };
}

export function section(markdown: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(markdown, LIMITS.sectionText) } };
}

/** A section of up to ten two-column fields ("*Leeds*\n£611"). */
export function fields(items: string[]): types.SectionBlock {
  return {
    type: 'section',
    fields: items
      .slice(0, LIMITS.sectionFields)
      .map((t) => ({ type: 'mrkdwn' as const, text: truncate(t, LIMITS.sectionFieldText) })),
  };
}

export function context(lines: string[]): types.ContextBlock {
  return {
    type: 'context',
    elements: lines
      .slice(0, LIMITS.contextElements)
      .map((t) => ({ type: 'mrkdwn' as const, text: truncate(t, LIMITS.textObject) })),
  };
}

export function divider(): types.DividerBlock {
  return { type: 'divider' };
}

export function button(text: string, actionId: string, value: string, style?: 'primary'): types.Button {
  const b: types.Button = {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, LIMITS.buttonText) },
    action_id: truncate(actionId, LIMITS.actionId, ''),
    value: truncate(value, LIMITS.buttonValue, ''),
  };
  if (style) b.style = style;
  return b;
}

/** A section with an overflow menu ("…") beside its text; options are [label, value] pairs. */
export function sectionWithMenu(
  markdown: string,
  actionId: string,
  options: [string, string][],
  blockId?: string,
): types.SectionBlock {
  const block: types.SectionBlock = {
    ...section(markdown),
    accessory: {
      type: 'overflow',
      action_id: truncate(actionId, LIMITS.actionId, ''),
      options: options.slice(0, LIMITS.overflowOptions).map(([label, value]) => ({
        text: { type: 'plain_text' as const, text: truncate(label, LIMITS.optionText) },
        value: truncate(value, LIMITS.optionValue, ''),
      })),
    },
  };
  if (blockId) block.block_id = truncate(blockId, LIMITS.blockId, '');
  return block;
}

export function actions(elements: types.Button[], blockId?: string): types.ActionsBlock {
  const block: types.ActionsBlock = { type: 'actions', elements: elements.slice(0, LIMITS.actionsElements) };
  if (blockId) block.block_id = truncate(blockId, LIMITS.blockId, '');
  return block;
}

/** A whole message within Slack's message-wide limits (block count, total size), with its text fallback. */
export function message(blocks: SlackBlock[], fallback: string): SlackMessage {
  const enforced = enforceLimits(blocks, fallback);
  return { blocks: enforced.blocks, text: enforced.text };
}
