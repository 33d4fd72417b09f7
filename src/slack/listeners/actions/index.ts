import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps';
import * as aboutFigure from './about-figure';
import * as askInstead from './ask-instead';
import type { ButtonArgs, ButtonHandler } from './button';
import { tell } from './button';
import * as compareSimilar from './compare-similar';
import * as downloadCsv from './download-csv';
import * as downloadDocx from './download-docx';
import * as downloadPng from './download-png';
import * as downloadXlsx from './download-xlsx';
import * as expired from './expired';
import * as pickArea from './pick-area';
import * as shareInChannel from './share-in-channel';
import * as showChart from './show-chart';

function isButton(args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): args is ButtonArgs {
  return args.action.type === 'button';
}

const BUTTONS = [
  showChart,
  compareSimilar,
  downloadCsv,
  downloadXlsx,
  downloadDocx,
  downloadPng,
  aboutFigure,
  shareInChannel,
  pickArea,
  askInstead,
];

/**
 * One Bolt listener for every block action (each extra listener costs a middleware chain per request).
 * Known buttons go to their own file ("pick_area:<n>:<code>" shares pick-area's); every other action
 * id is acknowledged at once by expired.ts.
 */
export function register(app: App, deps: AppDeps): void {
  const byId = new Map<string, ButtonHandler>(BUTTONS.map((b) => [b.actionId, b.handler(deps)]));
  const unknown = expired.handler(deps);
  app.action<BlockAction>(/.*/, async (args) => {
    const handler = isButton(args) ? byId.get(args.action.action_id.split(':')[0]) : undefined;
    if (!handler || !isButton(args)) return unknown(args);
    try {
      await handler(args);
    } catch (err) {
      // A failed click gets a friendly word and a log line, never a silent nothing.
      deps.logger.error(
        `button ${args.action.action_id} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
      await tell(args, 'Sorry, that did not work. Please try again.').catch(() => undefined);
    }
  });
}
