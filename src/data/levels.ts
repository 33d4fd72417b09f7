import type { AreaLevel } from './types';

// Our level comes from the GSS entity code (the first three characters), because the CSVs'
// `geography` labels are not the GSS level (E92 England is "Nation", unitaries are "County or
// Unitary Authority", combined authorities are sometimes "ITL Level 2").
const BY_PREFIX: Record<string, AreaLevel> = {
  K02: 'uk',
  E92: 'nation',
  W92: 'nation',
  S92: 'nation',
  N92: 'nation',
  E12: 'region',
  E47: 'combined_authority',
  E10: 'county',
  E06: 'unitary_authority',
  E08: 'metropolitan_district',
  E09: 'london_borough',
  E07: 'non_metropolitan_district',
  W06: 'welsh_unitary_authority',
  S12: 'scottish_council_area',
  N09: 'ni_district',
};

export function levelFromCode(code: string): AreaLevel {
  return BY_PREFIX[code.slice(0, 3)] ?? 'other';
}

const LOWER_TIER = new Set(['E06', 'E07', 'E08', 'E09', 'W06', 'S12', 'N09']);
const UPPER_TIER = new Set(['E06', 'E08', 'E09', 'E10', 'W06', 'S12', 'N09']);

export const isLowerTierCode = (code: string): boolean => LOWER_TIER.has(code.slice(0, 3));
export const isUpperTierCode = (code: string): boolean => UPPER_TIER.has(code.slice(0, 3));

/** Human names for levels, used in answers ("12th of 296 local authorities"). */
export const LEVEL_NAMES: Record<AreaLevel, string> = {
  uk: 'country',
  nation: 'nation',
  region: 'region',
  combined_authority: 'combined authority',
  county: 'county',
  unitary_authority: 'unitary authority',
  metropolitan_district: 'metropolitan borough',
  london_borough: 'London borough',
  non_metropolitan_district: 'district',
  welsh_unitary_authority: 'Welsh council',
  scottish_council_area: 'Scottish council',
  ni_district: 'Northern Ireland district',
  other: 'area',
};

/**
 * ITL1 codes stand for England (TLB), regions and nations in the GVA and GDP files, which have no E12 rows.
 * Same boundaries, so their values are the regions' values.
 */
export const ITL1_TO_GSS: Record<string, string> = {
  TLB: 'E92000001',
  TLC: 'E12000001',
  TLD: 'E12000002',
  TLE: 'E12000003',
  TLF: 'E12000004',
  TLG: 'E12000005',
  TLH: 'E12000006',
  TLI: 'E12000007',
  TLJ: 'E12000008',
  TLK: 'E12000009',
  TLL: 'W92000004',
  TLM: 'S92000003',
  TLN: 'N92000002',
};

/**
 * Codes replaced by a new code for the same boundaries: the data is carried over to the new code.
 * Barnsley and Sheffield were recoded in 2025; North Yorkshire, Somerset and Dorset became unitary
 * authorities on their county boundaries (ONS ELS README, "Duplicates across area codes").
 */
export const SUCCESSORS: Record<string, string> = {
  E08000016: 'E08000038',
  E08000019: 'E08000039',
  E10000023: 'E06000065',
  E10000027: 'E06000066',
  E10000009: 'E06000059',
};

/** geo-metadata.json puts these two in the East Midlands via Greater Lincolnshire CA; ONS regions put them in Yorkshire and The Humber. */
export const REGION_CORRECTIONS: Record<string, string> = {
  E06000012: 'E12000003',
  E06000013: 'E12000003',
};
