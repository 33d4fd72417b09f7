import { z } from 'zod';
import type { StatsCore } from '../data/stats';
import { emptyRequest } from '../resolve';
import type { ResolvedRequest } from '../resolve/types';
import { answerRequest } from './ask';
import type { Answer } from './types';

// A compact, validated description of an answer, small enough for a Slack button value (2,000
// characters) and for a digest subscription, from which the same answer can be rebuilt later
// ("Show chart", "Download CSV", "Share in channel").

const schema = z.object({
  k: z.enum(['stats', 'profile', 'compare', 'trend', 'rank', 'gap']),
  a: z
    .array(z.string().regex(/^[A-Z]\w{1,9}$/))
    .max(20)
    .default([]),
  i: z
    .string()
    .regex(/^[a-z0-9-]{1,120}$/)
    .nullable()
    .default(null),
  y: z.number().int().min(1900).max(2100).nullable().default(null),
  s: z.number().int().min(1900).max(2100).nullable().default(null),
  g: z
    .object({ id: z.string().max(60), label: z.string().max(120), c: z.array(z.string()).max(60).optional() })
    .nullable()
    .default(null),
  n: z.number().int().min(1).max(500).nullable().default(null),
  d: z.enum(['top', 'bottom']).nullable().default(null),
});

export type AnswerSpec = z.infer<typeof schema>;

/** The spec of a figure-bearing answer, or null for help and clarifications. */
export function specOf(answer: Answer): AnswerSpec | null {
  const base = { a: [] as string[], i: null, y: null, s: null, g: null, n: null, d: null };
  switch (answer.kind) {
    case 'stats':
      return {
        ...base,
        k: 'stats',
        a: [answer.area.code],
        i: answer.items.length === 1 ? answer.items[0].indicator.id : null,
        y: answer.items.length === 1 ? (answer.items[0].figure.period?.year ?? null) : null,
      };
    case 'profile':
      return { ...base, k: 'profile', a: [answer.area.code] };
    case 'compare':
      return {
        ...base,
        k: 'compare',
        a: answer.areas.map((x) => x.code),
        i: answer.indicator.id,
        y: answer.period?.year ?? null,
      };
    case 'trend':
      return {
        ...base,
        k: 'trend',
        a: answer.areas.map((x) => x.code),
        i: answer.indicator.id,
        s: answer.since,
      };
    case 'rank': {
      const codes = answer.group.id === 'listed' ? answer.rows.map((r) => r.area) : undefined;
      return {
        ...base,
        k: 'rank',
        i: answer.indicator.id,
        y: answer.period?.year ?? null,
        g: { id: answer.group.id, label: answer.group.label, c: codes },
        n: answer.rows.length < answer.total ? answer.rows.length : null,
        d: answer.direction,
      };
    }
    case 'gap':
      return { ...base, k: 'gap', i: answer.indicator.id, y: answer.period.year };
    default:
      return null;
  }
}

export function encodeSpec(spec: AnswerSpec): string {
  return JSON.stringify(spec);
}

/** Parses a button value; null for anything malformed (values come back from Slack, so never trust them). */
export function decodeSpec(value: string): AnswerSpec | null {
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Rebuilds the answer a spec describes, through the same path as every other surface (answerRequest,
 * the engine behind ask()). Group codes come from the spec or from `groupCodes`.
 */
export function replay(
  spec: AnswerSpec,
  core: StatsCore,
  groupCodes: (id: string) => string[] | null,
): Answer | null {
  const known = spec.a.filter((c) => core.geography.has(c));
  if (spec.i !== null && !core.hasIndicator(spec.i)) return null;
  const needs = { stats: 1, profile: 1, compare: 2, trend: 1, rank: 0, gap: 0 }[spec.k];
  if (known.length < needs || (spec.k !== 'stats' && spec.k !== 'profile' && !spec.i)) return null;
  let group: ResolvedRequest['group'] = null;
  if (spec.k === 'rank') {
    const codes = spec.g ? (spec.g.c ?? groupCodes(spec.g.id)) : null;
    if (!spec.g || !codes) return null;
    group = { id: spec.g.id, label: spec.g.label, codes };
  }
  const request: ResolvedRequest = {
    ...emptyRequest(),
    command: spec.k,
    areas: (spec.k === 'stats' || spec.k === 'profile'
      ? known.slice(0, 1)
      : spec.k === 'rank' || spec.k === 'gap'
        ? []
        : known
    ).map((code) => ({
      code,
      name: core.geography.name(code),
      type: core.geography.area(code)?.level ?? 'other',
      matched: code,
      score: 0,
      alternatives: [],
    })),
    indicator: spec.i
      ? { id: spec.i, label: core.indicator(spec.i).label, matched: spec.i, alternatives: [] }
      : null,
    year: spec.y,
    since: spec.s,
    rank: spec.k === 'rank' ? { direction: spec.d ?? 'top', n: spec.n } : null,
    group,
    unavailable: null,
    private: false,
    unresolved: [],
  };
  return answerRequest(request, core);
}
