import type { Answer, Figure } from '../answers/types';
import { withheldNote } from '../data/stats';

// "Download CSV": the answer's own numbers, unrounded (as published), with their unit and multiplier, with period and source on every row, so a
// spreadsheet pasted into a briefing still says where each figure came from.

const HEADER = [
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
  'source',
  'released',
];

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quote per RFC 4180, and defuse spreadsheet formulas ("=", "+", "-", "@" at the start of text).
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function answerCsv(answer: Answer): string | null {
  const rows: (string | number | null)[][] = [];
  const add = (
    f: Figure,
    ind: { id: string; label: string; unitLabel: string },
    src: { org: string; releaseDate: string },
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
    ]);
  switch (answer.kind) {
    case 'stats':
      for (const item of answer.items) add(item.figure, item.indicator, item.source);
      break;
    case 'profile':
      for (const t of answer.themes)
        for (const item of t.items) add(item.figure, item.indicator, item.source);
      break;
    case 'compare':
      for (const f of [...answer.figures, ...answer.references]) add(f, answer.indicator, answer.source);
      break;
    case 'rank':
      for (const f of [...answer.rows, ...answer.references]) add(f, answer.indicator, answer.source);
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
      return null;
  }
  return `${[HEADER, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
