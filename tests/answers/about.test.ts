import { aboutAnswer } from '../../src/answers/about';
import { ask } from '../../src/answers/ask';
import { loadCore } from '../../src/data/core';
import { aboutMessage } from '../../src/slack/blocks/about';
import { validateBlocks } from '../../src/slack/limits';

const core = loadCore();

describe('About this figure', () => {
  it('names each statistic of the answer with its ONS description, unit and release', () => {
    const about = aboutAnswer(ask('/scatter productivity vs skills among local authorities', core), core);
    expect(about.map((a) => a.label)).toEqual([
      core.indicator('gross-value-added-per-hour-worked').label,
      core.indicator('level-3-or-above-qualifications-great-britain').label,
    ]);
    const gva = core.indicator('gross-value-added-per-hour-worked');
    expect(about[0]).toMatchObject({
      subtitle: gva.subtitle,
      source: { url: gva.sourceUrl, releaseDate: gva.sourceDate },
    });
  });
  it('a per-head figure says it is derived by Northstat and describes the published count', () => {
    const [it0] = aboutAnswer(ask('enterprises per head in leeds', core), core);
    expect(it0.derivedFrom).toMatch(
      /^Derived by Northstat: .* divided by the ONS mid-year population of the same year\.$/,
    );
    expect(it0.subtitle).toBe(core.indicator('active-businesses').subtitle);
  });
  it('renders within Block Kit limits for every command kind, with escaped text', () => {
    for (const q of [
      '/stats leeds',
      '/compare leeds vs reading on pay',
      '/rank pay change since 2015 among northern cities',
      '/gap income',
      'is leeds catching up with the south east on productivity?',
    ]) {
      const msg = aboutMessage(aboutAnswer(ask(q, core), core));
      expect(validateBlocks(msg.blocks as never)).toEqual([]);
      expect(msg.text.length).toBeGreaterThan(0);
    }
  });
});
