import type { Answer } from '../types';
import { compare } from './compare';
import { gap } from './gap';
import { rank } from './rank';
import { stats } from './stats';
import { trend } from './trend';
import type { CommandSpec } from './types';

// The command registry: every figure command, in the order help lists them. Adding a command is a
// module beside this one, a line here, its manifest entries and its tests.

export const COMMANDS: readonly CommandSpec[] = [stats, compare, trend, rank, gap];

const byName = new Map(COMMANDS.map((c) => [c.name, c]));

export function commandSpec(name: string): CommandSpec | undefined {
  return byName.get(name);
}

export const COMMAND_NAMES: readonly string[] = COMMANDS.map((c) => c.name);

/** Whether an answer's chart is posted with it (the registry's rule for the command that made it). */
export function chartWithAnswer(answer: Answer): boolean {
  return commandSpec(answer.kind)?.chart === 'with-answer';
}

export type { CommandInput, CommandSpec } from './types';
