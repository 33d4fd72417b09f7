import type { Figure, GapResult, Point, Position, RankRow, TrendRow } from '../data/stats';
import type {
  CatchingUpResult,
  ChangeResult,
  ChangeRow,
  ScatterPoint,
  ScatterResult,
} from '../data/analyses';
import type { Verdict, VerdictMethod } from '../data/significance';
import type { PeriodInfo, Polarity } from '../data/types';

// Answer models: everything a renderer (plain text, Block Kit, chart) needs, and nothing about how
// it looks. Numbers stay unrounded here; renderers round with the indicator's decimal places.

export interface IndicatorRef {
  id: string;
  label: string;
  subtitle: string;
  unit: string;
  prefix: string;
  suffix: string;
  decimalPlaces: number;
  polarity: Polarity;
  hasCi: boolean;
  caveats: string | null;
  /** Published values are £ millions: every figure is written with its multiplier ("£68.5bn"). */
  multiplier: 'million' | null;
  /** Unit with multiplier for labels and CSV headers: "£ million", "£", "%", "per 100,000 population". */
  unitLabel: string;
  /** A total rather than a rate: compared between places per head of population, never as is. */
  isCount: boolean;
  /** "current prices", "2024 prices", "chained volume measures" for money; null otherwise. */
  priceBasis: string | null;
}

export interface SourceRef {
  org: string;
  dataset: string;
  url: string;
  /** ISO date of the release. */
  releaseDate: string;
  attribution: string;
}

/** A difference between an area's value and a comparator's, at the same period. */
export interface Difference {
  to: string;
  toName: string;
  toValue: number | null;
  /** The comparator's published 95% CI (for chart whiskers), null where none is published. */
  toCi?: { lower: number; upper: number } | null;
  diff: number | null;
  diffPct: number | null;
  /**
   * higher/lower only where the 95% confidence intervals allow it (src/data/significance.ts);
   * 'similar' within the margin of error; null when there is nothing to compare.
   */
  verdict: Verdict | null;
  /** How the verdict was reached: both CIs, one CI, or plain values (no CI published). */
  method: VerdictMethod | null;
  /** Counts are compared per head of population; `perHead` holds both sides when they are. */
  basis: 'value' | 'per-head';
  perHead: { from: number; to: number; unit: string; decimals: number } | null;
  /** true = better for the area, false = worse, null = no direction (neutral polarity, similar, or missing). */
  better: boolean | null;
  /** Why the two are not compared at all, when that is the reason the verdict is null. */
  notCompared?: string;
}

export interface AreaRef {
  code: string;
  name: string;
  northern: boolean;
}

/** A place name that could mean several areas: we answered for `picked` and offer the others. */
export interface Alternative {
  text: string;
  picked: { code: string; name: string };
  options: { code: string; name: string; description: string }[];
}

/** Fields every figure-bearing answer has. */
export interface AnswerCommon {
  notes: string[];
  alternatives: Alternative[];
}

export interface StatsItem {
  indicator: IndicatorRef;
  source: SourceRef;
  figure: Figure;
  /** The latest period the indicator has anywhere, when this area's figure is older. */
  newerPeriodElsewhere: PeriodInfo | null;
  position: Position | null;
  comparisons: Difference[];
  /** Why the figure is older or missing: `long` is also in the answer's notes; `short` is for grids. */
  note?: ItemNote | null;
}

export interface ItemNote {
  long: string;
  short: string;
}

export interface StatsAnswer extends AnswerCommon {
  kind: 'stats';
  area: AreaRef;
  /** One item for "/stats leeds pay"; the headline indicators for "/stats leeds". */
  items: StatsItem[];
}

export interface CompareAnswer extends AnswerCommon {
  kind: 'compare';
  indicator: IndicatorRef;
  source: SourceRef;
  period: PeriodInfo | null;
  areas: AreaRef[];
  figures: Figure[];
  /** Reference figures (South East, England) at the same period, unless already compared. */
  references: Figure[];
  /** Every place against the first one. */
  differences: (Difference & { from: string; fromName: string })[];
}

export interface TrendAnswer extends AnswerCommon {
  kind: 'trend';
  indicator: IndicatorRef;
  source: SourceRef;
  since: number | null;
  areas: AreaRef[];
  rows: TrendRow[];
  /** The South East and England over the same years, as reference series. */
  references: TrendRow[];
}

export interface RankAnswer extends AnswerCommon {
  kind: 'rank';
  indicator: IndicatorRef;
  source: SourceRef;
  period: PeriodInfo | null;
  group: { id: string; label: string };
  direction: 'top' | 'bottom';
  rows: (RankRow & { northern: boolean })[];
  /** How many in the group have a value; rows may be a top-N slice of them. */
  total: number;
  /** The N typed ("top 10"), when one was. */
  requestedN: number | null;
  /** Places asked about that are outside the top N, shown after it with their own positions. */
  appended: string[];
  /** Every place the question named (in the top N or appended): the chart marks them. */
  highlighted: string[];
  /** Estimates with confidence intervals: neighbouring positions may not differ significantly. */
  approximate: boolean;
  missing: Figure[];
  /** The South East and England at the same period, for scale. */
  references: Figure[];
}

/** The statistics core's gap result, with the indicator and source as answers carry them. */
export interface GapAnswer extends AnswerCommon, Omit<GapResult, 'indicator'> {
  kind: 'gap';
  indicator: IndicatorRef;
  source: SourceRef;
}

export interface ClarifyAnswer {
  kind: 'clarify';
  /** What was not understood, in words. The user's text is quoted raw; renderers escape it. */
  problems: {
    text: string;
    kind: 'place' | 'indicator' | 'command' | 'year';
    suggestions: string[];
    /** A place outside the UK. */
    foreign?: boolean;
  }[];
  /** Ambiguous places: the pick we made and the others we could have meant. */
  choices: { text: string; options: { code: string; name: string; description: string }[] }[];
  /** Data asked for by name that Northstat does not hold, and the nearest it has (offered, not given). */
  unavailable?: { label: string; nearest: IndicatorRef | null; place: AreaRef | null };
  /** A typed year the indicator does not hold: what it does hold instead. */
  yearNotHeld?: { requested: number; indicator: IndicatorRef; first: PeriodInfo; last: PeriodInfo };
  /** The question was understood but the data cannot answer it (an analysis needing periods or places it lacks): why. */
  cannot?: string;
  example: string;
  notes: string[];
}

export interface HelpAnswer {
  kind: 'help';
  command: string | null;
  lines: string[];
  examples: string[];
}

/** One indicator of an area profile: the /stats item with the direction of its last five periods. */
export interface ProfileItem extends StatsItem {
  /** Up, down or flat (at the figure's precision) from `from` to the figure's period; null with one period. */
  trend: { direction: 'up' | 'down' | 'flat'; from: PeriodInfo } | null;
  /**
   * The place's periods withheld with a status code, for the notes. The full series are not carried
   * (they made a profile answer 570 KB, cached per question): `profileSeries` reads them from the core.
   */
  withheld: { period: PeriodInfo; status: string }[];
}

/** One area's held periods of one indicator. */
export interface SeriesOf {
  area: string;
  areaName: string;
  points: Point[];
}

/** Every indicator held for a place, by theme, as ONS Explore Local Statistics' area page. */
export interface ProfileAnswer extends AnswerCommon {
  kind: 'profile';
  area: AreaRef;
  themes: { theme: string; items: ProfileItem[] }[];
}

/** Places ranked by how they changed over one span (issue 13). */
export interface ChangeAnswer extends AnswerCommon {
  kind: 'change';
  indicator: IndicatorRef;
  source: SourceRef;
  group: { id: string; label: string };
  since: number;
  startPeriod: PeriodInfo;
  endPeriod: PeriodInfo;
  measure: 'percent' | 'points' | 'units';
  direction: 'top' | 'bottom';
  /** position: in the order shown (largest rise, or with "bottom" largest fall, first). */
  rows: (ChangeRow & { northern: boolean; position: number })[];
  total: number;
  lacking: ChangeResult['lacking'];
  /** The place asked about, shown even outside the top N. */
  highlight: string | null;
}

/** A place (or the North) as a percentage of the South East over time. */
export interface CatchingUpAnswer extends AnswerCommon, Omit<CatchingUpResult, 'indicator'> {
  kind: 'catching-up';
  indicator: IndicatorRef;
  source: SourceRef;
}

/** Two indicators across a group, with their correlation. */
export interface ScatterAnswer extends AnswerCommon, Omit<ScatterResult, 'x' | 'y'> {
  kind: 'scatter';
  x: IndicatorRef;
  y: IndicatorRef;
  xSource: SourceRef;
  ySource: SourceRef;
  group: { id: string; label: string };
  highlight: string | null;
  /** Furthest above and below the fitted line. */
  above: ScatterPoint[];
  below: ScatterPoint[];
}

/** How many of a group are above, similar to or below a benchmark. */
export interface BenchmarkAnswer extends AnswerCommon {
  kind: 'benchmark';
  indicator: IndicatorRef;
  source: SourceRef;
  group: { id: string; label: string };
  period: PeriodInfo;
  against: Figure;
  above: Figure[];
  similar: Figure[];
  /** Equal to the benchmark (no confidence intervals to judge by). */
  same: Figure[];
  below: Figure[];
  missing: Figure[];
}

/** "What's new?": what the refresh behind the serving snapshot brought, in words, or that none has. */
export interface WhatsNewAnswer extends AnswerCommon {
  kind: 'whats-new';
  /** When the serving snapshot was built (ISO), and when the refresh that made it ran, if one did. */
  builtAt: string;
  refreshedAt: string | null;
  lines: string[];
}

export type Answer =
  | WhatsNewAnswer
  | StatsAnswer
  | ProfileAnswer
  | ChangeAnswer
  | CatchingUpAnswer
  | ScatterAnswer
  | BenchmarkAnswer
  | CompareAnswer
  | TrendAnswer
  | RankAnswer
  | GapAnswer
  | ClarifyAnswer
  | HelpAnswer;

export type { Figure, Point, Position };
