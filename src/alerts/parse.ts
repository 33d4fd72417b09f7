import { NORTHERN_REGIONS } from '../data/geography';
import type { StatsCore } from '../data/stats';
import { resolve } from '../resolve';
import { lexicon, THEMES } from '../resolve/lexicon';
import type { AlertSpec } from './types';

// "/alert …" in words: subcommands (list, delete, help), or an alert read with the same resolver as
// every question, so "pay", "claimant count" and "leeds, bradford" mean what they mean in /stats.

export type AlertCommand =
  | { kind: 'help' }
  | { kind: 'list' }
  | { kind: 'delete'; id: string }
  | { kind: 'create'; spec: AlertSpec }
  | { kind: 'error'; message: string; example: string };

const EXAMPLES = [
  '/alert new data on pay for leeds, bradford',
  '/alert claimant count in leeds above 4%',
  '/alert when leeds unemployment rises',
];

const THRESHOLD =
  /\b(above|over|exceeds?|more than|greater than|higher than|below|under|less than|lower than)\s+(-?£?\d[\d,]*(?:\.\d+)?)\s*(%|percent|per ?cent)?/i;
const RISES = /\b(rises?|rising|increases?|goes up|grows?|up)\b/i;
const FALLS = /\b(falls?|falling|drops?|decreases?|goes down|declines?|down)\b/i;
const BELOW_WORDS = /^(below|under|less than|lower than)$/i;

/** A theme named in the text ("new data on health"), if any. */
function themeIn(text: string): string | null {
  const lower = text.toLowerCase();
  return THEMES.find((t) => new RegExp(`\\b${t}\\b`).test(lower)) ?? null;
}

function error(message: string): AlertCommand {
  return { kind: 'error', message, example: EXAMPLES[0] };
}

export function parseAlert(text: string, core: StatsCore): AlertCommand {
  const t = text.trim();
  const first = t.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (t === '' || first === 'help') return { kind: 'help' };
  if (first === 'list') return { kind: 'list' };
  if (first === 'delete' || first === 'remove' || first === 'cancel') {
    const id = t.split(/\s+/)[1];
    return id ? { kind: 'delete', id } : error('Which alert? `/alert list` shows their ids.');
  }
  const threshold = THRESHOLD.exec(t);
  // The number is not read as a year or a place: take it out before resolving the rest.
  const words = threshold
    ? `${t.slice(0, threshold.index)} ${t.slice(threshold.index + threshold[0].length)}`
    : t;
  // A theme named ("new data on health") is the theme, even where one word of it also names a single
  // indicator ("health" -> healthy life expectancy): only when the rest of the text names no statistic.
  const named = themeIn(words);
  const withoutTheme = named ? resolve(words.replace(new RegExp(`\\b${named}\\b`, 'i'), ' '), core) : null;
  const theme = named && withoutTheme && !withoutTheme.indicator && !THRESHOLD.test(t) ? named : null;
  const req = theme && withoutTheme ? { ...withoutTheme, indicator: null } : resolve(words, core);
  const places = req.areas.map((a) => a.code);
  if (!req.indicator && !theme)
    return error(
      `I could not tell which statistic to watch in "${t}". Name one (pay, employment, claimant count) or a theme (${THEMES.join(', ')}).`,
    );
  if (threshold) {
    if (!req.indicator) return error('A threshold alert needs one statistic, e.g. claimant count.');
    if (places.length !== 1)
      return error('A threshold alert watches one place, e.g. "claimant count in leeds above 4%".');
    const value = Number(threshold[2].replace(/[£,]/g, ''));
    return {
      kind: 'create',
      spec: {
        kind: 'threshold',
        indicator: req.indicator.id,
        label: req.indicator.label,
        place: places[0],
        op: BELOW_WORDS.test(threshold[1]) ? 'below' : 'above',
        value,
      },
    };
  }
  const rises = RISES.test(t);
  const falls = FALLS.test(t);
  if ((rises || falls) && !/\bnew (data|figures?|release)\b/i.test(t)) {
    if (!req.indicator) return error('A "rises" or "falls" alert needs one statistic, e.g. unemployment.');
    if (places.length !== 1)
      return error('A "rises" or "falls" alert watches one place, e.g. "when leeds unemployment rises".');
    return {
      kind: 'create',
      spec: {
        kind: 'direction',
        indicator: req.indicator.id,
        label: req.indicator.label,
        place: places[0],
        direction: rises && !falls ? 'rises' : 'falls',
      },
    };
  }
  const indicators = req.indicator
    ? [req.indicator.id]
    : [...lexicon().themes].filter(([id, th]) => th === theme && core.hasIndicator(id)).map(([id]) => id);
  return {
    kind: 'create',
    spec: {
      kind: 'release',
      indicators,
      label: req.indicator ? req.indicator.label : `the ${theme} theme`,
      places: places.length > 0 ? places : [],
    },
  };
}

/** Where a release alert with no places looks: the North's three regions. */
export const DEFAULT_ALERT_PLACES: readonly string[] = NORTHERN_REGIONS;

export const ALERT_EXAMPLES = EXAMPLES;
