import { COMMANDS, commandSpec } from './commands';
import type { HelpAnswer } from './types';

// Help texts, from the command registry. Every example there is run by the tests, so none can rot.

export const GROUP_NAMES = [
  'northern core cities',
  'northern cities',
  'northern combined authorities',
  'english regions',
  'all local authorities',
  'similar to <place>',
];

export function helpFor(command: string | null): HelpAnswer {
  const entry = command ? commandSpec(command) : undefined;
  if (entry) {
    return {
      kind: 'help',
      command,
      lines: [entry.summary, `Usage: ${entry.usage}`],
      examples: entry.examples,
    };
  }
  const lines = [
    'Northstat answers with official ONS figures for UK places, framed against the South East and England.',
    ...COMMANDS.map((c) => `/${c.name}: ${c.summary}`),
    `Groups for /rank: ${GROUP_NAMES.join(', ')}.`,
    'Add `private` to see an answer only yourself.',
  ];
  return {
    kind: 'help',
    command: null,
    lines,
    examples: COMMANDS.map((c) => c.examples[0]),
  };
}
