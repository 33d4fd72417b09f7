import readline from 'node:readline';
import { ask } from '../answers/ask';
import { renderText } from '../answers/render-text';
import { loadCore } from '../data/core';

// The local console: the same commands as Slack, on the bundled data, with no Slack at all.

export const BANNER =
  'Northstat local console (bundled ONS data, no Slack). Type /stats leeds, /gap productivity or help; quit to leave. To connect Slack, set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode): see README.';

export async function runConsole(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
  options: { chartDir?: string } = {},
): Promise<number> {
  const core = loadCore();
  const rl = readline.createInterface({ input, output, terminal: false });
  const write = (s: string) => output.write(`${s}\n`);
  write(BANNER);
  const prompt = () => output.write('northstat> ');
  prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === 'quit' || text === 'exit') break;
    if (text !== '') {
      try {
        const result = ask(text, core);
        write(renderText(result));
        if (options.chartDir) {
          const { writeChartFor, chartFileName } = await import('./chart-file');
          const file = await writeChartFor(result, `${options.chartDir}/${chartFileName(result)}`);
          if (file) write(`Chart saved: ${file}`);
        }
      } catch (err) {
        // A bug must not end the session; say so plainly instead of printing a stack trace.
        write(`Sorry, that failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    prompt();
  }
  rl.close();
  return 0;
}
