import { answerStats } from '../answers/engine';
import { changeText, differenceText, figureText, positionText, sourceLine } from '../answers/phrases';
import type { Figure, IndicatorRef, SourceRef } from '../answers/types';
import { SOUTH_EAST } from '../data/geography';
import { compareEstimates } from '../data/significance';
import type { StatsCore } from '../data/stats';
import { formatValue, roundsToZero } from '../format/number';
import { DEFAULT_ALERT_PLACES } from './parse';
import type { AlertSpec } from './types';

// What a refresh means for one alert: compare the core that served before it with the one after, and
// return an event for each thing the alert asked to hear about. Each event has a key that names it
// exactly (indicator, place, period, kind), so delivering it can be claimed once across instances.

export interface AlertEvent {
  key: string;
  title: string;
  lines: string[];
  source: SourceRef;
  period: string;
}

/** The latest figure of an indicator for a place, and whether `after` has a later period than `before`. */
function newPeriod(
  before: StatsCore,
  after: StatsCore,
  indicator: string,
  place: string,
): { old: Figure | null; now: Figure } | null {
  if (!after.hasIndicator(indicator) || !after.geography.has(place)) return null;
  const now = after.value(indicator, place);
  if (!now.period || now.value === null) return null;
  const old = before.hasIndicator(indicator) ? before.value(indicator, place) : null;
  if (old?.period && old.period.start >= now.period.start) return null;
  return { old: old?.period ? old : null, now };
}

/** "Leeds, April 2025: £611 (95% CI £583 to £638), up £23 (+3.9%) on April 2024". */
function figureLine(now: Figure, old: Figure | null, ind: IndicatorRef): string {
  const head = `${now.areaName}, ${now.period?.label}: ${figureText(now, ind)}`;
  if (!old || old.value === null || now.value === null) return `${head} (no earlier figure)`;
  const change = now.value - old.value;
  const pct = old.value !== 0 ? (change / Math.abs(old.value)) * 100 : null;
  return `${head}, ${changeText(change, pct, null, ind)} on ${old.period?.label}`;
}

/** The /stats item for the new figure: its rank and its gap to the South East, as /stats words them. */
function context(
  after: StatsCore,
  place: string,
  indicator: string,
): { lines: string[]; source: SourceRef; ind: IndicatorRef } {
  const item = answerStats(after, place, indicator).items[0];
  const lines: string[] = [];
  if (item.position) lines.push(positionText(item.position));
  const se = item.comparisons.find((c) => c.to === SOUTH_EAST);
  if (se) lines.push(differenceText(se, item.indicator));
  return { lines, source: item.source, ind: item.indicator };
}

export function alertEvents(spec: AlertSpec, before: StatsCore, after: StatsCore): AlertEvent[] {
  const events: AlertEvent[] = [];
  if (spec.kind === 'release') {
    const places = spec.places.length > 0 ? spec.places : [...DEFAULT_ALERT_PLACES];
    for (const indicator of spec.indicators)
      for (const place of places) {
        const found = newPeriod(before, after, indicator, place);
        if (!found) continue;
        const { lines, source, ind } = context(after, place, indicator);
        events.push({
          key: `release|${indicator}|${place}|${found.now.period?.id}`,
          title: `New data: ${ind.label}`,
          lines: [figureLine(found.now, found.old, ind), ...lines],
          source,
          period: found.now.period?.label ?? '',
        });
      }
    return events;
  }
  const found = newPeriod(before, after, spec.indicator, spec.place);
  if (!found || found.now.value === null) return events;
  const { lines, source, ind } = context(after, spec.place, spec.indicator);
  const v1 = found.now.value;
  const v0 = found.old?.value ?? null;
  if (spec.kind === 'threshold') {
    const over = (v: number) => (spec.op === 'above' ? v > spec.value : v < spec.value);
    // Once per crossing: the new figure is over the line and the one before it was not.
    if (!over(v1) || (v0 !== null && over(v0))) return events;
    events.push({
      key: `threshold|${spec.indicator}|${spec.place}|${found.now.period?.id}|${spec.op}|${spec.value}`,
      title: `${ind.label} in ${found.now.areaName} is now ${spec.op} ${formatValue(spec.value, ind)}`,
      lines: [figureLine(found.now, found.old, ind), ...lines],
      source,
      period: found.now.period?.label ?? '',
    });
    return events;
  }
  if (v0 === null || roundsToZero(v1 - v0, ind)) return events;
  const rose = v1 > v0;
  if (rose !== (spec.direction === 'rises')) return events;
  // "Rose" is said as strongly as the intervals allow.
  const verdict = found.old ? compareEstimates(found.now, found.old)?.verdict : null;
  const caveat = verdict === 'similar' ? ' (within the margin of error: the change may not be real)' : '';
  events.push({
    key: `direction|${spec.indicator}|${spec.place}|${found.now.period?.id}|${spec.direction}`,
    title: `${ind.label} in ${found.now.areaName} ${rose ? 'rose' : 'fell'}${caveat}`,
    lines: [figureLine(found.now, found.old, ind), ...lines],
    source,
    period: found.now.period?.label ?? '',
  });
  return events;
}

/** The event as plain text (CLI, logs, the Slack fallback). */
export function alertText(e: AlertEvent): string {
  return [e.title, ...e.lines.map((l) => `  ${l}`), sourceLine(e.source, e.period)].join('\n');
}
