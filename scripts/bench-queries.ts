// Realistic query texts for the resolver and answer benchmarks: what council staff type, with the
// typos, lower case, nicknames and free-text questions they really use. Deterministic (seeded).

const PLACES = [
  'leeds',
  'Leeds',
  'sheffeild',
  'sheffield',
  'manchester',
  'manchster',
  'Manc',
  'liverpool',
  'liverpol',
  'newcastle',
  'Newcastle upon Tyne',
  'hull',
  'bradford',
  'york',
  'wakefield',
  'sunderland',
  'gateshead',
  'durham',
  'middlesbrough',
  'redcar and cleveland',
  'blackburn with darwen',
  'preston',
  'lancaster',
  'blackpool',
  'bolton',
  'wigan',
  'salford',
  'stockport',
  'oldham',
  'rochdale',
  'doncaster',
  'rotherham',
  'barnsley',
  'kirklees',
  'huddersfield',
  'calderdale',
  'halifax',
  'harrogate',
  'north yorkshire',
  'east riding',
  'north lincolnshire',
  'reading',
  'redding',
  'oxford',
  'cambridge',
  'milton keynes',
  'southampton',
  'brighton',
  'guildford',
  'crawley',
  'bristol',
  'birmingham',
  'brum',
  'london',
  'the south east',
  'SE',
  'the north east',
  'north west',
  'yorkshire',
  'GM',
  'west yorkshire',
  'LCR',
  'england',
  'wales',
  'scotland',
  'cardiff',
  'glasgow',
  'belfast',
  'stoke',
  'kingston',
  'richmond',
];
const INDICATORS = [
  'pay',
  'wages',
  'earnings',
  'productivity',
  'gva per hour',
  'income',
  'gdhi',
  'jobs',
  'employment rate',
  'unemployment',
  'jobless',
  'skills',
  'qualifications',
  'life expectancy',
  'gdp per head',
  'population',
  'house prices',
  'broadband',
  'obesity',
  'smoking',
  'child poverty',
  'wellbeing',
  'happiness',
  'exports',
  'apprenticeships',
  'gcses',
  'claimants',
];
const GROUPS = [
  'northern core cities',
  'northern cities',
  'english regions',
  'northern combined authorities',
  'similar to leeds',
];

/** A small deterministic PRNG (mulberry32), so every run times the same queries. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchQueries(n: number, seed = 20261128): string[] {
  const r = rng(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(r() * list.length)];
  const year = () => String(2010 + Math.floor(r() * 14));
  const templates: (() => string)[] = [
    () => `/stats ${pick(PLACES)} ${pick(INDICATORS)}`,
    () => `/stats ${pick(PLACES)}`,
    () => `/stats ${pick(PLACES)} ${pick(INDICATORS)} ${year()}`,
    () => `/compare ${pick(PLACES)} vs ${pick(PLACES)} on ${pick(INDICATORS)}`,
    () => `/compare ${pick(PLACES)}, ${pick(PLACES)} and ${pick(PLACES)} on ${pick(INDICATORS)}`,
    () => `/trend ${pick(INDICATORS)} for ${pick(PLACES)}, ${pick(PLACES)} since ${year()}`,
    () => `/rank ${pick(INDICATORS)} top ${1 + Math.floor(r() * 20)}`,
    () => `/rank ${pick(INDICATORS)} among ${pick(GROUPS)}`,
    () => `/gap ${pick(INDICATORS)}`,
    () => `how does ${pick(PLACES)} compare with ${pick(PLACES)} on ${pick(INDICATORS)}?`,
    () => `what's ${pick(INDICATORS)} like in ${pick(PLACES)}?`,
    () => `${pick(PLACES)} ${pick(INDICATORS)}`,
  ];
  return Array.from({ length: n }, () => pick(templates)());
}
