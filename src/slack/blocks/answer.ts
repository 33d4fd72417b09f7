import type { types } from '@slack/bolt';
import {
  changeText,
  differenceText,
  figureText,
  positionText,
  RANK_ORDER_NOTE,
  relativeGapText,
  sourceLine,
  spanText,
  unitNote,
  valueText,
} from '../../answers/phrases';
import {
  foreignText,
  gapDifference,
  notHeldText,
  profileLine,
  renderText,
  yearNotHeldText,
} from '../../answers/render-text';
import { chartInputFor } from '../../answers/chart-input';
import { benchmarkBlocks, catchingUpBlocks, changeBlocks, scatterBlocks } from './analyses';
import { encodeSpec, specFor, specOf } from '../../answers/replay';
import { ordinal } from '../../format/number';
import type {
  Alternative,
  Answer,
  ClarifyAnswer,
  GapAnswer,
  HelpAnswer,
  IndicatorRef,
  SourceRef,
} from '../../answers/types';
import { escapeMrkdwn, truncate } from '../escape';
import { LIMITS } from '../limits';
import {
  actions,
  button,
  context,
  header,
  message,
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

function actionButtons(answer: Answer, opts: BlockOptions): types.ActionsBlock | null {
  const spec = specOf(answer);
  if (!spec) return null;
  const value = encodeSpec(spec);
  if (value.length > LIMITS.buttonValue) return null;
  const elements: types.Button[] = [];
  if (!opts.chartFollows && chartInputFor(answer) !== null)
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
  return actions(elements, 'answer_actions');
}

/** "Did you mean …?" buttons: each re-asks the same question with the other area swapped in. */
function alternativesBlocks(answer: Answer, alternatives: Alternative[]): SlackBlock[] {
  const spec = specOf(answer);
  const blocks: SlackBlock[] = [];
  for (const [k, alt] of alternatives.slice(0, 3).entries()) {
    blocks.push(
      section(
        `_"${e(alt.text)}" was read as ${e(alt.picked.name)}. Did you mean ${alt.options.map((o) => e(o.description)).join(' or ')}?_`,
      ),
    );
    if (!spec) continue;
    const elements = alt.options.slice(0, 5).map((o) => {
      const swapped = { ...spec, a: spec.a.map((c) => (c === alt.picked.code ? o.code : c)) };
      return button(o.name, `${ACTIONS.pickArea}:${k}:${o.code}`, encodeSpec(swapped));
    });
    if (elements.length > 0) blocks.push(actions(elements));
  }
  return blocks;
}

function statsBlocks(answer: Extract<Answer, { kind: 'stats' }>): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  const single = answer.items.length === 1 ? answer.items[0] : null;
  blocks.push(
    header(
      single ? `${answer.area.name} · ${single.indicator.label}` : `${answer.area.name} · headline figures`,
    ),
  );
  for (const item of answer.items) {
    const f = item.figure;
    const lines = [
      `*${e(item.indicator.label)}, ${e(f.period?.label ?? 'no period')}:* ${e(figureText(f, item.indicator))}`,
    ];
    if (item.position) lines.push(e(positionText(item.position)));
    for (const c of item.comparisons) lines.push(`• ${e(differenceText(c, item.indicator))}`);
    blocks.push(section(lines.join('\n')));
  }
  // One context for all the sources (and the rank order, said once), not one per figure: shorter to scan.
  const sources =
    answer.items.length > 1
      ? [...new Set(answer.items.map((i) => e(sourceLine(i.source, i.figure.period?.label ?? null))))]
      : [];
  const rankNote = answer.items.some((i) => i.position) ? [RANK_ORDER_NOTE] : [];
  if (sources.length + rankNote.length > 0) blocks.push(context([...sources, ...rankNote]));
  if (single)
    blocks.push(sourceContext(single.source, single.figure.period?.label ?? null, single.indicator));
  return blocks;
}

/** A compact profile: the first three indicators of each theme; the CSV holds them all. */
function profileBlocks(answer: Extract<Answer, { kind: 'profile' }>): SlackBlock[] {
  const blocks: SlackBlock[] = [header(`${answer.area.name} · area profile`)];
  for (const t of answer.themes) {
    const lines = t.items.slice(0, 3).map((item) => `• ${e(profileLine(item))}`);
    const more = t.items.length > 3 ? `\n_and ${t.items.length - 3} more in the CSV_` : '';
    blocks.push(
      section(`*${e(t.theme.charAt(0).toUpperCase() + t.theme.slice(1))}*\n${lines.join('\n')}${more}`),
    );
  }
  blocks.push(
    context([
      RANK_ORDER_NOTE,
      'Arrows: direction over the last five periods. Sources: ONS Explore Local Statistics. OGL v3.0.',
    ]),
  );
  return blocks;
}

function tableLines(rows: { name: string; value: string }[]): string {
  return rows.map((r) => `${r.name}: *${r.value}*`).join('\n');
}

function compareBlocks(answer: Extract<Answer, { kind: 'compare' }>): SlackBlock[] {
  const ind = answer.indicator;
  const period = answer.period?.label ?? 'no common period';
  const first = answer.figures[0];
  const diffs = answer.differences.map((d) => `• ${e(d.fromName)}: ${e(differenceText(d, ind))}`);
  return [
    header(`${answer.figures.map((f) => f.areaName).join(' vs ')} · ${ind.label}`),
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

function gapBlocks(answer: GapAnswer): SlackBlock[] {
  const ind = answer.indicator;
  const values = answer.rows.map((f) => ({ name: e(f.areaName), value: e(figureText(f, ind)) }));
  if (answer.north)
    values.unshift({
      name: '*The North*',
      value: `${e(valueText(answer.north.value, ind))} _(${e(answer.north.method)})_`,
    });
  const gaps = answer.gaps.map((g) => `• ${e(g.fromName)}: ${e(differenceText(gapDifference(g), ind))}`);
  const moves = answer.movement.map(
    (m) =>
      `• ${e(m.fromName)}: ${e(relativeGapText(m.startRelPct))} (${e(m.start.label)}) → ${e(relativeGapText(m.endRelPct))} (${e(m.end.label)}), *${m.verdict}*`,
  );
  const blocks: SlackBlock[] = [
    header(`The North-South gap · ${ind.label}`),
    section(`*${e(ind.label)}, ${e(answer.period.label)}*\n${tableLines(values)}`),
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
  }
  if (answer.kind !== 'help' && answer.kind !== 'clarify') {
    for (const note of answer.notes) blocks.splice(blocks.length - 1, 0, context([`_${e(note)}_`]));
    blocks.push(...alternativesBlocks(answer, answer.alternatives));
    const actions = actionButtons(answer, opts);
    if (actions) blocks.push(actions);
  }
  return message(blocks, e(renderText(answer)));
}

/** A short plain message (errors, "Working on it…"), escaped. */
export function plainMessage(text: string): SlackMessage {
  return { blocks: [section(e(text))], text: e(text) };
}
