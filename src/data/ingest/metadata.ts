// Reads an ELS dataset's metadata JSON. Two layouts exist: flat `ess-beta-metadata` (one indicator;
// its `label` is not always the CSV's indicator text) and `ess-beta-metadata.shared` plus one object
// per indicator keyed by the CSV indicator value.

export interface RawIndicatorMeta {
  label?: string;
  subtitle?: string;
  longDescription?: string;
  caveats?: string | null;
  decimalPlaces?: number;
  prefix?: string | null;
  suffix?: string | null;
  subText?: string | null;
  sourceDate?: string;
  sourceURL?: string;
  sourceOrg?: string;
  experimentalStatistic?: string;
}

export interface DatasetMetadata {
  /** Metadata for one CSV indicator: shared fields overlaid by the indicator's own. */
  forIndicator(csvName: string): RawIndicatorMeta | null;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseDatasetMetadata(jsonText: string): DatasetMetadata {
  const doc = JSON.parse(stripBom(jsonText)) as Record<string, unknown>;
  const ess = doc['ess-beta-metadata'] as Record<string, unknown> | undefined;
  if (!ess) return { forIndicator: () => null };
  const shared = ess.shared as RawIndicatorMeta | undefined;
  if (!shared) {
    // Flat layout: one indicator, whatever the CSV calls it.
    const flat = ess as RawIndicatorMeta;
    return { forIndicator: () => flat };
  }
  const byLower = new Map<string, RawIndicatorMeta>();
  for (const [key, value] of Object.entries(ess)) {
    if (key !== 'shared') byLower.set(key.trim().toLowerCase(), value as RawIndicatorMeta);
  }
  return {
    forIndicator(csvName) {
      const own = byLower.get(csvName.trim().toLowerCase());
      return own ? { ...shared, ...own } : null;
    },
  };
}

/** "19/06/2025" or "23/10/2025|01/04/2026" -> the latest as an ISO date. */
export function latestSourceDate(text: string | undefined): string {
  const dates = (text ?? '')
    .split('|')
    .map((d) => /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(d.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[3]}-${m[2]}-${m[1]}`);
  return dates.sort().at(-1) ?? '';
}

/** "A|B|A" -> "A and B"; the ELS joins several providers with "|". */
export function joinOrgs(text: string | undefined): string {
  const orgs = [
    ...new Set(
      (text ?? '')
        .split('|')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  return orgs.length <= 1 ? (orgs[0] ?? '') : `${orgs.slice(0, -1).join(', ')} and ${orgs.at(-1)}`;
}

export function decodePrefix(prefix: string | null | undefined): string {
  if (!prefix) return '';
  return prefix === 'GBPSign' ? '£' : prefix;
}
