import JSZip from 'jszip';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/northstat';
import { BANNER, runConsole } from '../../src/cli/console';

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(args, (s) => lines.push(s));
  return { code, out: lines.join('\n') };
}

describe('northstat CLI', () => {
  it('ask prints a sourced answer', async () => {
    const { code, out } = await run(['ask', '/compare manchester vs reading on productivity']);
    expect(code).toBe(0);
    expect(out).toContain('Manchester: £44.8');
    expect(out).toContain('Reading: £48.5');
    expect(out).toContain('Source: Office for National Statistics');
  });
  it('ask --json prints the answer model', async () => {
    const { out } = await run(['ask', '/stats leeds productivity', '--json']);
    const model = JSON.parse(out);
    expect(model.kind).toBe('stats');
    expect(model.items[0].figure.value).toBe(41.47);
  });
  it('resolve prints the agreed JSON shape', async () => {
    const { out } = await run(['resolve', 'sheffeild wages 2019']);
    expect(JSON.parse(out)).toEqual({
      areas: [{ code: 'E08000039', name: 'Sheffield', type: 'metropolitan_district' }],
      indicator: { id: 'gross-median-weekly-pay', label: 'Gross median weekly pay' },
      year: 2019,
    });
  });
  it('resolve --batch writes exactly one JSON object per input line, in order, blank lines included', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ns-')), 'q.txt');
    fs.writeFileSync(file, 'leeds pay\n\nparis\nhull productivity\n');
    const { out } = await run(['resolve', '--batch', file]);
    const lines = out.split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].areas[0].code).toBe('E08000035');
    expect(lines[1].areas).toEqual([]);
    expect(lines[2].areas).toEqual([]);
    expect(lines[3].areas[0].code).toBe('E06000010');
  });
  it('ask --csv and --xlsx write the answer’s figures', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ns-'));
    const csv = path.join(dir, 'p.csv');
    const xlsx = path.join(dir, 'p.xlsx');
    const { out } = await run(['ask', '/profile wakefield', '--csv', csv, '--xlsx', xlsx]);
    expect(out).toContain(`CSV written to ${csv}`);
    expect(out).toContain(`XLSX written to ${xlsx}`);
    expect(fs.readFileSync(csv, 'utf8')).toContain('E08000036,Wakefield,');
    // An XLSX file is a zip archive.
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });
  it('ask --docx and --png write the Word note and the profile card of a profile, and say so for other answers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ns-'));
    const docx = path.join(dir, 'w.docx');
    const png = path.join(dir, 'w.png');
    const { out } = await run(['ask', '/profile wakefield', '--docx', docx, '--png', png]);
    expect(out).toContain(`Word note written to ${docx}`);
    expect(out).toContain(`Profile card written to ${png}`);
    const zip = await JSZip.loadAsync(fs.readFileSync(docx));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Wakefield');
    expect(xml).toContain('Open Government Licence');
    const card = fs.readFileSync(png);
    expect(card.subarray(1, 4).toString()).toBe('PNG');
    expect([card.readUInt32BE(16), card.readUInt32BE(20)]).toEqual([1600, 900]);
    const other = await run(['ask', '/stats leeds pay', '--docx', path.join(dir, 'x.docx')]);
    expect(other.out).toContain('profiles only');
    expect(fs.existsSync(path.join(dir, 'x.docx'))).toBe(false);
  });
  it('ask --chart writes a PNG', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ns-')), 'trend.png');
    const { out } = await run(['ask', '/trend pay for leeds, manchester since 2015', '--chart', file]);
    expect(out).toContain(`Chart written to ${file}`);
    expect(fs.readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('local console', () => {
  it('prints the banner, answers commands and help, and survives nonsense', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => {
      text += c.toString();
    });
    const done = runConsole(input, output);
    input.end('/stats sheffeild wages\n/gap productivity\nhelp\n<!channel> ;; DROP TABLE\nquit\n');
    expect(await done).toBe(0);
    expect(text.startsWith(BANNER)).toBe(true);
    expect(text).toContain('Sheffield');
    expect(text).toContain('£607');
    expect(text).toContain('The North-South gap in gross value added per hour worked, 2023');
    expect(text).toContain('Examples:');
  });
});
