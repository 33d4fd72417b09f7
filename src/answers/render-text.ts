import { ordinal } from '../format/number';
import {
  benchmarkLines,
  catchingUpLines,
  changeHeadline,
  changeLines,
  lackingLine,
  scatterLines,
} from './render-analyses';
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
} from './phrases';
import type {
  Alternative,
  Answer,
  ClarifyAnswer,
  CompareAnswer,
  Difference,
  GapAnswer,
  HelpAnswer,
  ProfileAnswer,
  ProfileItem,
  RankAnswer,
  StatsAnswer,
  StatsItem,
  TrendAnswer,
} from './types';

// Plain-text rendering (CLI, console, Slack `text` fallback). Every figure carries its period, and
// every answer ends with its source line.

function alternativesText(alternatives: Alternative[]): string[] {
  return alternatives.map(
    (a) =>
      `"${a.text}" was read as ${a.picked.name}. Did you mean ${a.options.map((o) => o.description).join(' or ')}?`,
  );
}

function positionLines(position: StatsItem['position']): string[] {
  return position ? [`  ${positionText(position)}`] : [];
}

function renderStats(a: StatsAnswer): string {
  const out = [`${a.area.name}`];
  for (const item of a.items) {
    const f = item.figure;
    const period = f.period?.label ?? 'no period';
    out.push('');
    out.push(`${item.indicator.label}, ${period}: ${figureText(f, item.indicator)}`);
    out.push(...positionLines(item.position));
    for (const c of item.comparisons) out.push(`  ${differenceText(c, item.indicator)}`);
    const unit = unitNote(item.indicator);
    if (unit) out.push(`  ${unit}`);
    out.push(`  ${sourceLine(item.source, f.period?.label ?? null)}`);
  }
  if (a.items.some((i) => i.position)) out.push('', RANK_ORDER_NOTE);
  return [...out, ...notes(a.notes, a.alternatives)].join('\n');
}

const ARROWS = { up: '↑', down: '↓', flat: '→' } as const;

/** "↑ since 2019": the direction over the last five periods (a direction, not a judgement). */
export function trendArrow(t: ProfileItem['trend']): string {
  return t ? `${ARROWS[t.direction]} since ${t.from.label}` : '';
}

/** One profile line: value and period, rank, the South East and England, the direction. */
export function profileLine(item: ProfileItem): string {
  const f = item.figure;
  const parts = [
    `${item.indicator.label}, ${f.period?.label ?? 'no period'}: ${valueText(f.value, item.indicator, f.note)}`,
  ];
  if (item.position) parts.push(`${ordinal(item.position.position)} of ${item.position.of}`);
  // The South East and England (or the UK where England has no figure), as the issue's profile asks.
  for (const c of item.comparisons) parts.push(differenceText(c, item.indicator));
  const arrow = trendArrow(item.trend);
  if (arrow) parts.push(arrow);
  return parts.join('; ');
}

function renderProfile(a: ProfileAnswer): string {
  const out = [`${a.area.name}: area profile`];
  for (const t of a.themes) {
    out.push('', t.theme.charAt(0).toUpperCase() + t.theme.slice(1));
    for (const item of t.items) out.push(`  ${profileLine(item)}`);
  }
  out.push(
    '',
    `${RANK_ORDER_NOTE} Ranks are among each indicator's comparison set (see /stats). Arrows show the direction over the last five periods.`,
  );
  const sources = [...new Set(a.themes.flatMap((t) => t.items.map((i) => i.source.org)))];
  out.push(`Sources: ${sources.join('; ')} (Explore Local Statistics). Open Government Licence v3.0.`);
  return [...out, ...notes(a.notes, a.alternatives)].join('\n');
}

function renderCompare(a: CompareAnswer): string {
  const period = a.period?.label ?? 'no common period';
  const out = [`${a.indicator.label}, ${period}`];
  for (const f of [...a.figures, ...a.references]) out.push(`  ${f.areaName}: ${figureText(f, a.indicator)}`);
  if (a.differences.length > 0) {
    out.push(`Against ${a.figures[0].areaName}:`);
    for (const d of a.differences) out.push(`  ${d.fromName}: ${differenceText(d, a.indicator)}`);
  }
  const unit = unitNote(a.indicator);
  if (unit) out.push(unit);
  out.push(sourceLine(a.source, period));
  return [...out, ...notes(a.notes, a.alternatives)].join('\n');
}

function renderTrend(a: TrendAnswer): string {
  const out = [`${a.indicator.label}${a.since ? ` since ${a.since}` : ''}`];
  for (const r of [...a.rows, ...a.references]) {
    if (!r.first || !r.latest || r.first.value === null || r.latest.value === null) {
      out.push(`  ${r.areaName}: no data for this range`);
      continue;
    }
    if (r.change === null) {
      out.push(
        `  ${r.areaName}: ${figureText(r.latest, a.indicator)} in ${r.latest.period?.label} (one period only)`,
      );
      continue;
    }
    out.push(
      `  ${r.areaName}: ${valueText(r.first.value, a.indicator)} (${r.first.period?.label}) to ${valueText(r.latest.value, a.indicator)} (${r.latest.period?.label}), ${changeText(r.change, r.changePct, r.perYear, a.indicator)}`,
    );
  }
  const first = a.rows.find((r) => r.first)?.first?.period;
  const last = a.rows.find((r) => r.latest)?.latest?.period;
  const unit = unitNote(a.indicator, true);
  if (unit) out.push(unit);
  out.push(sourceLine(a.source, spanText(first, last)));
  return [...out, ...notes(a.notes, a.alternatives)].join('\n');
}

function renderRank(a: RankAnswer): string {
  const period = a.period?.label ?? 'no period';
  const top = a.rows.length - a.appended.length;
  const shown = top < a.total ? `${a.direction} ${top} of ${a.total}` : `all ${a.total}`;
  const out = [`${a.indicator.label}, ${period}: ${a.group.label} (${shown})`];
  for (const r of a.rows)
    out.push(
      `  ${ordinal(r.position)}. ${r.areaName}${r.northern ? ' (North)' : ''}: ${figureText(r, a.indicator)}`,
    );
  for (const f of a.references) out.push(`  For reference, ${f.areaName}: ${figureText(f, a.indicator)}`);
  if (a.missing.length > 0) {
    const names = a.missing
      .slice(0, 5)
      .map((m) => m.areaName)
      .join(', ');
    out.push(
      `  No data for ${a.missing.length}: ${names}${a.missing.length > 5 ? ` and ${a.missing.length - 5} more` : ''}`,
    );
  }
  out.push(RANK_ORDER_NOTE);
  const unit = unitNote(a.indicator);
  if (unit) out.push(unit);
  out.push(sourceLine(a.source, period));
  return [...out, ...notes(a.notes, a.alternatives)].join('\n');
}

function renderGap(a: GapAnswer): string {
  const ind = a.indicator;
  const out = [`The North-South gap in ${ind.label.toLowerCase()}, ${a.period.label}`];
  for (const f of a.rows) out.push(`  ${f.areaName}: ${figureText(f, ind)}`);
  if (a.north) out.push(`  The North: ${valueText(a.north.value, ind)} (${a.north.method})`);
  out.push('Gaps:');
  for (const g of a.gaps) out.push(`  ${g.fromName}: ${differenceText(gapDifference(g), ind)}`);
  if (a.movement.length > 0) {
    const m0 = a.movement[0];
    out.push(`Gap to the South East relative to its value, ${spanText(m0.start, m0.end)}:`);
    for (const m of a.movement)
      out.push(
        `  ${m.fromName}: ${relativeGapText(m.startRelPct)} in ${m.start.label}, ${relativeGapText(m.endRelPct)} in ${m.end.label} (${m.verdict})`,
      );
  }
  const unit = unitNote(ind, true);
  if (unit) out.push(unit);
  out.push(sourceLine(a.source, a.period.label));
  return [...out, ...notes(a.notes, [])].join('\n');
}

/** A gap row as a Difference, so that it reads like every other comparison (values without CIs here). */
export function gapDifference(g: GapAnswer['gaps'][number]): Difference {
  return {
    to: g.to,
    toName: g.toName,
    toValue: g.toValue,
    diff: g.gap,
    diffPct: g.gapPct,
    verdict: g.verdict,
    method: g.method,
    basis: 'value',
    perHead: null,
    better: null,
  };
}

/** "Gross median weekly pay is not held for 2030: Northstat has April 2008 to April 2025." */
export function yearNotHeldText(y: NonNullable<ClarifyAnswer['yearNotHeld']>): string {
  const held =
    y.first.id === y.last.id ? `only ${y.last.label}` : `figures from ${y.first.label} to ${y.last.label}`;
  return `${y.indicator.label} is not held for ${y.requested}: Northstat has ${held}.`;
}

/** "Northstat doesn't hold average house prices yet; the nearest it has is ..." */
export function notHeldText(u: NonNullable<ClarifyAnswer['unavailable']>): string {
  const nearest = u.nearest
    ? `; the nearest it has is ${u.nearest.label.toLowerCase()}${u.nearest.subtitle ? ` (${u.nearest.subtitle.charAt(0).toLowerCase()}${u.nearest.subtitle.slice(1)})` : ''}, which is a different statistic`
    : '';
  return `Northstat doesn't hold ${u.label} yet${nearest}.`;
}

/** "“Paris” is not a UK place: ..." */
export function foreignText(text: string): string {
  return `"${text}" is not a UK place: Northstat answers for UK councils, regions and nations only.`;
}

function renderClarify(a: ClarifyAnswer): string {
  const out: string[] = [];
  if (a.yearNotHeld) return [yearNotHeldText(a.yearNotHeld), `Try: ${a.example}`].join('\n');
  if (a.unavailable) return [notHeldText(a.unavailable), `Try: ${a.example}`].join('\n');
  if (a.cannot) return [a.cannot, `Try: ${a.example}`].join('\n');
  for (const p of a.problems) {
    if (p.foreign) out.push(foreignText(p.text));
    else if (p.text === '')
      out.push(
        `I need ${p.kind === 'place' ? 'a place (or two, to compare)' : p.kind === 'indicator' ? 'an indicator' : `a ${p.kind}`}.`,
      );
    else {
      const what = p.kind === 'place' ? 'a UK place' : p.kind === 'indicator' ? 'an indicator' : p.kind;
      const hint = p.suggestions.length > 0 ? ` Did you mean ${p.suggestions.slice(0, 5).join(', ')}?` : '';
      out.push(`I couldn't find ${what} called "${p.text}".${hint}`);
    }
  }
  out.push(`Try: ${a.example}`);
  return out.join('\n');
}

function renderHelp(a: HelpAnswer): string {
  return [...a.lines, '', 'Examples:', ...a.examples.map((e) => `  ${e}`)].join('\n');
}

function notes(list: string[], alternatives: Alternative[]): string[] {
  const all = [...list, ...alternativesText(alternatives)];
  return all.length > 0 ? ['', ...all.map((n) => `Note: ${n}`)] : [];
}

export function renderText(answer: Answer): string {
  switch (answer.kind) {
    case 'whats-new':
      return [
        `What's new in Northstat's data`,
        ...answer.lines.map((l) => `  ${l}`),
        ...notes(answer.notes, []),
      ].join('\n');
    case 'stats':
      return renderStats(answer);
    case 'profile':
      return renderProfile(answer);
    case 'change':
      return [
        changeHeadline(answer),
        ...changeLines(answer).map((l) => `  ${l}`),
        ...[lackingLine(answer)].filter((l): l is string => l !== null),
        sourceLine(answer.source, spanText(answer.startPeriod, answer.endPeriod)),
        ...notes(answer.notes, answer.alternatives),
      ].join('\n');
    case 'catching-up':
      return [
        `Is ${answer.areaName} catching up with the South East on ${answer.indicator.label.toLowerCase()}?`,
        ...catchingUpLines(answer).map((l) => `  ${l}`),
        sourceLine(answer.source, spanText(answer.points[0]?.period, answer.points.at(-1)?.period)),
        ...notes(answer.notes, answer.alternatives),
      ].join('\n');
    case 'scatter':
      return [
        ...scatterLines(answer),
        sourceLine(answer.ySource, answer.yPeriod.label),
        ...(answer.xSource.dataset !== answer.ySource.dataset
          ? [sourceLine(answer.xSource, answer.xPeriod.label)]
          : []),
        ...notes(answer.notes, answer.alternatives),
      ].join('\n');
    case 'benchmark':
      return [
        ...benchmarkLines(answer),
        sourceLine(answer.source, answer.period.label),
        ...notes(answer.notes, answer.alternatives),
      ].join('\n');
    case 'compare':
      return renderCompare(answer);
    case 'trend':
      return renderTrend(answer);
    case 'rank':
      return renderRank(answer);
    case 'gap':
      return renderGap(answer);
    case 'clarify':
      return renderClarify(answer);
    case 'help':
      return renderHelp(answer);
  }
}
