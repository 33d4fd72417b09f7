// Whether two estimates differ, the way Northstat says it everywhere (statistics-notes.md section 0):
// with 95% confidence intervals on both, a difference is named only when the intervals do not
// overlap (conservative, and easy to explain: "the ranges overlap"); with an interval on one side
// only, when the other value lies outside it; with none, by value, saying no interval is published.

export type Verdict = 'higher' | 'lower' | 'similar' | 'same';
export type VerdictMethod = 'ci-overlap' | 'one-ci' | 'no-ci';

export interface Estimate {
  value: number | null;
  lci: number | null;
  uci: number | null;
}

export interface Comparison {
  /** How `a` stands against `b`. */
  verdict: Verdict;
  method: VerdictMethod;
}

const hasCi = (e: Estimate): boolean => e.lci !== null && e.uci !== null;

/** `a` against `b`, or null when either value is missing. */
export function compareEstimates(a: Estimate, b: Estimate): Comparison | null {
  if (a.value === null || b.value === null) return null;
  if (hasCi(a) && hasCi(b)) {
    const overlap = (a.lci as number) <= (b.uci as number) && (b.lci as number) <= (a.uci as number);
    if (overlap) return { verdict: 'similar', method: 'ci-overlap' };
    return { verdict: a.value > b.value ? 'higher' : 'lower', method: 'ci-overlap' };
  }
  if (hasCi(a) || hasCi(b)) {
    const [withCi, other] = hasCi(a) ? [a, b] : [b, a];
    const inside =
      (other.value as number) >= (withCi.lci as number) && (other.value as number) <= (withCi.uci as number);
    if (inside) return { verdict: 'similar', method: 'one-ci' };
    return { verdict: a.value > b.value ? 'higher' : 'lower', method: 'one-ci' };
  }
  if (a.value === b.value) return { verdict: 'same', method: 'no-ci' };
  return { verdict: a.value > b.value ? 'higher' : 'lower', method: 'no-ci' };
}
