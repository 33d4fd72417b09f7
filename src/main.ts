import { runConsole } from './cli/console';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './log';

// `npm start`: the local console when no Slack credentials are set, otherwise the Slack app in
// HTTP or Socket Mode (src/config.ts decides which from the environment).

async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      console.error('See .env.example for every variable.');
      return 2;
    }
    throw err;
  }
  if (config.mode === 'console')
    return runConsole(process.stdin, process.stdout, { chartDir: `${config.dataDir}/charts` });
  const logger = createLogger({ level: config.logLevel });
  const { startSlackApp } = await import('./app');
  const started = await startSlackApp(config, { logger });
  const stop = async () => {
    logger.info('stopping');
    await started.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.on('unhandledRejection', (reason) => logger.error(`unhandled rejection: ${String(reason)}`));
  return -1; // keep running
}

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err) => {
    console.error(`Northstat failed to start: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
