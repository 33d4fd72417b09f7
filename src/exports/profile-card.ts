import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { trendArrow } from '../answers/render-text';
import { valueText } from '../answers/phrases';
import type { Answer, Difference, ProfileAnswer, ProfileItem } from '../answers/types';
import { initLocalRenderer, yieldToEventLoop } from '../charts/render-local';
import { FONT_FAMILY, PALETTE } from '../charts/spec';
import { ENGLAND, UK } from '../data/geography';
import { formatDate } from '../format/number';
import { OGL_LINE, themeTitle } from './profile-parts';

// "Profile card": the profile on one 16:9 slide, drawn directly on a canvas (a grid of text, which
// Chart.js has no use for). Verdicts are words, never colour alone; every value carries its period.

export const CARD_WIDTH = 1600;
export const CARD_HEIGHT = 900;
/** Indicators per theme on the card: the theme's headline ones (the profile sorts them first). */
const PER_THEME = 2;
const COLUMNS = 3;
const MARGIN = 40;
const HEADER = 120;
const FOOTER = 112;
/** Vertical room per indicator: label, value, (period when it does not fit beside the value), verdict. */
const ITEM_HEIGHT = 86;
const TEXT = '#0B0C0C';

/**
 * The verdict against the national comparator in words: "Below England (worse)", "Similar to the UK".
 * England where it has a figure for the period, else the UK, as the engine compares (and names it).
 */
export function englandVerdict(item: ProfileItem): string {
  const d: Difference | undefined =
    item.comparisons.find((c) => c.to === ENGLAND) ?? item.comparisons.find((c) => c.to === UK);
  const name = d?.to === UK ? 'the UK' : 'England';
  if (!d || d.verdict === null) {
    if (item.figure.area === ENGLAND) return '';
    return d?.notCompared ? `Not compared (${d.notCompared})` : 'Not compared with England';
  }
  const per = d.basis === 'per-head' ? ' per head' : '';
  const judged = d.better === null ? '' : d.better ? ' (better)' : ' (worse)';
  if (d.verdict === 'similar') return `Similar to ${name} (within the margin of error)`;
  if (d.verdict === 'same') return `Same as ${name}${per}`;
  return `${d.verdict === 'higher' ? 'Above' : 'Below'} ${name}${per}${judged}`;
}

/** The items a theme shows on the card: those with a value, headline first. */
export function cardItems(answer: ProfileAnswer): { theme: string; items: ProfileItem[] }[] {
  return answer.themes.map((t) => ({
    theme: t.theme,
    items: t.items.filter((i) => i.figure.value !== null).slice(0, PER_THEME),
  }));
}

/** `text` cut with an ellipsis to fit `width` pixels in the current font. */
function cutToWidth(ctx: SKRSContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid).trimEnd()}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

/** Greedy word wrap to at most `maxLines` lines of `width` pixels; the last line is cut to fit. */
function wrap(ctx: SKRSContext2D, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  const words = text.split(' ');
  for (const [i, word] of words.entries()) {
    const next = current ? `${current} ${word}` : word;
    if (ctx.measureText(next).width <= width || !current) current = next;
    else {
      lines.push(current);
      current = word;
      if (lines.length === maxLines - 1) {
        lines.push(cutToWidth(ctx, words.slice(i).join(' '), width));
        return lines;
      }
    }
  }
  if (current) lines.push(current);
  return lines;
}

function font(ctx: SKRSContext2D, size: number, bold = false): void {
  ctx.font = `${bold ? 'bold ' : ''}${size}px "${FONT_FAMILY}"`;
}

function drawItem(ctx: SKRSContext2D, item: ProfileItem, x: number, y: number, width: number): void {
  const f = item.figure;
  ctx.fillStyle = TEXT;
  font(ctx, 15);
  ctx.fillText(cutToWidth(ctx, item.indicator.label, width), x, y);
  font(ctx, 24, true);
  const value = cutToWidth(ctx, valueText(f.value, item.indicator), width);
  ctx.fillText(value, x, y + 28);
  const valueWidth = ctx.measureText(value).width;
  font(ctx, 15);
  const period = f.period?.label ?? '';
  // The period beside the value when it fits, else on its own line: never cut ("academic year 2024 t…").
  const beside = valueWidth + 10 + ctx.measureText(period).width <= width;
  ctx.fillStyle = PALETTE.darkGrey;
  if (beside) ctx.fillText(period, x + valueWidth + 10, y + 28);
  else ctx.fillText(cutToWidth(ctx, period, width), x, y + 50);
  ctx.fillStyle = TEXT;
  const arrow = trendArrow(item.trend);
  ctx.fillText(
    cutToWidth(ctx, [englandVerdict(item), arrow].filter(Boolean).join(' · '), width),
    x,
    y + (beside ? 50 : 70),
  );
}

function sourcesLine(answer: ProfileAnswer, shown: ProfileItem[]): string {
  const seen = new Map<string, string>();
  for (const i of shown)
    seen.set(i.source.dataset, `${i.source.dataset} (${formatDate(i.source.releaseDate)})`);
  return `Sources (release dates): ${[...seen.values()].join('; ')}. All ${answer.themes.reduce((n, t) => n + t.items.length, 0)} indicators, with sources, in the Word and XLSX downloads.`;
}

/** The profile as one 1600 x 900 PNG slide. */
export async function profileCardPng(answer: ProfileAnswer): Promise<Buffer> {
  initLocalRenderer(); // the one font registration, shared with the chart renderer
  const canvas = createCanvas(CARD_WIDTH, CARD_HEIGHT);
  const ctx = canvas.getContext('2d');
  // A PNG is transparent unless painted: white, or it looks broken on a dark slide or in Slack.
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.fillStyle = TEXT;
  font(ctx, 44, true);
  ctx.fillText(cutToWidth(ctx, `${answer.area.name}: area profile`, CARD_WIDTH - 2 * MARGIN), MARGIN, 66);
  font(ctx, 18);
  ctx.fillStyle = PALETTE.darkGrey;
  ctx.fillText(
    'Latest figure for each indicator, its period, the direction over the last five periods, and how it compares with England (95% confidence intervals where published).',
    MARGIN,
    100,
    CARD_WIDTH - 2 * MARGIN,
  );
  const themes = cardItems(answer);
  const rows = Math.ceil(themes.length / COLUMNS);
  const cellW = (CARD_WIDTH - 2 * MARGIN) / COLUMNS;
  const cellH = (CARD_HEIGHT - HEADER - FOOTER) / Math.max(1, rows);
  themes.forEach((t, k) => {
    const x = MARGIN + (k % COLUMNS) * cellW;
    const y = HEADER + Math.floor(k / COLUMNS) * cellH;
    ctx.fillStyle = PALETTE.darkBlue;
    ctx.fillRect(x, y + 8, cellW - 24, 3);
    font(ctx, 20, true);
    ctx.fillText(themeTitle(t.theme), x, y + 34);
    t.items.forEach((item, j) => {
      drawItem(ctx, item, x, y + 58 + j * ITEM_HEIGHT, cellW - 24);
    });
  });
  font(ctx, 13);
  ctx.fillStyle = PALETTE.darkGrey;
  const footY = CARD_HEIGHT - FOOTER + 18;
  const lines = wrap(
    ctx,
    sourcesLine(
      answer,
      themes.flatMap((t) => t.items),
    ),
    CARD_WIDTH - 2 * MARGIN,
    4,
  );
  lines.forEach((l, i) => {
    ctx.fillText(l, MARGIN, footY + i * 18);
  });
  ctx.fillText(
    `ONS Explore Local Statistics. Contains public sector information licensed under the ${OGL_LINE}. Made with Northstat.`,
    MARGIN,
    footY + lines.length * 18 + 4,
  );
  try {
    return await canvas.encode('png');
  } finally {
    await yieldToEventLoop();
  }
}

/** A card for answers that have one (profiles), else null. */
export async function answerCardPng(answer: Answer): Promise<Buffer | null> {
  return answer.kind === 'profile' ? profileCardPng(answer) : null;
}
