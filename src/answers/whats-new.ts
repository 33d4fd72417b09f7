import type { StatsCore } from '../data/stats';
import { formatDate, formatSignedPercent, formatValue, plural } from '../format/number';
import { indicatorRef } from './engine';
import type { WhatsNewAnswer } from './types';

// "What's new?" (/stats what's new, a mention, the console): what the data refresh behind the serving
// snapshot brought (new periods per indicator, revisions, new and retired areas and indicators), read
// from the refresh's own report, or that Northstat answers from the bundled snapshot.

/** Lists longer than this say how many more there are; `northstat data diff` prints them all. */
const MAX_ITEMS = 12;

export const WHATS_NEW =
  /^\W*(what'?s|what is|whats|anything|any)\s+(new|changed)\b|\bnew data\W*$|^\W*news\W*$/i;

function list(items: string[]): string[] {
  return items.length > MAX_ITEMS
    ? [...items.slice(0, MAX_ITEMS), `... and ${items.length - MAX_ITEMS} more`]
    : items;
}

export function whatsNew(core: StatsCore): WhatsNewAnswer {
  const c = core.changes;
  const built = formatDate(core.builtAt);
  if (!c)
    return {
      kind: 'whats-new',
      builtAt: core.builtAt,
      refreshedAt: null,
      lines: [
        `Northstat is answering from its bundled snapshot of ONS Explore Local Statistics, built ${built}; no data refresh has run since.`,
      ],
      alternatives: [],
      notes: [
        'A refresh runs each morning (`northstat data refresh` by hand); new periods appear here when it brings any.',
      ],
    };
  const label = (id: string) => (core.hasIndicator(id) ? core.indicator(id).label : id);
  const period = (id: string, p: string) =>
    (core.hasIndicator(id) ? core.indicator(id).periods.find((x) => x.id === p)?.label : undefined) ?? p;
  const lines: string[] = [];
  if (c.newPeriods.length > 0) {
    lines.push(`New periods for ${plural(c.newPeriods.length, 'indicator')}:`);
    lines.push(
      ...list(
        c.newPeriods.map(
          (n) => `${label(n.indicator)}: ${n.periods.map((p) => period(n.indicator, p)).join(', ')}`,
        ),
      ),
    );
  }
  if (c.newIndicators.length > 0)
    lines.push(
      `${plural(c.newIndicators.length, 'new indicator')}: ${list(c.newIndicators.map(label)).join(', ')}`,
    );
  if (c.removedIndicators.length > 0)
    lines.push(`No longer published: ${list(c.removedIndicators.map(label)).join(', ')}`);
  if (c.revisions > 0) {
    lines.push(`${plural(c.revisions, 'earlier figure')} revised by the publisher.`);
    for (const r of c.largeRevisions.slice(0, MAX_ITEMS)) {
      const ref = core.hasIndicator(r.indicator) ? indicatorRef(core.indicator(r.indicator)) : null;
      const fmt = (v: number) => (ref ? formatValue(v, ref) : String(v));
      const size = r.relative === null ? '' : ` (${formatSignedPercent(r.relative * 100)})`;
      lines.push(
        `Large revision: ${label(r.indicator)}, ${core.geography.name(r.area)}, ${period(r.indicator, r.period)}: ${fmt(r.old)} to ${fmt(r.new)}${size}`,
      );
    }
  }
  if (c.newAreas.length > 0)
    lines.push(`New areas: ${list(c.newAreas.map((a) => core.geography.name(a))).join(', ')}`);
  if (c.retiredAreas.length > 0)
    lines.push(`Retired areas: ${list(c.retiredAreas.map((a) => core.geography.name(a))).join(', ')}`);
  if (lines.length === 0) lines.push('The last refresh brought no new or revised figures.');
  return {
    kind: 'whats-new',
    builtAt: core.builtAt,
    refreshedAt: c.refreshedAt,
    lines,
    alternatives: [],
    notes: [
      `From the data refresh of ${formatDate(c.refreshedAt)} (snapshot built ${built}). Source: ONS Explore Local Statistics, Open Government Licence v3.0.`,
    ],
  };
}
