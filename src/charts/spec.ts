import type { Chart, ChartConfiguration, ChartDataset, LegendItem, Plugin, Scale, Tick } from 'chart.js';
import { formatDifference, formatMaybe, formatTick, formatValue } from './format';
import type {
  BarItem,
  BarsChartInput,
  ChartInput,
  ConfidenceInterval,
  LinesChartInput,
  NumberFormat,
  PlaceRole,
  ScatterChartInput,
} from './types';

/** Family the local renderer registers DejaVu Sans under (see render-local.ts). */
export const FONT_FAMILY = 'Northstat Sans';
export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 600;
/** Slack's cap on alt_text (Block Kit image block). */
export const MAX_ALT_TEXT = 2000;

/** Analysis Function (GSS) categorical palette; each colour has at least 3:1 contrast on white. */
export const PALETTE = {
  darkBlue: '#12436D',
  turquoise: '#28A197',
  darkPink: '#801650',
  orange: '#F46A25',
  darkGrey: '#3D3D3D',
  lightPurple: '#A285D1',
} as const;

const TEXT_COLOUR = '#0B0C0C';
const GRID_COLOUR = '#E5E5E5';
/** Whiskers in near-black: the one colour that reads over every bar fill, hatch included. */
const WHISKER_COLOUR = TEXT_COLOUR;
/** Said under the title of every chart that draws whiskers (both renderers, and the alt text). */
export const CI_NOTE = 'Lines show 95% confidence intervals';
/** Legend text of the whisker dataset (shown by QuickChart, which cannot filter its legend). */
const CI_LEGEND = '95% confidence interval';
/** Label of the local renderer's white halo under the whiskers (never shown in a legend). */
const CI_HALO = 'whisker halo';
/** Translucent turquoise for the /gap band: visible behind both lines without hiding them. */
const GAP_BAND_COLOUR = '#28A19738'; // #RRGGBBAA: shorter than rgba() in a QuickChart URL
/** Points are drawn in several shapes so series differ by more than colour. */
const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star', 'cross'] as const;
/** Dash patterns for reference lines; the first is a plain dash, then dotted, then dash-dot. */
const REFERENCE_DASHES = [
  [10, 5],
  [3, 4],
  [12, 4, 3, 4],
];

// Order matters: northern places take the strongest colours first. References get their own
// colours so they never look like a northern place.
const FOCUS_COLOURS = [PALETTE.darkBlue, PALETTE.turquoise, PALETTE.darkPink, PALETTE.lightPurple];
const REFERENCE_COLOURS = [PALETTE.orange, PALETTE.darkGrey, TEXT_COLOUR];
/** Every colour a line may take, in the order spare ones are handed out. */
const LINE_COLOURS: readonly string[] = [...FOCUS_COLOURS, ...REFERENCE_COLOURS];

const ROLE_LEGEND: Record<PlaceRole, string> = {
  focus: 'The place asked about',
  north: 'Northern places',
  reference: 'Reference areas (hatched)',
  other: 'Other places',
};

export type BarsConfig = ChartConfiguration<'bar', (number | null)[], string | string[]>;
export type LinesConfig = ChartConfiguration<'line', (number | null)[], string>;
export type ScatterConfig = ChartConfiguration<'scatter', { x: number; y: number }[], string>;
export type NorthstatChartConfig = BarsConfig | LinesConfig | ScatterConfig;

export interface SpecOptions {
  /**
   * Fill for reference bars. The local renderer passes a hatched CanvasPattern (a pattern needs
   * a canvas, which a pure spec cannot create); QuickChart gets its pattern helper string.
   * Without it, reference bars are plain orange but still outlined and labelled "(reference)".
   */
  referenceFill?: CanvasPattern | string;
}

// ---------------------------------------------------------------------------------------------
// Labels

/** "South East (reference)": the word carries the meaning, not the colour. */
export function displayLabel(label: string, role: PlaceRole): string {
  return role === 'reference' ? `${label} (reference)` : label;
}

/**
 * Greedy word wrap onto at most `maxLines` lines; the last line is cut with an ellipsis.
 * Chart.js draws a string[] label as several lines, which keeps long place names legible on
 * a bar chart without squeezing the plot.
 */
export function wrapText(text: string, width: number, maxLines = 2): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const whole = words.join(' ');
  if (whole.length <= width) return [whole];
  if (maxLines === 2) {
    // Balanced split: "Kingston upon / Hull, City of" reads better than a one-word last line.
    let best: string[] | undefined;
    for (let i = 1; i < words.length; i++) {
      const pair = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
      const longest = Math.max(pair[0].length, pair[1].length);
      if (longest <= width && (!best || longest < Math.max(best[0].length, best[1].length))) best = pair;
    }
    if (best) return best;
  }
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (!current) current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines.map((l) => truncate(l, width));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncate(`${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`, width);
  return kept;
}

function truncate(s: string, width: number): string {
  return s.length <= width ? s : `${s.slice(0, Math.max(1, width - 1)).trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------
// Plugins (closures over the input, so the spec stays a pure function of its arguments)

function font(size: number, weight: 'normal' | 'bold' = 'normal') {
  return { family: FONT_FAMILY, size, weight };
}

/** Canvas PNGs are transparent by default, which looks broken in Slack dark mode. */
const whiteBackground: Plugin = {
  id: 'northstatWhiteBackground',
  beforeDraw(chart: Chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/** Source line under the chart, on the image itself so it survives forwarding/downloading. */
function sourceLinePlugin(text: string): Plugin {
  return {
    id: 'northstatSourceLine',
    afterDraw(chart: Chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = `12px "${FONT_FAMILY}"`;
      ctx.fillStyle = PALETTE.darkGrey;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'bottom';
      ctx.fillText(text, 12, chart.height - 8, chart.width - 24);
      ctx.restore();
    },
  };
}

/**
 * Where a bar's value label starts: past the whisker's end when there is one, so the label never
 * sits on top of the interval.
 */
export function labelAnchor(item: BarItem): number | null {
  const ci = itemCi(item);
  if (item.value === null || !ci) return item.value;
  return item.value < 0 ? Math.min(item.value, ci.lower) : Math.max(item.value, ci.upper);
}

/** Value at the end of each bar, and "no data" where a value is missing (never a zero bar). */
function barValueLabelsPlugin(items: BarItem[], fmt: NumberFormat, fontSize: number): Plugin {
  const values = items.map((it) => it.value);
  const anchors = items.map(labelAnchor);
  return {
    id: 'northstatBarValues',
    afterDatasetsDraw(chart: Chart) {
      const { ctx } = chart;
      const x = chart.scales.x;
      const y = chart.scales.y;
      if (!x || !y) return;
      const zero = x.getPixelForValue(0);
      ctx.save();
      ctx.textBaseline = 'middle';
      values.forEach((value, i) => {
        const cy = y.getPixelForValue(i);
        if (value === null) {
          ctx.font = `italic ${fontSize}px "${FONT_FAMILY}"`;
          ctx.fillStyle = PALETTE.darkGrey;
          ctx.textAlign = 'left';
          ctx.fillText('no data', zero + 6, cy);
          return;
        }
        const end = x.getPixelForValue(anchors[i] ?? value);
        ctx.font = `bold ${fontSize}px "${FONT_FAMILY}"`;
        ctx.fillStyle = TEXT_COLOUR;
        ctx.textAlign = value < 0 ? 'right' : 'left';
        ctx.fillText(formatValue(value, fmt), value < 0 ? end - 6 : end + 6, cy);
      });
      ctx.restore();
    },
  };
}

/** A bracket at the latest period where both gap series have data, labelled with the gap. */
function gapAnnotationPlugin(
  upperIndex: number,
  lowerIndex: number,
  pointIndex: number,
  gapText: string,
): Plugin {
  return {
    id: 'northstatGapLabel',
    afterDatasetsDraw(chart: Chart) {
      const a = chart.getDatasetMeta(upperIndex).data[pointIndex];
      const b = chart.getDatasetMeta(lowerIndex).data[pointIndex];
      if (!a || !b) return;
      const { ctx } = chart;
      const x = Math.max(a.x, b.x) + 12;
      ctx.save();
      ctx.strokeStyle = PALETTE.darkGrey;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(x - 4, a.y);
      ctx.lineTo(x, a.y);
      ctx.lineTo(x, b.y);
      ctx.lineTo(x - 4, b.y);
      ctx.stroke();
      ctx.fillStyle = TEXT_COLOUR;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      const mid = (a.y + b.y) / 2;
      ctx.font = `12px "${FONT_FAMILY}"`;
      ctx.fillText('Gap', x + 6, mid - 8);
      ctx.font = `bold 13px "${FONT_FAMILY}"`;
      ctx.fillText(gapText, x + 6, mid + 8);
      ctx.restore();
    },
  };
}

function tickCallback(fmt: NumberFormat) {
  return function (this: Scale, value: number | string, _index: number, ticks: Tick[]): string {
    const step = ticks.length > 1 ? Math.abs(ticks[1].value - ticks[0].value) : undefined;
    return formatTick(Number(value), fmt, step);
  };
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** Bars sorted high to low, missing values last (stable, so equal values keep input order). */
/** The bars in drawing order: as given when the input says so, else by value. */
export function barOrder(input: BarsChartInput): BarsChartInput['items'] {
  return input.keepOrder ? input.items : sortBarItems(input.items);
}

export function sortBarItems(items: BarsChartInput['items']): BarsChartInput['items'] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((p, q) => {
      const a = p.item.value;
      const b = q.item.value;
      if (a === null && b === null) return p.i - q.i;
      if (a === null) return 1;
      if (b === null) return -1;
      return b - a || p.i - q.i;
    })
    .map((p) => p.item);
}

function barFontSize(count: number): number {
  return count <= 10 ? 13 : count <= 15 ? 12 : 11;
}

/**
 * Two-line labels need about 28 px per bar; past 12 bars the slots get thinner than that and
 * wrapped labels would overlap their neighbours, so long names go on one wider line instead.
 */
function barLabel(label: string, count: number): string[] {
  return count <= 12 ? wrapText(label, 26, 2) : wrapText(label, 34, 1);
}

interface BarStyle {
  backgroundColor: string | CanvasPattern;
  borderColor: string;
  borderWidth: number;
}

function barStyle(role: PlaceRole, opts: SpecOptions): BarStyle {
  switch (role) {
    case 'north':
      return { backgroundColor: PALETTE.darkBlue, borderColor: PALETTE.darkBlue, borderWidth: 0 };
    case 'reference':
      return {
        backgroundColor: opts.referenceFill ?? PALETTE.orange,
        borderColor: PALETTE.darkGrey,
        borderWidth: 2,
      };
    case 'other':
      return { backgroundColor: PALETTE.turquoise, borderColor: PALETTE.turquoise, borderWidth: 0 };
    case 'focus':
      return { backgroundColor: PALETTE.darkPink, borderColor: TEXT_COLOUR, borderWidth: 2 };
  }
}

/**
 * One dataset per role (values elsewhere null) with `grouped: false`, so every bar is full
 * width and the built-in legend explains the roles without any custom legend code.
 */
function barDatasets(
  sorted: BarsChartInput['items'],
  opts: SpecOptions,
): ChartDataset<'bar', (number | null)[]>[] {
  const roles: PlaceRole[] = ['focus', 'north', 'reference', 'other'];
  return roles
    .filter((role) => sorted.some((it) => it.role === role))
    .map((role) => ({
      label: ROLE_LEGEND[role],
      data: sorted.map((it) => (it.role === role ? it.value : null)),
      ...barStyle(role, opts),
      grouped: false,
      barPercentage: 0.8,
      categoryPercentage: 0.9,
    }));
}

/** The interval drawn for an item: only where it has both a value and a published CI. */
function itemCi(item: BarItem): ConfidenceInterval | null {
  return item.value !== null && item.ci ? item.ci : null;
}

export function barsHaveCi(items: BarItem[]): boolean {
  return items.some((it) => itemCi(it) !== null);
}

/**
 * Whiskers as one plain line dataset: a segment per bar from lower to upper (a null point breaks
 * the line between bars) with vertical 'line' markers as end caps. It is pure data, so QuickChart
 * draws exactly what the local renderer draws, and the value axis stretches to the whisker ends
 * without any range code.
 */
function ciDataset(sorted: BarItem[], halo = false): ChartDataset<'bar', (number | null)[]> {
  const data = sorted.flatMap((it, i) => {
    const ci = itemCi(it);
    return ci
      ? [
          { x: ci.lower, y: i },
          { x: ci.upper, y: i },
          { x: null, y: i },
        ]
      : [];
  });
  // The halo is the same whisker, wider and white, drawn just under it so the part of a whisker
  // that lies over a dark bar stays visible.
  const colour = halo ? '#FFFFFF' : WHISKER_COLOUR;
  const width = halo ? 4 : 2;
  const whiskers: ChartDataset<'line', ({ x: number | null; y: number } | null)[]> = {
    type: 'line',
    label: halo ? CI_HALO : CI_LEGEND,
    data,
    borderColor: colour,
    // Transparent fill: a legend box drawn for it (QuickChart) is an outline, not a solid bar.
    backgroundColor: 'transparent',
    borderWidth: width,
    pointStyle: 'line',
    pointRotation: 90,
    // Caps shorter than the bar is thick: with many thin bars a long cap reaches the next bar.
    pointRadius: (sorted.length <= 8 ? 7 : sorted.length <= 14 ? 5 : 4) + (halo ? 1 : 0),
    pointBorderWidth: width,
    pointBorderColor: colour,
    spanGaps: false,
    // Points are given as {x: value, y: bar index}; parsing would read a number y as a label.
    parsing: false,
    // Lowest order is drawn last: whiskers sit on top of their halo, which sits on the bars.
    order: halo ? -1 : -2,
  };
  return whiskers as unknown as ChartDataset<'bar', (number | null)[]>;
}

/** The subtitle, with the whisker note as a second line when whiskers are drawn. */
function subtitleText(input: ChartInput, portable = false): string | string[] {
  const hasCi =
    input.kind === 'bars'
      ? barsHaveCi(input.items)
      : input.kind === 'lines' && linesHaveCi(input) && !portable;
  if (!hasCi) return input.subtitle;
  return input.subtitle ? [input.subtitle, CI_NOTE] : CI_NOTE;
}

interface LineStyle {
  colour: string;
  dash: number[];
  pointStyle: (typeof POINT_STYLES)[number];
  width: number;
}

/**
 * Colour, dash and marker for each series. No two series share a colour while colours last (six
 * palette colours plus near-black), nor a dash+marker pair: each series gets its own marker, and
 * references are dashed. A derived aggregate (the North) is thicker and takes the first colour,
 * which no other series then uses, so it never blends into the regions it sums.
 */
export function lineStyles(series: LinesChartInput['series']): LineStyle[] {
  const used = new Set<string>();
  let overflow = 0;
  const pick = (preferred: readonly string[]): string => {
    const free = [...preferred, ...LINE_COLOURS].find((c) => !used.has(c));
    // More series than colours (eight or more): colours repeat, dash and marker still differ.
    const colour = free ?? LINE_COLOURS[overflow++ % LINE_COLOURS.length];
    used.add(colour);
    return colour;
  };
  // Aggregates first, so they get the strongest colour whatever their place in the list.
  const colours = new Map<number, string>();
  const order = series
    .map((s, i) => ({ s, i }))
    .sort((a, b) => Number(!!b.s.aggregate) - Number(!!a.s.aggregate));
  for (const { s, i } of order) {
    colours.set(i, pick(s.role === 'reference' ? REFERENCE_COLOURS : FOCUS_COLOURS));
  }
  let ref = 0;
  return series.map((s, i) => {
    const pointStyle = POINT_STYLES[i % POINT_STYLES.length];
    const cycle = Math.floor(i / POINT_STYLES.length);
    const colour = colours.get(i) ?? TEXT_COLOUR;
    if (s.role === 'reference') {
      const n = ref++;
      return {
        colour,
        dash: REFERENCE_DASHES[(n + cycle) % REFERENCE_DASHES.length],
        pointStyle,
        width: 2.5,
      };
    }
    return {
      colour,
      // Past one lap of the markers, solid lines turn dotted so the dash+marker pair stays unique.
      dash: cycle === 0 ? [] : [2, 2],
      pointStyle,
      width: s.aggregate ? 4.5 : s.role === 'north' ? 3 : 2,
    };
  });
}

function gapIndices(input: LinesChartInput): { upper: number; lower: number } | undefined {
  if (!input.gapBand) return undefined;
  const upper = input.series.findIndex((s) => s.label === input.gapBand?.upper);
  const lower = input.series.findIndex((s) => s.label === input.gapBand?.lower);
  return upper >= 0 && lower >= 0 && upper !== lower ? { upper, lower } : undefined;
}

function lastCommonIndex(a: (number | null)[], b: (number | null)[]): number {
  for (let i = Math.min(a.length, b.length) - 1; i >= 0; i--) {
    if (a[i] !== null && b[i] !== null) return i;
  }
  return -1;
}

/** Whether any line carries a confidence interval. */
function linesHaveCi(input: LinesChartInput): boolean {
  return input.series.some((s) => s.cis?.some((c) => c !== null && c !== undefined));
}

/**
 * Whiskers on lines, as on bars: one plain line dataset per series with intervals, a vertical
 * segment per period (a null point breaks it) with flat caps, in the series' colour. Series are
 * nudged a little apart on the x axis so two places' whiskers at one period do not hide each other.
 */
function lineCiDatasets(
  input: LinesChartInput,
  styles: LineStyle[],
): ChartDataset<'line', (number | null)[]>[] {
  const withCi = input.series.flatMap((s, i) => (s.cis?.some((c) => c) ? [i] : []));
  return withCi.map((i, k) => {
    const nudge = withCi.length > 1 ? (k - (withCi.length - 1) / 2) * 0.08 : 0;
    const data = (input.series[i].cis ?? []).flatMap((ci, p) =>
      ci
        ? [
            { x: p + nudge, y: ci.lower },
            { x: p + nudge, y: ci.upper },
            { x: p + nudge, y: null },
          ]
        : [],
    );
    const dataset: ChartDataset<'line', ({ x: number; y: number | null } | null)[]> = {
      type: 'line',
      label: CI_LEGEND,
      data,
      borderColor: styles[i].colour,
      backgroundColor: 'transparent',
      borderWidth: 1.5,
      pointStyle: 'line',
      pointRadius: input.periods.length > 20 ? 2 : 4,
      pointBorderWidth: 1.5,
      pointBorderColor: styles[i].colour,
      spanGaps: false,
      parsing: false,
    };
    return dataset as unknown as ChartDataset<'line', (number | null)[]>;
  });
}

function lineDatasets(input: LinesChartInput, portable: boolean): ChartDataset<'line', (number | null)[]>[] {
  const styles = lineStyles(input.series);
  const gap = gapIndices(input);
  const many = input.periods.length > 20;
  const datasets: ChartDataset<'line', (number | null)[]>[] = input.series.map((s, i) => {
    const st = styles[i];
    return {
      label: displayLabel(s.label, s.role),
      data: input.periods.map((_, p) => s.values[p] ?? null),
      borderColor: st.colour,
      backgroundColor: st.colour,
      borderWidth: st.width,
      borderDash: st.dash,
      pointStyle: st.pointStyle,
      // Small markers even on long series: the marker is one of the cues that tell lines apart.
      pointRadius: many ? 2 : portable ? 3 : 4,
      pointBorderWidth: 1,
      spanGaps: false,
      tension: 0,
      fill:
        gap && i === gap.upper
          ? { target: gap.lower, above: GAP_BAND_COLOUR, below: GAP_BAND_COLOUR }
          : false,
    };
  });
  // QuickChart's legend cannot hide per-series whisker entries (no functions in its config): there
  // the intervals are in the alt text only.
  if (!portable) datasets.push(...lineCiDatasets(input, styles));
  if (gap) {
    // Legend-only entry so the shaded band is explained in words, not just tint.
    datasets.push({
      label: `Gap: ${input.series[gap.upper].label} minus ${input.series[gap.lower].label}`,
      data: [],
      backgroundColor: GAP_BAND_COLOUR,
      borderColor: GAP_BAND_COLOUR,
      borderWidth: 0,
      pointRadius: 0,
    });
  }
  return datasets;
}

// ---------------------------------------------------------------------------------------------
// Configs

function titleOptions(input: ChartInput) {
  return {
    title: {
      display: true,
      text: wrapText(input.title, 80),
      align: 'start' as const,
      color: TEXT_COLOUR,
      font: font(20, 'bold'),
      padding: { top: 4, bottom: 4 },
    },
    subtitle: {
      display: subtitleText(input).length > 0,
      text: subtitleText(input),
      align: 'start' as const,
      color: PALETTE.darkGrey,
      font: font(14),
      padding: { bottom: 10 },
    },
  };
}

function legendOptions(show: boolean) {
  // ONS style: key above the chart.
  return {
    display: show,
    position: 'top' as const,
    align: 'start' as const,
    labels: { color: TEXT_COLOUR, font: font(13), boxWidth: 32, boxHeight: 14, padding: 14 },
  };
}

/**
 * Line-chart key: a short stroke in the series' colour and dash (not a filled box, which hides
 * the dash), and a filled swatch for the gap band.
 */
function lineLegendItems(chart: Chart): LegendItem[] {
  // Whiskers are explained once, by the subtitle ("Lines show 95% confidence intervals"), not per series.
  return chart.data.datasets
    .flatMap((d, i) => (d.label === CI_LEGEND ? [] : [{ d, i }]))
    .map(({ d, i }) => {
      const ds = d as ChartDataset<'line', (number | null)[]>;
      const isBand = (ds.data?.length ?? 0) === 0;
      const colour = String(ds.borderColor ?? TEXT_COLOUR);
      return {
        text: ds.label ?? '',
        datasetIndex: i,
        fontColor: TEXT_COLOUR,
        fillStyle: String(ds.backgroundColor ?? colour),
        strokeStyle: colour,
        lineWidth: isBand ? 0 : Number(ds.borderWidth ?? 2),
        lineDash: isBand ? [] : ((ds.borderDash as number[] | undefined) ?? []),
        pointStyle: isBand ? 'rect' : 'line',
        hidden: false,
      };
    });
}

/** Chart.js puts the plot right under the key; push it down so the top tick is not cramped. */
const legendSpacing: Plugin = {
  id: 'northstatLegendSpacing',
  beforeInit(chart: Chart) {
    const legend = chart.legend;
    if (!legend) return;
    const originalFit = legend.fit.bind(legend);
    legend.fit = () => {
      originalFit();
      legend.height += 10;
    };
  },
};

const BASE_OPTIONS = {
  responsive: false,
  maintainAspectRatio: false,
  animation: false as const,
  devicePixelRatio: 1,
  // Bottom padding leaves room for the source line drawn by sourceLinePlugin.
  layout: { padding: { top: 8, left: 12, right: 24, bottom: 30 } },
};

function buildBars(input: BarsChartInput, opts: SpecOptions): BarsConfig {
  const sorted = barOrder(input);
  const size = barFontSize(sorted.length);
  const roleDatasets = barDatasets(sorted, opts);
  const datasets = barsHaveCi(sorted)
    ? [...roleDatasets, ciDataset(sorted, true), ciDataset(sorted)]
    : roleDatasets;
  return {
    type: 'bar',
    data: {
      labels: sorted.map((it) => barLabel(displayLabel(it.label, it.role), sorted.length)),
      datasets,
    },
    options: {
      ...BASE_OPTIONS,
      indexAxis: 'y',
      scales: {
        x: {
          beginAtZero: true, // bars must start at zero or lengths mislead
          grace: '12%', // headroom for the value labels at the bar ends
          grid: { color: GRID_COLOUR },
          border: { color: PALETTE.darkGrey },
          ticks: { color: TEXT_COLOUR, font: font(12), callback: tickCallback(input.format) },
          title: {
            display: Boolean(input.format.unitLabel),
            // Horizontal under the plot: room for about 110 characters a line.
            text: wrapText(input.format.unitLabel ?? '', 110, 2),
            color: TEXT_COLOUR,
            font: font(13),
          },
        },
        y: {
          grid: { display: false },
          border: { color: PALETTE.darkGrey },
          // Every place must be named: never let Chart.js skip category labels.
          ticks: { color: TEXT_COLOUR, font: font(size), autoSkip: false },
        },
      },
      plugins: {
        ...titleOptions(input),
        legend: {
          ...legendOptions(roleDatasets.length > 1),
          // The whiskers are explained by the note under the title, not by a key entry.
          labels: {
            ...legendOptions(true).labels,
            filter: (item: LegendItem) => item.text !== CI_LEGEND && item.text !== CI_HALO,
          },
        },
        tooltip: { enabled: false },
      },
    },
    plugins: [
      whiteBackground,
      legendSpacing,
      barValueLabelsPlugin(sorted, input.format, size),
      sourceLinePlugin(input.sourceLine),
    ],
  };
}

function buildLines(input: LinesChartInput): LinesConfig {
  const gap = gapIndices(input);
  const plugins: Plugin<'line'>[] = [whiteBackground, legendSpacing, sourceLinePlugin(input.sourceLine)];
  let rightPadding = BASE_OPTIONS.layout.padding.right;
  if (gap) {
    const upper = input.series[gap.upper].values;
    const lower = input.series[gap.lower].values;
    const at = lastCommonIndex(upper, lower);
    if (at >= 0) {
      const diff = (upper[at] ?? 0) - (lower[at] ?? 0);
      plugins.push(gapAnnotationPlugin(gap.upper, gap.lower, at, formatDifference(diff, input.format)));
      rightPadding = 96; // room for the bracket and its label right of the last point
    }
  }
  return {
    type: 'line',
    data: { labels: [...input.periods], datasets: lineDatasets(input, false) },
    options: {
      ...BASE_OPTIONS,
      layout: { padding: { ...BASE_OPTIONS.layout.padding, right: rightPadding } },
      scales: {
        x: {
          grid: { display: false },
          border: { color: PALETTE.darkGrey },
          ticks: { color: TEXT_COLOUR, font: font(12), maxRotation: 0, autoSkip: true },
        },
        y: {
          grid: { color: GRID_COLOUR },
          border: { color: PALETTE.darkGrey },
          grace: '5%',
          ticks: { color: TEXT_COLOUR, font: font(12), callback: tickCallback(input.format) },
          title: {
            display: Boolean(input.format.unitLabel),
            // Runs up the side of the plot: about 55 characters fit a line.
            text: wrapText(input.format.unitLabel ?? '', 55, 2),
            color: TEXT_COLOUR,
            font: font(13),
          },
        },
      },
      plugins: {
        ...titleOptions(input),
        legend: {
          ...legendOptions(true),
          labels: {
            ...legendOptions(true).labels,
            usePointStyle: true,
            pointStyleWidth: 36,
            generateLabels: lineLegendItems,
          },
        },
        tooltip: { enabled: false },
      },
    },
    plugins,
  };
}

/**
 * Chart.js v4 configuration for the local renderer: pure and deterministic (same input, same
 * config), with the custom plugins inline so nothing is registered globally.
 */
export function buildChartConfig(input: ChartInput, opts: SpecOptions = {}): NorthstatChartConfig {
  if (input.kind === 'scatter') return buildScatter(input, true);
  return input.kind === 'bars' ? buildBars(input, opts) : buildLines(input);
}

const SCATTER_STYLES: Record<
  ScatterChartInput['points'][number]['role'],
  { label: string; colour: string; shape: (typeof POINT_STYLES)[number] }
> = {
  focus: { label: 'The place asked about', colour: PALETTE.darkPink, shape: 'star' },
  north: { label: 'The North', colour: PALETTE.darkBlue, shape: 'circle' },
  southEast: { label: 'South East', colour: PALETTE.orange, shape: 'triangle' },
  other: { label: 'Other places', colour: '#A0A0A0', shape: 'rect' },
};

/** Labels next to the points that carry a name (the place asked about, the furthest off the line). */
function pointLabelsPlugin(input: ScatterChartInput): Plugin<'scatter'> {
  return {
    id: 'northstatPointLabels',
    afterDatasetsDraw(chart) {
      const { ctx, scales } = chart;
      ctx.save();
      ctx.font = `12px "${FONT_FAMILY}"`;
      ctx.fillStyle = TEXT_COLOUR;
      for (const p of input.points.filter((q) => q.labelled)) {
        ctx.fillText(p.label, scales.x.getPixelForValue(p.x) + 6, scales.y.getPixelForValue(p.y) - 6);
      }
      ctx.restore();
    },
  };
}

/** A scatter of places, coloured and shaped by where they are, with the least-squares line. */
function buildScatter(input: ScatterChartInput, withPlugins: boolean): ScatterConfig {
  const roles = (['other', 'southEast', 'north', 'focus'] as const).filter((r) =>
    input.points.some((p) => p.role === r),
  );
  const datasets: ChartDataset<'scatter', { x: number; y: number }[]>[] = roles.map((role) => ({
    label: SCATTER_STYLES[role].label,
    data: input.points.filter((p) => p.role === role).map((p) => ({ x: p.x, y: p.y })),
    backgroundColor: SCATTER_STYLES[role].colour,
    borderColor: role === 'focus' ? TEXT_COLOUR : SCATTER_STYLES[role].colour,
    pointStyle: SCATTER_STYLES[role].shape,
    pointRadius: role === 'focus' ? 9 : role === 'other' ? 3 : 5,
  }));
  if (input.line && input.points.length > 1) {
    const xs = input.points.map((p) => p.x);
    const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
    datasets.push({
      label: 'Trend line (least squares)',
      data: [lo, hi].map((x) => ({ x, y: input.line!.intercept + input.line!.slope * x })),
      type: 'line' as never,
      borderColor: PALETTE.darkGrey,
      borderDash: [6, 4],
      pointRadius: 0,
      showLine: true,
      fill: false,
    } as never);
  }
  const axisTitle = (fmt: NumberFormat) => ({
    display: Boolean(fmt.unitLabel),
    text: fmt.unitLabel ?? '',
    color: TEXT_COLOUR,
    font: font(13),
  });
  return {
    type: 'scatter',
    data: { datasets },
    options: {
      ...BASE_OPTIONS,
      scales: {
        x: {
          grid: { color: GRID_COLOUR },
          border: { color: PALETTE.darkGrey },
          ticks: {
            color: TEXT_COLOUR,
            font: font(12),
            ...(withPlugins ? { callback: tickCallback(input.xFormat) } : {}),
          },
          title: axisTitle(input.xFormat),
        },
        y: {
          grid: { color: GRID_COLOUR },
          border: { color: PALETTE.darkGrey },
          ticks: {
            color: TEXT_COLOUR,
            font: font(12),
            ...(withPlugins ? { callback: tickCallback(input.format) } : {}),
          },
          title: axisTitle(input.format),
        },
      },
      plugins: {
        ...titleOptions(input),
        legend: { ...legendOptions(true), labels: { ...legendOptions(true).labels, usePointStyle: true } },
        tooltip: { enabled: false },
      },
    },
    plugins: withPlugins
      ? [
          whiteBackground as Plugin<'scatter'>,
          legendSpacing as Plugin<'scatter'>,
          sourceLinePlugin(input.sourceLine) as Plugin<'scatter'>,
          pointLabelsPlugin(input),
        ]
      : [],
  };
}

/**
 * Lean, function-free configuration for QuickChart. Every byte lands in a URL capped at 3000
 * characters by Slack, so: no plugins or callbacks (the unit goes into the axis title instead of
 * tick labels), no fonts (the server has its own), missing bars named in the label, and the
 * source line as the bottom axis title, since there is no free slot under the chart.
 */
export function buildPortableChartConfig(input: ChartInput, opts: SpecOptions = {}): NorthstatChartConfig {
  if (input.kind === 'scatter') return buildScatter(input, false);
  const titles = {
    title: { display: true, text: input.title, align: 'start' as const, font: { size: 18 } },
    subtitle: {
      display: subtitleText(input, true).length > 0,
      text: subtitleText(input, true),
      align: 'start' as const,
    },
  };
  const sourceTitle = { display: true, text: input.sourceLine, align: 'start' as const };
  const unitTitle = { display: Boolean(input.format.unitLabel), text: input.format.unitLabel ?? '' };
  if (input.kind === 'bars') {
    const sorted = barOrder(input);
    const roleDatasets = barDatasets(sorted, opts).map(
      ({ barPercentage: _b, categoryPercentage: _c, ...d }) => d,
    );
    // Whiskers are plain data (no plugin), so QuickChart draws them too; its legend names them.
    const datasets = barsHaveCi(sorted) ? [...roleDatasets, ciDataset(sorted)] : roleDatasets;
    return {
      type: 'bar',
      data: {
        labels: sorted.map((it) => {
          const label = displayLabel(it.label, it.role);
          return it.value === null ? `${label} – no data` : label;
        }),
        datasets,
      },
      options: {
        indexAxis: 'y',
        scales: { x: { beginAtZero: true, title: sourceTitle }, y: { ticks: { autoSkip: false } } },
        plugins: { ...titles, legend: { display: datasets.length > 1, align: 'start' } },
      },
    };
  }
  const datasets = lineDatasets(input, true).map((d) => {
    // Drop Chart.js defaults and local-only styling: each key costs URL length.
    const { pointBorderWidth: _w, spanGaps: _s, tension: _t, pointRadius, borderDash, fill, ...rest } = d;
    return {
      ...rest,
      ...(borderDash && borderDash.length > 0 ? { borderDash } : {}),
      ...(fill ? { fill } : {}),
      ...(pointRadius === 3 ? {} : { pointRadius }),
    };
  });
  return {
    type: 'line',
    data: { labels: [...input.periods], datasets },
    options: {
      scales: { x: { title: sourceTitle }, y: { title: unitTitle } },
      plugins: { ...titles, legend: { align: 'start' } },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Alt text

function sentence(s: string): string {
  const t = s.trim();
  return !t ? '' : /[.!?…]$/.test(t) ? t : `${t}.`;
}

function capAltText(text: string): string {
  if (text.length <= MAX_ALT_TEXT) return text;
  const cut = text.slice(0, MAX_ALT_TEXT - 1);
  const lastStop = cut.lastIndexOf('. ');
  return `${lastStop > MAX_ALT_TEXT / 2 ? cut.slice(0, lastStop + 1) : cut}…`;
}

/** " (95% CI £607 to £624)": the interval as the text answers write it, through the one formatter. */
function ciText(item: BarItem, fmt: NumberFormat): string {
  const ci = itemCi(item);
  return ci ? ` (95% CI ${formatValue(ci.lower, fmt)} to ${formatValue(ci.upper, fmt)})` : '';
}

function barsAltText(input: BarsChartInput): string {
  const sorted = barOrder(input);
  const present = sorted.filter((it) => it.value !== null);
  const missing = sorted.filter((it) => it.value === null);
  const parts = [
    'Horizontal bar chart.',
    sentence(input.title),
    sentence(input.subtitle),
    present.length > 0
      ? `Highest to lowest: ${present
          .map(
            (it) =>
              `${displayLabel(it.label, it.role)} ${formatMaybe(it.value, input.format)}${ciText(it, input.format)}`,
          )
          .join(', ')}.`
      : 'No values available.',
    missing.length > 0 ? `No data for ${missing.map((it) => it.label).join(', ')}.` : '',
    sentence(input.sourceLine),
  ];
  return parts.filter(Boolean).join(' ');
}

function firstLast(values: (number | null)[], periods: string[]) {
  let first = -1;
  let last = -1;
  values.forEach((v, i) => {
    if (v !== null && i < periods.length) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return { first, last };
}

function linesAltText(input: LinesChartInput): string {
  const { periods, format: fmt } = input;
  let range = periods.length > 0 ? `${periods[0]} to ${periods[periods.length - 1]}` : '';
  // Titles often already say "2015 to 2023"; do not make screen-reader users hear it twice.
  if (`${input.title} ${input.subtitle}`.includes(range)) range = '';
  const seriesText = input.series.map((s) => {
    const name = displayLabel(s.label, s.role);
    const { first, last } = firstLast(s.values, periods);
    if (first < 0) return `${name}: no data.`;
    const gaps = periods.filter((_, i) => i > first && i < last && (s.values[i] ?? null) === null);
    const noData = gaps.length > 0 ? ` No data for ${gaps.join(', ')}.` : '';
    // The same rounding and "95% CI a to b" wording as the text answer.
    const at = (i: number) => {
      const ci = s.cis?.[i];
      const interval = ci ? ` (95% CI ${formatValue(ci.lower, fmt)} to ${formatValue(ci.upper, fmt)})` : '';
      return `${formatValue(s.values[i] ?? 0, fmt)}${interval} in ${periods[i]}`;
    };
    if (first === last) return `${name}: ${at(first)}.`;
    return `${name}: ${at(first)}, ${at(last)}.${noData}`;
  });
  let gapText = '';
  const gap = gapIndices(input);
  if (gap) {
    const up = input.series[gap.upper];
    const low = input.series[gap.lower];
    const diffs = periods.map((_, i) => {
      const a = up.values[i];
      const b = low.values[i];
      return a === null || a === undefined || b === null || b === undefined ? null : a - b;
    });
    const { first, last } = firstLast(diffs, periods);
    if (first >= 0) {
      const d0 = diffs[first] ?? 0;
      const d1 = diffs[last] ?? 0;
      const trend =
        first === last
          ? ''
          : Math.abs(d1) < Math.abs(d0)
            ? `, narrowing by ${formatDifference(Math.abs(d0) - Math.abs(d1), fmt)}`
            : Math.abs(d1) > Math.abs(d0)
              ? `, widening by ${formatDifference(Math.abs(d1) - Math.abs(d0), fmt)}`
              : ', unchanged';
      gapText =
        first === last
          ? `Gap, ${up.label} minus ${low.label}: ${formatDifference(d1, fmt)} in ${periods[last]}.`
          : `Gap, ${up.label} minus ${low.label}: ${formatDifference(d0, fmt)} in ${periods[first]}, ${formatDifference(
              d1,
              fmt,
            )} in ${periods[last]}${trend}.`;
      if (d1 < 0) gapText += ` In ${periods[last]} ${low.label} was above ${up.label}.`;
    }
  }
  const parts = [
    'Line chart.',
    sentence(input.title),
    sentence(input.subtitle),
    range ? `${range}.` : '',
    gapText,
    ...seriesText,
    sentence(input.sourceLine),
  ];
  return parts.filter(Boolean).join(' ');
}

/**
 * Text alternative with the key numbers, e.g. "… Highest to lowest: Reading £48.48, South East
 * (reference) £45.22, …". Honours `input.altText` and caps at Slack's 2000 characters.
 */
export function buildAltText(input: ChartInput): string {
  if (input.altText?.trim()) return capAltText(input.altText.trim());
  if (input.kind === 'scatter') return capAltText(scatterAltText(input));
  return capAltText(input.kind === 'bars' ? barsAltText(input) : linesAltText(input));
}

function scatterAltText(input: ScatterChartInput): string {
  const named = input.points.filter((p) => p.labelled);
  return [
    'Scatter chart.',
    sentence(input.title),
    sentence(input.subtitle),
    `${input.points.length} places.`,
    named.length
      ? `Named: ${named.map((p) => `${p.label} (${formatValue(p.x, input.xFormat)}, ${formatValue(p.y, input.format)})`).join(', ')}.`
      : '',
    sentence(input.sourceLine),
  ]
    .filter(Boolean)
    .join(' ');
}
