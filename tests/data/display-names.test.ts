import { ask } from '../../src/answers/ask';
import { renderText } from '../../src/answers/render-text';
import { loadCore } from '../../src/data/core';

// A combined authority named like a region or council is never shown under the bare name (found by an
// independent tester: "/profile north east combined authority" was headed "North East").

const core = loadCore();

test('combined authorities that share a region or council name say so; others keep their name', () => {
  expect(core.geography.name('E47000014')).toBe('North East (combined authority)');
  expect(core.geography.name('E12000001')).toBe('North East');
  expect(core.geography.name('E47000018')).toBe('Lancashire (combined authority)');
  expect(core.geography.name('E10000017')).toBe('Lancashire');
  expect(core.geography.name('E47000001')).toBe('Greater Manchester');
  expect(renderText(ask('/profile north east combined authority', core))).toMatch(
    /^North East \(combined authority\): area profile/,
  );
  expect(renderText(ask('/profile north east', core))).toMatch(/^North East: area profile/);
});
