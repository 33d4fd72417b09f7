import { WHATS_NEW, whatsNew } from './whats-new';
import { NATION_SERIES_SUFFIX } from '../data/geography';
import type { StatsCore } from '../data/stats';
import { resolve } from '../resolve';
import type { ResolvedRequest } from '../resolve/types';
import { COMMAND_NAMES, chartWithAnswer, commandSpec } from './commands';
import { ENGLAND, NORTHERN_REGIONS, SOUTH_EAST } from '../data/geography';
import { alternativesOf, DEFAULT_INDICATOR, exampleFor, MAX_AREAS, notHeld, yearNotHeld } from './engine';
import { lexicon, THEMES } from '../resolve/lexicon';
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
  return (
    text
      .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ')
      // The bot's name typed as plain text (a DM, the console, a pasted question) is a mention too.
      .replace(/(^|\s)@northstat\b[:,]?/gi, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Text in, answer and what the surfaces need to deliver it out. Never throws for user input. */
export function askFull(text: string, core: StatsCore, options: AskOptions = {}): Asked {
  let typed = options.command;
  let body = options.question ? stripMention(text) : text;
  // A command typed in the text itself (console, CLI, DM): "/stats help" is the /stats help.
  const slash = typed ? null : /^\s*\/([a-z][a-z-]*)\b\s*(.*)$/is.exec(body);
  if (slash && (commandSpec(slash[1].toLowerCase()) || SLACK_ONLY[slash[1].toLowerCase()])) {
    typed = slash[1].toLowerCase();
    body = slash[2];
  }
  if (typed && SLACK_ONLY[typed]) return plain(helpAnswer(typed, SLACK_ONLY[typed]));
  const discovery = discoveryOf(body);
  if (discovery !== undefined) return plain(indicatorsHelp(core, discovery));
  const helpOnly = options.question
    ? /^\W*(help|\?|hi|hiya|hello|hey|hey there|morning|good morning|afternoon|yo|howdy|thanks|thank you|cheers)\b\W*$|^(help|\?)\b/i
    : /^\s*(help|\?)?\s*$/i;
  if (WHATS_NEW.test(body)) return plain(whatsNew(core));
  if (body.trim() === '' || helpOnly.test(body)) {
    return { answer: helpFor(typed ?? null), request: null, private: false, chartWithAnswer: false };
  }
  const request = resolve(typed ? `/${typed} ${body}` : body, core, { commands: COMMAND_NAMES });
  if (options.question && request.cues.help && request.areas.length === 0 && request.indicator === null)
    return plain(helpFor(null));
  const result = answerRequest(request, core);
  return { answer: result, request, private: request.private, chartWithAnswer: chartWithAnswer(result) };
}

/** Commands that only make sense in Slack (they change a channel's subscriptions). */
const SLACK_ONLY: Record<string, string> = {
  alert:
    "/alert tells a Slack channel when new figures arrive; it works in Slack, not here. In Slack: `/alert new data on pay for leeds`, `/alert list`, `/alert help`. Here: `what's new`.",
  digest:
    '/digest subscribes a Slack channel to a weekly digest; it works in Slack, not here. In Slack: `/digest subscribe`, `/digest list`, `/digest help`.',
};

function plain(answer: Answer): Asked {
  return { answer, request: null, private: false, chartWithAnswer: false };
}

function helpAnswer(command: string, line: string): Answer {
  return { kind: 'help', command, lines: [line], examples: ['/stats leeds pay', '/profile wakefield'] };
}

/**
 * "What can you measure?", "/stats indicators", "help indicators", "what data have you got on
 * housing?": the themes and indicators Northstat holds (undefined: not that question; null: all
 * themes; a theme: that one).
 */
export function discoveryOf(body: string): string | null | undefined {
  const t = body.toLowerCase().replace(/[?!.]/g, ' ').replace(/\s+/g, ' ').trim();
  const asks =
    /^(help )?(indicators|datasets|data|topics|themes|measures)$/.test(t) ||
    /\bwhat (can|do) (you|u) (measure|do|cover|know|hold|offer)\b/.test(t) ||
    /\bwhat (data|figures|stats|statistics|indicators)\b.*\b(have|got|hold|there|available)\b/.test(t) ||
    /\bhow (do|can) (i|we) use (this|you|the bot|northstat)\b/.test(t) ||
    /\bwhat (can|could|should) (i|we) ask\b/.test(t) ||
    /\bwhat (questions|sort of questions|kind of questions|things) can (i|we) ask\b/.test(t) ||
    /\bwhat can (this|the) (bot|app) (do|tell|tell me|tell us)\b/.test(t) ||
    /\bwhat (can|do) (you|u) (tell|show) (me|us)\b\W*$/.test(t) ||
    /\blist (of )?(indicators|data|datasets)\b/.test(t);
  if (!asks) return undefined;
  return (
    THEMES.find(
      (theme) => t.includes(theme) || theme.split(' ').some((w) => w.length > 3 && t.includes(w)),
    ) ?? null
  );
}

/** The themes and the indicators in each, with the everyday words that reach them. */
export function indicatorsHelp(core: StatsCore, theme: string | null): Answer {
  const lex = lexicon();
  const words = new Map<string, string[]>();
  for (const s of lex.indicatorSynonyms)
    if (!words.has(s.id) || words.get(s.id)!.length < 2)
      words.set(s.id, [...(words.get(s.id) ?? []), s.phrase]);
  const lines: string[] = [
    theme
      ? `What Northstat holds on ${theme} (ONS Explore Local Statistics), with words that reach each indicator:`
      : 'What Northstat holds, by theme (ONS Explore Local Statistics), with words that reach each indicator:',
  ];
  for (const t of THEMES) {
    if (theme && t !== theme) continue;
    const inds = core.indicators.filter((i) => lex.themes.get(i.id) === t);
    if (inds.length === 0) continue;
    const list = inds.map((i) => {
      const w = (words.get(i.id) ?? []).filter((p) => p !== i.label.toLowerCase()).slice(0, 2);
      return w.length ? `${i.label} ("${w.join('", "')}")` : i.label;
    });
    lines.push(`${t.charAt(0).toUpperCase()}${t.slice(1)}: ${list.join('; ')}.`);
  }
  lines.push(
    'Not held yet: average house prices, children’s weight (reception and year 6), median age, population density and change, population by age.',
  );
  return {
    kind: 'help',
    command: 'indicators',
    lines,
    examples: ['/stats leeds pay', '/profile wakefield', '/rank productivity among northern cities'],
  };
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
  // The analyst questions: catching up, two indicators together, change and benchmarks across a group.
  if (c.catching) return 'gap';
  // Two indicators over places ("plot pay against skills for core cities"): one against the other.
  const others = req.areas.filter((a) => a.code !== ENGLAND && a.code !== SOUTH_EAST);
  if (
    req.indicators.length >= 2 &&
    commandSpec('scatter') &&
    (c.correlation || req.group !== null || others.length !== 1)
  )
    return 'scatter';
  // "sheffield vs south east productivity gap": one place against the South East over time.
  if (c.gap && others.length === 1 && req.areas.some((a) => a.code === SOUTH_EAST)) return 'gap';
  const grouped =
    req.group !== null && !(req.group.id === 'the-north' && !c.rank && req.rank === null && !c.change);
  if (
    c.change &&
    (grouped || req.rank !== null || c.rank || req.since !== null || req.areas.length === 0) &&
    req.areas.length <= 1
  )
    return 'rank';
  const benchmarked = req.areas.some((a) => a.code === ENGLAND || a.code === SOUTH_EAST);
  if (c.benchmark && (grouped || (benchmarked && others.length >= 2))) return 'rank';
  // "Give me a profile of Wakefield": everything about one place (no indicator named).
  if (c.profile && req.areas.length === 1 && req.indicator === null && commandSpec('profile'))
    return 'profile';
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
  if (req.group?.id !== 'the-north' || name === 'rank' || name === 'scatter') return req;
  if (name === 'gap') return req;
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

/**
 * Places in different nations on a series one of them lacks ("employment in Belfast compared to
 * Leeds" on the Great Britain series): say where the missing place's figures are.
 */
function seriesNotes(req: ResolvedRequest, core: StatsCore): string[] {
  const id = req.indicator?.id;
  if (!id || req.areas.length < 2) return [];
  const base = id.replace(/-(great-britain|england)$/, '');
  if (base === id) return [];
  const notes: string[] = [];
  for (const a of req.areas) {
    if (core.seriesFor(id, a.code).some((p) => p.value !== null)) continue;
    const nation = core.geography.nationOf(a.code);
    const suffix = NATION_SERIES_SUFFIX[nation ?? ''];
    const twin = suffix ? `${base}-${suffix}` : null;
    if (twin && core.hasIndicator(twin))
      notes.push(
        `${core.indicator(id).label} has no figures for ${a.name}; its figures are in a separate series, ${core.indicator(twin).label}, which is not directly comparable. Ask for it on its own.`,
      );
  }
  return notes;
}

/** Words typed that the command did not use: named in the answer, never silently dropped. */
function unusedNotes(req: ResolvedRequest, name: string): string[] {
  const notes: string[] = [];
  if (req.group && name !== 'rank')
    notes.push(`"${req.group.label}" is used by /rank only; it was not used here.`);
  if (req.since !== null && name !== 'trend' && name !== 'gap' && !(name === 'rank' && req.cues.change))
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
      return yearNotHeld(ind, year, exampleFor(name, ind, req));
    const last = ind.periods.at(-1);
    if (req.since !== null && last && req.since > last.year)
      return yearNotHeld(ind, req.since, exampleFor(name, ind, req));
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
  result.notes.push(...req.notes, ...unusedNotes(req, name), ...seriesNotes(req, core));
  if (req.areas.length > MAX_AREAS) result.notes.push(`Only the first ${MAX_AREAS} places are shown.`);
  return result;
}
