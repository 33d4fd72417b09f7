// Output shapes of the resolver: free text -> a structured request the command layer can act on.

export type CommandName = 'stats' | 'compare' | 'trend' | 'rank' | 'gap' | 'help';

export interface ResolvedArea {
  code: string;
  name: string;
  /** The area level (src/data/types.ts AreaLevel). */
  type: string;
  /** The text that matched (normalised). */
  matched: string;
  /**
   * 0 for an exact name or GSS code, 0.02 for a curated alias, 0.5 for an ambiguous alias
   * ("kingston", "midlands": ask back using `alternatives`), and the fuzzy distance (0.05..0.35) for typos.
   */
  score: number;
  /** Other plausible areas for the same text (Kingston upon Hull vs Kingston upon Thames, York vs North Yorkshire). */
  alternatives: { code: string; name: string; type: string }[];
}

export interface ResolvedIndicator {
  id: string;
  label: string;
  matched: string;
  alternatives: { id: string; label: string }[];
}

export interface Unresolved {
  text: string;
  kind: 'place' | 'indicator';
  /** The closest real names (areas or indicator labels), best first. */
  suggestions: string[];
}

export interface ResolvedRequest {
  /** From a leading "/stats" etc. or inferred from free text ("compare", "vs", "top", "gap", "trend", "since"). */
  command: CommandName | null;
  areas: ResolvedArea[];
  indicator: ResolvedIndicator | null;
  /** "in 2019", "2019", "2022/23" -> 2022. */
  year: number | null;
  /** "since 2015". */
  since: number | null;
  /** "top 10", "bottom 5", "highest", "lowest". */
  rank: { direction: 'top' | 'bottom'; n: number | null } | null;
  /** "among northern core cities". */
  group: { id: string; label: string; codes: string[] } | null;
  /** The words "private" or "me" used as a flag. */
  private: boolean;
  unresolved: Unresolved[];
}
