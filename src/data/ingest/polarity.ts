import type { Polarity } from '../types';

// The ELS metadata never states whether a higher value is better, so this is Northstat's documented
// judgement (README, "Polarity"). The first matching rule wins; unmatched indicators are neutral,
// which means answers say "higher"/"lower" rather than "better"/"worse".
const RULES: [RegExp, Polarity, string][] = [
  [/economically inactive|unemployment|claimant/i, 'lower-better', 'fewer people out of work is better'],
  [
    /obesity|smokers|poverty|homicide|mortality|persistent absence|anxiety|no qualifications/i,
    'lower-better',
    'a harm: less is better',
  ],
  [/greenhouse gas emissions/i, 'lower-better', 'emissions: less is better'],
  [/premises below 30/i, 'lower-better', 'share of premises with slow broadband: less is better'],
  [
    /affordability ratio/i,
    'lower-better',
    'house prices as a multiple of earnings: lower is more affordable',
  ],
  [
    /drive to work|cycle to work|public transport or walk to work/i,
    'lower-better',
    'travel time: shorter is better',
  ],
  [
    /gross value added|gross domestic product|disposable household income|weekly pay/i,
    'higher-better',
    'output or income: more is better',
  ],
  [
    /employment rate|apprenticeship|business births|high growth|active businesses|survival rate/i,
    'higher-better',
    'jobs and business: more is better',
  ],
  [
    /cancer diagnosis at stage|communication and language|literacy|mathematics|gcses|expected standard|level 3|further education/i,
    'higher-better',
    'attainment or early diagnosis: more is better',
  ],
  [
    /engaged with the arts|visited a|satisfaction|happiness|worthwhile|healthy life expectancy/i,
    'higher-better',
    'wellbeing and health: more is better',
  ],
  [/regulating/i, 'higher-better', 'natural capital services: more is better'],
  [
    /gigabit|coverage|within a 30 minute walk|electric vehicle chargers|net additions/i,
    'higher-better',
    'access and infrastructure: more is better',
  ],
  [
    /research and development|exports|foreign direct investment/i,
    'higher-better',
    'investment and trade: more is better',
  ],
];

export function judgePolarity(indicatorName: string): { polarity: Polarity; note: string } {
  for (const [pattern, polarity, note] of RULES) {
    if (pattern.test(indicatorName)) return { polarity, note };
  }
  return { polarity: 'neutral', note: 'no agreed direction (a count or a level of activity)' };
}
