/**
 * Slack-free input model for charts. The answer engine maps its answer models onto these
 * types; everything visual (colours, patterns, layout) is decided in spec.ts so that callers
 * only describe *what* to show.
 */

/**
 * Why a place is on the chart.
 * - `north`: a Northern English place the user asked about (highlighted).
 * - `reference`: a comparator such as South East, London or England. Drawn with a pattern/dash
 *   AND suffixed "(reference)", so colour is never the only cue (WCAG 1.4.1).
 * - `other`: any other place (e.g. a southern city in a ranking).
 * - `focus`: the place the question is about, marked in a ranking of many (own colour and outline).
 */
export type PlaceRole = 'north' | 'reference' | 'other' | 'focus';

/** How numbers are written on ticks, labels and in the alt text (en-GB, ONS house style). */
export interface NumberFormat {
  /** Written before the number with no space, e.g. "£". */
  prefix?: string;
  /** Written after the number with no space, e.g. "%". */
  suffix?: string;
  /** Decimal places for values (from the indicator metadata). */
  decimals: number;
  /** Unit for the value axis title, e.g. "£ per hour worked". */
  unitLabel?: string;
  /** Values are £ millions: labels read "£68.5bn", "£523m". */
  multiplier?: 'million' | null;
}

interface ChartCommon {
  /** Headline, ideally the finding: "Leeds · GVA per hour worked" or "Leeds is £3.75 below the South East". */
  title: string;
  /** Measure, unit and period: "Current prices, £ per hour, 2023". */
  subtitle: string;
  format: NumberFormat;
  /** Drawn on the image under the chart: "Source: ONS, <dataset>, released <date>". */
  sourceLine: string;
  /** Overrides the generated alt text (still capped at 2000 characters). */
  altText?: string;
}

/** A published 95% confidence interval around a value. */
export interface ConfidenceInterval {
  lower: number;
  upper: number;
}

export interface BarItem {
  label: string;
  /** null means "no data": drawn as the words "no data", never as a zero-length bar. */
  value: number | null;
  role: PlaceRole;
  /** The 95% confidence interval where one is published: drawn as a whisker over the bar. */
  ci?: ConfidenceInterval | null;
}

/** Horizontal bars sorted by value (compare and rank answers); legible up to 20 bars. */
export interface BarsChartInput extends ChartCommon {
  kind: 'bars';
  items: BarItem[];
  /** Draw the bars in the order given (pairs that belong together), not sorted by value. */
  keepOrder?: boolean;
}

export interface LineSeries {
  label: string;
  /** One value per entry of `periods`; null leaves a gap in the line. */
  values: (number | null)[];
  role: PlaceRole;
  /** A figure derived from several places (the North): drawn thicker, in a colour of its own. */
  aggregate?: boolean;
  /** 95% confidence intervals, one per entry of `values`, where published: drawn as whiskers. */
  cis?: (ConfidenceInterval | null)[];
}

/** Trend and gap over time. */
export interface LinesChartInput extends ChartCommon {
  kind: 'lines';
  /** X axis labels in ONS style: "2015", "2022/23", "Jan to Mar 2024". */
  periods: string[];
  series: LineSeries[];
  /** Shade the gap between two series, named by their `label` (for /gap). */
  gapBand?: { upper: string; lower: string };
}

export interface ScatterPointInput {
  label: string;
  x: number;
  y: number;
  /** north: a place in the North; southEast: in the South East; focus: the place asked about. */
  role: 'north' | 'southEast' | 'other' | 'focus';
  /** Write its name next to the point. */
  labelled: boolean;
}

/** Two indicators against each other (/scatter). `format` is the y axis; `xFormat` the x axis. */
export interface ScatterChartInput extends ChartCommon {
  kind: 'scatter';
  xFormat: NumberFormat;
  points: ScatterPointInput[];
  /** The least-squares line, drawn across the x range. */
  line: { slope: number; intercept: number } | null;
}

export type ChartInput = BarsChartInput | LinesChartInput | ScatterChartInput;
