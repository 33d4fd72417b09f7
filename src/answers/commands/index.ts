import fs from 'node:fs';
import path from 'node:path';
import type { Answer } from '../types';
import type { CommandSpec } from './types';

// The command registry: every module in this folder (other than this one and types) exports one
// CommandSpec, found when the app starts, so adding a command is its module, its manifest entries and
// its tests, and nothing else. Help lists them by `order`.

function isCommandSpec(value: unknown): value is CommandSpec {
  const v = value as Partial<CommandSpec> | null;
  return typeof v === 'object' && v !== null && typeof v.name === 'string' && typeof v.answer === 'function';
}

function discover(): CommandSpec[] {
  const found: CommandSpec[] = [];
  for (const file of fs.readdirSync(__dirname)) {
    const m = /^([a-z-]+)\.(ts|js)$/.exec(file);
    if (!m || m[1] === 'index' || m[1] === 'types' || file.endsWith('.d.ts')) continue;
    // Compiled (dist, .js) and test (ts-jest, .ts) runs each see only their own kind of file.
    if (m[2] !== path.extname(__filename).slice(1)) continue;
    const mod = require(path.join(__dirname, file)) as Record<string, unknown>;
    for (const value of Object.values(mod)) if (isCommandSpec(value)) found.push(value);
  }
  return found.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

export const COMMANDS: readonly CommandSpec[] = discover();

const byName = new Map(COMMANDS.map((c) => [c.name, c]));

export function commandSpec(name: string): CommandSpec | undefined {
  return byName.get(name);
}

export const COMMAND_NAMES: readonly string[] = COMMANDS.map((c) => c.name);

const byAnswerKind = new Map<string, CommandSpec>();
for (const c of COMMANDS) {
  byAnswerKind.set(c.name, c);
  for (const kind of c.alsoAnswers ?? []) byAnswerKind.set(kind, c);
}

/** The command whose answers include this kind ("change" comes from /rank). */
export function commandForAnswer(kind: string): CommandSpec | undefined {
  return byAnswerKind.get(kind);
}

/** Whether an answer's chart is posted with it (the registry's rule for the command that made it). */
export function chartWithAnswer(answer: Answer): boolean {
  return commandForAnswer(answer.kind)?.chart === 'with-answer';
}

export type { CommandInput, CommandSpec } from './types';
