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
  k: z.enum([
    'stats',
    'profile',
    'compare',
    'trend',
    'rank',
    'gap',
    'change',
    'catching-up',
    'scatter',
    'benchmark',
  ]),
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
  /** The second indicator of a scatter. */
  j: z
    .string()
    .regex(/^[a-z0-9-]{1,120}$/)
    .nullable()
    .default(null),
});

export type AnswerSpec = z.infer<typeof schema>;

const EMPTY_SPEC = { a: [] as string[], i: null, y: null, s: null, g: null, n: null, d: null, j: null };

/** A spec of one kind with only the fields given ("the /gap answer for pay"); the rest empty. */
export function specFor(k: AnswerSpec['k'], fields: Partial<Omit<AnswerSpec, 'k'>> = {}): AnswerSpec {
  return { ...EMPTY_SPEC, ...fields, k };
}

/** The spec of a figure-bearing answer, or null for help and clarifications. */
export function specOf(answer: Answer): AnswerSpec | null {
  const base = EMPTY_SPEC;
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
        n:
          answer.rows.length - answer.appended.length < answer.total
            ? answer.rows.length - answer.appended.length
            : null,
        d: answer.direction,
        a: answer.highlighted,
      };
    }
    case 'gap':
      return { ...base, k: 'gap', i: answer.indicator.id, y: answer.period.year };
    case 'change':
      return {
        ...base,
        k: 'change',
        i: answer.indicator.id,
        s: answer.since,
        g: {
          id: answer.group.id,
          label: answer.group.label,
          c: answer.group.id === 'listed' ? answer.rows.map((r) => r.area) : undefined,
        },
        d: answer.direction,
        a: answer.highlight ? [answer.highlight] : [],
      };
    case 'catching-up':
      return {
        ...base,
        k: 'catching-up',
        i: answer.indicator.id,
        a: answer.area === 'north' ? [] : [answer.area],
      };
    case 'scatter':
      return {
        ...base,
        k: 'scatter',
        i: answer.x.id,
        j: answer.y.id,
        g: { id: answer.group.id, label: answer.group.label },
        a: answer.highlight ? [answer.highlight] : [],
      };
    case 'benchmark':
      return {
        ...base,
        k: 'benchmark',
        i: answer.indicator.id,
        g: { id: answer.group.id, label: answer.group.label },
        a: [answer.against.area],
      };
    default:
      return null;
  }
}

export function encodeSpec(spec: AnswerSpec): string {
  // Button values are capped at 2,000 characters: the second indicator is written only when there is one.
  const { j, ...rest } = spec;
  return JSON.stringify(j === null ? rest : spec);
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
  if (spec.j !== null && !core.hasIndicator(spec.j)) return null;
  const needs: Record<AnswerSpec['k'], number> = {
    stats: 1,
    profile: 1,
    compare: 2,
    trend: 1,
    rank: 0,
    gap: 0,
    change: 0,
    'catching-up': 0,
    scatter: 0,
    benchmark: 1,
  };
  if (known.length < needs[spec.k] || (spec.k !== 'stats' && spec.k !== 'profile' && !spec.i)) return null;
  let group: ResolvedRequest['group'] = null;
  if (spec.g) {
    const codes = spec.g.c ?? groupCodes(spec.g.id);
    if (!codes) return null;
    group = { id: spec.g.id, label: spec.g.label, codes };
  }
  if ((spec.k === 'rank' || spec.k === 'change' || spec.k === 'benchmark') && !group) return null;
  // The analyses are asked as the commands that give them, with the cue words said.
  const command = { change: 'rank', benchmark: 'rank', 'catching-up': 'gap' }[spec.k as string] ?? spec.k;
  const base = emptyRequest();
  const areaOf = (code: string) => ({
    code,
    name: core.geography.name(code),
    type: core.geography.area(code)?.level ?? 'other',
    matched: code,
    score: 0,
    alternatives: [],
  });
  const indicatorOf = (id: string) => ({
    id,
    label: core.indicator(id).label,
    matched: id,
    alternatives: [],
  });
  const areas =
    spec.k === 'stats' || spec.k === 'profile' ? known.slice(0, 1) : spec.k === 'gap' ? [] : known;
  const request: ResolvedRequest = {
    ...base,
    command,
    cues: {
      ...base.cues,
      change: spec.k === 'change',
      benchmark: spec.k === 'benchmark',
      catching: spec.k === 'catching-up',
      correlation: false,
    },
    areas: areas.map(areaOf),
    indicator: spec.i ? indicatorOf(spec.i) : null,
    indicators: [spec.i, spec.j].filter((id): id is string => id !== null).map(indicatorOf),
    year: spec.y,
    since: spec.s,
    rank: spec.k === 'rank' || spec.k === 'change' ? { direction: spec.d ?? 'top', n: spec.n } : null,
    group:
      spec.k === 'catching-up' && known.length === 0
        ? { id: 'the-north', label: 'the North', codes: [] }
        : group,
  };
  return answerRequest(request, core);
}
