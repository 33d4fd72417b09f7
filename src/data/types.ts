// The shape of the committed snapshot (data/snapshot.json.gz) and of the objects the statistics
// core hands out. The snapshot is written by scripts/build-data.ts and read by src/data/snapshot.ts.

/** Our own area levels (the GSS code prefix decides; see src/data/levels.ts). */
export type AreaLevel =
  | 'uk'
  | 'nation'
  | 'region'
  | 'combined_authority'
  | 'county'
  | 'unitary_authority'
  | 'metropolitan_district'
  | 'london_borough'
  | 'non_metropolitan_district'
  | 'welsh_unitary_authority'
  | 'scottish_council_area'
  | 'ni_district'
  | 'other';

export interface SnapshotArea {
  code: string;
  name: string;
  level: AreaLevel;
  /** Direct and indirect parents, nearest first (e.g. Leeds: West Yorkshire CA, Yorkshire and The Humber, England, UK). */
  parents: string[];
  /** Last year the code was in use, when it has been retired. */
  end?: number;
  /** First year the code was in use, for codes created recently. */
  start?: number;
  /** The code that replaced this one with the same boundaries (Sheffield E08000019 -> E08000039). */
  successor?: string;
  /** True for current lower-tier local authorities (the "all local authorities" group). */
  lowerTier?: boolean;
  /** True for current upper-tier authorities (counties, unitaries, metropolitan districts, London boroughs). */
  upperTier?: boolean;
}

export type Polarity = 'higher-better' | 'lower-better' | 'neutral';

export interface PeriodInfo {
  /** Canonical id: the ISO interval or date as written by ONS, or "YYYY-01-01/P1Y" for bare years. */
  id: string;
  /** ISO date of the start of the period (or the date itself for point-in-time periods). */
  start: string;
  /** ISO 8601 duration of the period, or "" for a point in time. */
  duration: string;
  /**
   * The year people mean when they type one: the start year of a one-year interval ("2023" for the
   * year ending March 2024), the last year of a multi-year one ("2024" for 2022 to 2024), a date's year.
   */
  year: number;
  /** ONS-style label: "2023", "year ending March 2025", "April 2025", "2018 to 2020", "December 2025". */
  label: string;
  /** The period as the CSV wrote it, where that differs from `id` (bare years such as "2023"). */
  raw?: string;
}

export interface IndicatorMeta {
  /** Stable slug, e.g. "gross-value-added-per-hour-worked". */
  id: string;
  /** The CSV's indicator value (the key rows are grouped by). */
  csvName: string;
  dataset: string;
  label: string;
  subtitle: string;
  description: string;
  caveats: string | null;
  /** From the CSV measure column: "Pounds", "Percentage", "Count", ... */
  measure: string;
  /** From the CSV unit column or JSON subText: "£", "%", "per 100,000 people", ... */
  unit: string;
  prefix: string;
  suffix: string;
  decimalPlaces: number;
  sourceOrg: string;
  sourceUrl: string;
  /** ISO date of the release the figures come from (the latest of several when the JSON lists more). */
  sourceDate: string;
  experimental: boolean;
  polarity: Polarity;
  /** Why the polarity is what it is: "metadata" never occurs in ELS, so this records our judgement. */
  polarityNote: string;
  levels: AreaLevel[];
  periods: PeriodInfo[];
  hasCi: boolean;
  /** How region rows were obtained, when not directly (e.g. "ITL1 rows (TLC..TLK) mapped to E12 regions"). */
  provenance: string[];
  /** Computed by Northstat from another indicator (per head of population), not published as such. */
  derived?: { from: string; kind: 'per-head' };
}

/** Status codes that explain an empty observation (GSS shorthand). */
export type MissingStatus = 'x' | 'u' | 'c' | 'z' | '';

export interface SnapshotSeries {
  /** Indexes into indicator.periods, ascending by period start. Arrays below are parallel to it. */
  values: Record<string, (number | null)[]>;
  lci?: Record<string, (number | null)[]>;
  uci?: Record<string, (number | null)[]>;
  /** Per area, per period: the status code or a short note, only where one was given. */
  status?: Record<string, Record<number, string>>;
}

export interface Snapshot {
  version: 1;
  builtAt: string;
  source: { root: string; files: number; licence: string; attribution: string };
  areas: SnapshotArea[];
  similar: Record<string, { global: string[]; economic: string[]; demographic: string[] }>;
  clusters: Record<string, { global: string; economic: string; demographic: string }>;
  indicators: IndicatorMeta[];
  series: Record<string, SnapshotSeries>;
  /** Mid-year population estimates: code -> { year -> persons }. Also exposed as the "population" indicator. */
  population: Record<string, Record<number, number>>;
}
