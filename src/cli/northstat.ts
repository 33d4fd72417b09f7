import fs from 'node:fs';
import { ask } from '../answers/ask';
import { renderText } from '../answers/render-text';
import { loadCore } from '../data/core';
import { COMMAND_NAMES } from '../answers/commands';
import { resolve } from '../resolve';
import { answerCsv } from '../slack/csv';
import { answerXlsx } from '../slack/xlsx';
import { runConsole } from './console';
import { DATA_USAGE, runData } from './data';

// `northstat ask "<text>" [--json] [--chart out.png] [--csv out.csv] [--xlsx out.xlsx] [--docx out.docx] [--png out.png]`,
// `northstat resolve "<text>" | --batch FILE`,
// `northstat console`. Returns the exit code; bin/northstat.js sets it.

const USAGE = `Usage:
  northstat ask "<command or question>" [--json] [--chart out.png] [--csv out.csv] [--xlsx out.xlsx]
                [--docx out.docx] [--png out.png]   (Word note and profile card: /profile answers)
  northstat resolve "<text>"          print what the resolver understood, as JSON
  northstat resolve --batch FILE      one JSON object per input line, in order
  northstat console                   interactive console on the newest snapshot
${DATA_USAGE}`;

function takeFlag(args: string[], name: string): string | boolean {
  const i = args.indexOf(name);
  if (i < 0) return false;
  const next = args[i + 1];
  if (next !== undefined && !next.startsWith('--')) {
    args.splice(i, 2);
    return next;
  }
  args.splice(i, 1);
  return true;
}

export function resolveJson(text: string, core: ReturnType<typeof loadCore>): string {
  const r = resolve(text, core, { commands: COMMAND_NAMES });
  return JSON.stringify({
    areas: r.areas.map((a) => ({ code: a.code, name: a.name, type: a.type })),
    indicator: r.indicator ? { id: r.indicator.id, label: r.indicator.label } : null,
    year: r.year,
  });
}

export async function main(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(`${s}\n`),
): Promise<number> {
  const args = [...argv];
  const command = args.shift();
  if (command === undefined || command === 'console') return runConsole();
  // Before loadCore: refreshing and comparing snapshots needs no statistics core in memory.
  if (command === 'data') return runData(args, out);
  const core = loadCore();
  if (command === 'ask') {
    const json = takeFlag(args, '--json') === true;
    const chart = takeFlag(args, '--chart');
    const csv = takeFlag(args, '--csv');
    const xlsx = takeFlag(args, '--xlsx');
    const docx = takeFlag(args, '--docx');
    const card = takeFlag(args, '--png');
    const text = args.join(' ').trim();
    if (!text) {
      out(USAGE);
      return 2;
    }
    const result = ask(text, core);
    out(json ? JSON.stringify(result, null, 2) : renderText(result));
    if (typeof chart === 'string') {
      const { writeChartFor } = await import('./chart-file');
      const written = await writeChartFor(result, chart);
      out(written ? `Chart written to ${written}` : 'No chart for this answer.');
    }
    if (typeof csv === 'string') {
      const body = answerCsv(result);
      if (body) fs.writeFileSync(csv, body);
      out(body ? `CSV written to ${csv}` : 'No figures to write for this answer.');
    }
    if (typeof xlsx === 'string') {
      const book = await answerXlsx(result, core);
      if (book) fs.writeFileSync(xlsx, book);
      out(book ? `XLSX written to ${xlsx}` : 'No figures to write for this answer.');
    }
    if (typeof docx === 'string') {
      // Loaded only when asked for: the Word writer and canvas are not needed for a text answer.
      const { answerDocx } = await import('../exports/docx');
      const note = await answerDocx(result);
      if (note) fs.writeFileSync(docx, note);
      out(note ? `Word note written to ${docx}` : 'No Word note for this answer (profiles only).');
    }
    if (typeof card === 'string') {
      const { answerCardPng } = await import('../exports/profile-card');
      const png = await answerCardPng(result);
      if (png) fs.writeFileSync(card, png);
      out(png ? `Profile card written to ${card}` : 'No profile card for this answer (profiles only).');
    }
    return result.kind === 'clarify' ? 1 : 0;
  }
  if (command === 'resolve') {
    const batch = takeFlag(args, '--batch');
    if (typeof batch === 'string') {
      const lines = fs.readFileSync(batch, 'utf8').split(/\r?\n/);
      if (lines.at(-1) === '') lines.pop();
      const chunk: string[] = [];
      for (const line of lines) chunk.push(resolveJson(line, core));
      out(chunk.join('\n'));
      return 0;
    }
    const text = args.join(' ');
    out(resolveJson(text, core));
    return 0;
  }
  out(USAGE);
  return command === 'help' || command === '--help' ? 0 : 2;
}
