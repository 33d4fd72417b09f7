import { sampleBars, sampleGap, sampleLines } from '../support/chart-fixtures';
import { renderPng, yieldToEventLoop } from '../../src/charts/render-local';

// Native canvas memory is freed only when the event loop turns (Node 20 defers napi
// finalisers); renderPng yields, so a long batch must stay flat rather than grow ~1.8 MB/chart.
it('keeps RSS growth under 150 MB over 100 sequential renders', async () => {
  const inputs = [sampleBars, sampleLines, sampleGap];
  for (let i = 0; i < 5; i++) await renderPng(inputs[i % 3]); // warm-up: fonts, JIT
  await yieldToEventLoop();
  const before = process.memoryUsage.rss();
  let peak = before;
  for (let i = 0; i < 100; i++) {
    await renderPng(inputs[i % 3]);
    peak = Math.max(peak, process.memoryUsage.rss());
  }
  const growthMb = (peak - before) / (1024 * 1024);
  expect(growthMb).toBeLessThan(150);
}, 60_000);
