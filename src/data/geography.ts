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

/** Areas, their hierarchy, statistical neighbours and clusters; answers questions about places, not figures. */
export class Geography {
  private readonly byCode = new Map<string, SnapshotArea>();
  private readonly childrenOf = new Map<string, string[]>();
  private readonly peersCache = new Map<string, { codes: string[]; label: string }>();

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

  name(code: string): string {
    return this.area(code)?.name ?? code;
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
   * The areas an area is ranked among: current lower-tier authorities of its nation for a district,
   * upper-tier ones for a county, the English regions for a region, combined authorities for a CA.
   */
  peersOf(code: string): { codes: string[]; label: string } {
    const key = this.area(code)?.code ?? code;
    let peers = this.peersCache.get(key);
    if (!peers) {
      peers = this.computePeers(key);
      this.peersCache.set(key, peers);
    }
    return peers;
  }

  private computePeers(code: string): { codes: string[]; label: string } {
    const area = this.area(code);
    if (!area) return { codes: [], label: '' };
    const nation = this.nationOf(code);
    const nationName = nation ? this.name(nation) : 'the UK';
    if (area.level === 'region')
      return { codes: this.ofLevel('region').map((a) => a.code), label: 'English regions' };
    if (area.level === 'combined_authority') {
      return { codes: this.ofLevel('combined_authority').map((a) => a.code), label: 'combined authorities' };
    }
    if (area.level === 'nation')
      return { codes: this.ofLevel('nation').map((a) => a.code), label: 'UK nations' };
    if (area.level === 'county') {
      return {
        codes: this.all()
          .filter((a) => a.upperTier && this.nationOf(a.code) === nation)
          .map((a) => a.code),
        label: `upper-tier authorities in ${nationName}`,
      };
    }
    if (area.lowerTier || area.upperTier) {
      return {
        codes: this.all()
          .filter((a) => a.lowerTier && this.nationOf(a.code) === nation)
          .map((a) => a.code),
        label: `local authorities in ${nationName}`,
      };
    }
    return { codes: [], label: '' };
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
