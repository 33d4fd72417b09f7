import { loadCore } from '../../src/data/core';
import { checkLexicon, lexicon } from '../../src/resolve/lexicon';

const core = loadCore();
const known = {
  indicator: (id: string) => core.hasIndicator(id),
  currentArea: (code: string) => core.geography.has(code),
};

describe('data/lexicon', () => {
  it('every id, code and nearest indicator in the word lists exists in the data', () => {
    expect(checkLexicon(lexicon(), known)).toEqual([]);
  });
  it('reports a synonym that points at an indicator the data does not have', () => {
    const lex = lexicon();
    const broken = {
      ...lex,
      indicatorSynonyms: [{ id: 'no-such-indicator', phrase: 'widgets', alternatives: [] }],
    };
    expect(checkLexicon(broken, known)).toEqual([
      'indicator-synonyms.csv: "widgets" -> unknown indicator no-such-indicator',
    ]);
  });
  it('holds the curated tables: synonyms for every indicator, aliases, filler words', () => {
    const lex = lexicon();
    const withSynonym = new Set(lex.indicatorSynonyms.map((r) => r.id));
    // Scottish, Welsh and NI series are reached through their GB or England twin's words.
    const twin = /-(scotland|wales|northern-ireland)$/;
    const without = core.indicators
      .filter((i) => !withSynonym.has(i.id) && !twin.test(i.id) && !i.derived)
      .map((i) => i.id);
    expect(without).toEqual([]);
    expect(lex.placeAliases.length).toBeGreaterThan(300);
    expect(lex.filler.has('please')).toBe(true);
  });
});
