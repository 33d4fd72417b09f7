import type { StatsCore } from '../data/stats';
import { resolve } from '../resolve';
import type { ResolvedRequest } from '../resolve/types';
import { COMMAND_NAMES, chartWithAnswer, commandSpec } from './commands';
import { NORTHERN_REGIONS } from '../data/geography';
import { alternativesOf, DEFAULT_INDICATOR, exampleFor, MAX_AREAS, notHeld, yearNotHeld } from './engine';
import { helpFor } from './help';
import type { Answer } from './types';

// The one entry point every surface uses (slash commands, mentions, DMs, buttons, console, CLI,
// digests): text in, answer model out. The resolver reports what was typed; this module alone
// decides the command when the text did not say, then hands the request to the command's module.

export interface AskOptions {
  /** The slash command the text came with ("stats" for /stats): it wins over anything in the text. */
  command?: string;
  /** A free-text question (mention, DM): a greeting gets help rather than "I couldn't find a place". */
  question?: boolean;
}

export interface Asked {
  answer: Answer;
  request: ResolvedRequest | null;
  /** The answer was asked for privately ("private", "me"). */
  private: boolean;
  /** Its chart is posted with it (the command's registry entry says so), rather than on a click. */
  chartWithAnswer: boolean;
}

/** Removes Slack's mention markup ("<@U0BOT> what's pay like in Hull?" -> "what's pay like in Hull?"). */
export function stripMention(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text in, answer and what the surfaces need to deliver it out. Never throws for user input. */
export function askFull(text: string, core: StatsCore, options: AskOptions = {}): Asked {
  const typed = options.command;
  const body = options.question ? stripMention(text) : text;
  const helpOnly = options.question ? /^(help|\?|hi|hello)\b/i : /^\s*(help|\?)?\s*$/i;
  if (body.trim() === '' || helpOnly.test(body)) {
    return { answer: helpFor(typed ?? null), request: null, private: false, chartWithAnswer: false };
  }
  const request = resolve(typed ? `/${typed} ${body}` : body, core, { commands: COMMAND_NAMES });
  const result = answerRequest(request, core);
  return { answer: result, request, private: request.private, chartWithAnswer: chartWithAnswer(result) };
}

/** Text in, answer model out. */
export function ask(text: string, core: StatsCore, options: AskOptions = {}): Answer {
  return askFull(text, core, options).answer;
}

/**
 * The command for a request: the one typed, else the one its words point to (a gap word, a rank
 * word, "since", "vs", two places...), else /stats.
 */
export function decideCommand(req: ResolvedRequest): string {
  if (req.command === 'help' || (req.command && commandSpec(req.command))) return req.command;
  const c = req.cues;
  const hasContent = req.areas.length > 0 || req.indicator !== null || req.group !== null;
  if (c.help && !hasContent) return 'help';
  // "The North" typed as a place is a place, unless the question ranks.
  const northAsPlace = req.group?.id === 'the-north' && req.rank === null && !c.rank;
  const group = northAsPlace ? null : req.group;
  // "the gender pay gap in leeds and york": two places compared, not the North-South gap.
  if (c.gap && req.areas.length >= 2) return 'compare';
  if (c.gap) return 'gap';
  if (req.rank !== null || c.rank) return 'rank';
  if (req.since !== null || c.trend) {
    if (hasContent) return 'trend';
  } else {
    if (c.compare || req.areas.length >= 2) return 'compare';
    if (group !== null && req.indicator !== null && req.areas.length === 0) return 'rank';
    if (hasContent) return 'stats';
    if (c.help) return 'help';
  }
  if (req.rank || group) return 'rank';
  if (req.since !== null) return 'trend';
  if (req.areas.length >= 2) return 'compare';
  if (req.areas.length === 0 && req.indicator && req.unresolved.length === 0) return 'gap';
  return 'stats';
}

/**
 * "The North" typed as a place: for a ranking it is the group of its councils; for anything else its
 * three regions (North East, North West, Yorkshire and The Humber), said so in the answer.
 */
function northAsRegions(req: ResolvedRequest, core: StatsCore, name: string): ResolvedRequest {
  if (req.group?.id !== 'the-north' || name === 'rank') return req;
  if (name === 'gap') return { ...req, group: null };
  const regions = NORTHERN_REGIONS.map((code) => ({
    code,
    name: core.geography.name(code),
    type: 'region',
    matched: 'the north',
    score: 0,
    alternatives: [],
  }));
  return {
    ...req,
    group: null,
    areas: [...regions, ...req.areas.filter((a) => !NORTHERN_REGIONS.includes(a.code as never))],
    notes: [
      ...req.notes,
      'The North is shown as its three regions: North East, North West and Yorkshire and The Humber.',
    ],
  };
}

/** Words typed that the command did not use: named in the answer, never silently dropped. */
function unusedNotes(req: ResolvedRequest, name: string): string[] {
  const notes: string[] = [];
  if (req.group && name !== 'rank')
    notes.push(`"${req.group.label}" is used by /rank only; it was not used here.`);
  if (req.since !== null && name !== 'trend' && name !== 'gap')
    notes.push(`"since ${req.since}" is used by /trend and /gap only; this answer is for one period.`);
  return notes;
}

/** A resolved request -> an answer model, through the command's own module. */
export function answerRequest(request: ResolvedRequest, core: StatsCore): Answer {
  const name0 = decideCommand(request);
  // The North as a place: three regions, which /stats shows side by side.
  const north = request.group?.id === 'the-north' && name0 === 'stats' && request.areas.length === 0;
  const name = north ? 'compare' : name0;
  const req = northAsRegions(request, core, name);
  const spec = commandSpec(name);
  if (!spec) return helpFor(null);
  if (req.unavailable) return notHeld(core, req);
  const year = req.year ?? undefined;
  const indicatorId = req.indicator?.id ?? null;
  // A typed year (or "since") the indicator does not hold is never silently replaced by another.
  if (indicatorId || name !== 'stats') {
    const ind = core.indicator(indicatorId ?? DEFAULT_INDICATOR);
    if (year !== undefined && !core.holdsYear(ind.id, year))
      return yearNotHeld(core, ind, year, exampleFor(name, ind, req));
    const last = ind.periods.at(-1);
    if (req.since !== null && last && req.since > last.year)
      return yearNotHeld(core, ind, req.since, exampleFor(name, ind, req));
  }
  const result = spec.answer({
    req,
    core,
    areas: req.areas.slice(0, MAX_AREAS).map((a) => a.code),
    year,
    indicatorId,
    placeProblems: req.unresolved.filter((u) => u.kind === 'place'),
    indicatorProblems: req.unresolved.filter((u) => u.kind === 'indicator'),
  });
  if (result.kind === 'clarify' || result.kind === 'help') return result;
  result.alternatives = alternativesOf(req, core);
  result.notes.push(...req.notes, ...unusedNotes(req, name));
  if (req.areas.length > MAX_AREAS) result.notes.push(`Only the first ${MAX_AREAS} places are shown.`);
  return result;
}
