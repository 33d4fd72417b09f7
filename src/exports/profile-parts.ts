import { ENGLAND, SOUTH_EAST, UK } from '../data/geography';
import { withheldNote } from '../data/stats';
import { formatDate, formatValue, ordinal } from '../format/number';
import { differenceText, figureText, valueText } from '../answers/phrases';
import { trendArrow } from '../answers/render-text';
import type { Point, ProfileAnswer, ProfileItem, SourceRef, StatsItem } from '../answers/types';

// The words every profile download shares (XLSX, Word, the PNG card), built from the same phrases
// as the text answer, so a figure reads the same in a board paper as in Slack.

export const OGL_LINE = 'Open Government Licence v3.0';

export const LICENCE = `Contains public sector information licensed under the ${OGL_LINE} (https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/).`;

/** "Work and pay" from the theme id "work and pay". */
export function themeTitle(theme: string): string {
  return theme.charAt(0).toUpperCase() + theme.slice(1);
}

/** One indicator of a profile as the cells of a table row: every figure rounded as the text rounds it. */
export interface ProfileRowText {
  indicator: string;
  value: string;
  period: string;
  rank: string;
  vsSouthEast: string;
  vsEngland: string;
  trend: string;
}

/**
 * A comparison as the text writes it. `codes` in order of preference: the national column is England,
 * or the UK where England has no figure for the period (the engine compares with the UK then, and the
 * sentence names it).
 */
function versus(item: StatsItem, ...codes: string[]): string {
  const d = codes.map((code) => item.comparisons.find((c) => c.to === code)).find(Boolean);
  const code = codes[0];
  if (d) return differenceText(d, item.indicator);
  if (item.figure.area === code) return '(this area)';
  return item.figure.value === null ? 'not compared (no figure)' : 'no figure for the same period';
}

export function profileRow(item: ProfileItem): ProfileRowText {
  const f = item.figure;
  return {
    indicator: item.indicator.label,
    value: figureText(f, item.indicator),
    period: f.period?.label ?? 'no period',
    rank: item.position ? `${ordinal(item.position.position)} of ${item.position.of}` : '',
    vsSouthEast: versus(item, SOUTH_EAST),
    vsEngland: versus(item, ENGLAND, UK),
    trend: trendArrow(item.trend),
  };
}

/** A point of a time series as the text would write it: "£595", "no data (withheld [u]: ...)". */
export function pointText(p: Point, item: ProfileItem): string {
  return p.value === null
    ? valueText(null, item.indicator, p.status ? withheldNote(p.status) : null)
    : formatValue(p.value, item.indicator);
}

/** Distinct sources of a profile (organisation and dataset), in the order first met. */
export function profileSources(answer: ProfileAnswer): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const t of answer.themes)
    for (const i of t.items) {
      const key = `${i.source.org}|${i.source.dataset}`;
      if (!seen.has(key)) seen.set(key, i.source);
    }
  return [...seen.values()];
}

/** "Office for National Statistics, Annual Survey of Hours and Earnings, released 22 Oct 2025, https://…" */
export function sourceText(s: SourceRef): string {
  return `${s.org}, ${s.dataset}, released ${formatDate(s.releaseDate)}${s.url ? `, ${s.url}` : ''}`;
}

/** Notes a reader of the tables needs: withheld or missing values and figures older than others'. */
export function missingNotes(answer: ProfileAnswer): string[] {
  const out: string[] = [];
  for (const t of answer.themes)
    for (const i of t.items) {
      if (i.figure.value === null)
        out.push(`${i.indicator.label}: ${valueText(null, i.indicator, i.figure.note)}.`);
      if (i.withheld.length > 0)
        out.push(
          `${i.indicator.label}: ${i.withheld.map((p) => `${p.period.label} ${withheldNote(p.status)}`).join('; ')}.`,
        );
      if (i.newerPeriodElsewhere && i.figure.period)
        out.push(
          `${i.indicator.label}: ${answer.area.name}'s latest figure is for ${i.figure.period.label}; other areas have ${i.newerPeriodElsewhere.label}.`,
        );
    }
  return out;
}
