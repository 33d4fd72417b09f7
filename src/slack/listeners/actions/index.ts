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
import * as expandTheme from './expand-theme';
import * as expired from './expired';
import * as otherMeaning from './other-meaning';
import * as pickArea from './pick-area';
import type { MenuArgs } from './other-meaning';
import * as shareInChannel from './share-in-channel';
import * as showChart from './show-chart';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

function isButton(args: ActionArgs): args is ButtonArgs {
  return args.action.type === 'button';
}

function isMenu(args: ActionArgs): args is MenuArgs {
  return args.action.type === 'overflow';
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
  expandTheme,
];

/**
 * One Bolt listener for every block action (each extra listener costs a middleware chain per request).
 * Known buttons go to their own file ("pick_area:<n>:<code>" shares pick-area's), the "did you mean"
 * overflow menu to other-meaning.ts; every other action id is acknowledged at once by expired.ts.
 */
export function register(app: App, deps: AppDeps): void {
  const byId = new Map<string, ButtonHandler>(BUTTONS.map((b) => [b.actionId, b.handler(deps)]));
  const unknown = expired.handler(deps);
  const menu = otherMeaning.handler(deps);
  app.action<BlockAction>(/.*/, async (args) => {
    const id = args.action.action_id.split(':')[0];
    let run: (() => Promise<void>) | undefined;
    if (isButton(args)) {
      const handler = byId.get(id);
      if (handler) run = () => handler(args);
    } else if (isMenu(args) && id === otherMeaning.actionId) run = () => menu(args);
    if (!run) return unknown(args);
    try {
      await run();
    } catch (err) {
      // A failed click gets a friendly word and a log line, never a silent nothing.
      deps.logger.error(
        `button ${args.action.action_id} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
      await tell(args, 'Sorry, that did not work. Please try again.').catch(() => undefined);
    }
  });
}
