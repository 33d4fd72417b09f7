// A table of realistic queries (slash-command text and @-mention questions, as council staff type them)
// with the GSS codes and indicator id a correct resolver returns. `indicator: undefined` = not checked,
// `null` = no indicator expected. Area order is the order of mention.

import type { CommandName } from '../../src/resolve/types';

export interface PlaceQuery {
  q: string;
  areas: string[];
  indicator?: string | null;
  command?: CommandName;
}

// Areas
const LEEDS = 'E08000035';
const BRADFORD = 'E08000032';
const CALDERDALE = 'E08000033';
const KIRKLEES = 'E08000034';
const WAKEFIELD = 'E08000036';
const SHEFFIELD = 'E08000039';
const BARNSLEY = 'E08000038';
const DONCASTER = 'E08000017';
const ROTHERHAM = 'E08000018';
const MANCHESTER = 'E08000003';
const SALFORD = 'E08000006';
const BOLTON = 'E08000001';
const BURY = 'E08000002';
const OLDHAM = 'E08000004';
const ROCHDALE = 'E08000005';
const STOCKPORT = 'E08000007';
const TAMESIDE = 'E08000008';
const TRAFFORD = 'E08000009';
const WIGAN = 'E08000010';
const KNOWSLEY = 'E08000011';
const LIVERPOOL = 'E08000012';
const ST_HELENS = 'E08000013';
const SEFTON = 'E08000014';
const WIRRAL = 'E08000015';
const NEWCASTLE = 'E08000021';
const N_TYNESIDE = 'E08000022';
const S_TYNESIDE = 'E08000023';
const SUNDERLAND = 'E08000024';
const GATESHEAD = 'E08000037';
const BIRMINGHAM = 'E08000025';
const COVENTRY = 'E08000026';
const WOLVERHAMPTON = 'E08000031';
const SOLIHULL = 'E08000029';
const HARTLEPOOL = 'E06000001';
const MIDDLESBROUGH = 'E06000002';
const REDCAR = 'E06000003';
const STOCKTON = 'E06000004';
const DARLINGTON = 'E06000005';
const HALTON = 'E06000006';
const WARRINGTON = 'E06000007';
const BLACKBURN = 'E06000008';
const BLACKPOOL = 'E06000009';
const HULL = 'E06000010';
const EAST_RIDING = 'E06000011';
const NE_LINCS = 'E06000012';
const N_LINCS = 'E06000013';
const YORK = 'E06000014';
const DERBY = 'E06000015';
const LEICESTER = 'E06000016';
const NOTTINGHAM = 'E06000018';
const HEREFORDSHIRE = 'E06000019';
const TELFORD = 'E06000020';
const STOKE = 'E06000021';
const BANES = 'E06000022';
const BRISTOL = 'E06000023';
const PLYMOUTH = 'E06000026';
const TORBAY = 'E06000027';
const SWINDON = 'E06000030';
const LUTON = 'E06000032';
const SOUTHEND = 'E06000033';
const MEDWAY = 'E06000035';
const READING = 'E06000038';
const SLOUGH = 'E06000039';
const MILTON_KEYNES = 'E06000042';
const BRIGHTON = 'E06000043';
const PORTSMOUTH = 'E06000044';
const SOUTHAMPTON = 'E06000045';
const DURHAM = 'E06000047';
const CHESHIRE_EAST = 'E06000049';
const CHESHIRE_WEST = 'E06000050';
const CORNWALL = 'E06000052';
const NORTHUMBERLAND = 'E06000057';
const BCP = 'E06000058';
const BUCKS = 'E06000060';
const CUMBERLAND = 'E06000063';
const WESTMORLAND = 'E06000064';
const NORTH_YORKSHIRE = 'E06000065';
const SOMERSET = 'E06000066';
const CAMBRIDGE = 'E07000008';
const OXFORD = 'E07000178';
const GUILDFORD = 'E07000209';
const CRAWLEY = 'E07000226';
const PRESTON = 'E07000123';
const LANCASTER = 'E07000121';
const BURNLEY = 'E07000117';
const PENDLE = 'E07000122';
const HYNDBURN = 'E07000120';
const LINCOLN = 'E07000138';
const EXETER = 'E07000041';
const NORWICH = 'E07000148';
const IPSWICH = 'E07000202';
const CHESTERFIELD = 'E07000034';
const NEWCASTLE_UL = 'E07000195';
const WATFORD = 'E07000103';
const ST_ALBANS = 'E07000240';
const CANTERBURY = 'E07000106';
const THANET = 'E07000114';
const WEST_NORTHANTS = 'E06000062';
const CAMDEN = 'E09000007';
const HACKNEY = 'E09000012';
const KINGSTON_THAMES = 'E09000021';
const RICHMOND_THAMES = 'E09000027';
const WESTMINSTER = 'E09000033';
const CROYDON = 'E09000008';
const TOWER_HAMLETS = 'E09000030';
const CITY_OF_LONDON = 'E09000001';
const NORTH_EAST = 'E12000001';
const NORTH_WEST = 'E12000002';
const YORKSHIRE = 'E12000003';
const EAST_MIDLANDS = 'E12000004';
const WEST_MIDLANDS = 'E12000005';
const EAST_OF_ENGLAND = 'E12000006';
const LONDON = 'E12000007';
const SOUTH_EAST = 'E12000008';
const SOUTH_WEST = 'E12000009';
const ENGLAND = 'E92000001';
const UK = 'K02000001';
const WALES = 'W92000004';
const SCOTLAND = 'S92000003';
const NI = 'N92000002';
const GM = 'E47000001';
const SY = 'E47000002';
const WY = 'E47000003';
const LCR = 'E47000004';
const TEES_VALLEY = 'E47000006';
const WMCA = 'E47000007';
const YNY = 'E47000012';
const NECA = 'E47000014';
const HULL_EY = 'E47000016';
const LANCS_CA = 'E47000018';
const LANCASHIRE = 'E10000017';
const KENT = 'E10000016';
const SURREY = 'E10000030';
const ESSEX = 'E10000012';
const CARDIFF = 'W06000015';
const SWANSEA = 'W06000011';
const WREXHAM = 'W06000006';
const EDINBURGH = 'S12000036';
const GLASGOW = 'S12000049';
const ABERDEEN = 'S12000033';
const DUNDEE = 'S12000042';
const FIFE = 'S12000047';
const BELFAST = 'N09000003';
const DERRY = 'N09000005';

// Indicators
const PAY = 'gross-median-weekly-pay';
const GVA = 'gross-value-added-per-hour-worked';
const GVA_JOB = 'gross-value-added-per-job-filled';
const GDHI = 'gross-disposable-household-income-per-head';
const EMP = 'employment-rate-great-britain';
const EMP_NI = 'employment-rate-northern-ireland';
const INACTIVE = 'economic-inactivity-rate-great-britain';
const UNEMP = 'modelled-unemployment-rate';
const CLAIM = 'claimant-count';
const L3 = 'level-3-or-above-qualifications-great-britain';
const NOQUAL = 'no-qualifications';
const HLE_F = 'female-healthy-life-expectancy';
const HLE_M = 'male-healthy-life-expectancy';
const GDP = 'gross-domestic-product-per-head-at-current-market-prices';
const POP = 'population';
/** House prices are not in the bundled data: recognised and said, never answered with the affordability ratio. */
const HOUSE_PRICES = 'unavailable:average-house-price';
const AFFORD = 'housing-affordability-ratio-residence-based';
const GIGABIT = 'gigabit-capable-broadband';
const G5 = '5g-coverage';
const G4 = '4g-coverage';
const SMOKING = 'cigarette-smokers';
const OBESITY = 'adult-obesity-prevalence';
// Unqualified child poverty is DWP's before-housing-costs local measure (issue 10; it was after housing costs).
const POVERTY = 'children-in-relative-poverty-before-housing-costs';
const LIFESAT = 'life-satisfaction';
const HAPPY = 'happiness';
const ANXIETY = 'anxiety';
const EXPORTS = 'value-of-uk-exports';
const RD = 'business-expenditure-on-research-and-development';
const APPS = 'apprenticeship-starts-england';
const GCSE = 'gcses-in-english-and-maths';
const BIRTHS = 'business-births';
const DEATHS = 'business-deaths';
const EV = 'public-electric-vehicle-chargers';
const GHG = 'greenhouse-gas-emissions';
const KS2 = 'pupils-meeting-the-expected-standard-in-reading-writing-and-maths-at-the-end-of-key-stage-2';
const ABSENCE = 'persistent-absences-for-all-pupils';
const FDI = 'inward-foreign-direct-investment';
const HOUSING = 'net-additions-to-the-housing-stock-england';
const TRAVEL = 'travel-time-to-employment-centre-by-public-transport-and-walking';
const CANCER = 'cancer-diagnosis-at-stage-1-and-2';
const HOMICIDE = 'homicide-offences';
const MUSEUMS = 'museums';
const STATION = 'residents-within-a-30-minute-walk-of-their-nearest-railway-station';
const ACTIVE = 'active-businesses';
const HIGH_GROWTH = 'high-growth-businesses';
const WORTHWHILE = 'feeling-life-is-worthwhile';
const CVD = 'preventable-cardiovascular-mortality-england';

export const PLACE_QUERIES: PlaceQuery[] = [
  // --- Plain slash-command text: one place
  { q: 'leeds', areas: [LEEDS], indicator: null, command: 'stats' },
  { q: 'Leeds', areas: [LEEDS] },
  { q: 'LEEDS pay', areas: [LEEDS], indicator: PAY },
  { q: 'bradford productivity', areas: [BRADFORD], indicator: GVA },
  { q: 'sheffield', areas: [SHEFFIELD] },
  { q: 'barnsley employment', areas: [BARNSLEY], indicator: EMP },
  { q: 'doncaster unemployment', areas: [DONCASTER], indicator: UNEMP },
  { q: 'rotherham claimants', areas: [ROTHERHAM], indicator: CLAIM },
  { q: 'manchester wages', areas: [MANCHESTER], indicator: PAY },
  { q: 'salford earnings', areas: [SALFORD], indicator: PAY },
  { q: 'bolton skills', areas: [BOLTON], indicator: L3 },
  { q: 'bury no qualifications', areas: [BURY], indicator: NOQUAL },
  { q: 'oldham life expectancy', areas: [OLDHAM], indicator: HLE_F },
  { q: 'rochdale gdp', areas: [ROCHDALE], indicator: GDP },
  { q: 'stockport population', areas: [STOCKPORT], indicator: POP },
  { q: 'tameside house prices', areas: [TAMESIDE], indicator: HOUSE_PRICES },
  { q: 'trafford broadband', areas: [TRAFFORD], indicator: GIGABIT },
  { q: 'wigan 5g', areas: [WIGAN], indicator: G5 },
  { q: 'knowsley smoking', areas: [KNOWSLEY], indicator: SMOKING },
  { q: 'liverpool obesity', areas: [LIVERPOOL], indicator: OBESITY },
  { q: 'st helens child poverty', areas: [ST_HELENS], indicator: POVERTY },
  { q: 'St. Helens wellbeing', areas: [ST_HELENS], indicator: LIFESAT },
  { q: 'sefton happiness', areas: [SEFTON], indicator: HAPPY },
  { q: 'wirral anxiety', areas: [WIRRAL], indicator: ANXIETY },
  { q: 'the wirral pay', areas: [WIRRAL], indicator: PAY },
  { q: 'newcastle exports', areas: [NEWCASTLE], indicator: EXPORTS },
  { q: 'Newcastle upon Tyne R&D', areas: [NEWCASTLE], indicator: RD },
  { q: 'north tyneside apprenticeships', areas: [N_TYNESIDE], indicator: APPS },
  { q: 'south tyneside gcses', areas: [S_TYNESIDE], indicator: GCSE },
  { q: 'sunderland business births', areas: [SUNDERLAND], indicator: BIRTHS },
  { q: 'gateshead business deaths', areas: [GATESHEAD], indicator: DEATHS },
  { q: 'hartlepool ev chargers', areas: [HARTLEPOOL], indicator: EV },
  { q: 'middlesbrough emissions', areas: [MIDDLESBROUGH], indicator: GHG },
  { q: 'redcar and cleveland ks2', areas: [REDCAR], indicator: KS2 },
  { q: 'Stockton-on-Tees absence', areas: [STOCKTON], indicator: ABSENCE },
  { q: 'darlington income', areas: [DARLINGTON], indicator: GDHI },
  { q: 'halton inactivity', areas: [HALTON], indicator: INACTIVE },
  { q: 'warrington gva', areas: [WARRINGTON], indicator: GVA },
  { q: 'Blackburn with Darwen pay', areas: [BLACKBURN], indicator: PAY },
  { q: 'blackpool healthy life expectancy', areas: [BLACKPOOL], indicator: HLE_F },
  { q: 'hull pay', areas: [HULL], indicator: PAY },
  { q: 'Kingston upon Hull productivity', areas: [HULL], indicator: GVA },
  { q: 'city of hull jobs', areas: [HULL], indicator: EMP },
  { q: 'east riding of yorkshire population', areas: [EAST_RIDING], indicator: POP },
  { q: 'north east lincolnshire pay', areas: [NE_LINCS], indicator: PAY },
  { q: 'north lincolnshire skills', areas: [N_LINCS], indicator: L3 },
  { q: 'york wages', areas: [YORK], indicator: PAY },
  { q: 'north yorkshire productivity', areas: [NORTH_YORKSHIRE], indicator: GVA },
  { q: 'county durham unemployment', areas: [DURHAM], indicator: UNEMP },
  { q: 'durham jobs', areas: [DURHAM], indicator: EMP },
  { q: 'northumberland broadband', areas: [NORTHUMBERLAND], indicator: GIGABIT },
  { q: 'cumberland pay', areas: [CUMBERLAND], indicator: PAY },
  { q: 'westmorland and furness pay', areas: [WESTMORLAND], indicator: PAY },
  { q: 'cheshire east income', areas: [CHESHIRE_EAST], indicator: GDHI },
  { q: 'cheshire west and chester jobs', areas: [CHESHIRE_WEST], indicator: EMP },
  { q: 'preston', areas: [PRESTON] },
  { q: 'lancaster earnings', areas: [LANCASTER], indicator: PAY },
  { q: 'burnley claimant count', areas: [BURNLEY], indicator: CLAIM },
  { q: 'pendle no qualifications', areas: [PENDLE], indicator: NOQUAL },
  { q: 'hyndburn smokers', areas: [HYNDBURN], indicator: SMOKING },
  { q: 'lancashire productivity', areas: [LANCASHIRE], indicator: GVA },
  { q: 'calderdale pay', areas: [CALDERDALE], indicator: PAY },
  { q: 'kirklees gdhi', areas: [KIRKLEES], indicator: GDHI },
  { q: 'wakefield population', areas: [WAKEFIELD], indicator: POP },
  // --- Codes
  { q: 'E08000035 pay', areas: [LEEDS], indicator: PAY },
  { q: 'e08000019', areas: [SHEFFIELD] },
  { q: 'E06000010 gva', areas: [HULL], indicator: GVA },
  // --- Towns -> councils
  { q: 'huddersfield pay', areas: [KIRKLEES], indicator: PAY },
  { q: 'halifax employment', areas: [CALDERDALE], indicator: EMP },
  { q: 'dewsbury unemployment', areas: [KIRKLEES], indicator: UNEMP },
  { q: 'keighley', areas: [BRADFORD] },
  { q: 'harrogate house prices', areas: [NORTH_YORKSHIRE], indicator: HOUSE_PRICES },
  { q: 'scarborough pay', areas: [NORTH_YORKSHIRE], indicator: PAY },
  { q: 'whitby', areas: [NORTH_YORKSHIRE] },
  { q: 'skipton broadband', areas: [NORTH_YORKSHIRE], indicator: GIGABIT },
  { q: 'grimsby unemployment', areas: [NE_LINCS], indicator: UNEMP },
  { q: 'scunthorpe jobs', areas: [N_LINCS], indicator: EMP },
  { q: 'pontefract', areas: [WAKEFIELD] },
  { q: 'castleford claimants', areas: [WAKEFIELD], indicator: CLAIM },
  { q: 'birkenhead', areas: [WIRRAL] },
  { q: 'southport life expectancy', areas: [SEFTON], indicator: HLE_F },
  { q: 'altrincham pay', areas: [TRAFFORD], indicator: PAY },
  { q: 'sale income', areas: [TRAFFORD], indicator: GDHI },
  { q: 'runcorn', areas: [HALTON] },
  { q: 'widnes pay', areas: [HALTON], indicator: PAY },
  { q: 'chester pay', areas: [CHESHIRE_WEST], indicator: PAY },
  { q: 'crewe jobs', areas: [CHESHIRE_EAST], indicator: EMP },
  { q: 'macclesfield', areas: [CHESHIRE_EAST] },
  { q: 'blackburn unemployment', areas: [BLACKBURN], indicator: UNEMP },
  { q: 'accrington', areas: [HYNDBURN] },
  { q: 'morecambe', areas: [LANCASTER] },
  { q: 'carlisle pay', areas: [CUMBERLAND], indicator: PAY },
  { q: 'workington', areas: [CUMBERLAND] },
  { q: 'kendal house prices', areas: [WESTMORLAND], indicator: HOUSE_PRICES },
  { q: 'barrow unemployment', areas: [WESTMORLAND], indicator: UNEMP },
  { q: 'south shields', areas: [S_TYNESIDE] },
  { q: 'washington jobs', areas: [SUNDERLAND], indicator: EMP },
  { q: 'hexham', areas: [NORTHUMBERLAND] },
  { q: 'blyth pay', areas: [NORTHUMBERLAND], indicator: PAY },
  { q: 'consett', areas: [DURHAM] },
  { q: 'bishop auckland unemployment', areas: [DURHAM], indicator: UNEMP },
  { q: 'billingham', areas: [STOCKTON] },
  { q: 'stockton pay', areas: [STOCKTON], indicator: PAY },
  { q: 'redcar', areas: [REDCAR] },
  { q: 'beverley', areas: [EAST_RIDING] },
  { q: 'bridlington pay', areas: [EAST_RIDING], indicator: PAY },
  { q: 'wetherby', areas: [LEEDS] },
  { q: 'ilkley', areas: [BRADFORD] },
  { q: 'leigh', areas: [WIGAN] },
  { q: 'eccles', areas: [SALFORD] },
  { q: 'stalybridge', areas: [TAMESIDE] },
  { q: 'reading pay', areas: [READING], indicator: PAY },
  { q: 'oxford productivity', areas: [OXFORD], indicator: GVA },
  { q: 'cambridge r and d', areas: [CAMBRIDGE], indicator: RD },
  { q: 'milton keynes jobs', areas: [MILTON_KEYNES], indicator: EMP },
  { q: 'MK pay', areas: [MILTON_KEYNES], indicator: PAY },
  { q: 'southampton', areas: [SOUTHAMPTON] },
  { q: 'guildford house prices', areas: [GUILDFORD], indicator: HOUSE_PRICES },
  { q: 'crawley', areas: [CRAWLEY] },
  { q: 'brighton pay', areas: [BRIGHTON], indicator: PAY },
  { q: 'brighton & hove', areas: [BRIGHTON] },
  { q: 'stoke unemployment', areas: [STOKE], indicator: UNEMP },
  { q: 'stoke-on-trent', areas: [STOKE] },
  { q: 'bristol productivity', areas: [BRISTOL], indicator: GVA },
  { q: 'Bristol, City of', areas: [BRISTOL] },
  { q: 'brum pay', areas: [BIRMINGHAM], indicator: PAY },
  { q: 'birmingham', areas: [BIRMINGHAM] },
  { q: 'bath house prices', areas: [BANES], indicator: HOUSE_PRICES },
  { q: 'bournemouth', areas: [BCP] },
  { q: 'poole pay', areas: [BCP], indicator: PAY },
  { q: 'taunton', areas: [SOMERSET] },
  { q: 'torquay', areas: [TORBAY] },
  { q: 'truro', areas: [CORNWALL] },
  { q: 'aylesbury', areas: [BUCKS] },
  { q: 'high wycombe pay', areas: [BUCKS], indicator: PAY },
  { q: 'northampton', areas: [WEST_NORTHANTS] },
  { q: 'margate', areas: [THANET] },
  { q: 'chatham', areas: [MEDWAY] },
  { q: 'southend', areas: [SOUTHEND] },
  { q: 'luton', areas: [LUTON] },
  { q: 'slough pay', areas: [SLOUGH], indicator: PAY },
  { q: 'swindon', areas: [SWINDON] },
  { q: 'plymouth jobs', areas: [PLYMOUTH], indicator: EMP },
  { q: 'portsmouth', areas: [PORTSMOUTH] },
  { q: 'exeter', areas: [EXETER] },
  { q: 'norwich pay', areas: [NORWICH], indicator: PAY },
  { q: 'ipswich', areas: [IPSWICH] },
  { q: 'lincoln', areas: [LINCOLN] },
  { q: 'chesterfield', areas: [CHESTERFIELD] },
  { q: 'derby pay', areas: [DERBY], indicator: PAY },
  { q: 'nottingham productivity', areas: [NOTTINGHAM], indicator: GVA },
  { q: 'leicester', areas: [LEICESTER] },
  { q: 'coventry', areas: [COVENTRY] },
  { q: 'wolves unemployment', areas: [WOLVERHAMPTON], indicator: UNEMP },
  { q: 'solihull pay', areas: [SOLIHULL], indicator: PAY },
  { q: 'telford', areas: [TELFORD] },
  { q: 'hereford', areas: [HEREFORDSHIRE] },
  { q: 'watford', areas: [WATFORD] },
  { q: 'st albans house prices', areas: [ST_ALBANS], indicator: HOUSE_PRICES },
  { q: 'canterbury', areas: [CANTERBURY] },
  { q: 'kent productivity', areas: [KENT], indicator: GVA },
  { q: 'surrey pay', areas: [SURREY], indicator: PAY },
  { q: 'essex', areas: [ESSEX] },
  // --- Nicknames, ambiguity, near-misses
  { q: 'newcastle', areas: [NEWCASTLE] },
  { q: 'newcastle-under-lyme pay', areas: [NEWCASTLE_UL], indicator: PAY },
  { q: 'kingston upon thames pay', areas: [KINGSTON_THAMES], indicator: PAY },
  { q: 'richmond upon thames', areas: [RICHMOND_THAMES] },
  { q: 'manc pay', areas: [MANCHESTER], indicator: PAY },
  { q: 'camden', areas: [CAMDEN] },
  { q: 'hackney house prices', areas: [HACKNEY], indicator: HOUSE_PRICES },
  { q: 'westminster pay', areas: [WESTMINSTER], indicator: PAY },
  { q: 'croydon', areas: [CROYDON] },
  { q: 'tower hamlets child poverty', areas: [TOWER_HAMLETS], indicator: POVERTY },
  { q: 'city of london pay', areas: [CITY_OF_LONDON], indicator: PAY },
  // --- Regions, nations, combined authorities
  { q: 'north east', areas: [NORTH_EAST] },
  { q: 'the north east productivity', areas: [NORTH_EAST], indicator: GVA },
  { q: 'NE pay', areas: [NORTH_EAST], indicator: PAY },
  { q: 'north west', areas: [NORTH_WEST] },
  { q: 'yorkshire pay', areas: [YORKSHIRE], indicator: PAY },
  { q: 'yorkshire and the humber', areas: [YORKSHIRE] },
  { q: 'yorks productivity', areas: [YORKSHIRE], indicator: GVA },
  { q: 'east midlands', areas: [EAST_MIDLANDS] },
  { q: 'west midlands pay', areas: [WEST_MIDLANDS], indicator: PAY },
  { q: 'east of england', areas: [EAST_OF_ENGLAND] },
  { q: 'london pay', areas: [LONDON], indicator: PAY },
  { q: 'south east', areas: [SOUTH_EAST] },
  { q: 'SE productivity', areas: [SOUTH_EAST], indicator: GVA },
  { q: 'south west', areas: [SOUTH_WEST] },
  { q: 'england pay', areas: [ENGLAND], indicator: PAY },
  { q: 'uk productivity', areas: [UK], indicator: GVA },
  { q: 'wales', areas: [WALES] },
  { q: 'scotland pay', areas: [SCOTLAND], indicator: PAY },
  { q: 'northern ireland', areas: [NI] },
  { q: 'NI pay', areas: [NI], indicator: PAY },
  { q: 'GM pay', areas: [GM], indicator: PAY },
  { q: 'greater manchester productivity', areas: [GM], indicator: GVA },
  { q: 'WY', areas: [WY] },
  { q: 'west yorkshire combined authority', areas: [WY] },
  { q: 'SY jobs', areas: [SY], indicator: EMP },
  { q: 'south yorkshire', areas: [SY] },
  { q: 'LCR productivity', areas: [LCR], indicator: GVA },
  { q: 'liverpool city region', areas: [LCR] },
  { q: 'tees valley', areas: [TEES_VALLEY] },
  { q: 'north east combined authority', areas: [NECA] },
  { q: 'north east ca pay', areas: [NECA], indicator: PAY },
  { q: 'york and north yorkshire', areas: [YNY] },
  { q: 'hull and east yorkshire', areas: [HULL_EY] },
  { q: 'lancashire combined authority', areas: [LANCS_CA] },
  { q: 'west midlands combined authority', areas: [WMCA] },
  // --- Wales, Scotland, NI
  { q: 'cardiff pay', areas: [CARDIFF], indicator: PAY },
  { q: 'swansea', areas: [SWANSEA] },
  { q: 'wrexham', areas: [WREXHAM] },
  { q: 'edinburgh pay', areas: [EDINBURGH], indicator: PAY },
  { q: 'glasgow', areas: [GLASGOW] },
  { q: 'aberdeen', areas: [ABERDEEN] },
  { q: 'dundee', areas: [DUNDEE] },
  { q: 'fife', areas: [FIFE] },
  { q: 'belfast employment', areas: [BELFAST], indicator: EMP_NI },
  { q: 'derry', areas: [DERRY] },
  // --- Typos
  { q: 'sheffeild', areas: [SHEFFIELD] },
  { q: 'manchster pay', areas: [MANCHESTER], indicator: PAY },
  { q: 'liverpol', areas: [LIVERPOOL] },
  { q: 'redding', areas: [READING] },
  { q: 'middlesborough', areas: [MIDDLESBROUGH] },
  { q: 'wakefeild productivity', areas: [WAKEFIELD], indicator: GVA },
  { q: 'bradfrod', areas: [BRADFORD] },
  { q: 'doncastor', areas: [DONCASTER] },
  { q: 'sunderlnd', areas: [SUNDERLAND] },
  { q: 'gatesehad', areas: [GATESHEAD] },
  { q: 'newcastel upon tyne', areas: [NEWCASTLE] },
  { q: 'blackool pay', areas: [BLACKPOOL], indicator: PAY },
  { q: 'darlingon', areas: [DARLINGTON] },
  { q: 'hartlepol', areas: [HARTLEPOOL] },
  { q: 'rotheram', areas: [ROTHERHAM] },
  { q: 'barnsely', areas: [BARNSLEY] },
  { q: 'calderale', areas: [CALDERDALE] },
  { q: 'stockprt', areas: [STOCKPORT] },
  { q: 'warington', areas: [WARRINGTON] },
  { q: 'northumberlnd', areas: [NORTHUMBERLAND] },
  { q: 'huddersfeild', areas: [KIRKLEES] },
  { q: 'leeds productivty', areas: [LEEDS], indicator: GVA },
  { q: 'life expectency in blackpool', areas: [BLACKPOOL], indicator: HLE_F },
  { q: 'unemployement in hull', areas: [HULL], indicator: UNEMP },
  // --- Free-text questions (@-mentions)
  {
    q: 'how does Leeds compare with Reading on pay?',
    areas: [LEEDS, READING],
    indicator: PAY,
    command: 'compare',
  },
  { q: "what's productivity like in Hull?", areas: [HULL], indicator: GVA, command: 'stats' },
  { q: 'top 10 councils for pay', areas: [], indicator: PAY, command: 'rank' },
  { q: 'north south gap in productivity', areas: [], indicator: GVA, command: 'gap' },
  { q: 'what is the employment rate in Bradford?', areas: [BRADFORD], indicator: EMP, command: 'stats' },
  { q: 'how many people live in Sheffield', areas: [SHEFFIELD], indicator: POP },
  {
    q: 'what are wages like in Sunderland compared to Newcastle',
    areas: [SUNDERLAND, NEWCASTLE],
    indicator: PAY,
    command: 'compare',
  },
  {
    q: 'is unemployment higher in Middlesbrough than Darlington?',
    areas: [MIDDLESBROUGH, DARLINGTON],
    indicator: UNEMP,
    command: 'compare',
  },
  { q: 'how has pay changed in Wigan since 2015?', areas: [WIGAN], indicator: PAY, command: 'trend' },
  { q: 'show me house prices in Harrogate', areas: [NORTH_YORKSHIRE], indicator: HOUSE_PRICES },
  { q: 'which council has the highest pay in the north?', areas: [], indicator: PAY, command: 'rank' },
  { q: 'where does Calderdale rank for broadband', areas: [CALDERDALE], indicator: GIGABIT, command: 'rank' },
  { q: 'can you show child poverty in Blackpool please', areas: [BLACKPOOL], indicator: POVERTY },
  { q: 'give me the latest claimant count for Oldham', areas: [OLDHAM], indicator: CLAIM },
  { q: 'how is Hull doing on skills', areas: [HULL], indicator: L3 },
  { q: 'whats the gva per job in leeds', areas: [LEEDS], indicator: GVA_JOB },
  { q: 'how healthy are people in Knowsley', areas: [KNOWSLEY] },
  {
    q: 'male life expectancy in Blackpool vs Westminster',
    areas: [BLACKPOOL, WESTMINSTER],
    indicator: HLE_M,
    command: 'compare',
  },
  { q: 'is York richer than Harrogate', areas: [YORK, NORTH_YORKSHIRE], command: 'compare' },
  {
    q: 'compare Leeds, Bradford and Wakefield on productivity',
    areas: [LEEDS, BRADFORD, WAKEFIELD],
    indicator: GVA,
    command: 'compare',
  },
  {
    q: 'Manchester vs Birmingham productivity',
    areas: [MANCHESTER, BIRMINGHAM],
    indicator: GVA,
    command: 'compare',
  },
  { q: 'Liverpool v Manchester pay', areas: [LIVERPOOL, MANCHESTER], indicator: PAY, command: 'compare' },
  { q: 'leeds versus sheffield on gdhi', areas: [LEEDS, SHEFFIELD], indicator: GDHI, command: 'compare' },
  { q: 'Newcastle & Sunderland & Gateshead jobs', areas: [NEWCASTLE, SUNDERLAND, GATESHEAD], indicator: EMP },
  { q: 'bolton, bury, wigan unemployment', areas: [BOLTON, BURY, WIGAN], indicator: UNEMP },
  { q: 'GM vs WY vs LCR productivity', areas: [GM, WY, LCR], indicator: GVA },
  { q: 'north east vs south east pay', areas: [NORTH_EAST, SOUTH_EAST], indicator: PAY },
  { q: 'compare the north west with london on productivity', areas: [NORTH_WEST, LONDON], indicator: GVA },
  { q: 'yorkshire vs london wages', areas: [YORKSHIRE, LONDON], indicator: PAY },
  { q: 'hull vs york vs leeds', areas: [HULL, YORK, LEEDS], indicator: null },
  { q: 'Kirklees and Calderdale on apprenticeships', areas: [KIRKLEES, CALDERDALE], indicator: APPS },
  { q: 'redcar and cleveland vs middlesbrough', areas: [REDCAR, MIDDLESBROUGH] },
  { q: 'telford and wrekin vs shropshire', areas: [TELFORD, 'E06000051'] },
  { q: 'bath and north east somerset vs bristol', areas: [BANES, BRISTOL] },
  { q: 'blackburn with darwen and burnley', areas: [BLACKBURN, BURNLEY] },
  { q: 'huddersfield vs halifax', areas: [KIRKLEES, CALDERDALE] },
  { q: 'how does sheffeild compare with manchster on pay', areas: [SHEFFIELD, MANCHESTER], indicator: PAY },
  { q: 'liverpol vs leeds', areas: [LIVERPOOL, LEEDS] },
  { q: 'reading vs redding', areas: [READING] },
  { q: 'leeds pay in 2019', areas: [LEEDS], indicator: PAY },
  { q: 'bradford unemployment since 2010', areas: [BRADFORD], indicator: UNEMP, command: 'trend' },
  { q: 'trend in productivity for Sunderland', areas: [SUNDERLAND], indicator: GVA, command: 'trend' },
  { q: 'gdhi in hull 2022/23', areas: [HULL], indicator: GDHI },
  { q: 'top 5 northern cities for productivity', areas: [], indicator: GVA, command: 'rank' },
  { q: 'bottom 10 local authorities for life expectancy', areas: [], indicator: HLE_F, command: 'rank' },
  { q: 'lowest pay among northern core cities', areas: [], indicator: PAY, command: 'rank' },
  { q: 'rank pay among areas similar to Wakefield', areas: [], indicator: PAY, command: 'rank' },
  // Ranking "in the north west" ranks its councils: the region is the group, not a place (issue 10).
  { q: 'highest unemployment in the north west', areas: [], indicator: UNEMP, command: 'rank' },
  { q: 'the north south divide on pay', areas: [], indicator: PAY, command: 'gap' },
  { q: 'gap in life expectancy', areas: [], indicator: HLE_F, command: 'gap' },
  { q: 'how big is the north-south gap in gdp per head', areas: [], indicator: GDP, command: 'gap' },
  { q: 'help', areas: [], indicator: null, command: 'help' },
  // --- Slash commands with the full grammar
  { q: '/stats leeds', areas: [LEEDS], command: 'stats' },
  { q: '/stats hull productivity', areas: [HULL], indicator: GVA, command: 'stats' },
  {
    q: '/compare leeds vs manchester on pay',
    areas: [LEEDS, MANCHESTER],
    indicator: PAY,
    command: 'compare',
  },
  { q: '/compare york, harrogate, scarborough', areas: [YORK, NORTH_YORKSHIRE], command: 'compare' },
  { q: '/trend sheffield pay since 2012', areas: [SHEFFIELD], indicator: PAY, command: 'trend' },
  { q: '/trend employment in barnsley', areas: [BARNSLEY], indicator: EMP, command: 'trend' },
  { q: '/rank pay top 10', areas: [], indicator: PAY, command: 'rank' },
  { q: '/rank productivity among northern combined authorities', areas: [], indicator: GVA, command: 'rank' },
  { q: '/rank unemployment bottom 5 among english regions', areas: [], indicator: UNEMP, command: 'rank' },
  { q: '/gap productivity', areas: [], indicator: GVA, command: 'gap' },
  { q: '/gap pay since 2010', areas: [], indicator: PAY, command: 'gap' },
  { q: '/stats doncaster pay private', areas: [DONCASTER], indicator: PAY },
  { q: '/stats rotherham gcses me', areas: [ROTHERHAM], indicator: GCSE },
  { q: '/help', areas: [], command: 'help' },
  // --- Every-dataset synonyms with a place
  { q: 'leeds gigabit', areas: [LEEDS], indicator: GIGABIT },
  { q: 'leeds 4g', areas: [LEEDS], indicator: G4 },
  { q: 'mobile coverage in cumberland', areas: [CUMBERLAND], indicator: G4 },
  { q: 'bradford gcse results', areas: [BRADFORD], indicator: GCSE },
  { q: 'persistent absence in knowsley', areas: [KNOWSLEY], indicator: ABSENCE },
  { q: 'inward investment in the north west', areas: [NORTH_WEST], indicator: FDI },
  { q: 'new homes in york', areas: [YORK], indicator: HOUSING },
  { q: 'commute times in northumberland', areas: [NORTHUMBERLAND], indicator: TRAVEL },
  { q: 'early cancer diagnosis in sunderland', areas: [SUNDERLAND], indicator: CANCER },
  { q: 'murder rate in manchester', areas: [MANCHESTER], indicator: HOMICIDE },
  { q: 'museums in york', areas: [YORK], indicator: MUSEUMS },
  { q: 'rail access in east riding', areas: [EAST_RIDING], indicator: STATION },
  { q: 'number of businesses in leeds', areas: [LEEDS], indicator: ACTIVE },
  { q: 'high growth firms in manchester', areas: [MANCHESTER], indicator: HIGH_GROWTH },
  { q: 'feeling worthwhile in hull', areas: [HULL], indicator: WORTHWHILE },
  { q: 'heart disease deaths in blackpool', areas: [BLACKPOOL], indicator: CVD },
  { q: 'startups in salford', areas: [SALFORD], indicator: BIRTHS },
  { q: 'carbon emissions in north lincolnshire', areas: [N_LINCS], indicator: GHG },
  { q: 'economic inactivity in hartlepool', areas: [HARTLEPOOL], indicator: INACTIVE },
  { q: 'jobless rate in sunderland', areas: [SUNDERLAND], indicator: UNEMP },
  { q: 'salaries in york', areas: [YORK], indicator: PAY },
  { q: 'household income in wirral', areas: [WIRRAL], indicator: GDHI },
  { q: 'level 3 qualifications in doncaster', areas: [DONCASTER], indicator: L3 },
  { q: 'ks2 results in rochdale', areas: [ROCHDALE], indicator: KS2 },
  { q: 'reading, writing and maths in Reading', areas: [READING], indicator: KS2 },
  { q: 'obesity rate county durham', areas: [DURHAM], indicator: OBESITY },
  { q: 'exports from the north east', areas: [NORTH_EAST], indicator: EXPORTS },
  { q: 'research and development spending in cambridge', areas: [CAMBRIDGE], indicator: RD },
  { q: 'ev charging points in york', areas: [YORK], indicator: EV },
  { q: 'affordability in london', areas: [LONDON], indicator: AFFORD },
  { q: 'life satisfaction in richmond upon thames', areas: [RICHMOND_THAMES], indicator: LIFESAT },
  { q: 'gross median weekly pay leeds', areas: [LEEDS], indicator: PAY },
  { q: 'Gross value added per hour worked Bradford', areas: [BRADFORD], indicator: GVA },
  // --- Not places / foreign (must not become UK areas)
  { q: 'paris', areas: [] },
  { q: 'pay in paris', areas: [], indicator: PAY },
  { q: 'new south wales', areas: [] },
  { q: 'asdf', areas: [] },
  { q: 'tokyo productivity', areas: [], indicator: GVA },
  { q: 'new york vs london', areas: [LONDON] },
  { q: 'dublin pay', areas: [], indicator: PAY },
  { q: 'how does leeds compare with berlin', areas: [LEEDS] },
  // --- Harder mixes
  {
    q: 'how does kingston upon hull compare to kingston upon thames',
    areas: [HULL, KINGSTON_THAMES],
    command: 'compare',
  },
  { q: 'newcastle upon tyne vs newcastle under lyme', areas: [NEWCASTLE, NEWCASTLE_UL] },
  { q: 'stockton on tees pay', areas: [STOCKTON], indicator: PAY },
  { q: 'stoke on trent jobs', areas: [STOKE], indicator: EMP },
  { q: 'Leeds City Council pay', areas: [LEEDS], indicator: PAY },
  { q: 'bradford council unemployment', areas: [BRADFORD], indicator: UNEMP },
  { q: 'sheffield city region productivity', areas: [SY], indicator: GVA },
  { q: "Hull's productivity", areas: [HULL], indicator: GVA },
  { q: "what's York's employment rate?", areas: [YORK], indicator: EMP },
  { q: 'What is the GVA per hour for Calderdale?', areas: [CALDERDALE], indicator: GVA },
  {
    q: 'wages in barnsley versus rotherham',
    areas: [BARNSLEY, ROTHERHAM],
    indicator: PAY,
    command: 'compare',
  },
  { q: 'how does the wirral compare to sefton', areas: [WIRRAL, SEFTON], command: 'compare' },
  { q: 'Durham vs Darlington', areas: [DURHAM, DARLINGTON] },
  { q: 'compare york with north yorkshire', areas: [YORK, NORTH_YORKSHIRE] },
  { q: 'the midlands', areas: [WEST_MIDLANDS] },
  { q: 'kingston', areas: [HULL] },
  { q: 'richmond pay', areas: [RICHMOND_THAMES], indicator: PAY },
  { q: 'employment rate for leeds, york and hull in 2021', areas: [LEEDS, YORK, HULL], indicator: EMP },
  { q: 'isle of wight', areas: ['E06000046'] },
  { q: "king's lynn", areas: ['E07000146'] },
  { q: 'southend-on-sea pay', areas: [SOUTHEND], indicator: PAY },
  { q: 'weston-super-mare', areas: ['E06000024'] },
  { q: 'north of tyne', areas: [NECA] },
  { q: 'pay in leeds over the last 10 years', areas: [LEEDS], indicator: PAY },
  { q: 'Any data on smoking for Barnsley?', areas: [BARNSLEY], indicator: SMOKING },
  { q: 'hey northstat, how are wages in doncaster', areas: [DONCASTER], indicator: PAY },
  { q: '<@U012ABC> productivity in bolton vs wigan', areas: [BOLTON, WIGAN], indicator: GVA },
  {
    q: 'pay: leeds v bradford v kirklees v calderdale v wakefield',
    areas: [LEEDS, BRADFORD, KIRKLEES, CALDERDALE, WAKEFIELD],
    indicator: PAY,
  },
  { q: 'how many people are unemployed in salford', areas: [SALFORD], indicator: UNEMP },
  { q: 'women life expectancy in hartlepool', areas: [HARTLEPOOL], indicator: HLE_F },
];
