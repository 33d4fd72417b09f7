import { LEVEL_NAMES, SUCCESSORS } from './levels';
import type { AreaLevel, Snapshot, SnapshotArea } from './types';

export const ENGLAND = 'E92000001';
export const UK = 'K02000001';
export const NORTH_EAST = 'E12000001';
export const NORTH_WEST = 'E12000002';
export const YORKSHIRE = 'E12000003';
export const LONDON = 'E12000007';
export const SOUTH_EAST = 'E12000008';
/** The Northern Powerhouse regions. */
export const NORTHERN_REGIONS = [NORTH_EAST, NORTH_WEST, YORKSHIRE] as const;

/**
 * The suffix ONS Explore Local Statistics gives a nation's own series of an indicator published
 * separately for it ("employment-rate-northern-ireland" beside "employment-rate-great-britain").
 */
export const NATION_SERIES_SUFFIX: Readonly<Record<string, string>> = {
  N92000002: 'northern-ireland',
  S92000003: 'scotland',
  W92000004: 'wales',
};

/** A set of areas a figure is ranked in. */
export interface ComparisonSet {
  id: string;
  label: string;
  codes: string[];
}

/** Areas, their hierarchy, statistical neighbours and clusters; answers questions about places, not figures. */
export class Geography {
  private readonly byCode = new Map<string, SnapshotArea>();
  private readonly childrenOf = new Map<string, string[]>();
  private readonly setCache = new Map<string, ComparisonSet | null>();

  private readonly sharedCombinedNames = new Set<string>();

  constructor(private readonly snapshot: Pick<Snapshot, 'areas' | 'similar' | 'clusters'>) {
    for (const area of snapshot.areas) this.byCode.set(area.code, area);
    for (const area of snapshot.areas) {
      if (area.end !== undefined) continue; // retired codes are nobody's children today
      const parent = area.parents[0];
      if (parent) {
        const list = this.childrenOf.get(parent) ?? [];
        list.push(area.code);
        this.childrenOf.set(parent, list);
      }
    }
    // Combined authorities whose name a current region or council also has.
    const otherNames = new Set(
      snapshot.areas
        .filter((a) => a.end === undefined && a.level !== 'other' && a.level !== 'combined_authority')
        .map((a) => a.name),
    );
    for (const a of snapshot.areas)
      if (a.level === 'combined_authority' && otherNames.has(a.name)) this.sharedCombinedNames.add(a.code);
  }

  /** The area for a code, following a retired code to its successor (Sheffield E08000019 -> E08000039). */
  area(code: string): SnapshotArea | undefined {
    const area = this.byCode.get(code);
    if (area?.successor) return this.byCode.get(area.successor) ?? area;
    return area;
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /**
   * The name to show. A combined authority that ONS names like a region or council ("North East",
   * "West Midlands", "Lancashire") is shown as "North East (combined authority)", so a heading or a
   * pasted figure never passes one for the other.
   */
  name(code: string): string {
    const area = this.area(code);
    if (!area) return code;
    return this.sharedCombinedNames.has(area.code) ? `${area.name} (combined authority)` : area.name;
  }

  all(): SnapshotArea[] {
    return [...this.byCode.values()];
  }

  /** Current areas of a level (no retired codes). */
  ofLevel(level: AreaLevel): SnapshotArea[] {
    return this.all().filter((a) => a.level === level && a.end === undefined);
  }

  children(code: string): SnapshotArea[] {
    return (this.childrenOf.get(code) ?? []).map((c) => this.byCode.get(c)!);
  }

  /** The E12 region (or nation outside England) an area belongs to; the area itself for a region. */
  regionOf(code: string): string | undefined {
    const area = this.area(code);
    if (!area) return undefined;
    if (area.level === 'region') return area.code;
    return (
      area.parents.find((p) => p.startsWith('E12')) ??
      area.parents.find((p) => this.byCode.get(p)?.level === 'nation')
    );
  }

  nationOf(code: string): string | undefined {
    const area = this.area(code);
    if (!area) return undefined;
    if (area.level === 'nation') return area.code;
    return area.parents.find((p) => this.byCode.get(p)?.level === 'nation');
  }

  isNorthern(code: string): boolean {
    const region = this.regionOf(code);
    return region !== undefined && (NORTHERN_REGIONS as readonly string[]).includes(region);
  }

  /** "Leeds (local authority, Yorkshire and The Humber)" style qualifier for disambiguation. */
  describe(code: string): string {
    const area = this.area(code);
    if (!area) return code;
    const kind = LEVEL_NAMES[area.level];
    const region = area.level === 'region' || area.level === 'nation' ? undefined : this.regionOf(code);
    return region ? `${area.name} (${kind}, ${this.name(region)})` : `${area.name} (${kind})`;
  }

  /**
   * The comparison set an area is ranked in: the English regions for a region, combined authorities
   * for a CA, the UK nations for a nation, councils of its nation in Wales, Scotland and Northern
   * Ireland; in England, lower-tier authorities ("local authorities in England") for a district, and
   * for a unitary, metropolitan borough or London borough too when districts have values
   * (`lowerTierHasValues`), else upper-tier councils (which a county always is ranked among).
   * Only current codes are members: a retired code (Dorset county 2019) is never counted.
   */
  comparisonSet(code: string, lowerTierHasValues: boolean): ComparisonSet | null {
    const area = this.area(code);
    if (!area || area.end !== undefined) return null;
    const key = `${area.code}|${lowerTierHasValues}`;
    let set = this.setCache.get(key);
    if (set === undefined) {
      set = this.computeSet(area, lowerTierHasValues);
      this.setCache.set(key, set);
    }
    return set;
  }

  private computeSet(area: SnapshotArea, lowerTierHasValues: boolean): ComparisonSet | null {
    const byLevel = (id: string, label: string, level: AreaLevel): ComparisonSet => ({
      id,
      label,
      codes: this.ofLevel(level).map((a) => a.code),
    });
    const nation = this.nationOf(area.code);
    switch (area.level) {
      case 'region':
        return byLevel('regions-england', 'English regions', 'region');
      case 'combined_authority':
        return byLevel('combined-authorities', 'combined authorities', 'combined_authority');
      case 'nation':
        return byLevel('nations', 'UK nations', 'nation');
      case 'welsh_unitary_authority':
        return byLevel('welsh-authorities', 'councils in Wales', 'welsh_unitary_authority');
      case 'scottish_council_area':
        return byLevel('scottish-councils', 'councils in Scotland', 'scottish_council_area');
      case 'ni_district':
        return byLevel('ni-districts', 'districts in Northern Ireland', 'ni_district');
      case 'county':
        return this.englishTier('upper');
      case 'non_metropolitan_district':
        return this.englishTier('lower');
      case 'unitary_authority':
      case 'metropolitan_district':
      case 'london_borough':
        return nation === ENGLAND ? this.englishTier(lowerTierHasValues ? 'lower' : 'upper') : null;
      default:
        return null;
    }
  }

  /** Current lower-tier (E06, E07, E08, E09) or upper-tier (E06, E08, E09, E10) authorities in England. */
  englishTier(tier: 'lower' | 'upper'): ComparisonSet {
    const codes = this.all()
      .filter(
        (a) =>
          a.end === undefined &&
          (tier === 'lower' ? a.lowerTier : a.upperTier) &&
          this.nationOf(a.code) === ENGLAND,
      )
      .map((a) => a.code);
    return tier === 'lower'
      ? { id: 'lower-tier-england', label: 'local authorities in England', codes }
      : { id: 'upper-tier-england', label: 'upper-tier councils in England', codes };
  }

  /** ONS statistical neighbours ("similar areas"), most similar first. */
  similar(code: string, kind: 'global' | 'economic' | 'demographic' = 'global'): string[] {
    const area = this.area(code);
    if (!area) return [];
    // areas-similar.json may list a recoded place under its old code (Sheffield E08000019).
    const oldCode = Object.entries(SUCCESSORS).find(([, to]) => to === area.code)?.[0];
    const entry = this.snapshot.similar[area.code] ?? (oldCode ? this.snapshot.similar[oldCode] : undefined);
    return (entry?.[kind] ?? []).map((c) => this.area(c)?.code ?? c);
  }
}
