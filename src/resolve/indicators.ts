// Indicator synonyms -> indicator ids. Order of resolution: exact phrase (a curated synonym, the label,
// the label without its "(Great Britain)"-style qualifier, or the id with spaces), longest phrase first
// while scanning a text, then Fuse over labels and synonyms for typos, with edit-distance acceptance.

import type { StatsCore } from '../data/stats';
import type { IndicatorMeta } from '../data/types';
import { FuzzyIndex } from './fuzzy';
import { editDistance, normalise } from './normalise';
import type { ResolvedIndicator, Unresolved } from './types';

export interface IndicatorSynonym {
  id: string;
  phrases: string[];
  /** Other indicators the same words could mean (offered as alternatives). */
  alternatives?: string[];
}

const GVA_HOUR = 'gross-value-added-per-hour-worked';
const GVA_JOB = 'gross-value-added-per-job-filled';
const GDP_CMP = 'gross-domestic-product-per-head-at-current-market-prices';
const GDP_CVM = 'gross-domestic-product-per-head-in-chained-volume-measures';
const HLE_F = 'female-healthy-life-expectancy';
const HLE_M = 'male-healthy-life-expectancy';
const SURVIVAL = [
  'one-year-business-survival-rate',
  'two-year-business-survival-rate',
  'three-year-business-survival-rate',
  'four-year-business-survival-rate',
  'five-year-business-survival-rate',
];
const ABSENCE = [
  'persistent-absences-for-all-pupils',
  'persistent-absences-for-pupils-eligible-for-free-school-meals',
  'persistent-absences-for-pupils-looked-after-by-local-authorities',
];
const EYFS = [
  'communication-and-language-skills-by-end-of-early-years-foundation-stage',
  'literacy-skills-by-end-of-early-years-foundation-stage',
  'maths-skills-by-end-of-early-years-foundation-stage',
];
const TRAVEL = [
  'travel-time-to-employment-centre-by-public-transport-and-walking',
  'travel-time-to-employment-centre-by-car',
  'travel-time-to-employment-centre-by-bicycle',
];
const APPRENTICE = [
  'apprenticeship-starts-england',
  'apprenticeship-achievements-england',
  'apprenticeship-starts-scotland',
  'apprenticeship-achievements-scotland',
  'apprenticeship-starts-northern-ireland',
];

/** Curated synonyms (normalised when indexed). Every dataset has at least one everyday phrase. */
export const INDICATOR_SYNONYMS: IndicatorSynonym[] = [
  {
    id: GVA_HOUR,
    phrases: [
      'productivity',
      'productive',
      'how productive',
      'labour productivity',
      'gva',
      'gva per hour',
      'output per hour',
      'productivity per hour',
      'gross value added',
      'output',
    ],
    alternatives: [GVA_JOB],
  },
  {
    id: GVA_JOB,
    phrases: ['gva per job', 'productivity per job', 'output per job', 'gva per worker', 'output per worker'],
    alternatives: [GVA_HOUR],
  },
  {
    id: 'gross-median-weekly-pay',
    phrases: [
      'pay',
      'wages',
      'wage',
      'earnings',
      'salary',
      'salaries',
      'weekly pay',
      'median pay',
      'average pay',
      'median wage',
      'average wage',
      'average earnings',
      'weekly earnings',
      'income from work',
    ],
  },
  {
    id: 'gross-disposable-household-income-per-head',
    phrases: [
      'income',
      'household income',
      'disposable income',
      'gdhi',
      'household disposable income',
      'incomes',
      'living standards',
    ],
  },
  {
    id: 'employment-rate-great-britain',
    phrases: ['employment', 'employment rate', 'jobs', 'employed', 'people in work', 'in work'],
    alternatives: ['employment-rate-northern-ireland'],
  },
  {
    id: 'economic-inactivity-rate-great-britain',
    phrases: [
      'economic inactivity',
      'inactivity',
      'economically inactive',
      'inactive',
      'inactivity rate',
      'economic inactivity rate',
      'worklessness',
      'out of work',
    ],
    alternatives: ['economic-inactivity-rate-northern-ireland'],
  },
  {
    id: 'modelled-unemployment-rate',
    phrases: ['unemployment', 'unemployment rate', 'jobless', 'jobless rate', 'joblessness', 'unemployed'],
    alternatives: ['claimant-count'],
  },
  {
    id: 'claimant-count',
    phrases: [
      'claimants',
      'claimant',
      'claimant count',
      'claimant rate',
      'benefit claimants',
      'universal credit',
      'jobseekers',
      'jsa',
      'out of work benefits',
    ],
    alternatives: ['modelled-unemployment-rate'],
  },
  {
    id: 'level-3-or-above-qualifications-great-britain',
    phrases: [
      'skills',
      'qualifications',
      'level 3',
      'level 3 qualifications',
      'level 3 or above',
      'a levels',
      'qualified',
      'skills level',
      'education level',
      'educational attainment',
      'adult skills',
    ],
    alternatives: ['level-3-or-above-qualifications-northern-ireland', 'no-qualifications'],
  },
  {
    id: 'no-qualifications',
    phrases: [
      'no qualifications',
      'no quals',
      'unqualified',
      'without qualifications',
      'low skills',
      'no skills',
    ],
  },
  {
    id: HLE_F,
    phrases: [
      'life expectancy',
      'healthy life expectancy',
      'health',
      'hle',
      'healthy life',
      'women life expectancy',
      'female life expectancy',
      'womens health',
      'healthy years',
    ],
    alternatives: [HLE_M],
  },
  {
    id: HLE_M,
    phrases: [
      'male life expectancy',
      'male healthy life expectancy',
      'men life expectancy',
      'mens life expectancy',
      'mens health',
      'male health',
    ],
    alternatives: [HLE_F],
  },
  {
    id: GDP_CMP,
    phrases: [
      'gdp',
      'gdp per head',
      'gdp per capita',
      'gross domestic product',
      'economic output',
      'nominal gdp',
      'gdp per person',
    ],
    alternatives: [GDP_CVM],
  },
  {
    id: GDP_CVM,
    phrases: ['real gdp', 'real gdp per head', 'gdp chained volume', 'gdp in real terms', 'gdp cvm'],
    alternatives: [GDP_CMP],
  },
  {
    id: 'population',
    phrases: [
      'population',
      'people',
      'residents',
      'pop',
      'inhabitants',
      'headcount',
      'mid year population',
      'total population',
    ],
  },
  {
    id: 'housing-affordability-ratio-residence-based',
    phrases: [
      'house prices',
      'house price',
      'affordability',
      'housing affordability',
      'affordability ratio',
      'house price to earnings',
      'house price to income',
      'housing costs',
      'cost of housing',
      'housing',
      'property prices',
      'home prices',
    ],
  },
  {
    id: 'net-additions-to-the-housing-stock-england',
    phrases: [
      'new homes',
      'housebuilding',
      'house building',
      'housing supply',
      'net additions',
      'housing stock',
      'homes built',
      'new housing',
      'housing delivery',
    ],
    alternatives: [
      'net-additions-to-the-housing-stock-wales',
      'net-additions-to-the-housing-stock-northern-ireland',
    ],
  },
  {
    id: 'first-time-buyer-mortgage-sales',
    phrases: [
      'first time buyers',
      'first time buyer',
      'ftb',
      'mortgages',
      'mortgage sales',
      'first time buyer mortgages',
    ],
  },
  {
    id: 'gigabit-capable-broadband',
    phrases: [
      'broadband',
      'gigabit',
      'gigabit broadband',
      'full fibre',
      'fibre',
      'fibre broadband',
      'fast broadband',
      'internet',
      'digital connectivity',
    ],
    alternatives: ['premises-below-30mbps'],
  },
  {
    id: 'premises-below-30mbps',
    phrases: [
      'slow broadband',
      'below 30mbps',
      '30mbps',
      'poor broadband',
      'superfast broadband gaps',
      'broadband not spots',
    ],
    alternatives: ['gigabit-capable-broadband'],
  },
  { id: '5g-coverage', phrases: ['5g', '5g coverage', '5g signal'], alternatives: ['4g-coverage'] },
  {
    id: '4g-coverage',
    phrases: ['4g', '4g coverage', 'mobile coverage', 'mobile signal', 'phone signal', '4g signal'],
    alternatives: ['5g-coverage'],
  },
  {
    id: 'cigarette-smokers',
    phrases: ['smoking', 'smokers', 'smoking rate', 'cigarettes', 'smoking prevalence', 'tobacco'],
  },
  {
    id: 'adult-obesity-prevalence',
    phrases: ['obesity', 'obese', 'adult obesity', 'obesity rate', 'overweight', 'weight'],
  },
  {
    id: 'children-in-relative-poverty-after-housing-costs',
    phrases: [
      'poverty',
      'child poverty',
      'children in poverty',
      'relative poverty',
      'poverty after housing costs',
      'deprivation',
      'poor children',
    ],
    alternatives: ['children-in-relative-poverty-before-housing-costs'],
  },
  {
    id: 'children-in-relative-poverty-before-housing-costs',
    phrases: ['poverty before housing costs', 'child poverty before housing costs'],
    alternatives: ['children-in-relative-poverty-after-housing-costs'],
  },
  {
    id: 'life-satisfaction',
    phrases: [
      'life satisfaction',
      'wellbeing',
      'well being',
      'satisfaction',
      'satisfied with life',
      'quality of life',
    ],
    alternatives: ['happiness', 'anxiety', 'feeling-life-is-worthwhile'],
  },
  {
    id: 'happiness',
    phrases: ['happiness', 'happy', 'happiest', 'how happy'],
    alternatives: ['life-satisfaction'],
  },
  {
    id: 'anxiety',
    phrases: ['anxiety', 'anxious', 'stress', 'mental health'],
    alternatives: ['life-satisfaction'],
  },
  {
    id: 'feeling-life-is-worthwhile',
    phrases: ['worthwhile', 'life worthwhile', 'feeling worthwhile', 'sense of purpose'],
    alternatives: ['life-satisfaction'],
  },
  {
    id: 'value-of-uk-exports',
    phrases: ['exports', 'export', 'trade', 'exporting', 'value of exports', 'uk exports'],
  },
  {
    id: 'business-expenditure-on-research-and-development',
    phrases: [
      'r and d',
      'research and development',
      'rd',
      'business r and d',
      'research',
      'innovation',
      'berd',
      'r and d spending',
      'business research',
    ],
    alternatives: ['public-funded-expenditure-on-research-and-development'],
  },
  {
    id: 'public-funded-expenditure-on-research-and-development',
    phrases: [
      'public r and d',
      'public research',
      'public funded r and d',
      'government r and d',
      'public research and development',
      'public rd',
    ],
    alternatives: ['business-expenditure-on-research-and-development'],
  },
  {
    id: 'apprenticeship-starts-england',
    phrases: ['apprenticeships', 'apprenticeship', 'apprentices', 'apprenticeship starts'],
    alternatives: APPRENTICE.filter((a) => a !== 'apprenticeship-starts-england'),
  },
  {
    id: 'apprenticeship-achievements-england',
    phrases: ['apprenticeship achievements', 'apprenticeship completions', 'completed apprenticeships'],
    alternatives: ['apprenticeship-achievements-scotland'],
  },
  {
    id: 'gcses-in-english-and-maths',
    phrases: [
      'gcses',
      'gcse',
      'gcse results',
      'gcse english and maths',
      'school results',
      'exam results',
      'secondary school results',
      'key stage 4',
      'ks4',
    ],
  },
  {
    id: 'pupils-meeting-the-expected-standard-in-reading-writing-and-maths-at-the-end-of-key-stage-2',
    phrases: [
      'ks2',
      'key stage 2',
      'sats',
      'ks2 results',
      'primary school results',
      'reading writing and maths',
      'primary attainment',
    ],
  },
  {
    id: EYFS[0],
    phrases: [
      'early years',
      'school readiness',
      'eyfs',
      'communication and language',
      'early years foundation stage',
      'good level of development',
    ],
    alternatives: EYFS.slice(1),
  },
  {
    id: EYFS[1],
    phrases: ['early years literacy', 'literacy', 'eyfs literacy'],
    alternatives: [EYFS[0], EYFS[2]],
  },
  { id: EYFS[2], phrases: ['early years maths', 'eyfs maths', 'numeracy'], alternatives: [EYFS[0], EYFS[1]] },
  {
    id: ABSENCE[0],
    phrases: [
      'absence',
      'absences',
      'persistent absence',
      'school absence',
      'pupil absence',
      'truancy',
      'absenteeism',
      'attendance',
    ],
    alternatives: ABSENCE.slice(1),
  },
  {
    id: ABSENCE[1],
    phrases: [
      'free school meals absence',
      'fsm absence',
      'absence free school meals',
      'disadvantaged pupils absence',
    ],
    alternatives: [ABSENCE[0], ABSENCE[2]],
  },
  {
    id: ABSENCE[2],
    phrases: [
      'looked after children absence',
      'care leavers absence',
      'looked after pupils absence',
      'children in care absence',
    ],
    alternatives: [ABSENCE[0], ABSENCE[1]],
  },
  {
    id: 'business-births',
    phrases: [
      'business births',
      'startups',
      'start ups',
      'new businesses',
      'business start ups',
      'new firms',
      'business formation',
      'enterprise births',
    ],
    alternatives: ['business-deaths'],
  },
  {
    id: 'business-deaths',
    phrases: [
      'business deaths',
      'business closures',
      'closures',
      'firms closing',
      'business failures',
      'enterprise deaths',
    ],
    alternatives: ['business-births'],
  },
  {
    id: SURVIVAL[2],
    phrases: [
      'business survival',
      'survival rate',
      'business survival rate',
      'survival',
      'three year survival',
    ],
    alternatives: SURVIVAL.filter((s) => s !== SURVIVAL[2]),
  },
  {
    id: SURVIVAL[0],
    phrases: ['one year survival', '1 year survival', 'one year business survival'],
    alternatives: SURVIVAL.slice(1),
  },
  { id: SURVIVAL[1], phrases: ['two year survival', '2 year survival', 'two year business survival'] },
  { id: SURVIVAL[3], phrases: ['four year survival', '4 year survival', 'four year business survival'] },
  { id: SURVIVAL[4], phrases: ['five year survival', '5 year survival', 'five year business survival'] },
  {
    id: 'active-businesses',
    phrases: [
      'businesses',
      'active businesses',
      'number of businesses',
      'business count',
      'firms',
      'companies',
      'business stock',
      'enterprises',
    ],
  },
  {
    id: 'high-growth-businesses',
    phrases: [
      'high growth',
      'high growth businesses',
      'high growth firms',
      'scale ups',
      'scaleups',
      'fast growing businesses',
      'gazelles',
    ],
  },
  {
    id: 'inward-foreign-direct-investment',
    phrases: [
      'fdi',
      'inward investment',
      'foreign investment',
      'foreign direct investment',
      'inward fdi',
      'investment',
    ],
    alternatives: ['outward-foreign-direct-investment'],
  },
  {
    id: 'outward-foreign-direct-investment',
    phrases: ['outward investment', 'outward fdi', 'investment abroad'],
    alternatives: ['inward-foreign-direct-investment'],
  },
  {
    id: 'greenhouse-gas-emissions',
    phrases: [
      'emissions',
      'carbon',
      'carbon emissions',
      'co2',
      'co2 emissions',
      'greenhouse gases',
      'ghg',
      'net zero',
      'climate',
      'carbon footprint',
    ],
  },
  {
    id: 'greenhouse-gas-regulating',
    phrases: ['carbon sequestration', 'carbon capture', 'carbon removal', 'natural carbon storage'],
  },
  {
    id: 'air-pollution-regulating',
    phrases: ['air pollution', 'pollution removal', 'air pollution removal', 'natural capital air'],
  },
  {
    id: 'urban-heat-regulating',
    phrases: ['urban heat', 'urban cooling', 'cooling', 'heat regulating', 'green space cooling'],
  },
  {
    id: 'cancer-diagnosis-at-stage-1-and-2',
    phrases: [
      'cancer',
      'cancer diagnosis',
      'early cancer diagnosis',
      'early diagnosis',
      'cancer stage',
      'cancer screening',
    ],
  },
  {
    id: 'homicide-offences',
    phrases: [
      'homicide',
      'homicides',
      'murder',
      'murders',
      'murder rate',
      'homicide rate',
      'killings',
      'crime',
      'violent crime',
    ],
  },
  {
    id: 'preventable-cardiovascular-mortality-england',
    phrases: [
      'cardiovascular',
      'heart disease',
      'cvd',
      'preventable mortality',
      'cardiovascular mortality',
      'heart deaths',
      'stroke',
      'strokes',
      'preventable deaths',
    ],
    alternatives: [
      'preventable-cardiovascular-mortality-northern-ireland',
      'mortality-rate-from-coronary-heart-disease-or-cerebrovascular-disease-scotland',
    ],
  },
  {
    id: 'mortality-rate-from-coronary-heart-disease-or-cerebrovascular-disease-scotland',
    phrases: ['coronary heart disease', 'cerebrovascular', 'chd mortality'],
    alternatives: ['preventable-cardiovascular-mortality-england'],
  },
  {
    id: 'museums',
    phrases: ['museums', 'museum', 'number of museums', 'museums per head'],
    alternatives: ['visited-a-museum-or-gallery'],
  },
  {
    id: 'visited-a-museum-or-gallery',
    phrases: ['museum visits', 'visited a museum', 'galleries', 'gallery visits', 'museum or gallery'],
    alternatives: ['museums'],
  },
  {
    id: 'visited-a-heritage-site',
    phrases: ['heritage', 'heritage sites', 'heritage visits', 'historic sites'],
  },
  {
    id: 'visited-a-public-library',
    phrases: ['libraries', 'library', 'library visits', 'library use', 'visited a library'],
    alternatives: ['residents-within-a-30-minute-walk-of-their-nearest-library'],
  },
  {
    id: 'residents-within-a-30-minute-walk-of-their-nearest-library',
    phrases: [
      'library access',
      'walk to library',
      'near a library',
      'library walking distance',
      'distance to library',
    ],
    alternatives: ['visited-a-public-library'],
  },
  {
    id: 'residents-within-a-30-minute-walk-of-their-nearest-railway-station',
    phrases: [
      'railway station',
      'train station',
      'rail access',
      'station access',
      'walk to station',
      'near a station',
      'stations',
      'rail',
    ],
  },
  {
    id: 'engaged-with-the-arts',
    phrases: [
      'arts',
      'the arts',
      'culture',
      'arts engagement',
      'cultural participation',
      'arts participation',
    ],
  },
  {
    id: 'public-electric-vehicle-chargers',
    phrases: [
      'ev chargers',
      'electric vehicle chargers',
      'charging points',
      'ev charging',
      'chargers',
      'charge points',
      'ev charge points',
      'electric car chargers',
      'evs',
    ],
  },
  {
    id: 'motor-vehicle-flow',
    phrases: ['traffic', 'vehicle flow', 'motor traffic', 'road traffic', 'traffic flow', 'congestion'],
  },
  {
    id: 'domestic-electricity-consumption',
    phrases: ['electricity', 'electricity use', 'electricity consumption', 'power use', 'energy use'],
    alternatives: ['domestic-gas-consumption'],
  },
  {
    id: 'domestic-gas-consumption',
    phrases: ['gas', 'gas use', 'gas consumption', 'domestic gas', 'heating'],
    alternatives: ['domestic-electricity-consumption'],
  },
  {
    id: 'further-education-and-skills-participation',
    phrases: [
      'further education',
      'fe participation',
      'adult education',
      'fe and skills',
      'adult learning',
      'college participation',
    ],
    alternatives: ['further-education-and-skills-learner-achievements'],
  },
  {
    id: 'further-education-and-skills-learner-achievements',
    phrases: ['fe achievements', 'further education achievements', 'adult learner achievements'],
    alternatives: ['further-education-and-skills-participation'],
  },
  {
    id: 'food-outlets',
    phrases: ['food outlets', 'takeaways', 'fast food', 'restaurants', 'cafes', 'food and drink'],
  },
  {
    id: 'sports-facilities',
    phrases: ['sports facilities', 'sport', 'sports', 'gyms', 'leisure centres', 'sport facilities'],
  },
  { id: 'supermarkets', phrases: ['supermarkets', 'supermarket', 'grocery', 'grocery shops', 'food shops'] },
  {
    id: 'number-of-guest-nights-at-a-short-term-let',
    phrases: [
      'short term lets',
      'airbnb',
      'holiday lets',
      'guest nights',
      'tourism',
      'visitors',
      'tourists',
      'short lets',
    ],
    alternatives: ['average-length-of-short-term-let-stay'],
  },
  {
    id: 'average-length-of-short-term-let-stay',
    phrases: ['length of stay', 'average stay', 'short let stay length', 'nights per stay'],
    alternatives: ['number-of-guest-nights-at-a-short-term-let'],
  },
  {
    id: TRAVEL[0],
    phrases: [
      'travel time',
      'travel times',
      'commute',
      'commuting',
      'journey time',
      'journey times',
      'public transport',
      'bus access',
      'transport access',
      'access to jobs',
    ],
    alternatives: TRAVEL.slice(1),
  },
  {
    id: TRAVEL[1],
    phrases: ['travel time by car', 'drive time', 'driving time', 'by car'],
    alternatives: [TRAVEL[0], TRAVEL[2]],
  },
  {
    id: TRAVEL[2],
    phrases: ['travel time by bike', 'cycling time', 'by bike', 'by bicycle', 'cycling'],
    alternatives: [TRAVEL[0], TRAVEL[1]],
  },
];

export interface IndicatorEntry {
  key: string;
  id: string;
  alternatives: string[];
}

export interface IndicatorIndex {
  table: Map<string, IndicatorEntry>;
  maxTokens: number;
  fuzzy: FuzzyIndex<{ key: string; id: string }>;
  byId: Map<string, IndicatorMeta>;
}

/** "Employment rate (Great Britain)" -> "Employment rate". */
const stripQualifier = (label: string): string => label.replace(/\s*\([^)]*\)\s*$/, '');

const cache = new WeakMap<StatsCore, IndicatorIndex>();

/** The indicator index for a core, built once and cached by core object. */
export function indicatorIndex(core: StatsCore): IndicatorIndex {
  let index = cache.get(core);
  if (index) return index;
  const byId = new Map(core.indicators.map((i) => [i.id, i]));
  const table = new Map<string, IndicatorEntry>();
  const put = (phrase: string, id: string, alternatives: string[], override: boolean) => {
    const key = normalise(phrase);
    if (!key || (!override && table.has(key))) return;
    table.set(key, { key, id, alternatives: alternatives.filter((a) => a !== id && byId.has(a)) });
  };
  // Labels and ids first; a qualifier-less label ("employment rate") shared by several indicators
  // goes to the Great Britain / England one, with the others as alternatives.
  const stripped = new Map<string, string[]>();
  for (const ind of core.indicators) {
    put(ind.label, ind.id, [], true);
    put(ind.id.replace(/-/g, ' '), ind.id, [], true);
    const s = normalise(stripQualifier(ind.label));
    stripped.set(s, [...(stripped.get(s) ?? []), ind.id]);
  }
  const rank = (id: string) => (/great-britain|england/.test(id) ? 0 : 1);
  for (const [key, ids] of stripped) {
    ids.sort((a, b) => rank(a) - rank(b));
    if (!table.has(key)) put(key, ids[0], ids.slice(1), false);
  }
  for (const syn of INDICATOR_SYNONYMS) {
    if (!byId.has(syn.id)) continue;
    for (const phrase of syn.phrases) put(phrase, syn.id, syn.alternatives ?? [], true);
  }
  let maxTokens = 1;
  for (const key of table.keys()) maxTokens = Math.max(maxTokens, key.split(' ').length);
  // Fuse cost grows with the length of the indexed strings: long labels are not typed in full, so
  // only phrases up to 40 characters are fuzzy candidates (the long ones still match exactly).
  const items = [...table.values()]
    .filter((e) => e.key.length >= 4 && e.key.length <= 40)
    .map((e) => ({ key: e.key, id: e.id }));
  index = { table, maxTokens, fuzzy: new FuzzyIndex(items), byId };
  cache.set(core, index);
  return index;
}

/** The longest exact indicator phrase starting at token i. */
export function indicatorAt(
  tokens: string[],
  i: number,
  index: IndicatorIndex,
): { entry: IndicatorEntry; length: number } | null {
  const max = Math.min(index.maxTokens, tokens.length - i);
  for (let n = max; n >= 1; n--) {
    const entry = index.table.get(n === 1 ? tokens[i] : tokens.slice(i, i + n).join(' '));
    if (entry) return { entry, length: n };
  }
  return null;
}

export function indicatorFromEntry(
  entry: IndicatorEntry,
  matched: string,
  index: IndicatorIndex,
): ResolvedIndicator {
  return {
    id: entry.id,
    label: index.byId.get(entry.id)?.label ?? entry.id,
    matched,
    alternatives: entry.alternatives.map((id) => ({ id, label: index.byId.get(id)?.label ?? id })),
  };
}

/** Typo'd indicator words ("productivty", "life expectency"): Fuse candidates, edit-distance acceptance. */
export function fuzzyIndicator(span: string, index: IndicatorIndex): ResolvedIndicator | null {
  const text = normalise(span);
  if (text.length < 5 || text.length > 40) return null;
  const best = index.fuzzy.best(text);
  const entry = best && index.table.get(best.item.key);
  return entry ? indicatorFromEntry(entry, text, index) : null;
}

/** The closest indicator labels to a text (for "did you mean"). */
export function suggestIndicators(span: string, index: IndicatorIndex, n = 3): string[] {
  const text = normalise(span);
  const out: string[] = [];
  for (const item of index.fuzzy.search(text, 12, 2)) {
    const label = index.byId.get(item.id)?.label;
    if (label && !out.includes(label)) out.push(label);
    if (out.length === n) return out;
  }
  const scored = [...index.table.values()]
    .map((e) => {
      const d = editDistance(text, e.key, 8);
      return { id: e.id, d: d > 8 ? 1 : d / Math.max(text.length, e.key.length) };
    })
    .sort((a, b) => a.d - b.d);
  for (const s of scored) {
    const label = index.byId.get(s.id)?.label;
    if (label && !out.includes(label)) out.push(label);
    if (out.length === n) break;
  }
  return out;
}

/** One indicator phrase (not a sentence): exact, then the longest known phrase inside it, then fuzzy. */
export function matchIndicator(text: string, core: StatsCore): ResolvedIndicator | Unresolved {
  const index = indicatorIndex(core);
  const key = normalise(text);
  const exact = index.table.get(key);
  if (exact) return indicatorFromEntry(exact, key, index);
  const toks = key.split(' ');
  for (let i = 0; i < toks.length; i++) {
    const m = indicatorAt(toks, i, index);
    if (m) return indicatorFromEntry(m.entry, toks.slice(i, i + m.length).join(' '), index);
  }
  return (
    fuzzyIndicator(key, index) ?? { text, kind: 'indicator', suggestions: suggestIndicators(text, index) }
  );
}
