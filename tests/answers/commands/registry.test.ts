import { ask, decideCommand } from '../../../src/answers/ask';
import {
  chartWithAnswer,
  COMMAND_NAMES,
  commandForAnswer,
  COMMANDS,
  commandSpec,
} from '../../../src/answers/commands';
import { helpFor } from '../../../src/answers/help';
import { loadCore } from '../../../src/data/core';
import { resolve } from '../../../src/resolve';

const core = loadCore();

describe('command registry', () => {
  it('has each figure command once, with usage, examples and a chart rule', () => {
    expect(COMMAND_NAMES).toEqual(['stats', 'profile', 'compare', 'trend', 'rank', 'gap', 'scatter']);
    for (const c of COMMANDS) {
      expect(c.usage.startsWith(`/${c.name}`)).toBe(true);
      expect(c.examples.length).toBeGreaterThan(0);
      expect(['with-answer', 'on-click']).toContain(c.chart);
    }
  });
  it.each(COMMANDS.flatMap((c) => c.examples.map((e) => [c.name, e] as const)))(
    '%s example "%s" is answered by that command',
    (name, example) => {
      const a = ask(example, core);
      expect([name, ...(commandSpec(name)?.alsoAnswers ?? [])]).toContain(a.kind);
      expect(commandForAnswer(a.kind)?.name).toBe(name);
      expect(chartWithAnswer(a)).toBe(commandSpec(name)?.chart === 'with-answer');
    },
  );
  it('help reads the registry', () => {
    expect(helpFor(null).lines.join('\n')).toContain(`/gap: ${commandSpec('gap')?.summary}`);
    expect(helpFor('trend').lines).toContain(`Usage: ${commandSpec('trend')?.usage}`);
  });
  it('the engine alone decides the command when the text does not say', () => {
    const typed = resolve('/rank pay', core, { commands: COMMAND_NAMES });
    expect(typed.command).toBe('rank');
    const untyped = resolve('leeds vs reading pay', core, { commands: COMMAND_NAMES });
    expect(untyped.command).toBeNull();
    expect(decideCommand(untyped)).toBe('compare');
  });
});
