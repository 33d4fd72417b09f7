import type { App } from '@slack/bolt';
import type { AppDeps } from '../deps';
import * as actions from './actions';
import * as commands from './commands';
import * as events from './events';

// Every listener, registered by kind as bolt-ts-starter-template lays them out: one folder per kind
// (commands, events, actions), one file per listener, an index.ts per kind. Northstat opens no views
// (modals), so there is no views folder.

export function registerListeners(app: App, deps: AppDeps): void {
  commands.register(app, deps);
  events.register(app, deps);
  actions.register(app, deps);
  app.error(async (error) => {
    // Listener errors end here instead of as unhandled rejections; the listener already told the user.
    deps.logger.error(`listener error: ${error.message}`);
  });
}

export { registeredCommands } from './commands';
