import { decideCommand } from '../../src/answers/ask';
import { COMMAND_NAMES } from '../../src/answers/commands';
import { loadCore } from '../../src/data/core';
import {
  findPlaces,
  matchIndicator,
  matchPlace,
  normalise,
  resolve,
  resolveGroup,
  type ResolvedArea,
  type Unresolved,
} from '../../src/resolve';

const core = loadCore();

const area = (text: string): ResolvedArea => {
  const r = matchPlace(text, core);
  if (!('code' in r)) throw new Error(`"${text}" unresolved: ${JSON.stringify(r)}`);
  return r;
};
const alternatives = (a: ResolvedArea) => a.alternatives.map((x) => x.code);

describe('normalise', () => {
  it('lower-cases, strips punctuation and diacritics, & -> and, st. -> st', () => {
    expect(normalise('  Brighton & Hove ')).toBe('brighton and hove');
    expect(normalise('St. Helens')).toBe('st helens');
    expect(normalise('Stockton-on-Tees')).toBe('stockton on tees');
    expect(normalise('Ynys Môn')).toBe('ynys mon');
    expect(normalise("What's   productivity like?")).toBe('what productivity like');
  });
});

describe('places', () => {
  it('Hull is Kingston upon Hull, not Solihull', () => {
    expect(area('hull').code).toBe('E06000010');
    expect(area('Kingston upon Hull').code).toBe('E06000010');
  });

  it('Newcastle is Newcastle upon Tyne with Newcastle-under-Lyme as the alternative', () => {
    const a = area('newcastle');
    expect(a.code).toBe('E08000021');
    expect(alternatives(a)).toContain('E07000195');
    expect(area('newcastle-under-lyme').code).toBe('E07000195');
  });

  it('Kingston is ambiguous between Hull and Thames', () => {
    const a = area('kingston');
    expect([a.code, ...alternatives(a)].sort()).toEqual(['E06000010', 'E09000021']);
    expect(a.score).toBeGreaterThanOrEqual(0.5);
    expect(area('kingston upon thames').code).toBe('E09000021');
  });

  it('York is York, with North Yorkshire and the combined authority as alternatives', () => {
    const a = area('york');
    expect(a.code).toBe('E06000014');
    expect(a.score).toBe(0);
    expect(alternatives(a)).toEqual(expect.arrayContaining(['E06000065', 'E47000012']));
    expect(area('north yorkshire').code).toBe('E06000065');
  });

  it('Durham is County Durham with no alternative', () => {
    const a = area('durham');
    expect(a.code).toBe('E06000047');
    expect(a.alternatives).toEqual([]);
  });

  it('Richmond is Richmond upon Thames, or North Yorkshire (Richmondshire, retired)', () => {
    const a = area('richmond');
    expect(a.code).toBe('E09000027');
    expect(alternatives(a)).toContain('E06000065');
    expect(area('richmondshire').code).toBe('E06000065');
  });

  it('"North East" is the region, with the combined authority as alternative, and vice versa', () => {
    const region = area('north east');
    expect(region.code).toBe('E12000001');
    expect(region.type).toBe('region');
    expect(alternatives(region)).toContain('E47000014');
    expect(area('the north east').code).toBe('E12000001');
    expect(area('NE').code).toBe('E12000001');
    const ca = area('north east combined authority');
    expect(ca.code).toBe('E47000014');
    expect(alternatives(ca)).toContain('E12000001');
  });

  it('keeps multi-word names with stop words whole (longest match wins)', () => {
    const cases: [string, string][] = [
      ['Blackburn with Darwen', 'E06000008'],
      ['Redcar and Cleveland', 'E06000003'],
      ['Brighton and Hove', 'E06000043'],
      ['Telford and Wrekin', 'E06000020'],
      ['Bath and North East Somerset', 'E06000022'],
      ['Newcastle upon Tyne', 'E08000021'],
      ['Kingston upon Hull', 'E06000010'],
      ['Stockton-on-Tees', 'E06000004'],
    ];
    for (const [text, code] of cases) {
      const found = findPlaces(`how is ${text} doing on pay`, core);
      expect(found.areas.map((a) => a.code)).toEqual([code]);
    }
  });

  it('finds several places in a question and never a stop word', () => {
    const found = findPlaces('how does leeds compare with reading on pay', core);
    expect(found.areas.map((a) => a.name)).toEqual(['Leeds', 'Reading']);
  });

  it('uses current codes only (Sheffield E08000039, Barnsley E08000038) and maps retired names', () => {
    expect(area('sheffield').code).toBe('E08000039');
    expect(area('barnsley').code).toBe('E08000038');
    expect(area('E08000019').code).toBe('E08000039');
    expect(area('harrogate').code).toBe('E06000065');
    expect(area('scarborough').code).toBe('E06000065');
    expect(area('northumberland').code).toBe('E06000057');
    expect(area('gateshead').code).toBe('E08000037');
    for (const a of findPlaces('leeds york gateshead carlisle aylesbury vale', core).areas) {
      const got = core.geography.area(a.code)!;
      expect(got.end).toBeUndefined();
      expect(got.level).not.toBe('other');
    }
  });

  it('resolves towns to their council', () => {
    expect(area('huddersfield').code).toBe('E08000034');
    expect(area('halifax').code).toBe('E08000033');
    expect(area('blackpool').code).toBe('E06000009');
    expect(area('middlesbrough').code).toBe('E06000002');
    expect(area('brum').code).toBe('E08000025');
    expect(area('bristol').code).toBe('E06000023');
    expect(area('stoke').code).toBe('E06000021');
    expect(area('brighton').code).toBe('E06000043');
  });

  it('fixes typos', () => {
    expect(area('sheffeild').code).toBe('E08000039');
    expect(area('manchster').code).toBe('E08000003');
    expect(area('liverpol').code).toBe('E08000012');
    expect(area('redding').code).toBe('E06000038');
    expect(area('sheffeild').score).toBeGreaterThan(0);
  });

  it.each(['paris', 'new south wales', 'asdf', 'tokyo', 'new york'])(
    '"%s" is not forced onto a UK place and comes back with suggestions',
    (text) => {
      const r = matchPlace(text, core) as Unresolved;
      expect('code' in r).toBe(false);
      expect(r.kind).toBe('place');
      expect(r.suggestions.length).toBeGreaterThan(0);
      const req = resolve(`pay in ${text}`, core);
      expect(req.areas).toEqual([]);
      expect(req.unresolved).toEqual([expect.objectContaining({ text, kind: 'place' })]);
      expect(req.unresolved[0].suggestions.length).toBeGreaterThan(0);
    },
  );

  it('suggests Wales for new south wales', () => {
    expect((matchPlace('new south wales', core) as Unresolved).suggestions).toContain('Wales');
  });
});

describe('indicators', () => {
  const id = (text: string) => {
    const r = matchIndicator(text, core);
    return 'id' in r ? r.id : null;
  };
  it('maps everyday words to indicators', () => {
    expect(id('productivity')).toBe('gross-value-added-per-hour-worked');
    expect(id('wages')).toBe('gross-median-weekly-pay');
    expect(id('salary')).toBe('gross-median-weekly-pay');
    expect(id('income')).toBe('gross-disposable-household-income-per-head');
    expect(id('jobs')).toBe('employment-rate-great-britain');
    expect(id('jobless')).toBe('modelled-unemployment-rate');
    expect(id('claimants')).toBe('claimant-count');
    expect(id('skills')).toBe('level-3-or-above-qualifications-great-britain');
    // House prices are not held: never quietly read as the affordability ratio (issue 10).
    expect(id('house prices')).toBeNull();
    expect(resolve('house prices in leeds', core).unavailable?.dataset).toBe('average-house-price');
    expect(id('affordability')).toBe('housing-affordability-ratio-residence-based');
    // DWP's local child poverty measure is before housing costs; "ahc" asks for the other (issue 10).
    expect(id('poverty')).toBe('children-in-relative-poverty-before-housing-costs');
    expect(id('happiness')).toBe('happiness');
    expect(id('R&D')).toBe('business-expenditure-on-research-and-development');
    expect(id('Gross median weekly pay')).toBe('gross-median-weekly-pay');
    expect(id('productivty')).toBe('gross-value-added-per-hour-worked');
  });

  it('offers male healthy life expectancy as the alternative to female', () => {
    const r = matchIndicator('life expectancy', core);
    expect('id' in r && r.id).toBe('female-healthy-life-expectancy');
    expect('id' in r && r.alternatives.map((a) => a.id)).toContain('male-healthy-life-expectancy');
  });

  it('has at least one synonym per dataset', () => {
    for (const ind of core.indicators) expect(id(ind.label)).toBe(ind.id);
  });

  it('comes back unresolved with suggestions for nonsense', () => {
    const r = matchIndicator('zzqx', core) as Unresolved;
    expect(r.kind).toBe('indicator');
    expect(r.suggestions.length).toBeGreaterThan(0);
  });
});

describe('groups', () => {
  it('northern core cities', () => {
    expect(resolveGroup('among northern core cities', core)?.codes).toEqual([
      'E08000035',
      'E08000012',
      'E08000003',
      'E08000021',
      'E08000039',
    ]);
  });
  it('all local authorities is the 296 current English lower-tier authorities', () => {
    expect(resolveGroup('all local authorities', core)?.codes).toHaveLength(296);
  });
  it('English regions and northern combined authorities', () => {
    expect(resolveGroup('english regions', core)?.codes).toHaveLength(9);
    const cas = resolveGroup('northern combined authorities', core)!.codes;
    expect(cas).toEqual(
      expect.arrayContaining(['E47000001', 'E47000002', 'E47000003', 'E47000004', 'E47000014']),
    );
    for (const c of cas) expect(core.geography.isNorthern(c)).toBe(true);
  });
  it('similar to <place>', () => {
    const g = resolveGroup('similar to leeds', core)!;
    expect(g.codes[0]).toBe('E08000035');
    expect(g.codes.length).toBeGreaterThan(1);
    expect(resolveGroup('fish and chips', core)).toBeNull();
  });
});

/** The command the engine decides for a text (the resolver reports only what was typed). */
const commandFor = (q: string) => decideCommand(resolve(q, core, { commands: COMMAND_NAMES }));

describe('grammar', () => {
  it('free-text comparison', () => {
    const r = resolve('how does Leeds compare with Reading on pay?', core);
    expect(commandFor('how does Leeds compare with Reading on pay?')).toBe('compare');
    expect(r.areas.map((a) => a.code)).toEqual(['E08000035', 'E06000038']);
    expect(r.indicator?.id).toBe('gross-median-weekly-pay');
    expect(r.unresolved).toEqual([]);
  });
  it("what's productivity like in Hull?", () => {
    const r = resolve("what's productivity like in Hull?", core);
    expect(commandFor("what's productivity like in Hull?")).toBe('stats');
    expect(r.areas.map((a) => a.code)).toEqual(['E06000010']);
    expect(r.indicator?.id).toBe('gross-value-added-per-hour-worked');
  });
  it('top 10 councils for pay', () => {
    const r = resolve('top 10 councils for pay', core);
    expect(commandFor('top 10 councils for pay')).toBe('rank');
    expect(r.rank).toEqual({ direction: 'top', n: 10 });
    expect(r.group?.id).toBe('all-local-authorities');
  });
  it('north south gap in productivity', () => {
    const r = resolve('north south gap in productivity', core);
    expect(commandFor('north south gap in productivity')).toBe('gap');
    expect(r.areas).toEqual([]);
  });
  it('slash commands, separators, years, since, rank, group, private', () => {
    const r = resolve(
      '/compare leeds vs york v hull versus bradford, wakefield & kirklees and calderdale on pay in 2019 private',
      core,
      { commands: COMMAND_NAMES },
    );
    expect(r.command).toBe('compare');
    expect(r.areas).toHaveLength(7);
    expect(r.year).toBe(2019);
    expect(r.private).toBe(true);
    expect(resolve('/trend pay in leeds since 2015', core, { commands: COMMAND_NAMES })).toMatchObject({
      command: 'trend',
      since: 2015,
      year: null,
    });
    expect(resolve('gdhi in hull 2022/23', core).year).toBe(2022);
    expect(resolve('leeds pay 2019', core).year).toBe(2019);
    expect(resolve('leeds pay 1850', core).year).toBeNull();
    expect(
      resolve('/rank pay bottom 5 among english regions', core, { commands: COMMAND_NAMES }),
    ).toMatchObject({
      command: 'rank',
      rank: { direction: 'bottom', n: 5 },
      group: expect.objectContaining({ id: 'english-regions' }),
    });
    expect(resolve('highest pay', core).rank).toEqual({ direction: 'top', n: null });
    expect(resolve('lowest pay', core).rank).toEqual({ direction: 'bottom', n: null });
    expect(resolve('/stats leeds pay me', core).private).toBe(true);
    expect(resolve('show me pay in leeds', core).private).toBe(false);
    expect(commandFor('help')).toBe('help');
    expect(commandFor('/help')).toBe('help');
    // The resolver reports only what was typed: a cue word is a cue, not a command.
    expect(resolve('help', core).command).toBeNull();
    expect(resolve('help', core).cues.help).toBe(true);
  });
  it('worst follows the polarity (worst unemployment = highest)', () => {
    expect(resolve('worst unemployment among northern cities', core).rank?.direction).toBe('top');
    expect(resolve('worst pay among northern cities', core).rank?.direction).toBe('bottom');
  });
  it('swaps to the Northern Ireland series for Belfast', () => {
    expect(resolve('employment in belfast', core).indicator?.id).toBe('employment-rate-northern-ireland');
  });
});
