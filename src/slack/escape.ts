/**
 * Slack mrkdwn safety helpers.
 *
 * Slack treats `<…>` as control sequences (`<!channel>`, `<!here>`, `<@U123>`, `<#C1|x>`, links),
 * so any text that came from a user or a data file must have `&`, `<` and `>` escaped before it is
 * put into a mrkdwn text object or a message `text`. Plain `@channel` without brackets is not a
 * mention when posted by an app (unless `link_names`/`parse: full` is set, which Northstat never does).
 */

const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Escapes the three characters Slack asks apps to escape. Safe to apply to any untrusted text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (ch) => ENTITY[ch] ?? ch);
}

/** Longest HTML-style entity we may cut into (`&amp;` is 5; allow numeric ones like `&#128512;`). */
const MAX_ENTITY_LENGTH = 10;
const ENTITY_PATTERN = /^&[#a-zA-Z0-9]+;$/;

/**
 * Shortens `text` to at most `max` UTF-16 code units (Slack's limits are counted in characters and
 * a code unit count is never smaller), appending `ellipsis` when something was cut.
 *
 * Never leaves half an escape entity (`&am`), half a surrogate pair (a lone high surrogate renders
 * as U+FFFD and can make Slack reject the payload) or an unterminated `<link|label` token behind.
 */
/** Like truncate, but never cuts a word in half: the cut goes back to the last space (headers, titles). */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = truncate(text, max);
  const space = cut.lastIndexOf(' ');
  return space > max / 2 ? `${cut.slice(0, space).replace(/[\s,;:·-]+$/, '')}…` : cut;
}

export function truncate(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  // If even the ellipsis does not fit, cut without one.
  const marker = ellipsis.length < max ? ellipsis : '';
  let kept = text.slice(0, max - marker.length);

  kept = dropPartialEntity(kept, text);
  kept = dropOpenAngleToken(kept, text);
  kept = dropLoneHighSurrogate(kept);
  return kept + marker;
}

function dropPartialEntity(kept: string, full: string): string {
  const amp = kept.lastIndexOf('&');
  if (amp === -1 || kept.length - amp >= MAX_ENTITY_LENGTH || kept.includes(';', amp)) return kept;
  const semi = full.indexOf(';', amp);
  if (semi === -1 || semi - amp >= MAX_ENTITY_LENGTH) return kept;
  // Only a real entity that straddles the cut is removed; a bare `&` in unescaped text is harmless.
  return ENTITY_PATTERN.test(full.slice(amp, semi + 1)) ? kept.slice(0, amp) : kept;
}

function dropOpenAngleToken(kept: string, full: string): string {
  // Escaped user text never contains `<`, so a `<` here is one of our own link/mention tokens.
  const open = kept.lastIndexOf('<');
  if (open === -1 || kept.includes('>', open)) return kept;
  return full.includes('>', open) ? kept.slice(0, open) : kept;
}

function dropLoneHighSurrogate(kept: string): string {
  const last = kept.charCodeAt(kept.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? kept.slice(0, -1) : kept;
}
