// The contract for the analyst questions (issue 13) between the independent check (written from the raw
// ONS files without reading src/) and the app (tests/independent/app-analyses.ts projects its answers).
// Identity, period-year, display and CI rules are those of ./contract.ts (RULES).

/** One analytical question, in structured form. */
export type AnalysisRequest =
  | {
      id: string;
      kind: 'change';
      dataset: string;
      indicator: string;
      /**
       * One span for the whole group: start = the indicator's first period whose year (RULES.year) is
       * >= since; end = the indicator's latest period at which any area of the group has a value.
       */
      since: number;
      group: AnalysisGroup;
      /** Absent: the app's default (percent for money and counts, percentage points for "%" indicators). */
      measure?: 'percent' | 'points' | 'units';
    }
  | {
      id: string;
      kind: 'catching-up';
      dataset: string;
      indicator: string;
      /** A GSS code, or "north" for the North East, North West and Yorkshire and The Humber together. */
      area: string;
    }
  | {
      id: string;
      kind: 'scatter';
      x: { dataset: string; indicator: string };
      y: { dataset: string; indicator: string };
      group: AnalysisGroup;
    }
  | {
      id: string;
      kind: 'benchmark';
      dataset: string;
      indicator: string;
      group: AnalysisGroup;
      /** E92000001 England or E12000008 the South East. */
      against: string;
    }
  | {
      id: string;
      kind: 'per-head';
      dataset: string;
      indicator: string;
      area: string;
    };

/**
 * Groups: 'northern-cities' = E08000035 Leeds, E08000012 Liverpool, E08000003 Manchester, E08000021
 * Newcastle upon Tyne, E08000039 Sheffield, E08000032 Bradford, E06000010 Hull, E08000024 Sunderland,
 * E08000006 Salford, E08000036 Wakefield, E06000014 York, E07000123 Preston, E07000121 Lancaster,
 * E08000017 Doncaster, E06000002 Middlesbrough. 'core-cities' = the first five, E08000025 Birmingham,
 * E06000023 Bristol, E06000018 Nottingham, W06000015 Cardiff, S12000049 Glasgow, N09000003 Belfast.
 * 'regions' = the nine E12 regions. 'local-authorities' = the current lower-tier authorities in England
 * (E06, E07, E08, E09; 296). 'northern-local-authorities' = those of them in E12000001..3.
 */
export type AnalysisGroup =
  | 'northern-cities'
  | 'core-cities'
  | 'regions'
  | 'local-authorities'
  | 'northern-local-authorities';

export interface AnalysisFacts {
  /** change: areas with a value at both ends, ordered by change, largest first. */
  changes?: {
    area: string;
    startPeriod: string;
    endPeriod: string;
    startValue: number;
    endValue: number;
    /** endValue - startValue. */
    change: number;
    /** change / startValue * 100. */
    changePct: number;
  }[];
  /** change: areas of the group lacking a value at either end. */
  lacking?: string[];
  /** change: which measure the order and the headline use. */
  measure?: 'percent' | 'points' | 'units';
  /**
   * catching-up: the area's value as % of the South East's, per period both have (for "north": the
   * North's value derived as the rules of README "Statistics rules" say, or the three regions when it
   * cannot be; then `ratios` is for the North East, the first region).
   */
  ratios?: { period: string; pctOfSouthEast: number; pctOfEngland: number | null }[];
  /** catching-up: least-squares slope of pctOfSouthEast against the period's year, points per year. */
  slopeAll?: number;
  /** ... over the last 5 periods. */
  slopeLast5?: number;
  /**
   * scatter: each indicator at its latest period at which any area of the group has a value; the
   * areas with a value for both (rounded to nothing: the published values).
   */
  points?: { area: string; x: number; y: number }[];
  xPeriod?: string;
  yPeriod?: string;
  /** Pearson's r over `points`, and n. */
  r?: number;
  n?: number;
  /**
   * benchmark: each area's verdict against the benchmark at the indicator's latest period at which any
   * area of the group has a value (RULES.verdict with CIs; areas without a value at that period left out).
   */
  verdicts?: { area: string; verdict: 'higher' | 'lower' | 'similar' | 'same' }[];
  period?: string;
  /**
   * per-head: the area's latest value divided by its mid-year population of the period's year (RULES.year;
   * population/population-count.csv), x1,000 for counts ("per 1,000 residents"), x1,000,000 for £ million
   * ("£ per head").
   */
  perHead?: { value: number; population: number; year: number; unit: 'per 1,000 residents' | '£ per head' };
}

export const ANALYSIS_RULES = 'see the comments above and RULES in ./contract.ts';
