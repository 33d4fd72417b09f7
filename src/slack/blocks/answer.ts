import type { types } from '@slack/bolt';
import {
  CI_BRACKETS_NOTE,
  changeText,
  combinedSourceLine,
  compactFigureText,
  differenceText,
  figureText,
  positionText,
  RANK_ORDER_NOTE,
  relativeGapText,
  shortVerdict,
  sourceLine,
  spanText,
  unitNote,
  valueText,
} from '../../answers/phrases';
import {
  foreignText,
  gapDifference,
  notHeldText,
  renderText,
  trendArrow,
  yearNotHeldText,
} from '../../answers/render-text';
import { benchmarkBlocks, catchingUpBlocks, changeBlocks, scatterBlocks } from './analyses';
import { encodeSpec, specFor, specOf } from '../../answers/replay';
import { formatDate, formatValue, ordinal } from '../../format/number';
import type {
  Alternative,
  Answer,
  ClarifyAnswer,
  GapAnswer,
  HelpAnswer,
  IndicatorRef,
  Position,
  ProfileItem,
  SourceRef,
} from '../../answers/types';
import { hasChart, hasFigures } from '../../answers/has-figures';
import { escapeMrkdwn, truncate } from '../escape';
import { LIMITS } from '../limits';
import {
  actions,
  button,
  context,
  fields,
  header,
  message,
  sectionWithMenu,
  type SlackBlock,
  type SlackMessage,
  section,
} from './kit';

// Pure Block Kit builders: answer model in, { blocks, text } out, always within Slack's limits.
// Every string that could hold user text goes through escapeMrkdwn, so "<!channel>" stays inert.

export const ACTIONS = {
  showChart: 'show_chart',
  compareSimilar: 'compare_similar',
  downloadCsv: 'download_csv',
  downloadXlsx: 'download_xlsx',
  downloadDocx: 'download_docx',
  downloadPng: 'download_png',
  aboutFigure: 'about_figure',
  shareInChannel: 'share_in_channel',
  pickArea: 'pick_area',
  askInstead: 'ask_instead',
  expandTheme: 'expand_theme',
  otherMeaning: 'other_meaning',
} as const;

export interface BlockOptions {
  /** The answer is ephemeral: offer "Share in channel". */
  isPrivate: boolean;
  /** A chart will follow automatically (trend, compare, gap): no "Show chart" button needed. */
  chartFollows?: boolean;
}

export type { SlackMessage };

const e = escapeMrkdwn;

function sourceContext(
  source: SourceRef,
  period: string | null,
  ind: IndicatorRef | null,
): types.ContextBlock {
  const lines = [e(sourceLine(source, period))];
  const unit = ind ? unitNote(ind) : null;
  if (unit) lines.unshift(e(unit));
  if (ind?.caveats) lines.push(e(truncate(`Caveat: ${ind.caveats.split('\n')[0]}`, 300)));
  return context(lines);
}

function actionButtons(answer: Answer, opts: BlockOptions): SlackBlock[] {
  const spec = specOf(answer);
  // No figures, nothing to chart, compare or download: a no-data answer offers no buttons.
  if (!spec || !hasFigures(answer)) return [];
  const value = encodeSpec(spec);
  if (value.length > LIMITS.buttonValue) return [];
  const elements: types.Button[] = [];
  if (!opts.chartFollows && hasChart(answer))
    elements.push(button('Show chart', ACTIONS.showChart, value, 'primary'));
  if (
    (answer.kind === 'stats' || answer.kind === 'compare' || answer.kind === 'trend') &&
    spec.a.length >= 1 &&
    spec.i
  ) {
    elements.push(button('Compare with similar areas', ACTIONS.compareSimilar, value));
  }
  elements.push(button('Download CSV', ACTIONS.downloadCsv, value));
  elements.push(button('Download XLSX', ACTIONS.downloadXlsx, value));
  if (answer.kind === 'profile') {
    elements.push(button('Download Word', ACTIONS.downloadDocx, value));
    elements.push(button('Profile card', ACTIONS.downloadPng, value));
  }
  if (answer.kind !== 'profile') elements.push(button('About this figure', ACTIONS.aboutFigure, value));
  if (opts.isPrivate) elements.push(button('Share in channel', ACTIONS.shareInChannel, value));
  const blocks: SlackBlock[] = [];
  if (answer.kind === 'profile') blocks.push(themeButtons(answer, value));
  blocks.push(actions(elements, 'answer_actions'));
  return blocks;
}

/**
 * "Did you mean …?" in one line with one overflow menu, however many places were ambiguous. The
 * answer's spec rides in the block id; each option says which place to swap for which
 * ("<picked>><other>"), so choosing one rebuilds the answer and replaces this message in place.
 */
function alternativesBlock(answer: Answer, alternatives: Alternative[]): SlackBlock | null {
  if (alternatives.length === 0) return null;
  const read = alternatives
    .map((alt) => `"${e(truncate(alt.text, 40))}" as ${e(alt.picked.name)}`)
    .join(', ');
  const spec = specOf(answer);
  const encoded = spec ? encodeSpec(spec) : '';
  const options: [string, string][] = alternatives.flatMap((alt) =>
    alt.options.map((o): [string, string] => [o.description, `${alt.picked.code}>${o.code}`]),
  );
  if (!spec || encoded.length > LIMITS.blockId || options.length === 0)
    return context([
      `_Read ${read}. Did you mean ${alternatives.flatMap((a) => a.options.map((o) => e(o.description))).join(' or ')}?_`,
    ]);
  return sectionWithMenu(`_Read ${read} (others in the menu)._`, ACTIONS.otherMeaning, options, encoded);
}

/** All the answer's notes in one context block (at most ten elements), not one block each. */
function notesBlock(notes: string[]): SlackBlock | null {
  return notes.length > 0 ? context(notes.map((n) => `_${e(n)}_`)) : null;
}

/** Rank wording said once: the comparison set when every figure shares it, and whether ranks are approximate. */
function rankNote(positions: (Position | null)[]): string | null {
  const ps = positions.filter((p): p is Position => p !== null);
  if (ps.length === 0) return null;
  const sets = new Set(ps.map((p) => p.groupLabel));
  const sizes = new Set(ps.map((p) => p.of));
  const among =
    sets.size > 1
      ? ''
      : sizes.size === 1
        ? ` of ${ps[0].of} ${ps[0].groupLabel}`
        : ` among ${ps[0].groupLabel}`;
  const approx = ps.some((p) => p.approximate) ? '; approximate for survey estimates' : '';
  return `Ranks${among}: 1st = highest${approx}.`;
}

/** "61st of 296" when the set is said once, else the full "61st of 296 local authorities in England". */
function shortPosition(p: Position, setSaidOnce: boolean): string {
  return setSaidOnce
    ? `${ordinal(p.position)} of ${p.of}`
    : `${ordinal(p.position)} of ${p.of} ${p.groupLabel}`;
}

/**
 * The headline figures as a table-like grid of fields (two columns on desktop, one on a phone): per
 * indicator its period, value with interval, rank and the verdict against each comparator. Units,
 * rank order, intervals and sources are said once below, not per figure.
 */
function headlineBlocks(answer: Extract<Answer, { kind: 'stats' }>): SlackBlock[] {
  const positions = answer.items.map((i) => i.position);
  // The comparison set is said once below when every figure shares it ("61st of 296" here).
  const setSaidOnce = new Set(positions.filter((p) => p).map((p) => p?.groupLabel)).size <= 1;
  const cells = answer.items.map((item) => {
    const f = item.figure;
    const rank = item.position ? ` · ${shortPosition(item.position, setSaidOnce)}` : '';
    const against = item.comparisons.every((c) => c.verdict === null)
      ? item.comparisons.length > 0
        ? 'not compared'
        : ''
      : item.comparisons.map((c) => e(shortVerdict(c))).join('; ');
    return `*${e(item.indicator.label)}*, ${e(f.period?.label ?? 'no period')}\n*${e(f.value === null && item.note ? 'no data' : compactFigureText(f, item.indicator))}*${e(rank)}${against ? `\n${against}` : ''}${item.note ? `\n_${e(item.note.short)}_` : ''}\n_released ${e(formatDate(item.source.releaseDate))}_`;
  });
  const said = [
    rankNote(positions),
    answer.items.some((i) => i.figure.lci !== null) ? CI_BRACKETS_NOTE : null,
    ...new Set(answer.items.map((i) => unitNote(i.indicator)).filter((u): u is string => u !== null)),
  ].filter((x): x is string => x !== null);
  return [
    header(`${answer.area.name} · headline figures`),
    fields(cells),
    context([e(said.join(' ')), e(combinedSourceLine(answer.items.map((i) => i.source)))]),
  ];
}

function statsBlocks(answer: Extract<Answer, { kind: 'stats' }>): SlackBlock[] {
  const single = answer.items.length === 1 ? answer.items[0] : null;
  if (!single) return headlineBlocks(answer);
  const f = single.figure;
  const lines = [
    `*${e(single.indicator.label)}, ${e(f.period?.label ?? 'no period')}:* ${e(figureText(f, single.indicator))}`,
  ];
  if (single.position) lines.push(e(positionText(single.position)));
  for (const c of single.comparisons) lines.push(`• ${e(differenceText(c, single.indicator))}`);
  const blocks: SlackBlock[] = [
    header(`${answer.area.name} · ${single.indicator.label}`),
    section(lines.join('\n')),
  ];
  const source = sourceContext(single.source, f.period?.label ?? null, single.indicator);
  if (single.position) source.elements.push({ type: 'mrkdwn', text: RANK_ORDER_NOTE });
  blocks.push(source);
  return blocks;
}

const themeTitle = (theme: string) => theme.charAt(0).toUpperCase() + theme.slice(1);

/** One profile indicator in a line: value, period, rank, the verdicts against the South East and England, the trend. */
function profileItemLine(item: ProfileItem): string {
  const f = item.figure;
  const rank = item.position ? ` · ${ordinal(item.position.position)} of ${item.position.of}` : '';
  const arrow = trendArrow(item.trend);
  const against = item.comparisons.map((c) => shortVerdict(c)).join(', ');
  return `${e(item.indicator.label)}, ${e(f.period?.label ?? 'no period')}: *${e(valueText(f.value, item.indicator, f.note))}*${e(rank)}${against ? ` · ${e(against)}` : ''}${arrow ? ` · ${e(arrow)}` : ''}`;
}

/**
 * A compact profile: each theme's headline indicator (the first, as Explore Local Statistics orders
 * them) and how many more it holds; a button per theme shows the theme in full. The downloads hold all.
 */
function profileBlocks(answer: Extract<Answer, { kind: 'profile' }>): SlackBlock[] {
  const lines = answer.themes.map((t) => {
    const more = t.items.length > 1 ? ` _(+${t.items.length - 1} more)_` : '';
    return `*${e(themeTitle(t.theme))}:* ${profileItemLine(t.items[0])}${more}`;
  });
  const sources = answer.themes.flatMap((t) => t.items.map((i) => i.source));
  return [
    header(`${answer.area.name} · area profile`),
    section(lines.join('\n')),
    context([
      e(
        `${RANK_ORDER_NOTE} Ranks are among each indicator's comparison set; the verdicts against the South East and England as the confidence intervals allow. Arrows: direction over the last five periods. ${combinedSourceLine(sources)} Release dates in each theme and the downloads.`,
      ),
    ]),
  ];
}

/** The buttons that open one theme of a profile in full ("expand_theme:<n>"). */
function themeButtons(answer: Extract<Answer, { kind: 'profile' }>, value: string): types.ActionsBlock {
  return actions(
    answer.themes.map((t, n) => button(themeTitle(t.theme), `${ACTIONS.expandTheme}:${n}`, value)),
    'profile_themes',
  );
}

/** Every indicator of one profile theme, for the "expand" button (ephemeral, so the channel is not flooded). */
export function profileThemeMessage(
  answer: Extract<Answer, { kind: 'profile' }>,
  n: number,
): SlackMessage | null {
  const t = answer.themes[n];
  if (!t) return null;
  const lines = t.items.map((item) => `• ${profileItemLine(item)}`);
  const blocks: SlackBlock[] = [header(`${answer.area.name} · ${themeTitle(t.theme)}`)];
  // At most ~12 lines a section keeps each under the 3,000-character section limit.
  for (let i = 0; i < lines.length; i += 12) blocks.push(section(lines.slice(i, i + 12).join('\n')));
  blocks.push(context([e(`${RANK_ORDER_NOTE} ${combinedSourceLine(t.items.map((i) => i.source))}`)]));
  return message(blocks, e(`${answer.area.name}, ${t.theme}: ${t.items.length} indicators`));
}

function tableLines(rows: { name: string; value: string }[]): string {
  return rows.map((r) => `${r.name}: *${r.value}*`).join('\n');
}

/** "Leeds vs Reading"; from four places "Leeds and 7 other places", so a header is never cut. */
function placesTitle(names: string[]): string {
  return names.length <= 3 ? names.join(' vs ') : `${names[0]} and ${names.length - 1} other places`;
}

function compareBlocks(answer: Extract<Answer, { kind: 'compare' }>): SlackBlock[] {
  const ind = answer.indicator;
  const period = answer.period?.label ?? 'no common period';
  const first = answer.figures[0];
  const diffs = answer.differences.map((d) => `• ${e(d.fromName)}: ${e(differenceText(d, ind))}`);
  return [
    header(`${placesTitle(answer.figures.map((f) => f.areaName))} · ${ind.label}`),
    section(
      `*${e(ind.label)}, ${e(period)}*\n${tableLines([...answer.figures, ...answer.references].map((f) => ({ name: e(f.areaName), value: e(figureText(f, ind)) })))}`,
    ),
    section(diffs.length ? `*Against ${e(first.areaName)}*\n${diffs.join('\n')}` : 'No differences to show.'),
    sourceContext(answer.source, period, ind),
  ];
}

function trendBlocks(answer: Extract<Answer, { kind: 'trend' }>): SlackBlock[] {
  const ind = answer.indicator;
  const lines = [...answer.rows, ...answer.references].map((r) => {
    if (!r.first || !r.latest || r.first.value === null || r.latest.value === null)
      return `• ${e(r.areaName)}: no data for this range`;
    if (r.change === null)
      return `• ${e(r.areaName)}: ${e(valueText(r.latest.value, ind))} (${e(r.latest.period?.label ?? '')}), one period only`;
    return `• ${e(r.areaName)}: ${e(valueText(r.first.value, ind))} (${e(r.first.period?.label ?? '')}) → *${e(valueText(r.latest.value, ind))}* (${e(r.latest.period?.label ?? '')}), ${e(changeText(r.change, r.changePct, r.perYear, ind))}`;
  });
  const first = answer.rows.find((r) => r.first)?.first?.period;
  const last = answer.rows.find((r) => r.latest)?.latest?.period;
  return [
    header(
      `${answer.rows.map((r) => r.areaName).join(', ')} · ${ind.label}${answer.since ? ` since ${answer.since}` : ''}`,
    ),
    section(lines.join('\n')),
    sourceContext(answer.source, spanText(first, last), ind),
  ];
}

function rankBlocks(answer: Extract<Answer, { kind: 'rank' }>): SlackBlock[] {
  const ind = answer.indicator;
  const period = answer.period?.label ?? 'no period';
  const top = answer.rows.length - answer.appended.length;
  const shown = top < answer.total ? `${answer.direction} ${top} of ${answer.total}` : `all ${answer.total}`;
  const rowLines = answer.rows.map(
    (r) =>
      `${ordinal(r.position)}. ${r.northern ? '*' : ''}${e(r.areaName)}${r.northern ? '*' : ''}: ${e(figureText(r, ind))}`,
  );
  const blocks: SlackBlock[] = [header(`${ind.label} · ${answer.group.label}`)];
  // Split long tables over several sections so no single one passes 3,000 characters.
  for (let i = 0; i < rowLines.length; i += 25) blocks.push(section(rowLines.slice(i, i + 25).join('\n')));
  const extra = answer.references.map((f) => `For reference, ${e(f.areaName)}: ${e(figureText(f, ind))}`);
  if (answer.missing.length > 0)
    extra.push(
      `No data for ${answer.missing.length}: ${e(
        answer.missing
          .slice(0, 5)
          .map((m) => m.areaName)
          .join(', '),
      )}${answer.missing.length > 5 ? ` and ${answer.missing.length - 5} more` : ''}`,
    );
  blocks.push(
    section(
      `_${e(period)}, ${shown}; northern places in bold. ${RANK_ORDER_NOTE}_${extra.length ? `\n${extra.join('\n')}` : ''}`,
    ),
  );
  blocks.push(sourceContext(answer.source, period, ind));
  return blocks;
}

/**
 * The gap as a compact table: the unit said once in the heading, each region's gaps to the South
 * East, London and England on one line, the relative gap over time one line a region.
 */
function gapBlocks(answer: GapAnswer): SlackBlock[] {
  const ind = answer.indicator;
  const unit = !ind.prefix && !ind.suffix && ind.unitLabel ? ` (${ind.unitLabel})` : '';
  const hasCi = answer.rows.some((f) => f.lci !== null);
  const values = answer.rows.map((f) => `${e(f.areaName)}: *${e(compactFigureText(f, ind, !unit))}*`);
  if (answer.north)
    values.unshift(
      `*The North*: *${e(unit ? formatValue(answer.north.value, ind) : valueText(answer.north.value, ind))}* _(${e(answer.north.method)})_`,
    );
  const byArea = new Map<string, string[]>();
  for (const g of answer.gaps) {
    const list = byArea.get(g.fromName) ?? [];
    list.push(differenceText(gapDifference(g), ind, true));
    byArea.set(g.fromName, list);
  }
  const gaps = [...byArea].map(([from, list]) => `• ${e(from)}: ${e(list.join('; '))}`);
  const moves = answer.movement.map(
    (m) =>
      `• ${e(m.fromName)}: ${e(relativeGapText(m.startRelPct, null))} → ${e(relativeGapText(m.endRelPct, null))}, *${m.verdict}*`,
  );
  const blocks: SlackBlock[] = [
    header(`The North-South gap · ${ind.label}`),
    section(
      `*${e(ind.label)}, ${e(answer.period.label)}*${e(unit)}${hasCi ? ` _${CI_BRACKETS_NOTE}_` : ''}\n${values.join('\n')}`,
    ),
    section(`*Gaps*\n${gaps.join('\n')}`),
  ];
  if (moves.length)
    blocks.push(
      section(
        `*Gap to the South East relative to its value, ${e(spanText(answer.movement[0].start, answer.movement[0].end) ?? '')}*\n${moves.join('\n')}`,
      ),
    );
  blocks.push(sourceContext(answer.source, answer.period.label, ind));
  return blocks;
}

function clarifyBlocks(answer: ClarifyAnswer): SlackBlock[] {
  if (answer.yearNotHeld)
    return [section(e(yearNotHeldText(answer.yearNotHeld))), context([`Try: \`${e(answer.example)}\``])];
  if (answer.unavailable) return notHeldBlocks(answer.unavailable, answer.example);
  if (answer.cannot) return [section(e(answer.cannot)), context([`Try: \`${e(answer.example)}\``])];
  const lines = answer.problems.map((p) => {
    if (p.foreign) return e(foreignText(p.text));
    if (p.text === '')
      return `I need ${p.kind === 'place' ? 'a place (or two, to compare)' : p.kind === 'indicator' ? 'an indicator' : `a ${p.kind}`}.`;
    const what = p.kind === 'place' ? 'a UK place' : p.kind === 'indicator' ? 'an indicator' : p.kind;
    const hint =
      p.suggestions.length > 0
        ? ` Did you mean ${p.suggestions
            .slice(0, 5)
            .map((s) => `*${e(s)}*`)
            .join(', ')}?`
        : '';
    return `I couldn't find ${what} called "${e(truncate(p.text, 100))}".${hint}`;
  });
  return [
    section(lines.join('\n')),
    context([`Try: \`${e(answer.example)}\` · \`/stats help\` lists everything`]),
  ];
}

/** Not held: said plainly, with a button for the nearest statistic Northstat has (never given unasked). */
function notHeldBlocks(u: NonNullable<ClarifyAnswer['unavailable']>, example: string): SlackBlock[] {
  const blocks: SlackBlock[] = [section(e(notHeldText(u)))];
  if (u.nearest) {
    const spec = u.place
      ? specFor('stats', { a: [u.place.code], i: u.nearest.id })
      : specFor('gap', { i: u.nearest.id });
    const label = `Show ${u.nearest.label.toLowerCase()}${u.place ? ` for ${u.place.name}` : ''}`;
    blocks.push(actions([button(label, ACTIONS.askInstead, encodeSpec(spec))]));
  }
  blocks.push(context([`Try: \`${e(example)}\` · \`/stats help indicators\` lists what Northstat holds`]));
  return blocks;
}

function helpBlocks(answer: HelpAnswer): SlackBlock[] {
  return [
    section(answer.lines.map(e).join('\n')),
    section(`*Examples*\n${answer.examples.map((x) => `\`${e(x)}\``).join('\n')}`),
    context([
      'Figures: Office for National Statistics, Explore Local Statistics. Open Government Licence v3.0.',
    ]),
  ];
}

/** The Block Kit message for an answer, within every Block Kit limit, with a plain-text fallback. */
export function answerMessage(answer: Answer, opts: BlockOptions): SlackMessage {
  let blocks: SlackBlock[];
  switch (answer.kind) {
    case 'stats':
      blocks = statsBlocks(answer);
      break;
    case 'profile':
      blocks = profileBlocks(answer);
      break;
    case 'change':
      blocks = changeBlocks(answer);
      break;
    case 'catching-up':
      blocks = catchingUpBlocks(answer);
      break;
    case 'scatter':
      blocks = scatterBlocks(answer);
      break;
    case 'benchmark':
      blocks = benchmarkBlocks(answer);
      break;
    case 'compare':
      blocks = compareBlocks(answer);
      break;
    case 'trend':
      blocks = trendBlocks(answer);
      break;
    case 'rank':
      blocks = rankBlocks(answer);
      break;
    case 'gap':
      blocks = gapBlocks(answer);
      break;
    case 'clarify':
      blocks = clarifyBlocks(answer);
      break;
    case 'help':
      blocks = helpBlocks(answer);
      break;
    case 'whats-new':
      blocks = [
        header("What's new in Northstat's data"),
        section(answer.lines.map((l) => e(l)).join('\n')),
        context([e('Source: ONS Explore Local Statistics. Open Government Licence v3.0.')]),
      ];
      break;
  }
  if (answer.kind !== 'help' && answer.kind !== 'clarify') {
    // The headline grid gives each figure's own note in its cell, in short: not again below.
    const inCells =
      answer.kind === 'stats' && answer.items.length > 1 ? answer.items.map((i) => i.note?.long) : [];
    const notes = notesBlock(answer.notes.filter((n) => !inCells.includes(n)));
    // Notes sit above the source line, which stays last before the buttons.
    if (notes) blocks.splice(blocks.length - 1, 0, notes);
    const alternatives = alternativesBlock(answer, answer.alternatives);
    if (alternatives) blocks.push(alternatives);
    blocks.push(...actionButtons(answer, opts));
  }
  return message(blocks, e(renderText(answer)));
}

/** A short plain message (errors, "Working on it…"), escaped. */
export function plainMessage(text: string): SlackMessage {
  return { blocks: [section(e(text))], text: e(text) };
}
