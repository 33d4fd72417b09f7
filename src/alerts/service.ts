import type { StatsCore } from '../data/stats';
import type { AlertStore, StoredAlert } from '../store/alerts';
import { ALERT_EXAMPLES, DEFAULT_ALERT_PLACES, parseAlert } from './parse';
import type { AlertSpec } from './types';

// /alert in words, Slack-free: create, list, delete, help, scoped to the workspace and channel (like
// /digest). Replies are plain strings (the listener escapes and sends them).

export interface AlertRequest {
  text: string;
  teamId: string;
  channelId: string;
  userId: string;
}

export const ALERT_HELP = [
  '*Northstat alerts* post in this channel when a data refresh brings what you asked for:',
  '• `/alert new data on pay for leeds, bradford`: a new period of an indicator (or a theme: `new data on health`), for places or, without places, the three northern regions',
  '• `/alert claimant count in leeds above 4%`: once each time the figure crosses the line',
  '• `/alert when leeds unemployment rises`: when a new period moves it that way',
  '• `/alert list` · `/alert delete <id>` · `/alert help`',
];

/** "Gross median weekly pay for Leeds, Bradford (new data)". */
export function describeAlert(spec: AlertSpec, core: StatsCore): string {
  const name = (code: string) => (core.geography.has(code) ? core.geography.name(code) : code);
  switch (spec.kind) {
    case 'release': {
      const places = (spec.places.length > 0 ? spec.places : [...DEFAULT_ALERT_PLACES]).map(name).join(', ');
      return `new data on ${spec.label} for ${places}`;
    }
    case 'threshold':
      return `${spec.label} in ${name(spec.place)} ${spec.op} ${spec.value}`;
    case 'direction':
      return `when ${spec.label} in ${name(spec.place)} ${spec.direction}`;
  }
}

const shortId = (a: StoredAlert) => a.id.slice(0, 8);

export async function runAlertCommand(
  req: AlertRequest,
  store: AlertStore,
  core: StatsCore,
): Promise<string[]> {
  const cmd = parseAlert(req.text, core);
  switch (cmd.kind) {
    case 'help':
      return ALERT_HELP;
    case 'error':
      return [cmd.message, `For example: \`${cmd.example}\`. \`/alert help\` lists the kinds.`];
    case 'list': {
      const alerts = await store.list(req.teamId, req.channelId);
      if (alerts.length === 0) return ['No alerts in this channel yet.', `Try \`${ALERT_EXAMPLES[0]}\`.`];
      return [
        `*Alerts in this channel* (${alerts.length}):`,
        ...alerts.map((a) => `• \`${shortId(a)}\` ${describeAlert(a.spec, core)}`),
      ];
    }
    case 'delete': {
      const done = await store.remove(req.teamId, req.channelId, cmd.id);
      return done
        ? [`Alert \`${cmd.id}\` deleted.`]
        : [`No single alert in this channel starts with \`${cmd.id}\`. \`/alert list\` shows their ids.`];
    }
    case 'create': {
      const alert = await store.create({
        teamId: req.teamId,
        channelId: req.channelId,
        createdBy: req.userId,
        spec: cmd.spec,
      });
      return [
        `Alert \`${shortId(alert)}\` set: ${describeAlert(alert.spec, core)}. It posts here when a data refresh brings it (refreshes run each morning).`,
      ];
    }
  }
}
