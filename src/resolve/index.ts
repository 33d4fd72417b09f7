// Public API of the resolver: free text -> structured request.

export { buildPlaceTable, isCurrentArea } from './aliases';
export type { PlaceEntry } from './aliases';
export { emptyRequest, resolve } from './grammar';
export {
  CORE_CITIES,
  GROUPS,
  NORTHERN_CITIES,
  NORTHERN_CORE_CITIES,
  resolveGroup,
  similarGroup,
} from './groups';
export type { AreaGroup } from './groups';
export { matchIndicator } from './indicators';
export type { IndicatorSynonym } from './indicators';
export { editDistance, normalise, tokens } from './normalise';
export { findPlaces, matchPlace, suggestPlaces } from './places';
export type { CommandName, ResolvedArea, ResolvedIndicator, ResolvedRequest, Unresolved } from './types';
