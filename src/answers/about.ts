import type { StatsCore } from '../data/stats';
import type { Answer } from './types';

// "About this figure": what ONS says an indicator measures, its caveats, unit, source and release, so a
// figure lifted into a briefing can be explained. Pure: the answer model and the core in, text out.

export interface AboutIndicator {
  label: string;
  /** ONS's one-line description of what is measured. */
  subtitle: string;
  /** The longer definition from the metadata, where there is one. */
  description: string;
  caveats: string | null;
  unit: string;
  source: { org: string; url: string; releaseDate: string };
  /** Northstat's derived per-head figures: how they were made. */
  derivedFrom: string | null;
}

/** ONS Explore Local Statistics, where every indicator has its own page with its full metadata. */
export const ELS_INDICATORS_URL = 'https://www.ons.gov.uk/explore-local-statistics/indicators';

function indicatorIdsOf(answer: Answer): string[] {
  switch (answer.kind) {
    case 'stats':
      return answer.items.map((i) => i.indicator.id);
    case 'scatter':
      return [answer.x.id, answer.y.id];
    case 'compare':
    case 'trend':
    case 'rank':
    case 'gap':
    case 'change':
    case 'catching-up':
    case 'benchmark':
      return [answer.indicator.id];
    default:
      // A profile holds every indicator: its own rows say what each is.
      return [];
  }
}

export function aboutAnswer(answer: Answer, core: StatsCore): AboutIndicator[] {
  const ids = [...new Set(indicatorIdsOf(answer))].filter((id) => core.hasIndicator(id)).slice(0, 5);
  return ids.map((id) => {
    const ind = core.indicator(id);
    const base = ind.derived ? core.indicator(ind.derived.from) : ind;
    return {
      label: ind.label,
      subtitle: base.subtitle,
      description: base.description,
      caveats: base.caveats,
      unit: ind.unit,
      source: { org: base.sourceOrg, url: base.sourceUrl, releaseDate: base.sourceDate },
      derivedFrom: ind.derived
        ? `Derived by Northstat: ${base.label.toLowerCase()} divided by the ONS mid-year population of the same year.`
        : null,
    };
  });
}
