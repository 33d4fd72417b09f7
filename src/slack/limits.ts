/**
 * Block Kit limits and a pure enforcer.
 *
 * Slack rejects a whole message (`invalid_blocks`, `msg_blocks_too_long`) when any single limit is
 * exceeded, so everything we post goes through `enforceLimits` first: it is cheaper to show a
 * shortened answer than none. Values: docs.slack.dev/reference/block-kit (see
 * shared/notes/slack-notes.md §3.5) and bolt-js#2509 for the practical total-size ceiling.
 */
import type { types } from '@slack/bolt';
import { truncate } from './escape';

/** What chat.postMessage accepts (Bolt re-exports @slack/types as `types`). */
export type SlackBlock = types.KnownBlock | types.Block;

export const LIMITS = {
  blocksPerMessage: 50,
  /** Modals and App Home. */
  blocksPerView: 100,
  blockId: 255,
  /** Any text object (section text, context text element, …). */
  textObject: 3000,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  /** Overflow menu: options per menu, option text and value. */
  overflowOptions: 5,
  optionText: 75,
  optionValue: 150,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  imageAltText: 2000,
  imageUrl: 3000,
  imageTitle: 2000,
  /** Markdown blocks share one budget per message. */
  markdownTotal: 12_000,
  tableRows: 100,
  tableCells: 20,
  /** Slack truncates longer `text`; anything above this is unreadable in a notification anyway. */
  messageText: 40_000,
  /** Our own cap for the `text` fallback when blocks are present (notifications, screen readers). */
  textFallback: 3000,
  /** bolt-js#2509: `msg_blocks_too_long` was observed at about 13,200 chars of block JSON. */
  blocksJsonObservedFailure: 13_200,
  /** What we allow ourselves: the observed ceiling minus a margin, because the exact rule is unpublished. */
  blocksJson: 12_000,
} as const;

export interface EnforceOptions {
  /** 50 for messages (default), 100 for modals and App Home. */
  maxBlocks?: number;
  /** Total JSON budget for the blocks array; defaults to LIMITS.blocksJson. */
  maxJsonChars?: number;
  /** Text of the section that replaces cut blocks. */
  moreText?: (dropped: number) => string;
}

export interface EnforcedMessage {
  blocks: SlackBlock[];
  text: string;
  /** Human-readable list of what was changed (for a debug log line). Empty when nothing was. */
  changes: string[];
}

type Json = Record<string, unknown>;

const defaultMoreText = (n: number): string => `…and ${n} more`;

/**
 * Returns a copy of `blocks` (and the fallback `text`) that satisfies every limit checked by
 * `validateBlocks`: long texts are truncated entity-safely, over-long lists are cut and end with an
 * "…and N more" section, and the last context block (where answers keep their sources) survives a cut.
 * Input is never mutated.
 */
export function enforceLimits(
  blocks: readonly SlackBlock[],
  text: string,
  options: EnforceOptions = {},
): EnforcedMessage {
  const maxBlocks = Math.max(2, options.maxBlocks ?? LIMITS.blocksPerMessage);
  const maxJson = options.maxJsonChars ?? LIMITS.blocksJson;
  const moreText = options.moreText ?? defaultMoreText;
  const changes: string[] = [];

  const fixed: Json[] = [];
  const seenIds = new Set<string>();
  let markdownBudget: number = LIMITS.markdownTotal;
  blocks.forEach((block, i) => {
    const copy = structuredClone(block) as unknown as Json;
    const result = fixBlock(copy, i, changes, markdownBudget);
    if (result === null) return;
    if (result.type === 'markdown') markdownBudget -= str(result.text).length;
    dedupeBlockId(result, seenIds, i, changes);
    fixed.push(result);
  });

  const cut = cutToFit(fixed, maxBlocks, maxJson, moreText, changes);
  const fallback = truncate(text, LIMITS.textFallback);
  if (fallback !== text) changes.push(`text: truncated ${text.length} → ${fallback.length}`);
  return { blocks: cut as unknown as SlackBlock[], text: fallback, changes };
}

/** Lists every limit violation in `blocks` (empty array = safe to post). */
export function validateBlocks(
  blocks: readonly SlackBlock[],
  options: Pick<EnforceOptions, 'maxBlocks' | 'maxJsonChars'> = {},
): string[] {
  const maxBlocks = options.maxBlocks ?? LIMITS.blocksPerMessage;
  const maxJson = options.maxJsonChars ?? LIMITS.blocksJson;
  const problems: string[] = [];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks (max ${maxBlocks})`);
  const size = JSON.stringify(blocks).length;
  if (size > maxJson) problems.push(`blocks JSON is ${size} chars (max ${maxJson})`);

  const ids = new Set<string>();
  let markdown = 0;
  blocks.forEach((block, i) => {
    const b = block as unknown as Json;
    const where = `blocks[${i}] (${str(b.type)})`;
    const check = (label: string, value: unknown, max: number): void => {
      if (typeof value === 'string' && value.length > max) {
        problems.push(`${where}: ${label} is ${value.length} chars (max ${max})`);
      }
    };
    if (typeof b.block_id === 'string') {
      check('block_id', b.block_id, LIMITS.blockId);
      if (ids.has(b.block_id)) problems.push(`${where}: duplicate block_id`);
      ids.add(b.block_id);
    }
    switch (b.type) {
      case 'section': {
        check('text', textOf(b.text), LIMITS.sectionText);
        const fields = arr(b.fields);
        if (fields.length > LIMITS.sectionFields) {
          problems.push(`${where}: ${fields.length} fields (max ${LIMITS.sectionFields})`);
        }
        fields.forEach((f, j) => {
          check(`fields[${j}]`, textOf(f), LIMITS.sectionFieldText);
        });
        if (isObj(b.accessory)) validateElement(b.accessory, `${where}.accessory`, problems);
        break;
      }
      case 'header':
        check('text', textOf(b.text), LIMITS.headerText);
        if (isObj(b.text) && b.text.type !== 'plain_text') problems.push(`${where}: text must be plain_text`);
        break;
      case 'context': {
        const elements = arr(b.elements);
        if (elements.length > LIMITS.contextElements) {
          problems.push(`${where}: ${elements.length} elements (max ${LIMITS.contextElements})`);
        }
        elements.forEach((e, j) => {
          validateElement(e, `${where}.elements[${j}]`, problems);
        });
        break;
      }
      case 'actions': {
        const elements = arr(b.elements);
        if (elements.length > LIMITS.actionsElements) {
          problems.push(`${where}: ${elements.length} elements (max ${LIMITS.actionsElements})`);
        }
        elements.forEach((e, j) => {
          validateElement(e, `${where}.elements[${j}]`, problems);
        });
        break;
      }
      case 'image':
        validateElement({ ...b, type: 'image' }, where, problems);
        check('title', textOf(b.title), LIMITS.imageTitle);
        break;
      case 'markdown':
        markdown += str(b.text).length;
        break;
      case 'table': {
        const rows: unknown[] = Array.isArray(b.rows) ? b.rows : [];
        if (rows.length > LIMITS.tableRows)
          problems.push(`${where}: ${rows.length} rows (max ${LIMITS.tableRows})`);
        rows.forEach((row, j) => {
          if (Array.isArray(row) && row.length > LIMITS.tableCells) {
            problems.push(`${where}: row ${j} has ${row.length} cells (max ${LIMITS.tableCells})`);
          }
        });
        break;
      }
    }
  });
  if (markdown > LIMITS.markdownTotal) {
    problems.push(`markdown blocks total ${markdown} chars (max ${LIMITS.markdownTotal})`);
  }
  return problems;
}

function validateElement(e: Json, where: string, problems: string[]): void {
  const check = (label: string, value: unknown, max: number): void => {
    if (typeof value === 'string' && value.length > max) {
      problems.push(`${where}: ${label} is ${value.length} chars (max ${max})`);
    }
  };
  check('action_id', e.action_id, LIMITS.actionId);
  switch (e.type) {
    case 'button':
      check('text', textOf(e.text), LIMITS.buttonText);
      check('value', e.value, LIMITS.buttonValue);
      check('url', e.url, LIMITS.buttonUrl);
      break;
    case 'image':
      check('alt_text', e.alt_text, LIMITS.imageAltText);
      check('image_url', e.image_url, LIMITS.imageUrl);
      break;
    case 'mrkdwn':
    case 'plain_text':
      check('text', e.text, LIMITS.textObject);
      break;
  }
}

// ---------------------------------------------------------------------------------------------
// Fixing single blocks

/** Returns the fixed block, or null when it cannot be saved (e.g. an image URL over the limit). */
function fixBlock(b: Json, i: number, changes: string[], markdownBudget: number): Json | null {
  const where = `blocks[${i}] (${str(b.type)})`;
  const note = (what: string): void => {
    changes.push(`${where}: ${what}`);
  };
  if (typeof b.block_id === 'string' && b.block_id.length > LIMITS.blockId) {
    b.block_id = b.block_id.slice(0, LIMITS.blockId);
    note('block_id shortened');
  }
  switch (b.type) {
    case 'section': {
      if (isObj(b.text)) shortenTextObject(b.text, LIMITS.sectionText, note, 'text');
      if (Array.isArray(b.fields)) {
        if (b.fields.length > LIMITS.sectionFields) {
          note(`dropped ${b.fields.length - LIMITS.sectionFields} fields`);
          b.fields = b.fields.slice(0, LIMITS.sectionFields);
        }
        arr(b.fields).forEach((f, j) => {
          shortenTextObject(f, LIMITS.sectionFieldText, note, `fields[${j}]`);
        });
      }
      if (isObj(b.accessory) && !fixElement(b.accessory, note, 'accessory')) {
        delete b.accessory;
        note('accessory dropped');
      }
      return b;
    }
    case 'header':
      if (isObj(b.text)) {
        // Header only accepts plain_text; a mrkdwn header is rejected outright.
        if (b.text.type !== 'plain_text') {
          b.text = { type: 'plain_text', text: str(b.text.text) };
          note('text converted to plain_text');
        }
        shortenTextObject(b.text as Json, LIMITS.headerText, note, 'text');
      }
      return b;
    case 'context': {
      let elements = arr(b.elements).filter((e) => fixElement(e, note, 'element'));
      if (elements.length > LIMITS.contextElements) {
        note(`dropped ${elements.length - LIMITS.contextElements} elements`);
        elements = elements.slice(0, LIMITS.contextElements);
      }
      if (elements.length === 0) return null;
      b.elements = elements;
      return b;
    }
    case 'actions': {
      let elements = arr(b.elements).filter((e) => fixElement(e, note, 'element'));
      if (elements.length > LIMITS.actionsElements) {
        note(`dropped ${elements.length - LIMITS.actionsElements} elements`);
        elements = elements.slice(0, LIMITS.actionsElements);
      }
      if (elements.length === 0) return null;
      b.elements = elements;
      return b;
    }
    case 'image': {
      if (typeof b.image_url === 'string' && b.image_url.length > LIMITS.imageUrl) {
        // A shortened URL points nowhere; dropping the image keeps the rest of the answer postable.
        note('image dropped: image_url too long');
        return null;
      }
      if (typeof b.alt_text === 'string')
        b.alt_text = shorten(b.alt_text, LIMITS.imageAltText, note, 'alt_text');
      if (isObj(b.title)) shortenTextObject(b.title, LIMITS.imageTitle, note, 'title');
      return b;
    }
    case 'markdown': {
      if (markdownBudget <= 0) {
        note('markdown block dropped: per-message markdown budget used up');
        return null;
      }
      b.text = shorten(str(b.text), markdownBudget, note, 'text');
      return b;
    }
    case 'table': {
      if (Array.isArray(b.rows)) {
        const rows: unknown[] = b.rows;
        if (rows.length > LIMITS.tableRows) note(`dropped ${rows.length - LIMITS.tableRows} rows`);
        b.rows = rows
          .slice(0, LIMITS.tableRows)
          .map((row) => (Array.isArray(row) ? row.slice(0, LIMITS.tableCells) : row));
      }
      return b;
    }
    default:
      return b;
  }
}

/** Fixes an interactive or context element in place; false means "drop it". */
function fixElement(e: Json, note: (what: string) => void, label: string): boolean {
  if (typeof e.action_id === 'string' && e.action_id.length > LIMITS.actionId) {
    // Truncating an action_id would silently route clicks to the wrong handler.
    note(`${label} dropped: action_id too long`);
    return false;
  }
  switch (e.type) {
    case 'button':
      if (typeof e.url === 'string' && e.url.length > LIMITS.buttonUrl) {
        note(`${label} dropped: url too long`);
        return false;
      }
      if (typeof e.value === 'string' && e.value.length > LIMITS.buttonValue) {
        note(`${label} dropped: value too long`);
        return false;
      }
      if (isObj(e.text)) shortenTextObject(e.text, LIMITS.buttonText, note, `${label}.text`);
      return true;
    case 'image':
      if (typeof e.image_url === 'string' && e.image_url.length > LIMITS.imageUrl) {
        note(`${label} dropped: image_url too long`);
        return false;
      }
      if (typeof e.alt_text === 'string') {
        e.alt_text = shorten(e.alt_text, LIMITS.imageAltText, note, `${label}.alt_text`);
      }
      return true;
    case 'mrkdwn':
    case 'plain_text':
      shortenTextObject(e, LIMITS.textObject, note, `${label}.text`);
      return true;
    default:
      return true;
  }
}

function shortenTextObject(t: Json, max: number, note: (what: string) => void, label: string): void {
  if (typeof t.text === 'string') t.text = shorten(t.text, max, note, label);
}

function shorten(value: string, max: number, note: (what: string) => void, label: string): string {
  const out = truncate(value, max);
  if (out !== value) note(`${label} truncated ${value.length} → ${out.length}`);
  return out;
}

function dedupeBlockId(b: Json, seen: Set<string>, i: number, changes: string[]): void {
  if (typeof b.block_id !== 'string') return;
  if (seen.has(b.block_id)) {
    // Slack rejects duplicate block_ids; the second one loses its id rather than the whole message failing.
    delete b.block_id;
    changes.push(`blocks[${i}]: duplicate block_id removed`);
    return;
  }
  seen.add(b.block_id);
}

// ---------------------------------------------------------------------------------------------
// Cutting the list

function cutToFit(
  blocks: Json[],
  maxBlocks: number,
  maxJson: number,
  moreText: (n: number) => string,
  changes: string[],
): Json[] {
  if (blocks.length <= maxBlocks && jsonSize(blocks) <= maxJson) return blocks;

  // Sources live in the last context block; a cut answer without its source is worse than a shorter one.
  const sourcesIndex = findLastIndex(blocks, (b) => b.type === 'context');
  let sources = sourcesIndex === -1 ? undefined : blocks[sourcesIndex];
  const content = blocks.filter((_, i) => i !== sourcesIndex);
  const total = content.length;

  const assemble = (kept: Json[]): Json[] => {
    const out = [...kept];
    if (kept.length < total) out.push(moreSection(moreText(total - kept.length)));
    if (sources) out.push(sources);
    return out;
  };

  // A sources block bigger than a third of the budget would otherwise squeeze out all the content.
  if (sources && jsonSize(sources) > maxJson / 3) sources = shrinkToFit(sources, Math.floor(maxJson / 3));

  const room = maxBlocks - 1 - (sources ? 1 : 0);
  let kept = content.slice(0, Math.max(0, room));
  while (kept.length > 1 && jsonSize(assemble(kept)) > maxJson) kept = kept.slice(0, -1);

  // Still too big: the first content block alone is huge. Shrink it, then drop it.
  if (kept.length === 1 && jsonSize(assemble(kept)) > maxJson) {
    const budget = maxJson - jsonSize(assemble([])) - 1;
    const shrunk = shrinkToFit(kept[0], budget);
    kept = shrunk ? [shrunk] : [];
  }
  if (jsonSize(assemble(kept)) > maxJson) sources = undefined;

  const out = assemble(kept);
  changes.push(
    `cut to ${out.length} blocks (${total - kept.length} dropped, ${jsonSize(out)} chars of JSON)`,
  );
  return out;
}

function moreSection(text: string): Json {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) } };
}

/**
 * Halves the allowed length of every text in `block` until its JSON fits in `budget` characters.
 * Returns undefined when even very short texts do not fit (the block is then dropped).
 */
function shrinkToFit(block: Json, budget: number): Json | undefined {
  let limit: number = LIMITS.textObject;
  let candidate = block;
  while (jsonSize(candidate) > budget) {
    limit = Math.floor(limit / 2);
    if (limit < 8) return undefined;
    candidate = capStrings(structuredClone(block), limit);
  }
  return candidate;
}

/** Truncates display texts (never ids, urls or values, which must stay exact) to `limit`. */
function capStrings(node: Json, limit: number): Json {
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string' && (key === 'text' || key === 'alt_text')) {
      node[key] = truncate(value, limit);
    } else if (Array.isArray(value)) {
      node[key] = value
        .slice(0, Math.max(1, Math.floor(limit / 100)))
        .map((v) => (isObj(v) ? capStrings(v, limit) : v));
    } else if (isObj(value)) {
      capStrings(value, limit);
    }
  }
  return node;
}

// ---------------------------------------------------------------------------------------------
// Small helpers for walking untyped JSON

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arr(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter(isObj) : [];
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function textOf(v: unknown): unknown {
  return isObj(v) ? v.text : undefined;
}

function jsonSize(v: unknown): number {
  return JSON.stringify(v).length;
}

function findLastIndex<T>(items: readonly T[], pred: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (pred(items[i])) return i;
  return -1;
}
