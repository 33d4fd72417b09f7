import type { ChartRenderer } from '../charts';
import type { Config } from '../config';
import type { StatsCore } from '../data/stats';
import type { Logger } from '../log';
import type { Store } from '../store/types';

/**
 * What every listener needs; built once in src/app.ts and passed down (no globals). `core` is the
 * current statistics core (src/app.ts backs it with a CoreRef, so a data refresh swaps it while serving):
 * read it once per request.
 */
export interface AppDeps {
  readonly core: StatsCore;
  config: Readonly<Config>;
  logger: Logger;
  charts: ChartRenderer;
  store: Store;
}
