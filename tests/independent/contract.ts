// The contract between the independent check (tests/independent/*, written from the raw ONS files
// without reading src/) and the app. The app side is tests/independent/app-facts.ts: it turns a
// request into the app's answer and projects it onto these facts. The check computes the same
// facts from ../shared/ons with its own code and compares.
//
// Every rule the check relies on is written here, so that the two sides can be built apart.

/** One question, in structured form (so that the check tests the statistics, not the phrasing). */
export interface CheckRequest {
  /** A short id for reports, e.g. "stats-leeds-pay". */
  id: string;
  command: 'stats' | 'compare' | 'rank' | 'gap' | 'trend';
  /** GSS codes as they appear in the CSV `areacd` column (E12 codes for regions, E92000001 England). */
  areas?: string[];
  /** ELS dataset folder under els/, e.g. "gross-median-weekly-pay". */
  dataset: string;
  /** The CSV `indicator` column value, e.g. "Gross median weekly pay". */
  indicator: string;
  /** A year typed by the user ("/stats leeds pay 2019"). See RULES.year. */
  year?: number;
  /** "/gap pay since 2010", "/trend ... since 2015". */
  since?: number;
  /** For rank: "top 10" / "bottom 5". */
  top?: number;
  direction?: 'top' | 'bottom';
  /** For rank: which areas are ranked. */
  group?: 'regions' | 'local-authorities' | 'upper-tier-councils' | 'combined-authorities';
}

/** A figure as the app shows it. */
export interface FigureFact {
  /** GSS code (regions always as E12 codes, England as E92000001, even where the CSV has ITL1 codes). */
  area: string;
  /** The raw CSV `period` string of the figure, e.g. "2025-04-30", "2023-01-01/P1Y"; null when there is none. */
  period: string | null;
  /** The value as published in the CSV (unrounded); null when missing or withheld. */
  value: number | null;
  /** The CSV status code when the value is withheld: "x" | "u" | "c" | "z"; else null. */
  status: string | null;
  /** The app's formatted figure (see RULES.display), null when the value is missing. */
  display: string | null;
}

export type Verdict = 'higher' | 'lower' | 'similar' | 'same' | 'none';

export interface AnswerFacts {
  kind: 'stats' | 'compare' | 'rank' | 'gap' | 'trend' | 'clarify';
  /** The unit with its multiplier as the app labels it, e.g. "£ million", "£", "%", "per 100,000 population". */
  unitLabel: string;
  /**
   * stats: the one figure; compare: one per requested area, in request order; rank: the ranked rows in
   * the order shown; trend: the latest figure per requested area; gap: the North East, North West and
   * Yorkshire and The Humber at the gap's end period (E12000001..3).
   */
  figures: FigureFact[];
  /** stats only: the area's rank (RULES.rank); absent when the area has no value or no set applies. */
  rank?: { position: number; of: number; set: ComparisonSet; approximate: boolean };
  /** rank only: how many areas of the set have a value at the ranked period, and which set it is. */
  ranking?: {
    of: number;
    set: ComparisonSet;
    period: string | null;
    approximate: boolean;
    positions: number[];
  };
  /** stats and compare: each figure against the South East (E12000008) and England (E92000001). RULES.verdict */
  verdicts?: { area: string; against: string; verdict: Verdict; basis: 'value' | 'per-head' | 'none' }[];
  /** gap only: each northern region's gap relative to the South East (RULES.gap). */
  gaps?: {
    region: string;
    startPeriod: string;
    endPeriod: string;
    startRelPct: number;
    endRelPct: number;
    verdict: 'narrowed' | 'widened' | 'unchanged';
  }[];
  /** Set when a year was asked for that the indicator does not hold at all (RULES.year). */
  yearNotHeld?: { requested: number; firstPeriod: string; lastPeriod: string };
}

export type ComparisonSet =
  | 'lower-tier-england' // E06 + E07 + E08 + E09 ("local authorities in England")
  | 'upper-tier-england' // E06 + E08 + E09 + E10 ("upper-tier councils in England")
  | 'regions-england' // E12
  | 'combined-authorities' // E47
  | 'welsh-authorities' // W06
  | 'scottish-councils' // S12
  | 'ni-districts' // N09
  | 'nations'; // E92, W92, S92, N92

/**
 * The rules, in words. The check implements them from the raw files; the app must follow them.
 *
 * identity: a retired code (the CSV `notes` column says "Obsolete code since YYYY (replaced by CODE ...)")
 *   is not an area of its own in any comparison set. Where the successor has the same footprint
 *   (Barnsley E08000016 -> E08000038, Sheffield E08000019 -> E08000039, North Yorkshire E10000023 ->
 *   E06000065, Somerset E10000027 -> E06000066) a value under the old code counts as the successor's
 *   for periods where the successor has none. Where the footprint changed (Dorset county E10000009 ->
 *   Dorset UA E06000059, which excludes Christchurch; Cumbria; the merged districts) the old code's
 *   values never appear in the successor's series. ITL1 codes are regions: TLC E12000001 North East,
 *   TLD E12000002 North West, TLE E12000003 Yorkshire and The Humber, TLF E12000004, TLG E12000005,
 *   TLH E12000006, TLI E12000007 London, TLJ E12000008 South East, TLK E12000009; TLB = England E92000001.
 *   Where both an E12 and its TL code exist they carry the same value.
 *
 * year: a requested year Y selects the period whose "year" is Y: for a one-year interval (P1Y, any
 *   start month) the year of its start; for a multi-year interval (P3Y, P5Y) the year of its end
 *   ("2022-01-01/P3Y" = 2022 to 2024 -> 2024); for a date ("2025-04-30") its year. If no area has any
 *   period with that year for the indicator, `yearNotHeld` is set with the indicator's first and last
 *   periods (raw CSV strings) and no figure for another year is presented as the answer.
 *   No year: the latest period at which the area has a non-missing value (a later withheld period is
 *   mentioned in the answer's notes, not shown as the figure); if the area has no value at any period,
 *   its latest row (value null, status set when withheld). A requested year that is held for the
 *   indicator but withheld for the area gives value null with the status.
 *
 * display: the published value rounded half away from zero to the JSON decimalPlaces (default 0) —
 *   round the decimal value as written in the CSV, not its binary float (36.15 -> "36.2") — with comma
 *   thousands separators, the JSON prefix ("£") and suffix ("%"). Money in £ millions (unit or subText
 *   "in £ millions", with or without "2024 prices"): >= 1,000 million as "£68.5bn" (billions to 1
 *   decimal place), below that as "£523m" (millions at decimalPlaces). Negative: "-£12.3m", "-3.2%".
 *   Other units are not part of `display` (they are in unitLabel): "5.3", "1,234".
 *
 * rank: 1st = highest value; ties share the better position (1, 2, 2, 4). The set is chosen from the
 *   area's level and the levels that have values for that indicator AT THAT PERIOD:
 *   E07 -> lower-tier-england. E10 -> upper-tier-england. E06/E08/E09 -> lower-tier-england if any E07
 *   code has a value at that period, else upper-tier-england. E12 -> regions-england; E47 ->
 *   combined-authorities; W06/S12/N09 -> their nation's set; E92/W92/S92/N92 -> nations.
 *   Members are the current codes of the set (retired codes excluded, successors included) with a
 *   non-missing value at that period; `of` is their count. `approximate` is true when the indicator
 *   publishes confidence intervals for that period.
 *
 * verdict: against the South East (E12000008) and England (E92000001) at the SAME period as the figure
 *   (no verdict, 'none', if the comparator has no value at that period or the figure is missing; no
 *   verdict against itself). If both have 95% CIs: 'higher'/'lower' only when the intervals do not
 *   overlap, else 'similar'. If exactly one has a CI: 'similar' when the other's value lies within it,
 *   else higher/lower. If neither has a CI: 'higher'/'lower' by value, 'same' when equal.
 *   Counts (totals, not rates: unit "in £ millions", "number of ...", measure "Count") are compared per
 *   head (value / mid-year population of the period's year, population/population-count.csv), basis
 *   'per-head'; if a population is missing: verdict 'none', basis 'none'.
 *
 * gap: for each of E12000001, E12000002, E12000003 against the South East E12000008: the periods where
 *   both have values; end = the latest such period; start = the first such period whose year (RULES.year)
 *   is >= `since` when given, else the 10th-latest such period (or the first if fewer). relPct =
 *   (region - SE) / SE * 100. Verdict: compare |relPct| at start and end rounded to 1 decimal place:
 *   smaller at the end -> 'narrowed', larger -> 'widened', equal -> 'unchanged'.
 */
export const RULES = 'see the comment above';
