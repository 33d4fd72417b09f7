import type {
  BarItem,
  ChartInput,
  ConfidenceInterval,
  LineSeries,
  NumberFormat,
  PlaceRole,
} from '../charts/types';
import { ENGLAND, LONDON, NORTHERN_REGIONS, SOUTH_EAST, UK } from '../data/geography';
import { formatDate } from '../format/number';
import { profileChartInput, relativeChartInput } from './chart-relative';
import { positionText, spanText } from './phrases';
import type {
  Answer,
  BenchmarkAnswer,
  CatchingUpAnswer,
  ChangeAnswer,
  GapAnswer,
  IndicatorRef,
  RankAnswer,
  ScatterAnswer,
  SourceRef,
  TrendAnswer,
} from './types';

// Maps answer models onto the chart layer's Slack-free input. Charts never hold a number the answer
// text does not also state.

const REFERENCE_CODES = new Set([SOUTH_EAST, LONDON, ENGLAND, UK]);

function numberFormat(ind: IndicatorRef): NumberFormat {
  return {
    prefix: ind.prefix,
    suffix: ind.suffix,
    decimals: ind.decimalPlaces,
    unitLabel: axisTitle(ind) || undefined,
    multiplier: ind.multiplier,
  };
}

/** Units that say what they measure on their own; anything else gets a short definition. */
const SELF_EXPLANATORY_UNIT = /^(%|£|years|minutes|kwh|people|tco2e|per )/i;

/**
 * The value axis title: the unit with its multiplier and price basis ("£ million, current
 * prices", "%", "years"), and where the unit is a bare word ("affordability ratio", "score out of
 * 10") what the measure is, from the indicator's own metadata: "Affordability ratio: median house
 * price / median gross annual residence-based earnings".
 */
export function axisTitle(ind: IndicatorRef): string {
  const basis = ind.priceBasis && !ind.unitLabel.includes(ind.priceBasis) ? `, ${ind.priceBasis}` : '';
  const unit = `${ind.unitLabel}${basis}`;
  if (!ind.unitLabel || SELF_EXPLANATORY_UNIT.test(ind.unitLabel)) return unit;
  const definition = shortDefinition(ind.subtitle);
  return definition ? `${capitalise(unit)}: ${definition}` : capitalise(unit);
}

/** The metadata definition, trimmed of what the axis already says or a board paper can do without. */
function shortDefinition(subtitle: string): string {
  const d = subtitle
    .replace(/\s*\([^)]*£[^)]*\)\s*$/, '') // "(£ millions)": the unit is already in the title
    .replace(/\s+for people aged .*$/, '')
    .replace(/^.*\bwhich measures (the )?/i, '') // "Annual Average Daily Flow (AADF) which measures ..."
    .replace(/, with .*$/, '')
    .replace(/ \(0 = '[^']*', 10 = '[^']*'\)$/, ' (0 = not at all, 10 = completely)')
    .replace(/^Ratio of (.+?) to (.+)$/i, '$1 / $2')
    .trim();
  return d ? d[0].toLowerCase() + d.slice(1) : '';
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** "£ per hour, " before a period in a subtitle: the unit with its multiplier, or nothing. */
function unitPrefix(ind: IndicatorRef): string {
  return ind.unitLabel ? `${ind.unitLabel}, ` : '';
}

/** " (current prices)" after a span of years: money over time includes inflation. */
function overTimePriceNote(ind: IndicatorRef): string {
  return ind.priceBasis === 'current prices' ? ' (current prices)' : '';
}

export function chartSourceLine(source: SourceRef): string {
  return `Source: ${source.org}, ${source.dataset}, released ${formatDate(source.releaseDate)}. OGL v3.0`;
}

/** The published 95% CI of a figure, or null where ONS publishes none (never a made-up interval). */
function ciOf(f: { lci: number | null; uci: number | null }): ConfidenceInterval | null {
  return f.lci !== null && f.uci !== null ? { lower: f.lci, upper: f.uci } : null;
}

/** The place a group was built around ("areas similar to Barnsley" -> Barnsley's code), else null. */
function groupAnchor(group: { id: string }): string | null {
  return group.id.startsWith('similar-to:') ? group.id.slice('similar-to:'.length) : null;
}

/** The places a ranking was asked about (inside the top N or added after it), and the group's anchor. */
function rankFocus(a: RankAnswer): Set<string> {
  const anchor = groupAnchor(a.group);
  return new Set([...a.highlighted, ...(anchor ? [anchor] : [])]);
}

function role(code: string, northern: boolean): PlaceRole {
  if (REFERENCE_CODES.has(code)) return 'reference';
  return northern ? 'north' : 'other';
}

function isNorthernCode(code: string, northernCodes: Set<string>): boolean {
  return northernCodes.has(code) || (NORTHERN_REGIONS as readonly string[]).includes(code);
}

function lines(a: TrendAnswer): ChartInput {
  const all = [...a.rows, ...a.references];
  // One x axis for every series: the union of their periods, in order.
  const periodIds: string[] = [];
  const labels = new Map<string, string>();
  for (const r of all) {
    for (const p of r.points) {
      if (!labels.has(p.period.id)) {
        labels.set(p.period.id, p.period.label);
        periodIds.push(p.period.id);
      }
    }
  }
  periodIds.sort();
  const northern = new Set(a.areas.filter((x) => x.northern).map((x) => x.code));
  const series: LineSeries[] = all.map((r) => {
    const byId = new Map(r.points.map((p) => [p.period.id, p]));
    const cis = periodIds.map((id) => {
      const p = byId.get(id);
      return p && p.value !== null ? ciOf(p) : null;
    });
    return {
      label: r.areaName,
      values: periodIds.map((id) => byId.get(id)?.value ?? null),
      role: role(r.area, isNorthernCode(r.area, northern)),
      ...(cis.some((c) => c !== null) ? { cis } : {}),
    };
  });
  const byId = new Map(all.flatMap((r) => r.points.map((p) => [p.period.id, p.period] as const)));
  const span = periodIds.length ? spanText(byId.get(periodIds[0]), byId.get(periodIds.at(-1) as string)) : '';
  return {
    kind: 'lines',
    title: `${a.rows.map((r) => r.areaName).join(', ')} · ${a.indicator.label}`,
    subtitle: `${unitPrefix(a.indicator)}${span}${overTimePriceNote(a.indicator)}`,
    format: numberFormat(a.indicator),
    sourceLine: chartSourceLine(a.source),
    periods: periodIds.map((id) => labels.get(id) ?? id),
    series,
  };
}

function gapLines(a: GapAnswer): ChartInput {
  const history = a.history;
  const names: Record<string, string> = {};
  for (const r of a.rows) names[r.area] = r.areaName;
  const codes = Object.keys(history[0]?.values ?? {});
  const series: LineSeries[] = codes.map((code) => ({
    label: names[code] ?? code,
    values: history.map((h) => h.values[code]),
    role: role(code, (NORTHERN_REGIONS as readonly string[]).includes(code)),
  }));
  let band: { upper: string; lower: string } | undefined;
  if (a.north) {
    series.unshift({
      label: 'The North',
      values: history.map((h) => h.north),
      role: 'north',
      aggregate: true,
    });
    band = { upper: names[SOUTH_EAST], lower: 'The North' };
  } else {
    // Shade between the South East and the northern region furthest from it.
    const worst = [...a.gaps]
      .filter((g) => g.to === SOUTH_EAST)
      .sort((x, y) => Math.abs(y.gap) - Math.abs(x.gap))[0];
    if (worst) band = { upper: names[SOUTH_EAST], lower: worst.fromName };
  }
  return {
    kind: 'lines',
    title: `The North-South gap · ${a.indicator.label}`,
    subtitle: `${unitPrefix(a.indicator)}${spanText(history[0]?.period, history.at(-1)?.period) ?? ''}${overTimePriceNote(a.indicator)}${a.north ? `; the North: ${a.north.method.replace(/^derived by Northstat: /, 'derived, ')}` : ''}`,
    format: numberFormat(a.indicator),
    sourceLine: chartSourceLine(a.source),
    periods: history.map((h) => h.period.label),
    series,
    gapBand: band,
  };
}

/** Changes as sorted bars: % or points, the place asked about marked. */
function changeBars(a: ChangeAnswer): ChartInput {
  const pct = a.measure === 'percent';
  const format: NumberFormat = pct
    ? { suffix: '%', decimals: 1, unitLabel: '% change' }
    : {
        ...numberFormat(a.indicator),
        unitLabel:
          a.indicator.suffix === '%' ? 'change, percentage points' : `change, ${a.indicator.unitLabel}`,
      };
  return {
    kind: 'bars',
    title: `Change in ${a.indicator.label}: ${a.group.label}`,
    subtitle: `${spanText(a.startPeriod, a.endPeriod)}${pct ? ', % change' : ''}`,
    format,
    sourceLine: chartSourceLine(a.source),
    items: a.rows.slice(0, 20).map((r) => ({
      label: r.areaName,
      value: pct ? r.changePct : r.change,
      role: r.area === a.highlight ? 'focus' : r.northern ? 'north' : 'other',
    })),
  };
}

/** The place as % of the South East (100 = the South East) and of England, over time. */
function catchingUpLines(a: CatchingUpAnswer): ChartInput {
  return {
    kind: 'lines',
    title: `${a.areaName} as % of the South East · ${a.indicator.label}`,
    subtitle: `100 = the South East's level; ${spanText(a.points[0]?.period, a.points.at(-1)?.period) ?? ''}`,
    format: { suffix: '', decimals: 1, unitLabel: '% of the South East (100 = South East)' },
    sourceLine: chartSourceLine(a.source),
    periods: a.points.map((p) => p.period.label),
    series: [
      {
        label: `${a.areaName}, % of the South East`,
        values: a.points.map((p) => p.pctOfSouthEast),
        role: 'north',
      },
      { label: `${a.areaName}, % of England`, values: a.points.map((p) => p.pctOfEngland), role: 'other' },
      { label: 'South East = 100', values: a.points.map(() => 100), role: 'reference' },
    ],
  };
}

function scatterChart(a: ScatterAnswer): ChartInput {
  const named = new Set([...a.above, ...a.below].map((p) => p.area));
  if (a.highlight) named.add(a.highlight);
  return {
    kind: 'scatter',
    title: `${a.y.label} against ${a.x.label}`,
    subtitle: `${a.group.label}; r = ${a.r === null ? 'n/a' : a.r.toFixed(2)}, n = ${a.n}; ${a.yPeriod.label} and ${a.xPeriod.label}`,
    format: { ...numberFormat(a.y), unitLabel: `${a.y.label} (${a.y.unitLabel}), ${a.yPeriod.label}` },
    xFormat: { ...numberFormat(a.x), unitLabel: `${a.x.label} (${a.x.unitLabel}), ${a.xPeriod.label}` },
    sourceLine: chartSourceLine(a.ySource),
    line: a.line,
    points: a.points.map((p) => ({
      label: p.areaName,
      x: p.x,
      y: p.y,
      role: p.area === a.highlight ? 'focus' : p.northern ? 'north' : p.southEast ? 'southEast' : 'other',
      labelled: named.has(p.area),
    })),
  };
}

/**
 * The first `n` rows in order, always keeping the places asked about: they often come last (after
 * the top N), and a plain slice would cut exactly the bars the user wanted to see.
 */
function firstKeeping<T extends { area: string }>(rows: T[], keep: Set<string>, n: number): T[] {
  const wanted = rows.filter((r) => keep.has(r.area));
  const others = rows.filter((r) => !keep.has(r.area)).slice(0, Math.max(0, n - wanted.length));
  return rows.filter((r) => wanted.includes(r) || others.includes(r));
}

/** The group's values against the benchmark. */
function benchmarkBars(a: BenchmarkAnswer): ChartInput {
  // The verdict is in the label, so the chart says what the text says: a bar past the benchmark whose
  // interval overlaps it is "similar", not "above".
  const similar = new Set(a.similar.map((f) => f.area));
  const anchor = groupAnchor(a.group);
  const all = [...a.above, ...a.similar, ...a.same, ...a.below];
  const shown = firstKeeping(all, new Set(anchor ? [anchor] : []), 19);
  return {
    kind: 'bars',
    title: `${a.indicator.label}: ${a.group.label} against ${a.against.areaName}`,
    subtitle: `${unitPrefix(a.indicator)}${a.period.label}${
      shown.length < all.length ? `; ${shown.length} of ${all.length} places shown` : ''
    }${similar.size > 0 ? '; "(similar)": within the margin of error' : ''}`,
    format: numberFormat(a.indicator),
    sourceLine: chartSourceLine(a.source),
    items: [
      ...shown.map((f) => ({
        label: similar.has(f.area) ? `${f.areaName} (similar)` : f.areaName,
        value: f.value,
        role: f.area === anchor ? ('focus' as const) : ('other' as const),
        ci: ciOf(f),
      })),
      { label: a.against.areaName, value: a.against.value, role: 'reference' as const, ci: ciOf(a.against) },
    ],
  };
}

/** The chart for an answer, or null for answers that have none (help, clarify). */
export function chartInputFor(answer: Answer): ChartInput | null {
  switch (answer.kind) {
    case 'change':
      return changeBars(answer);
    case 'catching-up':
      return answer.points.length >= 2 ? catchingUpLines(answer) : null;
    case 'scatter':
      return scatterChart(answer);
    case 'benchmark':
      return benchmarkBars(answer);
    case 'trend':
      return lines(answer);
    case 'gap':
      return answer.history.length >= 2 ? gapLines(answer) : null;
    case 'compare': {
      const northern = new Set(answer.areas.filter((x) => x.northern).map((x) => x.code));
      // The first place is the one the comparison is about ("Leeds vs Reading", or Barnsley
      // against its statistical neighbours from the "Compare with similar areas" button).
      const focus = answer.figures[0]?.area;
      const items: BarItem[] = [...answer.figures, ...answer.references].map((f) => ({
        label: f.areaName,
        value: f.value,
        role: f.area === focus ? 'focus' : role(f.area, isNorthernCode(f.area, northern)),
        ci: ciOf(f),
      }));
      return {
        kind: 'bars',
        title: `${answer.figures.map((f) => f.areaName).join(' vs ')} · ${answer.indicator.label}`,
        subtitle: `${unitPrefix(answer.indicator)}${answer.period?.label ?? ''}`,
        format: numberFormat(answer.indicator),
        sourceLine: chartSourceLine(answer.source),
        items,
      };
    }
    case 'rank': {
      const focus = rankFocus(answer);
      const items: BarItem[] = [
        ...firstKeeping(answer.rows, focus, 18).map((r) => ({
          label: r.areaName,
          value: r.value,
          role: focus.has(r.area) ? ('focus' as const) : role(r.area, r.northern),
          ci: ciOf(r),
        })),
        ...answer.references.map((f) => ({
          label: f.areaName,
          value: f.value,
          role: 'reference' as const,
          ci: ciOf(f),
        })),
      ];
      return {
        kind: 'bars',
        title: `${answer.indicator.label}: ${answer.group.label}`,
        subtitle: `${answer.direction === 'top' ? 'Highest' : 'Lowest'} ${answer.rows.length} of ${answer.total}, ${answer.period?.label ?? ''}`,
        format: numberFormat(answer.indicator),
        sourceLine: chartSourceLine(answer.source),
        items,
      };
    }
    case 'profile':
      return profileChartInput(answer);
    case 'stats': {
      if (answer.items.length > 1)
        return relativeChartInput(answer.area, answer.items, `${answer.area.name} against England`);
      const item = answer.items[0];
      if (!item || answer.items.length !== 1 || item.figure.value === null) return null;
      // The place is what the chart is about: 'focus', against the South East and England.
      const items: BarItem[] = [
        { label: answer.area.name, value: item.figure.value, role: 'focus', ci: ciOf(item.figure) },
        ...item.comparisons
          .filter((c) => c.toValue !== null)
          .map((c) => ({
            label: c.toName,
            value: c.toValue,
            role: 'reference' as const,
            ci: c.toCi ?? null,
          })),
      ];
      // Its rank, worded as the text answer words it ("93rd of 296 local authorities in England").
      const rank = item.position ? `; ${positionText(item.position)}` : '';
      return {
        kind: 'bars',
        title: `${answer.area.name} · ${item.indicator.label}`,
        subtitle: `${unitPrefix(item.indicator)}${item.figure.period?.label ?? ''}${rank}`,
        format: numberFormat(item.indicator),
        sourceLine: chartSourceLine(item.source),
        items,
      };
    }
    default:
      return null;
  }
}
