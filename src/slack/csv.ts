import type { Answer, Figure, StatsItem } from '../answers/types';
import { withheldNote } from '../data/stats';
import { fileSlug } from '../format/file-name';

// "Download CSV": the answer's own numbers, unrounded (as published), with their unit and multiplier, with period and source on every row, so a
// spreadsheet pasted into a briefing still says where each figure came from.

export type Row = (string | number | null)[];

/** The columns every figure row starts with: where, what, when, the value with its unit and interval. */
export const FIGURE_COLUMNS = [
  'area_code',
  'area_name',
  'indicator_id',
  'indicator',
  'period',
  'value',
  'unit',
  'lower_95',
  'upper_95',
  'note',
];

const HEADER = [...FIGURE_COLUMNS, 'source', 'released', 'rank', 'rank_of', 'comparison_set'];

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quote per RFC 4180, and defuse spreadsheet formulas ("=", "+", "-", "@" at the start of text).
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The answer's figures as a table, or null for answers without figures (help, clarify). */
export function answerTable(answer: Answer): { header: string[]; rows: Row[] } | null {
  const rows: Row[] = [];
  const add = (
    f: Figure,
    ind: { id: string; label: string; unitLabel: string },
    src: { org: string; releaseDate: string },
    rank?: { position: number; of: number; set: string } | null,
  ) =>
    rows.push([
      f.area,
      f.areaName,
      ind.id,
      ind.label,
      f.period?.label ?? null,
      f.value,
      ind.unitLabel,
      f.lci,
      f.uci,
      f.note,
      src.org,
      src.releaseDate,
      rank?.position ?? null,
      rank?.of ?? null,
      rank?.set ?? null,
    ]);
  const rankOf = (p: StatsItem['position']) =>
    p ? { position: p.position, of: p.of, set: p.groupLabel } : null;
  switch (answer.kind) {
    case 'stats':
      for (const item of answer.items) {
        add(item.figure, item.indicator, item.source, rankOf(item.position));
        // The comparators the answer states (South East, England), at the same period.
        for (const d of item.comparisons)
          rows.push([
            d.to,
            d.toName,
            item.indicator.id,
            item.indicator.label,
            item.figure.period?.label ?? null,
            d.toValue,
            item.indicator.unitLabel,
            null,
            null,
            'comparator',
            item.source.org,
            item.source.releaseDate,
          ]);
      }
      break;
    case 'profile':
      for (const t of answer.themes)
        for (const item of t.items) add(item.figure, item.indicator, item.source, rankOf(item.position));
      break;
    case 'compare':
      for (const f of [...answer.figures, ...answer.references]) add(f, answer.indicator, answer.source);
      break;
    case 'rank':
      for (const f of answer.rows)
        add(f, answer.indicator, answer.source, {
          position: f.position,
          of: answer.total,
          set: answer.group.label,
        });
      for (const f of answer.references) add(f, answer.indicator, answer.source);
      break;
    case 'gap':
      for (const f of answer.rows) add(f, answer.indicator, answer.source);
      if (answer.north) {
        rows.push([
          'north',
          'The North (derived)',
          answer.indicator.id,
          answer.indicator.label,
          answer.period.label,
          answer.north.value,
          answer.indicator.unitLabel,
          null,
          null,
          answer.north.method,
          answer.source.org,
          answer.source.releaseDate,
        ]);
      }
      break;
    case 'trend':
      for (const r of [...answer.rows, ...answer.references]) {
        for (const p of r.points) {
          rows.push([
            r.area,
            r.areaName,
            answer.indicator.id,
            answer.indicator.label,
            p.period.label,
            p.value,
            answer.indicator.unitLabel,
            p.lci,
            p.uci,
            p.value === null ? (p.status ? withheldNote(p.status) : 'no figure published') : null,
            answer.source.org,
            answer.source.releaseDate,
          ]);
        }
      }
      break;
    default:
      return analysisTable(answer);
  }
  // Rows written without the rank columns (trend points, the North) end with empty cells.
  return { header: HEADER, rows: rows.map((r) => [...r, ...Array(HEADER.length - r.length).fill(null)]) };
}

/** The table as RFC 4180 CSV (CRLF, formulas defused). */
export function answerCsv(answer: Answer): string | null {
  const table = answerTable(answer);
  return table ? toCsv(table.header, table.rows) : null;
}

function toCsv(header: string[], rows: Row[]): string {
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The analyst answers' own tables: each row what the answer shows (both ends of a change, each period of
 * a ratio, each point of a scatter, each place's verdict), with unit, periods and source on every row.
 */
function analysisTable(answer: Answer): { header: string[]; rows: Row[] } | null {
  switch (answer.kind) {
    case 'change': {
      const { indicator: ind, source: src } = answer;
      const unitOfChange =
        answer.measure === 'percent'
          ? '%'
          : answer.measure === 'points'
            ? 'percentage points'
            : ind.unitLabel;
      return {
        header: [
          'area_code',
          'area_name',
          'indicator_id',
          'indicator',
          'start_period',
          'start_value',
          'end_period',
          'end_value',
          'unit',
          'change',
          'change_percent',
          'ranked_by',
          'beyond_margin_of_error',
          'source',
          'released',
        ],
        rows: [
          ...answer.rows.map(
            (r): Row => [
              r.area,
              r.areaName,
              ind.id,
              ind.label,
              r.start.period?.label ?? null,
              r.start.value,
              r.end.period?.label ?? null,
              r.end.value,
              ind.unitLabel,
              r.change,
              r.changePct,
              unitOfChange,
              r.significant === null ? null : r.significant ? 'yes' : 'no',
              src.org,
              src.releaseDate,
            ],
          ),
          ...answer.lacking.map(
            (l): Row => [
              l.area,
              l.areaName,
              ind.id,
              ind.label,
              answer.startPeriod.label,
              null,
              answer.endPeriod.label,
              null,
              ind.unitLabel,
              null,
              null,
              unitOfChange,
              `no value at the ${l.missing === 'both' ? 'start or end' : l.missing}`,
              src.org,
              src.releaseDate,
            ],
          ),
        ],
      };
    }
    case 'catching-up': {
      const { indicator: ind, source: src } = answer;
      return {
        header: [
          'area_code',
          'area_name',
          'indicator_id',
          'indicator',
          'period',
          'value',
          'south_east_value',
          'unit',
          'percent_of_south_east',
          'percent_of_england',
          'note',
          'source',
          'released',
        ],
        rows: answer.points.map(
          (p): Row => [
            answer.area,
            answer.areaName,
            ind.id,
            ind.label,
            p.period.label,
            p.value,
            p.southEast,
            ind.unitLabel,
            p.pctOfSouthEast,
            p.pctOfEngland,
            answer.method,
            src.org,
            src.releaseDate,
          ],
        ),
      };
    }
    case 'scatter': {
      const { x, y } = answer;
      return {
        header: [
          'area_code',
          'area_name',
          'x_indicator',
          'x_period',
          'x_value',
          'x_unit',
          'y_indicator',
          'y_period',
          'y_value',
          'y_unit',
          'distance_from_line',
          'x_source',
          'y_source',
        ],
        rows: answer.points.map(
          (p): Row => [
            p.area,
            p.areaName,
            x.label,
            answer.xPeriod.label,
            p.x,
            x.unitLabel,
            y.label,
            answer.yPeriod.label,
            p.y,
            y.unitLabel,
            p.residual,
            `${answer.xSource.org}, released ${answer.xSource.releaseDate}`,
            `${answer.ySource.org}, released ${answer.ySource.releaseDate}`,
          ],
        ),
      };
    }
    case 'benchmark': {
      const { indicator: ind, source: src, against } = answer;
      const verdicts: [Figure[], string][] = [
        [answer.above, 'above'],
        [answer.similar, 'similar (within the margin of error)'],
        [answer.same, 'same'],
        [answer.below, 'below'],
        [answer.missing, 'no value'],
      ];
      return {
        header: [
          'area_code',
          'area_name',
          'indicator_id',
          'indicator',
          'period',
          'value',
          'unit',
          'lower_95',
          'upper_95',
          'against',
          'against_value',
          'verdict',
          'source',
          'released',
        ],
        rows: verdicts.flatMap(([figures, verdict]) =>
          figures.map(
            (f): Row => [
              f.area,
              f.areaName,
              ind.id,
              ind.label,
              f.period?.label ?? answer.period.label,
              f.value,
              ind.unitLabel,
              f.lci,
              f.uci,
              against.areaName,
              against.value,
              verdict,
              src.org,
              src.releaseDate,
            ],
          ),
        ),
      };
    }
    default:
      return null;
  }
}

/** "leeds-gross-median-weekly-pay-2025.csv": a file name that says what is inside it. */
export function csvFilename(answer: Answer): string {
  const names = (areas: { name: string }[]) =>
    areas
      .slice(0, 3)
      .map((a) => a.name)
      .join(' ');
  const parts: (string | null | undefined)[] = (() => {
    switch (answer.kind) {
      case 'stats':
        return [
          answer.area.name,
          answer.items.length === 1 ? answer.items[0].indicator.id : 'headline indicators',
          answer.items.length === 1 ? answer.items[0].figure.period?.label : null,
        ];
      case 'profile':
        return [answer.area.name, 'profile'];
      case 'compare':
        return [names(answer.areas), answer.indicator.id, answer.period?.label];
      case 'trend':
        return [names(answer.areas), answer.indicator.id, 'time series'];
      case 'rank':
        return [answer.group.label, answer.indicator.id, answer.period?.label];
      case 'gap':
        return ['north south gap', answer.indicator.id, answer.period.label];
      case 'change':
        return [
          answer.group.label,
          answer.indicator.id,
          'change',
          answer.startPeriod.label,
          'to',
          answer.endPeriod.label,
        ];
      case 'catching-up':
        return [answer.areaName, answer.indicator.id, 'as percent of south east'];
      case 'scatter':
        return [answer.group.label, answer.x.id, 'vs', answer.y.id];
      case 'benchmark':
        return [answer.group.label, answer.indicator.id, 'vs', answer.against.areaName, answer.period.label];
      default:
        return ['northstat'];
    }
  })();
  const slug = fileSlug(parts.filter((p): p is string => Boolean(p)).join(' '), 120);
  return `${slug || 'northstat'}.csv`;
}
