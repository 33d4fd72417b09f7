import autocannon from 'autocannon';
import { loadCore } from '../../src/data/core';
import { readSnapshot } from '../../src/data/snapshot';
import { StatsCore } from '../../src/data/stats';
import type { Snapshot } from '../../src/data/types';
import { type AppHarness, startAppHarness, TEST_SIGNING_SECRET } from '../support/app-harness';
import { signedRequest, slashCommandBody } from '../support/slack-signing';

// A data refresh swaps the statistics core while the app serves (issue 12): no request fails, every
// answer is wholly from the old or wholly from the new snapshot, and cached answers do not outlive it.

const PAY = 'gross-median-weekly-pay';
const LEEDS = 'E08000035';

/** The bundled snapshot with Leeds' latest pay revised to £700 (95% CI £680 to £720). */
function revisedSnapshot(): Snapshot {
  const snap = readSnapshot();
  const s = snap.series[PAY];
  const last = s.values[LEEDS].length - 1;
  const withLast = <T>(list: T[], v: T) => list.map((x, i) => (i === last ? v : x));
  return {
    ...snap,
    series: {
      ...snap.series,
      [PAY]: {
        ...s,
        values: { ...s.values, [LEEDS]: withLast(s.values[LEEDS], 700) },
        lci: s.lci ? { ...s.lci, [LEEDS]: withLast(s.lci[LEEDS], 680) } : s.lci,
        uci: s.uci ? { ...s.uci, [LEEDS]: withLast(s.uci[LEEDS], 720) } : s.uci,
      },
    },
  };
}

let h: AppHarness;
const oldCore = loadCore();

beforeAll(async () => {
  h = await startAppHarness(oldCore);
});
afterAll(async () => {
  await h.stop();
});

async function stats(text: string): Promise<{ status: number; body: string }> {
  const req = signedRequest(TEST_SIGNING_SECRET, slashCommandBody({ command: '/stats', text }));
  const res = await fetch(`${h.base}/slack/events`, { method: 'POST', headers: req.headers, body: req.body });
  return { status: res.status, body: await res.text() };
}

test('answers switch to the new figures at the swap, with no failed request under load', async () => {
  const before = await stats('leeds pay');
  expect(before.body).toContain('£611');
  const newCore = new StatsCore(revisedSnapshot());
  const bodies = ['leeds pay', 'leeds', 'bradford pay', 'north west exports'].map((text) =>
    slashCommandBody({ command: '/stats', text }),
  );
  let i = 0;
  const run = autocannon({
    url: `${h.base}/slack/events`,
    method: 'POST',
    connections: 8,
    duration: 3,
    requests: [
      {
        setupRequest: (req) => {
          const body = bodies[i++ % bodies.length];
          return { ...req, body, headers: signedRequest(TEST_SIGNING_SECRET, body).headers };
        },
      },
    ],
  });
  // Mid-load: swap, while a second client checks that every Leeds answer is wholly one or the other.
  const seen = new Set<string>();
  let swapped: Promise<void> = Promise.resolve();
  const checks = (async () => {
    for (let k = 0; k < 40; k++) {
      if (k === 10) swapped = h.started.swapCore(newCore);
      const { status, body } = await stats('leeds pay');
      expect(status).toBe(200);
      const old = body.includes('£611') && body.includes('£583');
      const fresh = body.includes('£700') && body.includes('£680');
      expect(old !== fresh).toBe(true);
      seen.add(old ? 'old' : 'new');
      await new Promise((r) => setTimeout(r, 40));
    }
  })();
  const [result] = await Promise.all([run, checks]);
  await swapped;
  expect(result.errors).toBe(0);
  expect(result.non2xx).toBe(0);
  expect(result.requests.total).toBeGreaterThan(100);
  expect([...seen].sort()).toEqual(['new', 'old']);
  // The same text again: the cached answer from the old core is not served.
  const after = await stats('leeds pay');
  expect(after.body).toContain('£700');
  expect(after.body).not.toContain('£611');
  expect(h.started.deps.core).toBe(newCore);
});
