import type { StatsCore } from '../data/stats';
import { resolveGroup, similarGroup } from '../resolve/groups';

/** The members of a named group by its id (for buttons that carry only the id), or null if unknown. */
export function groupCodes(id: string, core: StatsCore): string[] | null {
  if (id === 'regions') return core.geography.ofLevel('region').map((a) => a.code);
  // "similar-to:E08000035": the statistical neighbours of one area, rebuilt from its code.
  if (id.startsWith('similar-to:')) return similarGroup(id.slice('similar-to:'.length), core)?.codes ?? null;
  const group = resolveGroup(id.replace(/-/g, ' '), core);
  return group && group.id === id ? group.codes : null;
}
