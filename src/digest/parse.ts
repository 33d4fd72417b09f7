import { HEADLINE_INDICATORS, type StatsCore } from '../data/stats';
import { matchIndicator, NORTHERN_CORE_CITIES, resolve } from '../resolve';
import type { Cadence } from '../store/types';
import { parseTime, parseWeekday } from './schedule';
import { isTimeZone } from '../time-zone';

/*
 * The /digest grammar. Pure: text (+ the statistics core for places and indicators) in, a structured
 * command out. Nothing here talks to Slack or the store.
 *
 *   /digest subscribe [weekly|daily] [on <weekday>] [at <HH:MM> [<IANA zone>]] [for <places>]
 *                     [on <indicators>] [skip-empty]
 *   /digest list | unsubscribe <id> | resume <id> | preview [<id>] | help
 *
 * "on" is read as a weekday when the next word is one ("on mondays"), otherwise as the start of an
 * indicator list ("on pay, employment"). Places and indicators go through the same resolver as the
 * figure commands (src/resolve), so "leeds, manchester and northern core cities" works the same way.
 */

/** Longest input read; anything past it is ignored (and the reply says so). */
export const MAX_INPUT_CHARS = 1000;
/** Most places in one digest: each place is one section of the message. */
export const MAX_PLACES = 8;
/** Most indicators per place. */
export const MAX_INDICATORS = 6;

export const DEFAULT_WEEKDAY = 1; // Monday
export const DEFAULT_TIME = '09:00';

export interface SubscribeRequest {
  cadence: Cadence;
  /** 0 = Sunday … 6 = Saturday; null for daily. */
  weekday: number | null;
  time: string;
  tz: string;
  /** True when the command named the zone; false when tz is options.defaultTz (the caller may know better). */
  tzTyped: boolean;
  places: { code: string; name: string }[];
  /** True when no places were given and the defaults (northern core cities) were used. */
  placesDefaulted: boolean;
  indicators: { id: string; label: string }[];
  indicatorsDefaulted: boolean;
  skipWhenNoNewData: boolean;
}

export type DigestCommand =
  | { kind: 'help' }
  | { kind: 'list' }
  | { kind: 'preview'; id: string | null }
  | { kind: 'unsubscribe'; id: string | null }
  | { kind: 'resume'; id: string | null }
  | {
      kind: 'subscribe';
      request: SubscribeRequest;
      /** Things we could not read: the subscription must not be created while there are any. Raw text. */
      problems: string[];
      /** Things worth telling but not blocking (input cut, lists capped). Raw text. */
      notes: string[];
    }
  | { kind: 'unknown'; word: string };

const SUBCOMMANDS: Record<string, DigestCommand['kind']> = {
  subscribe: 'subscribe',
  sub: 'subscribe',
  add: 'subscribe',
  new: 'subscribe',
  create: 'subscribe',
  list: 'list',
  ls: 'list',
  show: 'list',
  unsubscribe: 'unsubscribe',
  unsub: 'unsubscribe',
  remove: 'unsubscribe',
  delete: 'unsubscribe',
  cancel: 'unsubscribe',
  stop: 'unsubscribe',
  resume: 'resume',
  restart: 'resume',
  preview: 'preview',
  help: 'help',
  '?': 'help',
};

/** Words that start a subscribe request without the word "subscribe". */
const SUBSCRIBE_STARTERS = new Set(['weekly', 'daily', 'for', 'on', 'at', 'every']);

export interface ParseOptions {
  /** Zone for new subscriptions (config.tzDefault). */
  defaultTz: string;
}

/** Slack markup (<!channel>, <@U1>, <#C1|x>, <https://…|…>) carries no meaning here. */
function stripMarkup(text: string): string {
  return text.replace(/<[^>]*>/g, ' ');
}

function key(token: string): string {
  return token.toLowerCase().replace(/^[,;.:]+|[,;.]+$/g, '');
}

export function parseDigestCommand(input: string, core: StatsCore, options: ParseOptions): DigestCommand {
  const notes: string[] = [];
  let text = input ?? '';
  if (text.length > MAX_INPUT_CHARS) {
    text = text.slice(0, MAX_INPUT_CHARS);
    notes.push(`Your message was long, so I only read its first ${MAX_INPUT_CHARS} characters.`);
  }
  const tokens = stripMarkup(text).trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return { kind: 'help' };
  const first = key(tokens[0]);
  let kind = SUBCOMMANDS[first];
  let rest = tokens.slice(1);
  if (!kind) {
    if (SUBSCRIBE_STARTERS.has(first) || parseWeekday(first) !== null) {
      kind = 'subscribe';
      rest = tokens;
    } else {
      return { kind: 'unknown', word: tokens[0].slice(0, 100) };
    }
  }
  const idArg = rest[0] ? key(rest[0]).slice(0, 100) : null;
  switch (kind) {
    case 'help':
      return { kind: 'help' };
    case 'list':
      return { kind: 'list' };
    case 'preview':
      return { kind: 'preview', id: idArg };
    case 'unsubscribe':
      return { kind: 'unsubscribe', id: idArg };
    case 'resume':
      return { kind: 'resume', id: idArg };
    default:
      return parseSubscribe(rest, core, options, notes);
  }
}

function parseSubscribe(
  tokens: string[],
  core: StatsCore,
  options: ParseOptions,
  notes: string[],
): DigestCommand {
  const problems: string[] = [];
  let cadence: Cadence | null = null;
  let weekday: number | null = null;
  let time: string | null = null;
  let tz: string | null = null;
  let skip = false;
  const placeWords: string[][] = [];
  const indicatorWords: string[][] = [];
  let clause: string[] | null = null;
  const unknown: string[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i];
    const k = key(raw);
    const next = tokens[i + 1] !== undefined ? key(tokens[i + 1]) : undefined;
    if (k === 'weekly') {
      cadence = 'weekly';
      clause = null;
    } else if (k === 'daily' || k === 'everyday') {
      cadence = 'daily';
      clause = null;
    } else if (k === 'every' && next === 'day') {
      cadence = 'daily';
      clause = null;
      i++;
    } else if (k === 'every' && next !== undefined && parseWeekday(next) !== null) {
      cadence = 'weekly';
      weekday = parseWeekday(next);
      clause = null;
      i++;
    } else if (k === 'on' && next !== undefined && parseWeekday(next) !== null) {
      weekday = parseWeekday(next);
      clause = null;
      i++;
    } else if (k === 'on' || k === 'about') {
      clause = [];
      indicatorWords.push(clause);
    } else if (k === 'for' || k === 'in') {
      clause = [];
      placeWords.push(clause);
    } else if (k === 'at') {
      clause = null;
      const two = next !== undefined && tokens[i + 2] !== undefined ? `${next} ${key(tokens[i + 2])}` : null;
      const one = next !== undefined ? parseTime(next) : null;
      const both = two !== null ? parseTime(two) : null;
      if (both) {
        time = both;
        i += 2;
      } else if (one) {
        time = one;
        i++;
      } else {
        problems.push(
          next === undefined
            ? 'I need a time after "at", e.g. `at 09:00`.'
            : `I couldn't read "${tokens[i + 1].slice(0, 40)}" as a time. Use the 24-hour clock, e.g. \`at 09:00\` or \`at 17:30\`.`,
        );
        if (next !== undefined) i++;
      }
    } else if (k === 'skip-empty' || k === 'skip_empty' || k === 'skipempty') {
      skip = true;
    } else if (k === 'always') {
      skip = false;
    } else if (/^[a-z]+\/[a-z_/+-]+$/i.test(raw) && isTimeZone(raw)) {
      tz = raw;
    } else if (clause === null && parseWeekday(k) !== null) {
      weekday = parseWeekday(k);
    } else if (clause === null && /^\d{1,2}[:.]\d{2}$/.test(k) && parseTime(k)) {
      time = parseTime(k);
    } else if (clause !== null) {
      clause.push(raw);
    } else if (k !== '' && !['a', 'digest', 'me', 'please', 'the', 'and'].includes(k)) {
      unknown.push(raw);
    }
  }
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).join(' ');
    problems.push(
      `I didn't understand "${shown.slice(0, 80)}". Put places after \`for\` and indicators after \`on\`, e.g. \`/digest subscribe for leeds on pay\`.`,
    );
  }

  if (weekday !== null && cadence === 'daily') {
    notes.push('Daily digests go out every day, so the weekday was ignored.');
  }
  const finalCadence: Cadence = cadence ?? 'weekly';

  // Places.
  const places: { code: string; name: string }[] = [];
  const extraIndicators: { id: string; label: string }[] = [];
  for (const words of placeWords) {
    const phrase = words.join(' ');
    if (phrase.trim() === '') {
      problems.push('I need at least one place after "for", e.g. `for leeds, manchester`.');
      continue;
    }
    const req = resolve(`for ${phrase}`, core);
    for (const code of req.group?.codes ?? []) places.push({ code, name: core.geography.name(code) });
    for (const a of req.areas) places.push({ code: a.code, name: a.name });
    for (const u of req.unresolved) {
      const hint = u.suggestions.length ? ` Did you mean ${u.suggestions.slice(0, 3).join(', ')}?` : '';
      problems.push(`I couldn't find a place called "${u.text.slice(0, 80)}".${hint}`);
    }
    if (req.indicator && indicatorWords.length === 0) {
      extraIndicators.push({ id: req.indicator.id, label: req.indicator.label });
    }
    if (req.group === null && req.areas.length === 0 && req.unresolved.length === 0) {
      problems.push(`I couldn't find a place in "${phrase.slice(0, 80)}".`);
    }
  }
  const uniquePlaces = dedupe(places, (p) => p.code);
  if (uniquePlaces.length > MAX_PLACES) {
    notes.push(
      `A digest covers at most ${MAX_PLACES} places; I kept the first ${MAX_PLACES} of ${uniquePlaces.length}.`,
    );
  }

  // Indicators.
  const indicators: { id: string; label: string }[] = [...extraIndicators];
  for (const words of indicatorWords) {
    const phrase = words.join(' ').trim();
    if (phrase === '') {
      problems.push('I need at least one indicator after "on", e.g. `on pay, employment`.');
      continue;
    }
    if (/^(the )?headlines?( indicators| figures)?$/i.test(phrase)) {
      indicators.push(...headlineIndicators(core));
      continue;
    }
    const pieces = phrase
      .split(/,|;|&|\band\b|\+/i)
      .map((p) => p.trim())
      .filter(Boolean);
    const matched = pieces.map((p) => matchIndicator(p, core));
    if (matched.every((m) => 'id' in m)) {
      for (const m of matched) if ('id' in m) indicators.push({ id: m.id, label: m.label });
      continue;
    }
    const whole = matchIndicator(phrase, core);
    if ('id' in whole && pieces.length > 1) {
      indicators.push({ id: whole.id, label: whole.label });
      continue;
    }
    for (const m of matched) {
      if ('id' in m) indicators.push({ id: m.id, label: m.label });
      else {
        const hint = m.suggestions.length ? ` Did you mean ${m.suggestions.slice(0, 3).join(', ')}?` : '';
        problems.push(`I couldn't find an indicator called "${m.text.slice(0, 80)}".${hint}`);
      }
    }
  }
  const uniqueIndicators = dedupe(indicators, (i) => i.id);
  if (uniqueIndicators.length > MAX_INDICATORS) {
    notes.push(
      `A digest shows at most ${MAX_INDICATORS} indicators; I kept the first ${MAX_INDICATORS} of ${uniqueIndicators.length}.`,
    );
  }

  const request: SubscribeRequest = {
    cadence: finalCadence,
    weekday: finalCadence === 'weekly' ? (weekday ?? DEFAULT_WEEKDAY) : null,
    time: time ?? DEFAULT_TIME,
    tz: tz ?? options.defaultTz,
    tzTyped: tz !== null,
    places: uniquePlaces.length > 0 ? uniquePlaces.slice(0, MAX_PLACES) : defaultPlaces(core),
    placesDefaulted: uniquePlaces.length === 0,
    indicators:
      uniqueIndicators.length > 0 ? uniqueIndicators.slice(0, MAX_INDICATORS) : headlineIndicators(core),
    indicatorsDefaulted: uniqueIndicators.length === 0,
    skipWhenNoNewData: skip,
  };
  return { kind: 'subscribe', request, problems, notes };
}

function dedupe<T>(items: T[], id: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = id(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The northern core cities (Leeds, Liverpool, Manchester, Newcastle upon Tyne, Sheffield). */
export function defaultPlaces(core: StatsCore): { code: string; name: string }[] {
  return NORTHERN_CORE_CITIES.map((code) => ({ code, name: core.geography.name(code) }));
}

export function headlineIndicators(core: StatsCore): { id: string; label: string }[] {
  return HEADLINE_INDICATORS.filter((id) => core.hasIndicator(id)).map((id) => ({
    id,
    label: core.indicator(id).label,
  }));
}
