import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { answerCompare } from '../../answers/engine';
import { decodeSpec, replay } from '../../answers/replay';
import type { Answer } from '../../answers/types';
import { groupCodes } from '../../answers/group-codes';
import { ACTIONS, answerMessage, plainMessage } from '../blocks/answer';
import { answerCsv } from '../csv';
import type { AppDeps } from '../deps';
import { deliverChart, dmChannel, slackErrorCode } from '../deliver';

// The answer buttons. Each rebuilds the answer from the button's spec (stateless, so any instance can
// handle the click), acks at once, then does the slow part.

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

function rebuild(args: ButtonArgs, deps: AppDeps): Answer | null {
  const spec = decodeSpec(args.action.value ?? '');
  return spec ? replay(spec, deps.core, (id) => groupCodes(id, deps.core)) : null;
}

function where(args: ButtonArgs): { channel: string; user: string; threadTs?: string; isPrivate: boolean } {
  const container = args.body.container as { is_ephemeral?: boolean; thread_ts?: string } | undefined;
  return {
    channel: args.body.channel?.id ?? args.body.user.id,
    user: args.body.user.id,
    threadTs: container?.thread_ts ?? (args.body.message as { thread_ts?: string } | undefined)?.thread_ts,
    isPrivate: container?.is_ephemeral === true,
  };
}

async function stale(args: ButtonArgs): Promise<void> {
  await args.respond({
    response_type: 'ephemeral',
    replace_original: false,
    ...plainMessage('That button has expired. Ask again, e.g. `/stats leeds pay`.'),
  });
}

/** The handlers by action id; "pick_area:<n>:<code>" buttons share one handler. */
function handlers(deps: AppDeps): Record<string, (args: ButtonArgs) => Promise<void>> {
  return {
    [ACTIONS.showChart]: async (args) => {
      await args.ack();
      const result = rebuild(args, deps);
      if (!result) return stale(args);
      const to = where(args);
      const channel = to.isPrivate ? await dmChannel(args.client, to.user) : to.channel;
      const outcome = await deliverChart(args.client, deps, result, {
        channel,
        threadTs: to.isPrivate ? undefined : to.threadTs,
        user: to.user,
      });
      if (outcome === 'no-chart')
        await args.respond({
          response_type: 'ephemeral',
          replace_original: false,
          ...plainMessage('There is no chart for this answer.'),
        });
    },

    [ACTIONS.compareSimilar]: async (args) => {
      await args.ack();
      const spec = decodeSpec(args.action.value ?? '');
      const area = spec?.a[0];
      if (!spec || !area || !spec.i || !deps.core.hasIndicator(spec.i) || !deps.core.geography.has(area))
        return stale(args);
      const similar = deps.core.geography.similar(area).slice(0, 5);
      if (similar.length === 0) {
        await args.respond({
          response_type: 'ephemeral',
          replace_original: false,
          ...plainMessage('ONS publishes no statistical neighbours for this area.'),
        });
        return;
      }
      const result = answerCompare(deps.core, [area, ...similar], spec.i);
      result.notes.push(
        `Similar areas are the ONS statistical neighbours of ${deps.core.geography.name(area)}.`,
      );
      const to = where(args);
      await args.respond({
        response_type: to.isPrivate ? 'ephemeral' : 'in_channel',
        replace_original: false,
        ...answerMessage(result, { isPrivate: to.isPrivate, chartFollows: true }),
      });
      const channel = to.isPrivate ? await dmChannel(args.client, to.user) : to.channel;
      await deliverChart(args.client, deps, result, { channel, threadTs: to.threadTs, user: to.user });
    },

    [ACTIONS.downloadCsv]: async (args) => {
      await args.ack();
      const result = rebuild(args, deps);
      const csv = result ? answerCsv(result) : null;
      if (!result || !csv) return stale(args);
      const to = where(args);
      const channel = to.isPrivate ? await dmChannel(args.client, to.user) : to.channel;
      try {
        await args.client.files.uploadV2({
          channel_id: channel,
          ...(to.threadTs && !to.isPrivate ? { thread_ts: to.threadTs } : {}),
          file: Buffer.from(csv, 'utf8'),
          filename: `northstat-${result.kind}.csv`,
          title: 'Northstat data (ONS, Open Government Licence v3.0)',
        } as Parameters<typeof args.client.files.uploadV2>[0]);
      } catch (err) {
        const code = slackErrorCode(err);
        deps.logger.warn({ err: code ?? String(err) }, 'csv upload failed');
        await args.respond({
          response_type: 'ephemeral',
          replace_original: false,
          ...plainMessage(
            code === 'not_in_channel'
              ? 'I am not a member of this channel, so I cannot upload the CSV here. Invite me with `/invite @Northstat`.'
              : 'Sorry, the CSV upload failed. Please try again.',
          ),
        });
      }
    },

    [ACTIONS.shareInChannel]: async (args) => {
      await args.ack();
      const result = rebuild(args, deps);
      if (!result) return stale(args);
      // response_url can post in_channel even where the bot is not a member.
      await args.respond({
        response_type: 'in_channel',
        delete_original: true,
        ...answerMessage(result, { isPrivate: false }),
      });
    },

    [ACTIONS.pickArea]: async (args) => {
      await args.ack();
      const result = rebuild(args, deps);
      if (!result) return stale(args);
      const to = where(args);
      await args.respond({
        response_type: to.isPrivate ? 'ephemeral' : 'in_channel',
        replace_original: false,
        ...answerMessage(result, { isPrivate: to.isPrivate }),
      });
    },
  };
}

/** One Bolt listener for every answer button (each extra listener costs a middleware chain per request). */
export function register(app: App, deps: AppDeps): void {
  const byId = handlers(deps);
  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^(${Object.keys(byId).join('|')})(:|$)`),
    async (args) => {
      const handler = byId[args.action.action_id.split(':')[0]];
      if (!handler) return;
      try {
        await handler(args);
      } catch (err) {
        // A failed click gets a friendly word and a log line, never a silent nothing.
        deps.logger.error(
          `button ${args.action.action_id} failed: ${err instanceof Error ? err.message : String(err)}`,
        );
        await args
          .respond({
            response_type: 'ephemeral',
            replace_original: false,
            ...plainMessage('Sorry, that did not work. Please try again.'),
          })
          .catch(() => undefined);
      }
    },
  );
}
