// Text normalisation shared by every index and every query, so that keys and queries agree.

/**
 * Lower case, strip diacritics and punctuation, "&" -> "and", "st." -> "st", hyphens and slashes to
 * spaces, apostrophes dropped ("King's Lynn" -> "kings lynn"), spaces collapsed.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2019]s\b/g, '') // possessive: "Hull's" -> "hull" (and "King's Lynn" -> "king lynn", both sides alike)
    .replace(/['\u2018\u2019`]/g, '')
    .replace(/\bst\./g, 'st ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** The normalised text as words. */
export function tokens(text: string): string[] {
  const n = normalise(text);
  return n === '' ? [] : n.split(' ');
}

// Reused rows for editDistance (no allocation per call: it runs over every name for suggestions).
let rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions: "sheffeild" is one edit
 * from "sheffield"). Stops early and returns max + 1 once the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rows[0].length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = prev[j - 1] + (ai === bj ? 0 : 1);
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (
        i > 1 &&
        j > 1 &&
        ai === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === bj &&
        prev2[j - 2] + 1 < v
      ) {
        v = prev2[j - 2] + 1;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[n];
}

/** How many edits a typo of this length may contain and still be accepted as that word. */
export function allowedEdits(length: number): number {
  if (length < 5) return 0; // "life" must not become Fife
  if (length < 7) return 1;
  if (length < 12) return 2;
  return 3;
}
