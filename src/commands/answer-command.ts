import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answer } from '../answers/engine';
import { helpFor } from '../answers/help';
import { LruCache } from '../answers/cache';
import type { Answer } from '../answers/types';
import { resolve } from '../resolve';
import type { CommandName } from '../resolve/types';
import { answerMessage, plainMessage } from '../slack/blocks/answer';
import type { AppDeps } from '../slack/deps';
import { deliverChart, dmChannel } from '../slack/deliver';

// The one shape every figure command shares: parse -> engine -> blocks, acked at once (answers take
// milliseconds), then the chart after the ack. Each command file is a thin wrapper over this.

/** Commands whose answers compare and therefore carry a chart automatically. */
const CHART_FOLLOWS = new Set<Answer['kind']>(['compare', 'trend', 'gap']);

/** The text is a request for help: empty, "help" or "?". */
export function isHelpText(text: string): boolean {
  return /^\s*(help|\?)?\s*$/i.test(text);
}

export function visibility(isPrivateRequest: boolean, deps: AppDeps): 'ephemeral' | 'in_channel' {
  return isPrivateRequest || deps.config.defaultResponseVisibility === 'ephemeral'
    ? 'ephemeral'
    : 'in_channel';
}

interface Prepared {
  result: Answer;
  responseType: 'ephemeral' | 'in_channel';
  message: ReturnType<typeof answerMessage>;
}

/** Resolve -> engine -> Block Kit for one command text; pure given the (immutable) core and config. */
function prepare(name: Exclude<CommandName, 'help'>, text: string, deps: AppDeps): Prepared {
  const request = resolve(`/${name} ${text}`, deps.core);
  const result = answer({ ...request, command: name }, deps.core);
  const responseType =
    result.kind === 'clarify' || result.kind === 'help' ? 'ephemeral' : visibility(request.private, deps);
  const isPrivate = responseType === 'ephemeral';
  return {
    result,
    responseType,
    message: answerMessage(result, { isPrivate, chartFollows: CHART_FOLLOWS.has(result.kind) }),
  };
}

export function answerCommand(name: Exclude<CommandName, 'help'>, deps: AppDeps) {
  const cache = new LruCache<string, Prepared>(500);
  return async ({
    command,
    ack,
    client,
    logger,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    let acked = false;
    try {
      const text = command.text ?? '';
      if (isHelpText(text)) {
        acked = true;
        await ack({ response_type: 'ephemeral', ...answerMessage(helpFor(name), { isPrivate: true }) });
        return;
      }
      // Answers are cached by their exact text (at most 500 texts per command; long texts are not kept).
      let prepared = text.length <= 200 ? cache.get(text) : undefined;
      if (!prepared) {
        prepared = prepare(name, text, deps);
        if (text.length <= 200) cache.set(text, prepared);
      }
      const { result, responseType, message } = prepared;
      const isPrivate = responseType === 'ephemeral';
      acked = true;
      await ack({ response_type: responseType, ...message });
      if (!CHART_FOLLOWS.has(result.kind)) return;
      // Ephemeral answers cannot carry files: their chart goes to the person by DM.
      const channel = isPrivate ? await dmChannel(client, command.user_id) : command.channel_id;
      await deliverChart(client, deps, result, { channel, user: command.user_id });
    } catch (err) {
      logger.error(`/${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      const sorry = plainMessage(
        'Sorry, something went wrong answering that. Please try again, or try `/stats help`.',
      );
      if (!acked) await ack({ response_type: 'ephemeral', ...sorry });
    }
  };
}
