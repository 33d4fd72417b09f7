// Output shapes of the resolver: free text -> a structured request the command layer can act on.

/** A command's name as typed ("stats" for /stats); the answer engine's registry says which exist. */
export type CommandName = string;

/** Words typed that hint at a kind of question; the engine decides the command from them. */
export interface Cues {
  help: boolean;
  /** "trend", "since", "changed", "over time"... */
  trend: boolean;
  /** "compare", "vs", "against"... */
  compare: boolean;
  /** "gap", "divide", "north south". */
  gap: boolean;
  /** "rank", "league"... */
  rank: boolean;
  /** "profile of", "overview", "key stats for", "tell me about". */
  profile: boolean;
  /** "improved most", "fastest growing", "biggest falls", "change since": ranking by change. */
  change: boolean;
  /** "catching up", "closing the gap": a place against the South East over time. */
  catching: boolean;
  /** "above the England average", "beat the South East", "how many ... above": counts against a benchmark. */
  benchmark: boolean;
  /** "go with", "correlation", "relationship between", "against each other": two indicators together. */
  correlation: boolean;
}

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
  /** A place outside the UK ("paris", "hamilton, ontario"): said so, never matched to a UK one. */
  foreign?: boolean;
  /** The closest real names (areas or indicator labels), best first. */
  suggestions: string[];
}

export interface ResolvedRequest {
  /**
   * The command as typed: a leading "/name", or a first word that is one of the command names the
   * caller passed. Never inferred here: the engine decides from `cues` when nothing was typed.
   */
  command: CommandName | null;
  cues: Cues;
  areas: ResolvedArea[];
  indicator: ResolvedIndicator | null;
  /** Every indicator named, in the order typed (a scatter needs two). */
  indicators: ResolvedIndicator[];
  /** "in 2019", "2019", "2022/23" -> 2022. */
  year: number | null;
  /** "since 2015". */
  since: number | null;
  /** "top 10", "bottom 5", "highest", "lowest". */
  rank: { direction: 'top' | 'bottom'; n: number | null } | null;
  /** "among northern core cities". */
  group: { id: string; label: string; codes: string[] } | null;
  /**
   * A statistic that was asked for by name but is not in the bundled data (average house prices,
   * children's weight, median age...): the ELS dataset, its name in words, and the nearest indicator
   * held, which an answer may offer but never present as what was asked.
   */
  unavailable: { dataset: string; label: string; nearest: string | null } | null;
  /** A breakdown asked for ("female", "fsm pupils", "in care"); used where the data has it. */
  breakdown: string | null;
  /** What the reading of the words changed, for the answer to say (towns, breakdowns not held). */
  notes: string[];
  /** The words "private" or "me" used as a flag. */
  private: boolean;
  unresolved: Unresolved[];
}
