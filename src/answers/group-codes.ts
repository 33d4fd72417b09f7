import type { StatsCore } from '../data/stats';
import { resolveGroup } from '../resolve/groups';

/** The members of a named group by its id (for buttons that carry only the id), or null if unknown. */
export function groupCodes(id: string, core: StatsCore): string[] | null {
  if (id === 'regions') return core.geography.ofLevel('region').map((a) => a.code);
  return resolveGroupById(id, core);
}

function resolveGroupById(id: string, core: StatsCore): string[] | null {
  const group = resolveGroup(id.replace(/-/g, ' '), core);
  return group && group.id === id ? group.codes : null;
}
