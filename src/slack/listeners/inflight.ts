import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/**
 * Counts listener runs still under way (work after the ack included: charts, uploads), so a caller can
 * wait until the app is idle instead of sleeping and hoping. Registered only when asked for (tests,
 * the bench), because every global middleware costs a little on every request.
 */
export class Inflight {
  private running = 0;
  private waiters: (() => void)[] = [];

  middleware(): Middleware<AnyMiddlewareArgs> {
    return async ({ next }) => {
      this.running++;
      try {
        await next();
      } finally {
        this.running--;
        if (this.running === 0) for (const w of this.waiters.splice(0)) w();
      }
    };
  }

  /** Resolves once no listener is running. */
  idle(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((r) => this.waiters.push(r));
  }
}
