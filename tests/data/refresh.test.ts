import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diffSnapshots } from '../../src/data/refresh/diff';
import { type RefreshReport, REVISION_BOUND, runRefresh } from '../../src/data/refresh/refresh';
import { openSource } from '../../src/data/refresh/source';
import { newestSnapshotPath, snapshotDirs } from '../../src/data/refresh/store';
import { readSnapshot } from '../../src/data/snapshot';
import type { Snapshot } from '../../src/data/types';
import { describeOns, onsDir } from '../independent/oracle/data';
import { copyOnsSubset, type MirrorServer, startMirror, writeManifest } from '../support/ons-mirror';

// One scenario against a real-data mirror on 127.0.0.1, changed between refreshes as a publisher
// would change it. The steps share the mirror and DATA_DIR, so they run in order.

const NEW_PERIOD = 'apprenticeships-ni';
const REVISED = 'museums';
const STALLS = 'library-walk';
const LATER = 'network-coverage-4g';
const ADDED = 'sports-facilities';
const csv = (d: string) => `els/${d}/${d}.csv`;
const LIMITS = { timeoutMs: 300, retries: 1, backoffMs: 5, maxBytes: 1_000_000 };

describeOns('northstat data refresh', () => {
  let root: string;
  let src: string;
  let dataDir: string;
  let mirror: MirrorServer;
  let ons: string;
  const refresh = (): Promise<RefreshReport> =>
    runRefresh({ source: openSource(mirror.url, LIMITS), dataDir, now: new Date(Date.now()) });
  const dataRequests = () => mirror.log.filter((r) => r.path !== 'MANIFEST.csv');
  const idOf = (s: Snapshot, dataset: string) =>
    s.indicators.filter((i) => i.dataset === dataset).map((i) => i.id);
  const edit = (rel: string, f: (text: string) => string) =>
    fs.writeFileSync(path.join(src, rel), f(fs.readFileSync(path.join(src, rel), 'utf8')));
  /** Appends a copy of every row of `period` under `next` (a new period, same values). */
  const addPeriod = (d: string, period: string, next: string) =>
    edit(csv(d), (t) => {
      const rows = t.split('\n').filter((l) => l.includes(`,${period},`));
      expect(rows.length).toBeGreaterThan(0);
      return `${t.replace(/\n?$/, '\n')}${rows.map((l) => l.replace(`,${period},`, `,${next},`)).join('\n')}\n`;
    });
  let first: Snapshot;
  let second: Snapshot;
  let revised: { area: string; old: number; new: number };

  beforeAll(async () => {
    ons = onsDir();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'northstat-refresh-'));
    src = path.join(root, 'mirror');
    dataDir = path.join(root, 'var');
    copyOnsSubset(ons, src, [NEW_PERIOD, REVISED, STALLS, LATER]);
    mirror = await startMirror(src);
  });
  afterAll(async () => {
    await mirror?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('a first refresh takes every dataset the MANIFEST lists and writes a snapshot under DATA_DIR', async () => {
    const report = await refresh();
    expect(report.failures).toEqual([]);
    expect(report.datasets.map((d) => [d.dataset, d.status]).sort()).toEqual(
      [NEW_PERIOD, REVISED, STALLS, LATER, 'geography', 'population'].map((d) => [d, 'new']).sort(),
    );
    expect(report.snapshot).not.toBeNull();
    const dir = report.snapshot as string;
    for (const f of ['snapshot.json.gz', 'build-report.json', 'refresh-report.json'])
      expect(fs.existsSync(path.join(dir, f))).toBe(true);
    expect(newestSnapshotPath(dataDir)).toBe(path.join(dir, 'snapshot.json.gz'));
    first = readSnapshot(path.join(dir, 'snapshot.json.gz'));
    expect(new Set(first.indicators.map((i) => i.dataset))).toEqual(
      new Set([NEW_PERIOD, REVISED, STALLS, LATER, 'population-indicators']),
    );
    // The committed data/ snapshot is never written.
    expect(report.snapshot?.startsWith(path.resolve(dataDir))).toBe(true);
  });

  it('a new period, a 40% revision and a new dataset: the diff lists exactly those', async () => {
    addPeriod(NEW_PERIOD, '2023-08-01/P1Y', '2024-08-01/P1Y');
    edit(csv(REVISED), (t) => {
      const lines = t.split('\n');
      const i = lines.findIndex((l) => /^E08000035,/.test(l));
      const m = /,2021-09-30,([0-9.]+),/.exec(lines[i]) as RegExpExecArray;
      const old = Number(m[1]);
      const next = Number((old * 1.4).toFixed(4));
      revised = { area: 'E08000035', old, new: next };
      lines[i] = lines[i].replace(`,2021-09-30,${m[1]},`, `,2021-09-30,${next},`);
      return lines.join('\n');
    });
    fs.mkdirSync(path.join(src, 'els', ADDED), { recursive: true });
    for (const ext of ['csv', 'json'])
      fs.copyFileSync(
        path.join(ons, `els/${ADDED}/${ADDED}.${ext}`),
        path.join(src, `els/${ADDED}/${ADDED}.${ext}`),
      );
    writeManifest(src);
    mirror.log.length = 0;

    const report = await refresh();
    expect(report.failures).toEqual([]);
    expect(report.datasets.map((d) => [d.dataset, d.status]).sort()).toEqual(
      [
        [ADDED, 'new'],
        [NEW_PERIOD, 'updated'],
        [REVISED, 'updated'],
      ].sort(),
    );
    // Only the three changed CSVs and the new JSON were downloaded; everything else answered 304.
    expect(
      dataRequests()
        .filter((r) => r.status === 200)
        .map((r) => r.path)
        .sort(),
    ).toEqual([csv(ADDED), `els/${ADDED}/${ADDED}.json`, csv(NEW_PERIOD), csv(REVISED)].sort());
    second = readSnapshot(path.join(report.snapshot as string, 'snapshot.json.gz'));

    const diff = diffSnapshots(first, second);
    expect(diff.newPeriods).toEqual([{ indicator: idOf(first, NEW_PERIOD)[0], periods: ['2024-08-01/P1Y'] }]);
    expect(diff.revisions).toHaveLength(1);
    const [r] = diff.revisions;
    expect(r).toMatchObject({ indicator: idOf(first, REVISED)[0], area: revised.area, period: '2021-09-30' });
    expect(r.old).toBe(revised.old);
    expect(r.new).toBe(revised.new);
    expect(r.absolute).toBeCloseTo(revised.new - revised.old, 9);
    expect(r.relative).toBeCloseTo(0.4, 3);
    expect(diff.newIndicators).toEqual(idOf(second, ADDED).sort());
    expect(diff.removedIndicators).toEqual([]);
    expect(diff.retiredAreas).toEqual([]);
    const knownBefore = new Set(first.areas.map((a) => a.code));
    expect(diff.newAreas).toEqual(second.areas.map((a) => a.code).filter((c) => !knownBefore.has(c)));
    // The 40% move is beyond the revision bound, so the report names it.
    expect(REVISION_BOUND).toBe(0.25);
    expect(report.largeRevisions.map((x) => [x.area, x.period])).toEqual([[revised.area, '2021-09-30']]);
    const stored = JSON.parse(
      fs.readFileSync(path.join(report.snapshot as string, 'refresh-report.json'), 'utf8'),
    );
    expect(stored.largeRevisions).toHaveLength(1);
  });

  it('a refresh with nothing changed downloads nothing (every data file 304) and writes no snapshot', async () => {
    const before = snapshotDirs(dataDir);
    mirror.log.length = 0;
    const report = await refresh();
    expect(report.failures).toEqual([]);
    expect(dataRequests().length).toBeGreaterThan(0);
    expect(dataRequests().filter((r) => r.status !== 304)).toEqual([]);
    expect(report.requests.downloaded).toBe(0);
    expect(report.snapshot).toBeNull();
    expect(snapshotDirs(dataDir)).toEqual(before);
  });

  it('corrupt, 404, stalled and oversized datasets keep their previous version; the rest goes ahead', async () => {
    edit(csv(NEW_PERIOD), (t) => `${t}N09000001,"Antrim and Newtownabbey,Local Authority District,broken\n`);
    mirror.missing.add(csv(REVISED));
    edit(csv(STALLS), (t) => t.replace(/,78,/, ',79,'));
    mirror.stall.set(csv(STALLS), 2_000);
    edit(csv(ADDED), (t) => {
      const body = t.split('\n').slice(1).join('\n');
      let out = t;
      while (out.length <= LIMITS.maxBytes) out += body;
      return out;
    });
    addPeriod(LATER, '2026-01-01', '2027-01-01');

    const report = await refresh();
    expect(report.failures).toEqual([]);
    const by = new Map(report.datasets.map((d) => [d.dataset, d]));
    expect(by.get(LATER)?.status).toBe('updated');
    for (const d of [NEW_PERIOD, REVISED, STALLS, ADDED]) expect(by.get(d)?.status).toBe('kept-previous');
    expect(by.get(NEW_PERIOD)?.reasons.join(' ')).toMatch(
      /corrupt CSV: els\/apprenticeships-ni\/apprenticeships-ni\.csv cannot be parsed/,
    );
    expect(by.get(REVISED)?.reasons.join(' ')).toMatch(/HTTP 404/);
    expect(by.get(STALLS)?.reasons.join(' ')).toMatch(/timed out after 300 ms \(2 attempts\)/);
    expect(by.get(ADDED)?.reasons.join(' ')).toMatch(/over the 1000000-byte size cap/);

    const third = readSnapshot(path.join(report.snapshot as string, 'snapshot.json.gz'));
    const diff = diffSnapshots(second, third);
    // Only the healthy dataset moved; the others answer with exactly the figures they had.
    expect(diff.newPeriods).toEqual([{ indicator: idOf(second, LATER)[0], periods: ['2027-01-01'] }]);
    expect(diff.revisions).toEqual([]);
    expect(diff.newIndicators).toEqual([]);
    expect(diff.removedIndicators).toEqual([]);
    for (const d of [NEW_PERIOD, REVISED, STALLS, ADDED])
      for (const id of idOf(second, d)) expect(third.series[id]).toEqual(second.series[id]);
  });

  it('a failed dataset is tried again next time and accepted once it is fixed', async () => {
    edit(csv(NEW_PERIOD), (t) => t.replace(/N09000001,"Antrim[^\n]*broken\n$/, ''));
    mirror.missing.clear();
    mirror.stall.clear();
    mirror.log.length = 0;
    const report = await refresh();
    expect(report.failures).toEqual([]);
    const by = new Map(report.datasets.map((d) => [d.dataset, d.status]));
    // The stalled file arrives now, with its change.
    expect(by.get(STALLS)).toBe('updated');
    // The corrupt file was put back as it was: identical to the accepted copy, so 304 and no change.
    expect(by.has(NEW_PERIOD)).toBe(false);
    expect(dataRequests().find((r) => r.path === csv(NEW_PERIOD))?.status).toBe(304);
    expect(by.get(ADDED)).toBe('kept-previous');
    // The 404 was the server's, the file is the accepted one: its ETag still matches.
    expect(by.has(REVISED)).toBe(false);
    expect(dataRequests().find((r) => r.path === csv(REVISED))?.status).toBe(304);
  });

  it("a new version that drops figures (an area's whole series) keeps the previous one, and says so", async () => {
    const before = readSnapshot(newestSnapshotPath(dataDir)!);
    // The publisher's file loses every row of one area that had figures (a few rows: under the row-loss limit).
    let area = '';
    edit(csv(LATER), (t) => {
      const lines = t.split('\n');
      area = lines[1].split(',')[0];
      return lines.filter((l, k) => k === 0 || !l.startsWith(`${area},`)).join('\n');
    });
    const report = await refresh();
    const entry = report.datasets.find((d) => d.dataset === LATER);
    expect(entry?.status).toBe('kept-previous');
    expect(entry?.reasons.join(' ')).toMatch(/^figures removed: \d+ figures? the previous version had/);
    expect(entry?.reasons.join(' ')).toContain(area);
    // The figures are all still served.
    const after = readSnapshot(newestSnapshotPath(dataDir)!);
    expect(diffSnapshots(before, after).removedFigures).toEqual([]);
  });

  it('loadCore answers from the newest valid snapshot and skips a damaged one', () => {
    const dirs = snapshotDirs(dataDir);
    expect(dirs.length).toBeGreaterThanOrEqual(4);
    // Damage the newest: same name, different bytes, so its stored checksum no longer matches.
    const newest = path.join(dirs[0], 'snapshot.json.gz');
    fs.writeFileSync(newest, Buffer.from('not a gzip file'));
    // And a half-written folder that never got its checksum (a crash before the rename cannot leave one,
    // but a hand-made folder can).
    const stray = path.join(dataDir, 'snapshots', '9999-12-31T00-00-00.000Z');
    fs.mkdirSync(stray);
    fs.copyFileSync(path.join(dirs[1], 'snapshot.json.gz'), path.join(stray, 'snapshot.json.gz'));
    expect(newestSnapshotPath(dataDir)).toBe(path.join(dirs[1], 'snapshot.json.gz'));

    const saved = process.env.DATA_DIR;
    process.env.DATA_DIR = dataDir;
    try {
      jest.isolateModules(() => {
        const core = require('../../src/data/core') as typeof import('../../src/data/core');
        const loaded = core.loadCore();
        const expected = readSnapshot(path.join(dirs[1], 'snapshot.json.gz'));
        expect(loaded.indicators.map((i) => i.id).sort()).toEqual(
          expected.indicators.map((i) => i.id).sort(),
        );
        expect(loaded.indicators.some((i) => i.dataset === LATER)).toBe(true);
        // The bundled snapshot has every dataset; the refreshed subset does not.
        expect(loaded.indicators.some((i) => i.dataset === 'gross-median-weekly-pay')).toBe(false);
        const fresh = core.reloadCore(dataDir);
        expect(fresh).not.toBe(loaded);
        expect(fresh.indicators.length).toBe(loaded.indicators.length);
      });
    } finally {
      if (saved === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = saved;
    }
  });
});
