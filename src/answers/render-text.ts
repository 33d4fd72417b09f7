import { formatDate, formatDiff, formatPct, formatValue, ordinal } from './format';
import type {
  Alternative,
  Answer,
  ClarifyAnswer,
  CompareAnswer,
  Difference,
  Figure,
  GapAnswer,
  HelpAnswer,
  IndicatorRef,
  RankAnswer,
  SourceRef,
  StatsAnswer,
  TrendAnswer,
} from './types';

// Plain-text rendering (CLI, console, Slack `text` fallback). Every figure carries its period, and
// every answer ends with its source line.

export function sourceLine(source: SourceRef, period: string | null): string {
  const parts = [`Source: ${source.org}, ${source.dataset}`, `released ${formatDate(source.releaseDate)}`];
  if (period) parts.push(`period ${period}`);
  return `${parts.join(', ')}. Open Government Licence v3.0.`;
}

export function figureText(f: Figure, ind: IndicatorRef): string {
  if (f.value === null) return `no data${f.note ? ` (${f.note})` : ''}`;
  const ci =
    f.lci !== null && f.uci !== null
      ? ` (95% CI ${formatValue(f.lci, ind)} to ${formatValue(f.uci, ind)})`
      : '';
  return `${formatValue(f.value, ind, { unit: true })}${ci}`;
}

export function differenceText(d: Difference, ind: IndicatorRef): string {
  if (d.diff === null || d.toValue === null) return `${d.toName}: no comparable figure`;
  const direction =
    Number(d.diff.toFixed(ind.decimalPlaces)) === 0 ? 'the same as' : d.diff > 0 ? 'above' : 'below';
  const verdict = d.better === null ? '' : d.better ? ' (better)' : ' (worse)';
  return `${formatDiff(d.diff, ind)} (${formatPct(d.diffPct ?? 0)}) ${direction} ${d.toName} at ${formatValue(d.toValue, ind)}${verdict}`;
}

function alternativesText(alternatives: Alternative[]): string[] {
  return alternatives.map(
    (a) =>
      `"${a.text}" was read as ${a.picked.name}. Did you mean ${a.options.map((o) => o.description).join(' or ')}?`,
  );
}

function renderStats(a: StatsAnswer): string {
  const out = [`${a.area.name}`];
  for (const item of a.items) {
    const f = item.figure;
    const period = f.period?.label ?? 'no period';
    out.push('');
    out.push(`${item.indicator.label}, ${period}: ${figureText(f, item.indicator)}`);
    if (item.position)
      out.push(
        `  ${ordinal(item.position.position)} of ${item.position.of} ${item.position.groupLabel} (1st = highest)`,
      );
    for (const c of item.comparisons) out.push(`  ${differenceText(c, item.indicator)}`);
    if (item.newerPeriodElsewhere)
      out.push(
        `  Newer figures (${item.newerPeriodElsewhere.label}) exist for other areas but not for ${a.area.name}.`,
      );
    out.push(`  ${sourceLine(item.source, f.period?.label ?? null)}`);
  }
  return [...out, ...notes(a.notes, a.alternatives)].join('\n');
}

function renderCompare(a: CompareAnswer): string {
  const period = a.period?.label ?? 'no common period';
  const out = [`${a.indicator.label}, ${period}`];
  for (const f of [...a.figures, ...a.references]) out.push(`  ${f.areaName}: ${figureText(f, a.indicator)}`);
  if (a.differences.length > 0) {
    out.push(`Against ${a.figures[0].areaName}:`);
    for (const d of a.differences) {
      if (d.diff === null) out.push(`  ${d.fromName}: no comparable figure`);
      else out.push(`  ${d.fromName}: ${formatDiff(d.diff, a.indicator)} (${formatPct(d.diffPct ?? 0)})`);
    }
  }
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
    const perYear =
      r.perYear !== null
        ? `, ${formatDiff(r.perYear, { ...a.indicator, decimalPlaces: a.indicator.decimalPlaces + 1 })} a year`
        : '';
    out.push(
      `  ${r.areaName}: ${formatValue(r.first.value, a.indicator)} (${r.first.period?.label}) to ${formatValue(r.latest.value, a.indicator)} (${r.latest.period?.label}), ${formatDiff(r.change, a.indicator)} (${formatPct(r.changePct ?? 0)})${perYear}`,
    );
  }
  const last = a.rows.find((r) => r.latest)?.latest?.period?.label ?? null;
  const first = a.rows.find((r) => r.first)?.first?.period?.label ?? null;
  out.push(sourceLine(a.source, first && last ? `${first} to ${last}` : last));
  return [...out, ...notes(a.notes, a.alternatives)].join('\n');
}

function renderRank(a: RankAnswer): string {
  const period = a.period?.label ?? 'no period';
  const shown = a.rows.length < a.total ? `${a.direction} ${a.rows.length} of ${a.total}` : `all ${a.total}`;
  const out = [`${a.indicator.label}, ${period}: ${a.group.label} (${shown}, 1st = highest)`];
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
  out.push(sourceLine(a.source, period));
  return [...out, ...notes(a.notes, a.alternatives)].join('\n');
}

function renderGap(a: GapAnswer): string {
  const ind = a.indicator;
  const out = [`The North-South gap in ${ind.label.toLowerCase()}, ${a.period.label}`];
  for (const f of a.rows) out.push(`  ${f.areaName}: ${figureText(f, ind)}`);
  if (a.north) out.push(`  The North: ${formatValue(a.north.value, ind)} (${a.north.method})`);
  out.push('Gaps:');
  for (const g of a.gaps)
    out.push(`  ${g.fromName} vs ${g.toName}: ${formatDiff(g.gap, ind)} (${formatPct(g.gapPct)})`);
  if (a.movement.length > 0) {
    const m0 = a.movement[0];
    out.push(`Gap to the South East, ${m0.start.label} to ${m0.end.label}:`);
    for (const m of a.movement) {
      const change = Math.abs(m.endGap) - Math.abs(m.startGap);
      const verb =
        Number(change.toFixed(ind.decimalPlaces)) === 0 ? 'unchanged' : change > 0 ? 'widened' : 'narrowed';
      out.push(`  ${m.fromName}: ${formatDiff(m.startGap, ind)} to ${formatDiff(m.endGap, ind)} (${verb})`);
    }
  }
  out.push(sourceLine(a.source, a.period.label));
  return [...out, ...notes(a.notes, [])].join('\n');
}

function renderClarify(a: ClarifyAnswer): string {
  const out: string[] = [];
  for (const p of a.problems) {
    if (p.text === '')
      out.push(`I need ${p.kind === 'place' ? 'a place (or two, to compare)' : `a ${p.kind}`}.`);
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
    case 'stats':
      return renderStats(answer);
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
