import type { Figure, GapResult, Point, Position, RankRow, TrendRow } from '../data/stats';
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
  diff: number | null;
  diffPct: number | null;
  /** true = better for the area, false = worse, null = no direction (neutral indicator or missing). */
  better: boolean | null;
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
  problems: { text: string; kind: 'place' | 'indicator' | 'command' | 'year'; suggestions: string[] }[];
  /** Ambiguous places: the pick we made and the others we could have meant. */
  choices: { text: string; options: { code: string; name: string; description: string }[] }[];
  example: string;
  notes: string[];
}

export interface HelpAnswer {
  kind: 'help';
  command: string | null;
  lines: string[];
  examples: string[];
}

export type Answer =
  | StatsAnswer
  | CompareAnswer
  | TrendAnswer
  | RankAnswer
  | GapAnswer
  | ClarifyAnswer
  | HelpAnswer;

export type { Figure, Point, Position };
