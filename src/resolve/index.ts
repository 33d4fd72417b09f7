// Public API of the resolver: free text -> structured request.

export { buildPlaceTable, FOREIGN_PLACES, isCurrentArea, PLACE_ALIASES, RETIRED_TO } from './aliases';
export type { PlaceAlias, PlaceEntry } from './aliases';
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
export { INDICATOR_SYNONYMS, matchIndicator } from './indicators';
export type { IndicatorSynonym } from './indicators';
export { editDistance, normalise, tokens } from './normalise';
export { findPlaces, matchPlace, suggestPlaces } from './places';
export type { CommandName, ResolvedArea, ResolvedIndicator, ResolvedRequest, Unresolved } from './types';
