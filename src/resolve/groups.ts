// Named groups of areas for "among <group>" and for ranking. Members are documented here.

import { ENGLAND } from '../data/geography';
import type { StatsCore } from '../data/stats';
import { isCurrentArea } from './aliases';
import { normalise } from './normalise';
import { fuzzyPlace, placeIndex } from './places';

export interface AreaGroup {
  id: string;
  label: string;
  codes: string[];
}

/** The five northern members of the Core Cities group. */
export const NORTHERN_CORE_CITIES = [
  'E08000035', // Leeds
  'E08000012', // Liverpool
  'E08000003', // Manchester
  'E08000021', // Newcastle upon Tyne
  'E08000039', // Sheffield
];

/** Core Cities UK: the northern five plus Birmingham, Bristol, Nottingham, Cardiff, Glasgow and Belfast. */
export const CORE_CITIES = [
  ...NORTHERN_CORE_CITIES,
  'E08000025', // Birmingham
  'E06000023', // Bristol, City of
  'E06000018', // Nottingham
  'W06000015', // Cardiff
  'S12000049', // Glasgow City
  'N09000003', // Belfast
];

/**
 * Northern cities: the councils of the North's places with city status whose council area is mostly
 * that city (the five core cities, Bradford, Kingston upon Hull, Sunderland, Salford, Wakefield, York,
 * Preston, Lancaster, Doncaster), plus Middlesbrough as the main urban centre of Teesside (Centre for
 * Cities counts it as a city). Excluded: Durham, Carlisle and Ripon (their councils are mostly rural
 * counties: County Durham, Cumberland, North Yorkshire) and large towns such as Wigan, Bolton, Stockport.
 */
export const NORTHERN_CITIES = [
  ...NORTHERN_CORE_CITIES,
  'E08000032', // Bradford
  'E06000010', // Kingston upon Hull, City of
  'E08000024', // Sunderland
  'E08000006', // Salford
  'E08000036', // Wakefield
  'E06000014', // York
  'E07000123', // Preston
  'E07000121', // Lancaster
  'E08000017', // Doncaster
  'E06000002', // Middlesbrough
];

interface GroupDef {
  id: string;
  label: string;
  phrases: string[];
  codes: (core: StatsCore) => string[];
}

const current = (core: StatsCore) => core.geography.all().filter(isCurrentArea);

export const GROUPS: GroupDef[] = [
  {
    id: 'northern-core-cities',
    label: 'northern core cities',
    phrases: [
      'northern core cities',
      'core cities in the north',
      'northern core city',
      'big five northern cities',
    ],
    codes: () => NORTHERN_CORE_CITIES,
  },
  {
    id: 'core-cities',
    label: 'Core Cities',
    phrases: ['core cities', 'core city'],
    codes: () => CORE_CITIES,
  },
  {
    id: 'northern-cities',
    label: 'northern cities',
    phrases: ['northern cities', 'cities in the north', 'cities of the north', 'northern city'],
    codes: () => NORTHERN_CITIES,
  },
  {
    id: 'northern-combined-authorities',
    label: 'northern combined authorities',
    phrases: [
      'northern combined authorities',
      'northern cas',
      'northern mayoral combined authorities',
      'combined authorities in the north',
      'northern mayoralties',
    ],
    codes: (core) =>
      current(core)
        .filter((a) => a.level === 'combined_authority' && core.geography.isNorthern(a.code))
        .map((a) => a.code),
  },
  {
    id: 'combined-authorities',
    label: 'combined authorities',
    phrases: [
      'combined authorities',
      'all combined authorities',
      'cas',
      'mayoral combined authorities',
      'mayoralties',
    ],
    codes: (core) =>
      current(core)
        .filter((a) => a.level === 'combined_authority')
        .map((a) => a.code),
  },
  {
    id: 'english-regions',
    label: 'English regions',
    phrases: [
      'english regions',
      'regions',
      'the regions',
      'all regions',
      'regions of england',
      'region',
      'by region',
      'which region',
    ],
    codes: (core) => core.geography.ofLevel('region').map((a) => a.code),
  },
  {
    id: 'uk-nations',
    label: 'UK nations',
    phrases: ['uk nations', 'nations', 'the nations', 'home nations', 'devolved nations'],
    codes: (core) =>
      current(core)
        .filter((a) => a.level === 'nation')
        .map((a) => a.code),
  },
  {
    // "The North" typed as a place: its councils when ranking; /stats, /compare and /trend show the
    // three regions (the engine expands it).
    id: 'the-north',
    label: 'the North',
    phrases: [
      'the north',
      'the north of england',
      'north of england',
      'northern england',
      'the northern powerhouse',
      'northern powerhouse',
      'the norths',
      'the whole north',
    ],
    codes: (core) =>
      current(core)
        .filter((a) => a.lowerTier && core.geography.isNorthern(a.code))
        .map((a) => a.code),
  },
  {
    id: 'members-of:E12000007',
    label: 'London boroughs',
    phrases: ['london boroughs', 'the london boroughs', 'all london boroughs'],
    codes: (core) => membersGroup('E12000007', core)?.codes ?? [],
  },
  {
    id: 'members-of:S92000003',
    label: 'councils in Scotland',
    phrases: [
      'scottish councils',
      'councils in scotland',
      'scottish local authorities',
      'scottish authorities',
    ],
    codes: (core) => membersGroup('S92000003', core)?.codes ?? [],
  },
  {
    id: 'members-of:W92000004',
    label: 'councils in Wales',
    phrases: ['welsh councils', 'councils in wales', 'welsh local authorities', 'welsh authorities'],
    codes: (core) => membersGroup('W92000004', core)?.codes ?? [],
  },
  {
    id: 'members-of:N92000002',
    label: 'districts in Northern Ireland',
    phrases: ['ni councils', 'northern ireland councils', 'councils in northern ireland', 'ni districts'],
    codes: (core) => membersGroup('N92000002', core)?.codes ?? [],
  },
  {
    id: 'northern-local-authorities',
    label: 'northern local authorities',
    phrases: [
      'northern councils',
      'northern local authorities',
      'councils in the north',
      'local authorities in the north',
      'northern las',
      'northern authorities',
    ],
    codes: (core) =>
      current(core)
        .filter((a) => a.lowerTier && core.geography.isNorthern(a.code))
        .map((a) => a.code),
  },
  {
    id: 'all-local-authorities',
    label: 'local authorities in England',
    phrases: [
      'all local authorities',
      'local authorities',
      'all councils',
      'councils',
      'all las',
      'las',
      'lads',
      'local authority districts',
      'districts',
      'english councils',
      'councils in england',
      'local councils',
      'authorities',
    ],
    codes: (core) =>
      current(core)
        .filter((a) => a.lowerTier && core.geography.nationOf(a.code) === ENGLAND)
        .map((a) => a.code),
  },
];

/** Groups that mean "councils" in general: a place before or after them narrows them to its own councils. */
export const GENERIC_LA_GROUPS = new Set(['all-local-authorities', 'northern-local-authorities']);

/**
 * The councils of a combined authority, region, county or nation ("among West Yorkshire"): its current
 * lower-tier authorities (a county's districts, a region's or nation's councils, a CA's members).
 */
export function membersGroup(code: string, core: StatsCore): AreaGroup | null {
  const area = core.geography.area(code);
  if (!area) return null;
  const codes = current(core)
    .filter(
      (a) =>
        a.lowerTier &&
        (a.parents.includes(area.code) ||
          (area.level === 'nation' && core.geography.nationOf(a.code) === area.code)),
    )
    .map((a) => a.code);
  if (codes.length === 0) return null;
  return { id: `members-of:${area.code}`, label: `councils in ${area.name}`, codes };
}

/** Phrases that introduce a place whose statistical neighbours form the group. */
export const SIMILAR_PREFIXES = [
  'similar to',
  'areas similar to',
  'places similar to',
  'councils similar to',
  'similar areas to',
  'statistical neighbours of',
  'neighbours of',
  'areas like',
  'places like',
  'councils like',
];

const SINGULARS: [RegExp, string][] = [
  [/ councils$/, ' council'],
  [/ authorities$/, ' authority'],
  [/ districts$/, ' district'],
  [/ cities$/, ' city'],
];

function singularOf(phrase: string): string | null {
  if (!phrase.includes(' ')) return null;
  for (const [plural, one] of SINGULARS) if (plural.test(phrase)) return phrase.replace(plural, one);
  return null;
}

const groupCache = new WeakMap<StatsCore, Map<string, AreaGroup>>();

/** Normalised phrase -> group, for a core (cached by core object). */
export function groupTable(core: StatsCore): Map<string, AreaGroup> {
  let table = groupCache.get(core);
  if (table) return table;
  table = new Map();
  for (const def of GROUPS) {
    const group = { id: def.id, label: def.label, codes: def.codes(core) };
    for (const phrase of def.phrases) {
      table.set(normalise(phrase), group);
      // "which northern council has the highest": the singular of a qualified plural names the same
      // group (a bare "council" does not: "leeds city council" is Leeds).
      const singular = singularOf(phrase);
      if (singular && !def.phrases.includes(singular) && !table.has(normalise(singular)))
        table.set(normalise(singular), group);
    }
  }
  groupCache.set(core, table);
  return table;
}

/**
 * The group of an area's ONS statistical neighbours (geography.similar), with the area itself first so
 * that a ranking "among areas similar to Leeds" includes Leeds.
 */
export function similarGroup(code: string, core: StatsCore): AreaGroup | null {
  const area = core.geography.area(code);
  if (!area) return null;
  const similar = core.geography.similar(code).filter((c) => c !== area.code);
  if (similar.length === 0) return null;
  return {
    id: `similar-to:${area.code}`,
    label: `areas similar to ${area.name}`,
    codes: [area.code, ...similar],
  };
}

/**
 * A group from its words: "northern core cities", "among English regions", "similar to Leeds".
 * Null when the text names no group.
 */
export function resolveGroup(text: string, core: StatsCore): AreaGroup | null {
  const key = normalise(text)
    .replace(/^(among|amongst|across|within|in|of|against|vs|versus)\s+/, '')
    .replace(/^(the|all the)\s+/, (m) => (m.startsWith('all') ? 'all ' : ''));
  const table = groupTable(core);
  const direct = table.get(key) ?? table.get(key.replace(/^all /, ''));
  if (direct) return direct;
  for (const prefix of SIMILAR_PREFIXES) {
    if (!key.startsWith(`${prefix} `)) continue;
    const rest = key.slice(prefix.length + 1);
    const index = placeIndex(core);
    const entry = index.table.get(rest);
    const code = entry && entry.kind !== 'foreign' ? entry.code : fuzzyPlace(rest, index)?.code;
    return code ? similarGroup(code, core) : null;
  }
  return null;
}
