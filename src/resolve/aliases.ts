// Place names and aliases -> GSS codes. The table is built from the real area names in the snapshot
// (loadCore().geography.all()), plus generated variants and the curated aliases below.
//
// Key rules (all keys are normalised with normalise()):
// - Only current areas are offered: no `end`, no `successor`, level not 'other', and with parents
//   (the snapshot keeps some pre-2019/2023 codes without an end year but also without any parents:
//   Aylesbury Vale, Northumberland E06000048, Gateshead E08000020, North East CA E47000005 ...).
// - Retired names (Harrogate, Carlisle, Richmondshire, Aylesbury Vale ...) resolve to the council that
//   covers them today (RETIRED_TO, or the successor of the retired parent county).
// - Generated variants: "X, City of" / "City of X" / "X City" -> "x" and "city of x"; "X, County of" ->
//   "x"; "St X" <-> "Saint X"; "-on-"/"upon" spellings; "<CA> combined authority" / "<CA> ca";
//   "<region> region". A variant never displaces a real name (London stays the region, City of London
//   stays E09000001).
// - Duplicated names ("North East" region and combined authority, "West Midlands", "East Midlands",
//   "Lancashire" county and CA) resolve to the most general everyday meaning (region, then council,
//   then county, then combined authority) and list the others as alternatives.

import type { Geography } from '../data/geography';
import type { AreaLevel, SnapshotArea } from '../data/types';
import { normalise } from './normalise';

export interface PlaceAlias {
  alias: string;
  code: string;
  /** Other plausible areas for the same words. */
  alternatives?: string[];
  /** True when the words genuinely name two places and the caller should ask back ("kingston"). */
  ambiguous?: boolean;
}

export interface PlaceEntry {
  key: string;
  code: string;
  alternatives: string[];
  kind: 'code' | 'name' | 'variant' | 'alias' | 'retired' | 'foreign';
  ambiguous: boolean;
}

const NORTH_YORKSHIRE = 'E06000065';
const CUMBERLAND = 'E06000063';
const WESTMORLAND = 'E06000064';
const BUCKS = 'E06000060';
const NORTH_NORTHANTS = 'E06000061';
const WEST_NORTHANTS = 'E06000062';
const BCP = 'E06000058';
const DORSET = 'E06000059';
const SOMERSET = 'E06000066';
const COUNTY_DURHAM = 'E06000047';
const NORTHUMBERLAND = 'E06000057';
const KIRKLEES = 'E08000034';
const CALDERDALE = 'E08000033';
const BRADFORD = 'E08000032';
const WAKEFIELD = 'E08000036';
const LEEDS = 'E08000035';
const HULL = 'E06000010';
const UK = 'K02000001';

/** Retired or stale codes whose replacement cannot be read from the snapshot. */
export const RETIRED_TO: Record<string, string[]> = {
  E10000006: [CUMBERLAND, WESTMORLAND], // Cumbria (abolished 2023)
  E07000026: [CUMBERLAND], // Allerdale
  E07000028: [CUMBERLAND], // Carlisle
  E07000029: [CUMBERLAND], // Copeland
  E07000027: [WESTMORLAND], // Barrow-in-Furness
  E07000030: [WESTMORLAND], // Eden
  E07000031: [WESTMORLAND], // South Lakeland
  E07000004: [BUCKS], // Aylesbury Vale
  E07000005: [BUCKS], // Chiltern
  E07000006: [BUCKS], // South Bucks
  E07000007: [BUCKS], // Wycombe
  E10000021: [NORTH_NORTHANTS, WEST_NORTHANTS], // Northamptonshire
  E07000150: [NORTH_NORTHANTS], // Corby
  E07000152: [NORTH_NORTHANTS], // East Northamptonshire
  E07000153: [NORTH_NORTHANTS], // Kettering
  E07000156: [NORTH_NORTHANTS], // Wellingborough
  E07000151: [WEST_NORTHANTS], // Daventry
  E07000154: [WEST_NORTHANTS], // Northampton
  E07000155: [WEST_NORTHANTS], // South Northamptonshire
  E06000028: [BCP], // Bournemouth
  E06000029: [BCP], // Poole
  E07000048: [BCP], // Christchurch
  E07000049: [DORSET], // East Dorset
  E07000050: [DORSET], // North Dorset
  E07000051: [DORSET], // Purbeck
  E07000052: [DORSET], // West Dorset
  E07000053: [DORSET], // Weymouth and Portland
  E07000190: [SOMERSET], // Taunton Deane
  E07000191: [SOMERSET], // West Somerset
  E07000246: [SOMERSET], // Somerset West and Taunton
  E07000201: ['E07000245'], // Forest Heath -> West Suffolk
  E07000204: ['E07000245'], // St Edmundsbury -> West Suffolk
  E07000205: ['E07000244'], // Suffolk Coastal -> East Suffolk
  E07000206: ['E07000244'], // Waveney -> East Suffolk
  E47000011: ['E47000014'], // North of Tyne CA -> North East CA
};

/**
 * Curated aliases, nicknames and towns (towns map to the council that covers them). Keys that are also
 * real names (York, Manchester) only add alternatives.
 */
export const PLACE_ALIASES: PlaceAlias[] = [
  // --- Nicknames and short forms of councils
  { alias: 'hull', code: HULL }, // not Solihull
  { alias: 'kingston upon hull', code: HULL },
  { alias: 'newcastle', code: 'E08000021', alternatives: ['E07000195'] }, // not Newcastle-under-Lyme
  { alias: 'newcastle on tyne', code: 'E08000021' },
  { alias: 'toon', code: 'E08000021' },
  { alias: 'brighton', code: 'E06000043' },
  { alias: 'hove', code: 'E06000043' },
  { alias: 'stoke', code: 'E06000021' },
  { alias: 'hanley', code: 'E06000021' },
  { alias: 'bristol', code: 'E06000023' },
  { alias: 'manc', code: 'E08000003', alternatives: ['E47000001'] },
  { alias: 'manny', code: 'E08000003', alternatives: ['E47000001'] },
  { alias: 'manchester', code: 'E08000003', alternatives: ['E47000001'] },
  { alias: 'liverpool', code: 'E08000012', alternatives: ['E47000004'] },
  { alias: 'scouse', code: 'E08000012' },
  { alias: 'brum', code: 'E08000025' },
  { alias: 'sheffield', code: 'E08000039' },
  { alias: 'barnsley', code: 'E08000038' },
  { alias: 'durham', code: COUNTY_DURHAM },
  { alias: 'durham city', code: COUNTY_DURHAM },
  { alias: 'co durham', code: COUNTY_DURHAM },
  { alias: 'kingston', code: HULL, alternatives: ['E09000021'], ambiguous: true },
  { alias: 'richmond', code: 'E09000027', alternatives: [NORTH_YORKSHIRE], ambiguous: true },
  { alias: 'york', code: 'E06000014', alternatives: [NORTH_YORKSHIRE, 'E47000012'] },
  { alias: 'city of york', code: 'E06000014', alternatives: [NORTH_YORKSHIRE, 'E47000012'] },
  { alias: 'north yorkshire', code: NORTH_YORKSHIRE, alternatives: ['E47000012'] },
  { alias: 'stockton', code: 'E06000004' },
  { alias: 'southend', code: 'E06000033' },
  { alias: 'mk', code: 'E06000042' },
  { alias: 'banes', code: 'E06000022' },
  { alias: 'bath', code: 'E06000022' },
  { alias: 'blackburn', code: 'E06000008' },
  { alias: 'darwen', code: 'E06000008' },
  { alias: 'redcar', code: 'E06000003' },
  { alias: 'telford', code: 'E06000020' },
  { alias: 'middlesborough', code: 'E06000002' }, // the common misspelling
  { alias: 'boro', code: 'E06000002' },
  { alias: 'wolves', code: 'E08000031' },
  { alias: 'east riding', code: 'E06000011' },
  { alias: 'e riding', code: 'E06000011' },
  { alias: 'sheff', code: 'E08000039' },
  { alias: 'east yorkshire', code: 'E06000011', alternatives: ['E47000016'] },
  { alias: 'hereford', code: 'E06000019' },
  { alias: 'windsor', code: 'E06000040' },
  { alias: 'maidenhead', code: 'E06000040' },
  { alias: 'bracknell', code: 'E06000036' },
  { alias: 'cumbria', code: CUMBERLAND, alternatives: [WESTMORLAND], ambiguous: true },
  { alias: 'northants', code: NORTH_NORTHANTS, alternatives: [WEST_NORTHANTS], ambiguous: true },
  { alias: 'bucks', code: BUCKS },
  { alias: 'herts', code: 'E10000015' },
  { alias: 'lancs', code: 'E10000017', alternatives: ['E47000018'] },
  { alias: 'lincs', code: 'E10000019' },
  { alias: 'notts', code: 'E10000024' },
  { alias: 'staffs', code: 'E10000028' },
  { alias: 'glos', code: 'E10000013' },
  { alias: 'oxon', code: 'E10000025' },
  { alias: 'hants', code: 'E10000014' },
  { alias: 'beds', code: 'E06000055' },
  { alias: 'westmorland', code: WESTMORLAND },
  { alias: 'furness', code: WESTMORLAND },
  { alias: 'city of london', code: 'E09000001' },
  { alias: 'the city', code: 'E09000001' },
  // --- Regions, nations and the UK
  { alias: 'ne', code: 'E12000001', alternatives: ['E47000014'] },
  { alias: 'north east', code: 'E12000001', alternatives: ['E47000014'] },
  { alias: 'north east england', code: 'E12000001', alternatives: ['E47000014'] },
  { alias: 'nw', code: 'E12000002' },
  { alias: 'north west england', code: 'E12000002' },
  { alias: 'yorkshire', code: 'E12000003' },
  { alias: 'yorks', code: 'E12000003' },
  { alias: 'yorkshire and humber', code: 'E12000003' },
  { alias: 'yorkshire and humberside', code: 'E12000003' },
  { alias: 'yorkshire humber', code: 'E12000003' },
  { alias: 'yh', code: 'E12000003' },
  { alias: 'y and h', code: 'E12000003' },
  { alias: 'humber', code: 'E12000003' },
  { alias: 'midlands', code: 'E12000005', alternatives: ['E12000004'], ambiguous: true },
  { alias: 'east anglia', code: 'E12000006' },
  { alias: 'eastern region', code: 'E12000006' },
  { alias: 'greater london', code: 'E12000007' },
  { alias: 'se', code: 'E12000008' },
  { alias: 'south east england', code: 'E12000008' },
  { alias: 'sw', code: 'E12000009' },
  { alias: 'south west england', code: 'E12000009' },
  { alias: 'uk', code: UK },
  { alias: 'the uk', code: UK },
  { alias: 'britain', code: UK }, // nearest available geography (no GB total in the data)
  { alias: 'great britain', code: UK },
  { alias: 'gb', code: UK },
  { alias: 'national', code: UK },
  { alias: 'national average', code: UK },
  { alias: 'ni', code: 'N92000002' },
  { alias: 'cymru', code: 'W92000004' },
  // --- Combined authorities
  { alias: 'gm', code: 'E47000001' },
  { alias: 'gmca', code: 'E47000001' },
  { alias: 'wy', code: 'E47000003' },
  { alias: 'wyca', code: 'E47000003' },
  { alias: 'sy', code: 'E47000002' },
  { alias: 'symca', code: 'E47000002' },
  { alias: 'lcr', code: 'E47000004' },
  { alias: 'lcrca', code: 'E47000004' },
  { alias: 'merseyside', code: 'E47000004' },
  { alias: 'tvca', code: 'E47000006' },
  { alias: 'teesside', code: 'E47000006' },
  { alias: 'neca', code: 'E47000014', alternatives: ['E12000001'] },
  { alias: 'north east ca', code: 'E47000014', alternatives: ['E12000001'] },
  { alias: 'north east combined authority', code: 'E47000014', alternatives: ['E12000001'] },
  { alias: 'north east mayoral combined authority', code: 'E47000014', alternatives: ['E12000001'] },
  { alias: 'tyneside', code: 'E47000014' },
  { alias: 'tyne and wear', code: 'E47000014' },
  { alias: 'wmca', code: 'E47000007', alternatives: ['E12000005'] },
  { alias: 'emcca', code: 'E47000013', alternatives: ['E12000004'] },
  { alias: 'cpca', code: 'E47000008' },
  { alias: 'weca', code: 'E47000009' },
  { alias: 'nyca', code: 'E47000012' },
  { alias: 'hull and east riding', code: 'E47000016' },
  { alias: 'sheffield city region', code: 'E47000002' },
  { alias: 'leeds city region', code: 'E47000003' }, // the LEP was wider; West Yorkshire CA is the nearest area
  { alias: 'north of tyne', code: 'E47000014' },
  // --- Towns in the North -> their council
  { alias: 'huddersfield', code: KIRKLEES },
  { alias: 'dewsbury', code: KIRKLEES },
  { alias: 'batley', code: KIRKLEES },
  { alias: 'holmfirth', code: KIRKLEES },
  { alias: 'halifax', code: CALDERDALE },
  { alias: 'todmorden', code: CALDERDALE },
  { alias: 'hebden bridge', code: CALDERDALE },
  { alias: 'brighouse', code: CALDERDALE },
  { alias: 'keighley', code: BRADFORD },
  { alias: 'ilkley', code: BRADFORD },
  { alias: 'shipley', code: BRADFORD },
  { alias: 'bingley', code: BRADFORD },
  { alias: 'pontefract', code: WAKEFIELD },
  { alias: 'castleford', code: WAKEFIELD },
  { alias: 'otley', code: LEEDS },
  { alias: 'wetherby', code: LEEDS },
  { alias: 'morley', code: LEEDS },
  { alias: 'pudsey', code: LEEDS },
  { alias: 'harrogate', code: NORTH_YORKSHIRE },
  { alias: 'scarborough', code: NORTH_YORKSHIRE },
  { alias: 'whitby', code: NORTH_YORKSHIRE },
  { alias: 'skipton', code: NORTH_YORKSHIRE },
  { alias: 'northallerton', code: NORTH_YORKSHIRE },
  { alias: 'ripon', code: NORTH_YORKSHIRE },
  { alias: 'thirsk', code: NORTH_YORKSHIRE },
  { alias: 'knaresborough', code: NORTH_YORKSHIRE },
  { alias: 'malton', code: NORTH_YORKSHIRE },
  { alias: 'grimsby', code: 'E06000012' },
  { alias: 'cleethorpes', code: 'E06000012' },
  { alias: 'scunthorpe', code: 'E06000013' },
  { alias: 'beverley', code: 'E06000011' },
  { alias: 'bridlington', code: 'E06000011' },
  { alias: 'goole', code: 'E06000011' },
  { alias: 'mexborough', code: 'E08000017' },
  { alias: 'penistone', code: 'E08000038' },
  { alias: 'washington', code: 'E08000024' },
  { alias: 'south shields', code: 'E08000023' },
  { alias: 'jarrow', code: 'E08000023' },
  { alias: 'tynemouth', code: 'E08000022' },
  { alias: 'north shields', code: 'E08000022' },
  { alias: 'whitley bay', code: 'E08000022' },
  { alias: 'wallsend', code: 'E08000022' },
  { alias: 'hexham', code: NORTHUMBERLAND },
  { alias: 'morpeth', code: NORTHUMBERLAND },
  { alias: 'blyth', code: NORTHUMBERLAND },
  { alias: 'cramlington', code: NORTHUMBERLAND },
  { alias: 'ashington', code: NORTHUMBERLAND },
  { alias: 'berwick', code: NORTHUMBERLAND },
  { alias: 'berwick upon tweed', code: NORTHUMBERLAND },
  { alias: 'chester le street', code: COUNTY_DURHAM },
  { alias: 'consett', code: COUNTY_DURHAM },
  { alias: 'bishop auckland', code: COUNTY_DURHAM },
  { alias: 'peterlee', code: COUNTY_DURHAM },
  { alias: 'newton aycliffe', code: COUNTY_DURHAM },
  { alias: 'seaham', code: COUNTY_DURHAM },
  { alias: 'billingham', code: 'E06000004' },
  { alias: 'thornaby', code: 'E06000004' },
  { alias: 'guisborough', code: 'E06000003' },
  { alias: 'saltburn', code: 'E06000003' },
  { alias: 'stretford', code: 'E08000009' },
  { alias: 'sale', code: 'E08000009' },
  { alias: 'altrincham', code: 'E08000009' },
  { alias: 'urmston', code: 'E08000009' },
  { alias: 'stalybridge', code: 'E08000008' },
  { alias: 'ashton under lyne', code: 'E08000008' },
  { alias: 'ashton', code: 'E08000008' },
  { alias: 'hyde', code: 'E08000008' },
  { alias: 'leigh', code: 'E08000010' },
  { alias: 'heywood', code: 'E08000005' },
  { alias: 'middleton', code: 'E08000005' },
  { alias: 'farnworth', code: 'E08000001' },
  { alias: 'horwich', code: 'E08000001' },
  { alias: 'ramsbottom', code: 'E08000002' },
  { alias: 'prestwich', code: 'E08000002' },
  { alias: 'eccles', code: 'E08000006' },
  { alias: 'swinton', code: 'E08000006' },
  { alias: 'birkenhead', code: 'E08000015' },
  { alias: 'wallasey', code: 'E08000015' },
  { alias: 'the wirral', code: 'E08000015' },
  { alias: 'southport', code: 'E08000014' },
  { alias: 'bootle', code: 'E08000014' },
  { alias: 'formby', code: 'E08000014' },
  { alias: 'crosby', code: 'E08000014' },
  { alias: 'kirkby', code: 'E08000011' },
  { alias: 'huyton', code: 'E08000011' },
  { alias: 'st helens', code: 'E08000013' },
  { alias: 'runcorn', code: 'E06000006' },
  { alias: 'widnes', code: 'E06000006' },
  { alias: 'chester', code: 'E06000050' },
  { alias: 'ellesmere port', code: 'E06000050' },
  { alias: 'northwich', code: 'E06000050' },
  { alias: 'crewe', code: 'E06000049' },
  { alias: 'macclesfield', code: 'E06000049' },
  { alias: 'congleton', code: 'E06000049' },
  { alias: 'nantwich', code: 'E06000049' },
  { alias: 'wilmslow', code: 'E06000049' },
  { alias: 'accrington', code: 'E07000120' },
  { alias: 'nelson', code: 'E07000122' },
  { alias: 'colne', code: 'E07000122' },
  { alias: 'clitheroe', code: 'E07000124' },
  { alias: 'leyland', code: 'E07000126' },
  { alias: 'ormskirk', code: 'E07000127' },
  { alias: 'skelmersdale', code: 'E07000127' },
  { alias: 'lytham', code: 'E07000119' },
  { alias: 'lytham st annes', code: 'E07000119' },
  { alias: 'fleetwood', code: 'E07000128' },
  { alias: 'morecambe', code: 'E07000121' },
  { alias: 'rawtenstall', code: 'E07000125' },
  { alias: 'workington', code: CUMBERLAND },
  { alias: 'whitehaven', code: CUMBERLAND },
  { alias: 'cockermouth', code: CUMBERLAND },
  { alias: 'maryport', code: CUMBERLAND },
  { alias: 'kendal', code: WESTMORLAND },
  { alias: 'barrow', code: WESTMORLAND },
  { alias: 'penrith', code: WESTMORLAND },
  { alias: 'ulverston', code: WESTMORLAND },
  { alias: 'windermere', code: WESTMORLAND },
  { alias: 'lake district', code: WESTMORLAND, alternatives: [CUMBERLAND] },
  // --- Towns elsewhere -> their council
  { alias: 'bournemouth', code: BCP },
  { alias: 'poole', code: BCP },
  { alias: 'weymouth', code: DORSET },
  { alias: 'weston super mare', code: 'E06000024' },
  { alias: 'taunton', code: SOMERSET },
  { alias: 'yeovil', code: SOMERSET },
  { alias: 'bridgwater', code: SOMERSET },
  { alias: 'torquay', code: 'E06000027' },
  { alias: 'paignton', code: 'E06000027' },
  { alias: 'truro', code: 'E06000052' },
  { alias: 'falmouth', code: 'E06000052' },
  { alias: 'penzance', code: 'E06000052' },
  { alias: 'newquay', code: 'E06000052' },
  { alias: 'salisbury', code: 'E06000054' },
  { alias: 'aylesbury', code: BUCKS },
  { alias: 'high wycombe', code: BUCKS },
  { alias: 'amersham', code: BUCKS },
  { alias: 'newbury', code: 'E06000037' },
  { alias: 'basingstoke', code: 'E07000084' },
  { alias: 'royal tunbridge wells', code: 'E07000116' },
  { alias: 'margate', code: 'E07000114' },
  { alias: 'ramsgate', code: 'E07000114' },
  { alias: 'folkestone', code: 'E07000112' },
  { alias: 'chatham', code: 'E06000035' },
  { alias: 'rochester', code: 'E06000035' },
  { alias: 'gillingham', code: 'E06000035' },
  { alias: 'lowestoft', code: 'E07000244' },
  { alias: 'bury st edmunds', code: 'E07000245' },
  { alias: 'kings lynn', code: 'E07000146' },
  { alias: 'hemel hempstead', code: 'E07000096' },
  { alias: 'hemel', code: 'E07000096' },
  { alias: 'welwyn garden city', code: 'E07000241' },
  { alias: 'hatfield', code: 'E07000241' },
  { alias: 'burton', code: 'E07000193' },
  { alias: 'burton upon trent', code: 'E07000193' },
  { alias: 'shrewsbury', code: 'E06000051' },
  { alias: 'kidderminster', code: 'E07000239' },
  { alias: 'stratford', code: 'E07000221', alternatives: ['E09000025'], ambiguous: true },
  { alias: 'stratford upon avon', code: 'E07000221' },
  { alias: 'leamington', code: 'E07000222' },
  { alias: 'leamington spa', code: 'E07000222' },
  { alias: 'kenilworth', code: 'E07000222' },
  { alias: 'nuneaton', code: 'E07000219' },
  { alias: 'loughborough', code: 'E07000130' },
  { alias: 'grantham', code: 'E07000141' },
  { alias: 'skegness', code: 'E07000137' },
  { alias: 'worksop', code: 'E07000171' },
  { alias: 'newark', code: 'E07000175' },
  { alias: 'sutton coldfield', code: 'E08000025' },
  { alias: 'west bromwich', code: 'E08000028' },
  { alias: 'llanelli', code: 'W06000010' },
  { alias: 'barry', code: 'W06000014' },
  { alias: 'anglesey', code: 'W06000001' },
  { alias: 'inverness', code: 'S12000017' },
  { alias: 'highlands', code: 'S12000017' },
  { alias: 'perth', code: 'S12000048' },
  { alias: 'paisley', code: 'S12000038' },
  { alias: 'kirkcaldy', code: 'S12000047' },
  { alias: 'ayr', code: 'S12000028' },
  { alias: 'kilmarnock', code: 'S12000008' },
  { alias: 'livingston', code: 'S12000040' },
  { alias: 'western isles', code: 'S12000013' },
  { alias: 'orkney', code: 'S12000023' },
  { alias: 'shetland', code: 'S12000027' },
  { alias: 'derry', code: 'N09000005' },
  { alias: 'londonderry', code: 'N09000005' },
  { alias: 'lisburn', code: 'N09000007' },
  { alias: 'newry', code: 'N09000010' },
  { alias: 'armagh', code: 'N09000002' },
  { alias: 'craigavon', code: 'N09000002' },
  { alias: 'omagh', code: 'N09000006' },
  { alias: 'enniskillen', code: 'N09000006' },
  { alias: 'antrim', code: 'N09000001' },
];

/**
 * Places outside the UK (or outside UK statistics) that people type: matched as whole phrases so that
 * "new south wales" is not read as Wales and "new york" not as York. They come back as Unresolved.
 */
export const FOREIGN_PLACES: string[] = [
  'paris',
  'tokyo',
  'new york',
  'new york city',
  'new south wales',
  'new england',
  'new jersey',
  'new zealand',
  'new hampshire',
  'new mexico',
  'new delhi',
  'delhi',
  'mumbai',
  'beijing',
  'shanghai',
  'hong kong',
  'singapore',
  'dubai',
  'sydney',
  'melbourne',
  'brisbane',
  'perth australia',
  'western australia',
  'south australia',
  'queensland',
  'tasmania',
  'toronto',
  'vancouver',
  'montreal',
  'ontario',
  'nova scotia',
  'new brunswick',
  'berlin',
  'munich',
  'frankfurt',
  'hamburg',
  'amsterdam',
  'rotterdam',
  'brussels',
  'madrid',
  'barcelona',
  'lisbon',
  'rome',
  'milan',
  'vienna',
  'zurich',
  'geneva',
  'stockholm',
  'oslo',
  'copenhagen',
  'helsinki',
  'dublin',
  'cork',
  'galway',
  'limerick',
  'ireland',
  'republic of ireland',
  'isle of man',
  'jersey',
  'guernsey',
  'channel islands',
  'gibraltar',
  'los angeles',
  'san francisco',
  'chicago',
  'boston massachusetts',
  'washington dc',
  'texas',
  'california',
  'florida',
  'france',
  'germany',
  'spain',
  'italy',
  'usa',
  'america',
  'united states',
  'canada',
  'australia',
  'japan',
  'china',
  'india',
  'europe',
  'eu',
  'new orleans',
];

/** Current = offered to users: not retired, not replaced, not 'other', and placed in the hierarchy. */
export function isCurrentArea(area: SnapshotArea): boolean {
  return (
    area.end === undefined &&
    area.successor === undefined &&
    area.level !== 'other' &&
    (area.parents.length > 0 || area.level === 'uk')
  );
}

/** Which meaning of a duplicated name wins (lower first). */
const LEVEL_PRIORITY: Record<AreaLevel, number> = {
  uk: 0,
  nation: 1,
  region: 2,
  metropolitan_district: 3,
  unitary_authority: 3,
  london_borough: 3,
  non_metropolitan_district: 3,
  welsh_unitary_authority: 3,
  scottish_council_area: 3,
  ni_district: 3,
  county: 4,
  combined_authority: 5,
  other: 9,
};

/** Generated spellings of a real name (besides the name itself). */
export function nameVariants(name: string, level: AreaLevel): string[] {
  const out = new Set<string>();
  let m = /^(.*), (City|County) of$/.exec(name);
  if (m) {
    out.add(m[1]);
    out.add(`${m[2]} of ${m[1]}`);
  }
  m = /^City of (.*)$/.exec(name);
  if (m) out.add(m[1]);
  m = /^(.*) City$/.exec(name);
  if (m) out.add(m[1]);
  for (const v of [name, ...out]) {
    if (/\bSt\.? /.test(v)) out.add(v.replace(/\bSt\.? /, 'Saint '));
    if (/-on-/.test(v)) out.add(v.replace(/-on-/, ' upon '));
    if (/ upon /.test(v)) out.add(v.replace(/ upon /, ' on '));
  }
  if (level === 'combined_authority') {
    for (const suffix of ['combined authority', 'ca', 'mayoral combined authority', 'mca'])
      out.add(`${name} ${suffix}`);
  }
  if (level === 'region') out.add(`${name} region`);
  return [...out];
}

/** Builds the normalised key -> entry table for a geography. */
export function buildPlaceTable(geography: Geography): Map<string, PlaceEntry> {
  const table = new Map<string, PlaceEntry>();
  const all = geography.all();
  const current = all.filter(isCurrentArea);
  const currentCodes = new Set(current.map((a) => a.code));

  // 1. Real names, grouped so that duplicated names get alternatives.
  const byName = new Map<string, SnapshotArea[]>();
  for (const area of current) {
    const key = normalise(area.name);
    byName.set(key, [...(byName.get(key) ?? []), area]);
  }
  for (const [key, areas] of byName) {
    areas.sort((a, b) => LEVEL_PRIORITY[a.level] - LEVEL_PRIORITY[b.level]);
    table.set(key, {
      key,
      code: areas[0].code,
      alternatives: areas.slice(1).map((a) => a.code),
      kind: 'name',
      ambiguous: false,
    });
  }
  // 2. GSS codes, current and retired (retired ones follow the successor when there is one).
  for (const area of all) {
    if (area.level === 'other') continue;
    const target = currentCodes.has(area.code) ? area.code : geography.area(area.code)?.code;
    if (target && currentCodes.has(target)) {
      table.set(area.code.toLowerCase(), {
        key: area.code.toLowerCase(),
        code: target,
        alternatives: [],
        kind: 'code',
        ambiguous: false,
      });
    }
  }
  // 3. Generated variants, never displacing a real name.
  for (const area of current) {
    for (const variant of nameVariants(area.name, area.level)) {
      const key = normalise(variant);
      if (!table.has(key))
        table.set(key, { key, code: area.code, alternatives: [], kind: 'variant', ambiguous: false });
    }
  }
  // 4. Retired names -> the council covering them today.
  for (const area of all) {
    if (area.level === 'other' || currentCodes.has(area.code)) continue;
    const key = normalise(area.name);
    if (table.has(key)) continue;
    let targets = RETIRED_TO[area.code];
    if (!targets) {
      const followed = geography.area(area.code);
      if (followed && currentCodes.has(followed.code)) targets = [followed.code];
      else {
        const parent = area.parents
          .map((p) => geography.area(p))
          .find(
            (p) =>
              p &&
              currentCodes.has(p.code) &&
              LEVEL_PRIORITY[p.level] >= 3 &&
              p.level !== 'combined_authority',
          );
        if (parent) targets = [parent.code];
      }
    }
    if (!targets || targets.length === 0) continue;
    table.set(key, {
      key,
      code: targets[0],
      alternatives: targets.slice(1),
      kind: 'retired',
      ambiguous: targets.length > 1,
    });
  }
  // 5. Curated aliases. On a real name they only add alternatives.
  for (const alias of PLACE_ALIASES) {
    const key = normalise(alias.alias);
    if (!currentCodes.has(alias.code))
      throw new Error(`alias ${alias.alias} points at ${alias.code}, not a current area`);
    const existing = table.get(key);
    const alternatives = (alias.alternatives ?? []).filter((c) => currentCodes.has(c) && c !== alias.code);
    if (existing && existing.kind === 'name' && existing.code === alias.code) {
      existing.alternatives = [...new Set([...existing.alternatives, ...alternatives])];
      continue;
    }
    table.set(key, {
      key,
      code: alias.code,
      alternatives,
      kind: 'alias',
      ambiguous: alias.ambiguous ?? false,
    });
  }
  // 6. Foreign places, which must never become UK ones.
  for (const name of FOREIGN_PLACES) {
    const key = normalise(name);
    if (!table.has(key))
      table.set(key, { key, code: '', alternatives: [], kind: 'foreign', ambiguous: false });
  }
  return table;
}
