import type { StatsCore } from '../../data/stats';
import type { ResolvedRequest } from '../../resolve/types';
import type { Answer } from '../types';

// What a command is: one module per command under src/answers/commands/ declares all of it. The
// grammar, the engine, Slack's dispatcher, the console, the CLI, help and the manifest test read
// the registry (./index.ts) instead of lists of their own.

/** The request as the engine hands it to a command, with the parts every command needs. */
export interface CommandInput {
  req: ResolvedRequest;
  core: StatsCore;
  /** Area codes asked about, at most MAX_AREAS. */
  areas: string[];
  year: number | undefined;
  indicatorId: string | null;
  placeProblems: ResolvedRequest['unresolved'];
  indicatorProblems: ResolvedRequest['unresolved'];
}

export interface CommandSpec {
  /** The slash command without its slash: "stats" is /stats. */
  name: string;
  /** Where help lists it (lower first). */
  order: number;
  summary: string;
  usage: string;
  /** Run by the tests, so none can rot. */
  examples: string[];
  /**
   * 'with-answer': the chart is posted right after the answer (answers that compare over places or
   * time); 'on-click': behind the answer's "Show chart" button. The same rule for commands, mentions
   * and DMs.
   */
  chart: 'with-answer' | 'on-click';
  /**
   * Other answer kinds this command gives for some questions (rank by change, catching up), so the
   * chart rule and help find the command that made an answer whatever its kind.
   */
  alsoAnswers?: readonly Answer['kind'][];
  answer(input: CommandInput): Answer;
}
