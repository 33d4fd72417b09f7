import { parseDatasetCsv, parseObservation } from '../../src/data/ingest/csv-rows';
import { joinOrgs, latestSourceDate, parseDatasetMetadata } from '../../src/data/ingest/metadata';
import { judgePolarity } from '../../src/data/ingest/polarity';
import { parsePeriod } from '../../src/data/periods';

// The ingestion quirks of the real ELS files (../shared/ons/README.md), reproduced in small inputs
// copied from the real rows.

const BOM = '\uFEFF';
const STANDARD_HEADER =
  'areacd,areanm,geography,indicator,period,observation,measure,unit,lci_95,uci_95,status,notes';

describe('parseDatasetCsv', () => {
  it('reads a BOM, CRLF line ends and quoted names with commas', () => {
    const text = `${BOM}${STANDARD_HEADER}\r\nE06000023,"Bristol, City of",County or Unitary Authority,Gross median weekly pay,2025-04-30,665.2,Pounds,£,640.1,690.3,,\r\nE08000035,Leeds,Local Authority District,Gross median weekly pay,2025-04-30,610.7,Pounds,£,583.1696440000001,638.230356,,\r\n`;
    const { rows, rejected } = parseDatasetCsv(text, 't.csv');
    expect(rejected).toEqual([]);
    expect(rows).toHaveLength(2);
    expect(rows[0].areacd).toBe('E06000023');
    expect(rows[0].areanm).toBe('Bristol, City of');
    expect(rows[1]).toMatchObject({ line: 3, observation: 610.7, lci: 583.169644, uci: 638.230356 });
  });

  it('reads gdp-per-head’s capitalised layout with the observation fifth and a bare-year period', () => {
    const text = `${BOM}AREACD,AREANM,Geography,Indicator,Observation,Unit,Measure,Period,Lower Confidence Interval (95%),Upper Confidence Interval (95%),Observation Status\r\nE06000047,County Durham,County or Unitary Authority,Gross domestic product per head at current market price,10827,£,Pounds,1998,,,\r\nN09000001,Antrim and Newtownabbey,Local Authority District,Gross domestic product per head at current market price,,£,Pounds,2023,,,u\r\n`;
    const { rows } = parseDatasetCsv(text, 'gdp.csv');
    expect(rows[0]).toMatchObject({
      areacd: 'E06000047',
      observation: 10827,
      unit: '£',
      measure: 'Pounds',
      period: '1998',
    });
    expect(rows[1]).toMatchObject({ observation: null, status: 'u' });
  });

  it('reads personal-wellbeing’s measure-before-observation layout and a duplicated notes header', () => {
    const wellbeing = `areacd,areanm,geography,indicator,period,measure,observation,unit,lci_95,uci_95,status,notes\nE08000035,Leeds,Local Authority District,Happiness,2022-04-01/P1Y,Mean,7.3,score,7.1,7.5,,\n`;
    expect(parseDatasetCsv(wellbeing, 'w.csv').rows[0]).toMatchObject({ measure: 'Mean', observation: 7.3 });
    const dupNotes = `${STANDARD_HEADER},notes\nE08000035,Leeds,Local Authority District,Persistent absences,2024-08-01/P1Y,30.1,Percentage,%,,,,Obsolete code,\n`;
    expect(parseDatasetCsv(dupNotes, 'n.csv').rows[0]).toMatchObject({
      observation: 30.1,
      notes: 'Obsolete code',
    });
  });

  it('reports unreadable rows with file and line instead of dropping them silently', () => {
    const text = `${STANDARD_HEADER}\nE08000035,Leeds,LAD,Pay,2023,abc,Pounds,£,,,,\nE08000035,Leeds,LAD,Pay,2023\nE08000035,Leeds,LAD,Pay,2024,1,Pounds,£,,,,\n`;
    const { rows, rejected } = parseDatasetCsv(text, 'bad.csv');
    expect(rows).toHaveLength(1);
    expect(rejected).toEqual([
      { file: 'bad.csv', line: 2, reason: 'not a number: "abc"' },
      { file: 'bad.csv', line: 3, reason: 'expected 12 fields, found 5' },
    ]);
  });

  it('parses scientific notation, negatives and float noise; empty is missing, not zero', () => {
    expect(parseObservation('3.60E-05')).toBe(0.000036);
    expect(parseObservation('-12.5')).toBe(-12.5);
    expect(parseObservation('76.60000000000001')).toBe(76.6);
    expect(parseObservation('')).toBeNull();
    expect(parseObservation('x')).toBe('invalid');
  });
});

describe('parsePeriod', () => {
  it.each([
    ['2023', '2023-01-01/P1Y', '2023', 2023],
    ['2023-01-01/P1Y', '2023-01-01/P1Y', '2023', 2023],
    ['2022-04-01/P1Y', '2022-04-01/P1Y', 'year ending March 2023', 2022],
    ['2024-09-01/P1Y', '2024-09-01/P1Y', 'academic year 2024 to 2025', 2024],
    ['2024-11-16/P1Y', '2024-11-16/P1Y', 'year ending November 2025', 2024],
    // A three-year average is named by its last year: "2024" asks for 2022 to 2024.
    ['2022-01-01/P3Y', '2022-01-01/P3Y', '2022 to 2024', 2024],
    ['2022-04-01/P3Y', '2022-04-01/P3Y', 'April 2022 to March 2025', 2025],
    ['2025-12-01/P1M', '2025-12-01/P1M', 'December 2025', 2025],
    ['2025-04-30', '2025-04-30', 'April 2025', 2025],
  ])('%s -> %s labelled %s', (raw, id, label, year) => {
    expect(parsePeriod(raw)).toMatchObject({ id, label, year });
  });
  it('rejects what it does not know', () => {
    expect(parsePeriod('2023-13-01')).toBeNull();
    expect(parsePeriod('last year')).toBeNull();
  });
});

describe('metadata', () => {
  it('reads the shared layout per indicator and the flat layout whatever the CSV calls it', () => {
    const shared = parseDatasetMetadata(
      JSON.stringify({
        'ess-beta-metadata': {
          shared: { decimalPlaces: 1, prefix: 'GBPSign' },
          'Gross value added per hour worked': {
            label: 'Gross value added per hour worked',
            decimalPlaces: 2,
          },
        },
      }),
    );
    expect(shared.forIndicator('Gross value added per hour worked')).toMatchObject({
      decimalPlaces: 2,
      prefix: 'GBPSign',
    });
    expect(shared.forIndicator('Something else')).toBeNull();
    const flat = parseDatasetMetadata(
      `\uFEFF${JSON.stringify({ 'ess-beta-metadata': { label: 'Domestic electricity consumption' } })}`,
    );
    expect(flat.forIndicator('Electricity consumption')?.label).toBe('Domestic electricity consumption');
  });
  it('takes the latest of several source dates and joins several organisations', () => {
    expect(latestSourceDate('23/10/2025|01/04/2026')).toBe('2026-04-01');
    expect(
      joinOrgs(
        'Office for National Statistics|Northern Ireland Statistics and Research Agency|Office for National Statistics',
      ),
    ).toBe('Office for National Statistics and Northern Ireland Statistics and Research Agency');
  });
  it('judges polarity with a stated reason', () => {
    expect(judgePolarity('Gross value added per hour worked').polarity).toBe('higher-better');
    expect(judgePolarity('Modelled unemployment rate').polarity).toBe('lower-better');
    expect(judgePolarity('Economically inactive').polarity).toBe('lower-better');
    expect(judgePolarity('Supermarkets').polarity).toBe('neutral');
  });
});
