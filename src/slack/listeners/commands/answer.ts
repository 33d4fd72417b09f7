import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { type Asked, askFull } from '../../../answers/ask';
import { LruCache } from '../../../answers/cache';
import { hasFigures } from '../../../answers/has-figures';
import { answerMessage, plainMessage } from '../../blocks/answer';
import type { AppDeps } from '../../deps';
import { deliverChart, dmChannel } from '../../deliver';

// Every figure command in the registry (/stats, /compare, /trend, /rank, /gap) is this one handler:
// ask() -> Block Kit, acked at once (answers take milliseconds), then the chart after the ack when the
// command's registry entry says the chart comes with the answer.

export function visibility(isPrivateRequest: boolean, deps: AppDeps): 'ephemeral' | 'in_channel' {
  return isPrivateRequest || deps.config.defaultResponseVisibility === 'ephemeral'
    ? 'ephemeral'
    : 'in_channel';
}

interface Prepared {
  /** The core it was answered from: after a data refresh swaps the core, the entry is stale. */
  core: AppDeps['core'];
  asked: Asked;
  responseType: 'ephemeral' | 'in_channel';
  message: ReturnType<typeof answerMessage>;
}

/** ask() -> Block Kit for one command text; pure given the (immutable) core and config. */
function prepare(name: string, text: string, deps: AppDeps): Prepared {
  // The core is read once: the whole answer comes from one snapshot even if a refresh swaps it now.
  const core = deps.core;
  const asked = askFull(text, core, { command: name });
  // Clarifications, help and answers with no figure at all are for the asker only.
  const responseType = !hasFigures(asked.answer) ? 'ephemeral' : visibility(asked.private, deps);
  return {
    core,
    asked,
    responseType,
    message: answerMessage(asked.answer, {
      isPrivate: responseType === 'ephemeral',
      chartFollows: asked.chartWithAnswer,
    }),
  };
}

export function answerCommand(name: string, deps: AppDeps) {
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
      // Answers are cached by their exact text (at most 500 texts per command; long texts are not kept).
      let prepared = text.length <= 200 ? cache.get(text) : undefined;
      if (prepared && prepared.core !== deps.core) prepared = undefined;
      if (!prepared) {
        prepared = prepare(name, text, deps);
        if (text.length <= 200) cache.set(text, prepared);
      }
      const { asked, responseType, message } = prepared;
      acked = true;
      await ack({ response_type: responseType, ...message });
      if (!asked.chartWithAnswer) return;
      // Ephemeral answers cannot carry files: their chart goes to the person by DM.
      const channel =
        responseType === 'ephemeral' ? await dmChannel(client, command.user_id) : command.channel_id;
      await deliverChart(client, deps, asked.answer, { channel, user: command.user_id });
    } catch (err) {
      logger.error(`/${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      const sorry = plainMessage(
        'Sorry, something went wrong answering that. Please try again, or try `/stats help`.',
      );
      if (!acked) await ack({ response_type: 'ephemeral', ...sorry });
    }
  };
}
