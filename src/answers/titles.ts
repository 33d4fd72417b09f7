// Dataset titles as ONS writes them in source lines ("GDP per head", "UK exports"), not the ELS
// folder name with its first letter raised ("Gdp per head", "Total value of uk exports").

/** Titles that a mechanical reading of the folder name gets wrong. */
const TITLES: Record<string, string> = {
  'gdp-per-head': 'GDP per head',
  'total-value-of-uk-exports': 'UK exports',
  'gross-value-added': 'Gross value added (productivity)',
  'gross-disposable-household-income-per-head': 'Gross disposable household income (GDHI) per head',
  'apprenticeships-ni': 'Apprenticeships (Northern Ireland)',
  'apprenticeships-scotland': 'Apprenticeships (Scotland)',
  'employment-rate-ni': 'Employment rate (Northern Ireland)',
  'qualifications-level-3-or-above-ni': 'Level 3 or above qualifications (Northern Ireland)',
  'qualifications-level-3-or-above': 'Level 3 or above qualifications (Great Britain)',
  'qualifications-none-gb': 'No qualifications (Great Britain)',
  'preventable-cardiovascular-mortality-ni': 'Preventable cardiovascular mortality (Northern Ireland)',
  'preventable-cardiovascular-mortality-england': 'Preventable cardiovascular mortality (England)',
  'net-additions-to-the-housing-stock': 'Net additions to the housing stock (England)',
  'net-additions-to-the-housing-stock-northern-ireland':
    'Net additions to the housing stock (Northern Ireland)',
  'net-additions-to-the-housing-stock-wales': 'Net additions to the housing stock (Wales)',
  'mortality-rate-from-coronary-heart-disease-scotland':
    'Mortality rate from coronary heart disease or cerebrovascular disease (Scotland)',
  'network-coverage-4g': '4G coverage',
  'network-coverage-5g': '5G coverage',
  'premises-below-30': 'Premises below 30Mbps',
  'library-walk': 'Residents within a 30 minute walk of a library',
  'railway-station-walk': 'Residents within a 30 minute walk of a railway station',
  'gcses-in-english-and-maths': 'GCSEs in English and maths',
  'research-and-development-business': 'Business research and development',
  'research-and-development-public-funded': 'Publicly funded research and development',
  'short-term-let-average-length-of-stay': 'Short-term lets: average length of stay',
  'short-term-let-number-of-guests-nights': 'Short-term lets: guest nights',
  'pupils-at-expected-standards-by-end-of-primary-school':
    'Pupils at the expected standard by the end of primary school',
  'personal-wellbeing-estimates': 'Personal well-being estimates',
  'early-years': 'Early years foundation stage',
};

/** Words that keep their capitals inside a sentence-case title. */
const PROPER: Record<string, string> = {
  uk: 'UK',
  gdp: 'GDP',
  ni: 'NI',
  gb: 'GB',
  gcses: 'GCSEs',
  england: 'England',
};

/** The ELS dataset folder's title, ONS style. */
export function datasetTitle(slug: string): string {
  const known = TITLES[slug];
  if (known) return known;
  const words = slug.split('-').map((w) => PROPER[w] ?? w);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
