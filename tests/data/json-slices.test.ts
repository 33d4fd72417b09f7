import fs from 'node:fs';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { parseInSlices } from '../../src/data/json-slices';
import { defaultSnapshotPath, readSnapshot, readSnapshotSliced } from '../../src/data/snapshot';

// Parsing a snapshot in slices must give exactly what JSON.parse gives, and let the event loop run.

describe('parseInSlices', () => {
  it('equals JSON.parse on any JSON object, split or not (property test)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue()), fc.boolean(), async (obj, pretty) => {
        const text = JSON.stringify(obj, null, pretty ? 2 : undefined);
        const keys = Object.keys(obj);
        expect(await parseInSlices(text, keys, 0)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });
  it('reads strings with escaped quotes and backslashes, and empty objects', async () => {
    const text = '{"a\\"b":"c\\\\","s":{"x":{},"y":[1,"]}"],"z":-1.5e3},"t":true,"n":null}';
    expect(await parseInSlices(text, ['s'])).toEqual(JSON.parse(text));
  });
  it('rejects broken JSON instead of returning half an object', async () => {
    await expect(parseInSlices('{"a":{"b":1}', ['a'])).rejects.toThrow(SyntaxError);
    await expect(parseInSlices('{"a" 1}')).rejects.toThrow(SyntaxError);
  });
  it('reads the bundled snapshot exactly, handing the event loop back while it works', async () => {
    const text = zlib.gunzipSync(fs.readFileSync(defaultSnapshotPath())).toString('utf8');
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    const sliced = await parseInSlices(text, ['series'], 2);
    clearInterval(timer);
    expect(sliced).toEqual(JSON.parse(text));
    expect(turns).toBeGreaterThan(0);
    expect(await readSnapshotSliced(defaultSnapshotPath())).toEqual(readSnapshot());
  });
});
