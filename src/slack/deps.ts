import type { ChartRenderer } from '../charts';
import type { Config } from '../config';
import type { StatsCore } from '../data/stats';
import type { Logger } from '../log';
import type { Store } from '../store/types';

/** What every listener needs; built once in src/app.ts and passed down (no globals). */
export interface AppDeps {
  core: StatsCore;
  config: Readonly<Config>;
  logger: Logger;
  charts: ChartRenderer;
  store: Store;
}
