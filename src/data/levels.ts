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
 * Codes replaced by a new code for the same footprint: the old code's data is carried over to the new
 * one (only for periods the new code lacks). Each has the reason the build report prints.
 */
export const SUCCESSOR_MERGES: Record<string, { to: string; reason: string }> = {
  E08000016: {
    to: 'E08000038',
    reason: 'Barnsley recoded in 2025, same boundary (ONS treats them as one area)',
  },
  E08000019: {
    to: 'E08000039',
    reason: 'Sheffield recoded in 2025, same boundary (ONS treats them as one area)',
  },
  E10000023: {
    to: 'E06000065',
    reason: 'North Yorkshire County Council became a unitary authority in 2023 on the county boundary',
  },
  E10000027: {
    to: 'E06000066',
    reason: 'Somerset County Council became a unitary authority in 2023 on the county boundary',
  },
};

export const SUCCESSORS: Record<string, string> = Object.fromEntries(
  Object.entries(SUCCESSOR_MERGES).map(([from, { to }]) => [from, to]),
);

/**
 * Retired codes whose successor covers a different footprint: their figures stay under the old code
 * and are never spliced into the successor's series. Answers about the successor say so.
 */
export const BOUNDARY_CHANGES: { from: string; fromName: string; to: string[]; year: number; why: string }[] =
  [
    {
      from: 'E10000009',
      fromName: 'Dorset County Council area',
      to: ['E06000059'],
      year: 2019,
      why: 'the former county included Christchurch, which moved to Bournemouth, Christchurch and Poole',
    },
    {
      from: 'E10000006',
      fromName: 'Cumbria County Council area',
      to: ['E06000063', 'E06000064'],
      year: 2023,
      why: 'the county was split into Cumberland and Westmorland and Furness',
    },
  ];

/** geo-metadata.json puts these two in the East Midlands via Greater Lincolnshire CA; ONS regions put them in Yorkshire and The Humber. */
export const REGION_CORRECTIONS: Record<string, string> = {
  E06000012: 'E12000003',
  E06000013: 'E12000003',
};
