/**
 * "Leeds · GVA per hour worked" → "leeds-gva-per-hour-worked": ASCII, no accents, words joined by "-",
 * at most `max` characters, safe as a Slack file name. Empty text gives "".
 */
export function fileSlug(text: string, max: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
}
