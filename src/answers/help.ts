import type { HelpAnswer } from './types';

// Help texts. Every example here is run by tests/answers/help.test.ts, so none can rot.

export const COMMAND_HELP: Record<string, { summary: string; usage: string; examples: string[] }> = {
  stats: {
    summary: 'One place: the latest figure, its rank, and how it compares with the South East and England.',
    usage: '/stats <place> [indicator] [year] [private]',
    examples: ['/stats leeds', '/stats sheffield wages', '/stats hull productivity 2019'],
  },
  compare: {
    summary: 'Several places side by side on one indicator, with the differences.',
    usage: '/compare <place> vs <place> [vs ...] on <indicator> [year]',
    examples: [
      '/compare leeds vs reading on pay',
      '/compare manchester, liverpool and newcastle on productivity',
    ],
  },
  trend: {
    summary: 'How places changed over time, against the South East and England.',
    usage: '/trend <indicator> for <places> [since <year>]',
    examples: [
      '/trend pay for leeds, manchester since 2015',
      '/trend employment rate for bradford since 2010',
    ],
  },
  rank: {
    summary: 'A league table: top or bottom N of a group.',
    usage: '/rank <indicator> [top|bottom N] [among <group>]',
    examples: [
      '/rank pay top 10',
      '/rank productivity among english regions',
      '/rank income bottom 5 among northern cities',
    ],
  },
  gap: {
    summary: 'The North against the South East, London and England, and how the gap moved.',
    usage: '/gap <indicator> [year]',
    examples: ['/gap productivity', '/gap income', '/gap pay 2019'],
  },
};

export const GROUP_NAMES = [
  'northern core cities',
  'northern cities',
  'northern combined authorities',
  'english regions',
  'all local authorities',
  'similar to <place>',
];

export function helpFor(command: string | null): HelpAnswer {
  const entry = command ? COMMAND_HELP[command] : undefined;
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
    ...Object.entries(COMMAND_HELP).map(([name, h]) => `/${name}: ${h.summary}`),
    `Groups for /rank: ${GROUP_NAMES.join(', ')}.`,
    'Add `private` to see an answer only yourself.',
  ];
  return {
    kind: 'help',
    command: null,
    lines,
    examples: Object.values(COMMAND_HELP).map((h) => h.examples[0]),
  };
}
