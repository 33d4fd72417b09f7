import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AlertSpec } from '../alerts/types';
import {
  ALERT_CLAIM_LEASE_MS,
  type AlertDelivery,
  type AlertStore,
  type NewAlert,
  type StoredAlert,
} from './alerts';

interface AlertRow {
  id: string;
  team_id: string;
  channel_id: string;
  created_by: string;
  spec: string;
  created_at: number;
}

const toAlert = (r: AlertRow): StoredAlert => ({
  id: r.id,
  teamId: r.team_id,
  channelId: r.channel_id,
  createdBy: r.created_by,
  spec: JSON.parse(r.spec) as AlertSpec,
  createdAt: new Date(r.created_at),
});

/** The alert tables of the SQLite store (same database handle; better-sqlite3 is synchronous). */
export class SqliteAlertStore implements AlertStore {
  constructor(private readonly db: Database.Database) {}

  async create(input: NewAlert, now = new Date()): Promise<StoredAlert> {
    const row: AlertRow = {
      id: randomUUID(),
      team_id: input.teamId,
      channel_id: input.channelId,
      created_by: input.createdBy,
      spec: JSON.stringify(input.spec),
      created_at: now.getTime(),
    };
    this.db
      .prepare(
        'INSERT INTO alerts (id, team_id, channel_id, created_by, spec, created_at) VALUES (@id, @team_id, @channel_id, @created_by, @spec, @created_at)',
      )
      .run(row);
    return toAlert(row);
  }

  async list(teamId: string, channelId?: string): Promise<StoredAlert[]> {
    const rows = (
      channelId
        ? this.db
            .prepare('SELECT * FROM alerts WHERE team_id = ? AND channel_id = ? ORDER BY created_at, id')
            .all(teamId, channelId)
        : this.db.prepare('SELECT * FROM alerts WHERE team_id = ? ORDER BY created_at, id').all(teamId)
    ) as AlertRow[];
    return rows.map(toAlert);
  }

  async remove(teamId: string, channelId: string, idPrefix: string): Promise<boolean> {
    if (idPrefix.length < 4) return false;
    const matches = this.db
      .prepare("SELECT id FROM alerts WHERE team_id = ? AND channel_id = ? AND id LIKE ? || '%'")
      .all(teamId, channelId, idPrefix) as { id: string }[];
    // An ambiguous prefix deletes nothing: the reply asks for more of the id.
    if (matches.length !== 1) return false;
    return this.db.prepare('DELETE FROM alerts WHERE id = ?').run(matches[0].id).changes === 1;
  }

  async all(): Promise<StoredAlert[]> {
    return (this.db.prepare('SELECT * FROM alerts ORDER BY created_at, id').all() as AlertRow[]).map(toAlert);
  }

  async claim(alertId: string, eventKey: string, instanceId: string, now: Date): Promise<boolean> {
    const res = this.db
      .prepare(
        `INSERT INTO alert_deliveries (alert_id, event_key, status, claimed_by, claimed_at)
         VALUES (?, ?, 'claimed', ?, ?)
         ON CONFLICT (alert_id, event_key) DO UPDATE SET claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at
         WHERE alert_deliveries.status = 'claimed' AND alert_deliveries.claimed_at < ?`,
      )
      .run(alertId, eventKey, instanceId, now.getTime(), now.getTime() - ALERT_CLAIM_LEASE_MS);
    return res.changes === 1;
  }

  async markSent(
    alertId: string,
    eventKey: string,
    instanceId: string,
    messageTs: string,
    now: Date,
  ): Promise<boolean> {
    const res = this.db
      .prepare(
        `UPDATE alert_deliveries SET status = 'sent', sent_at = ?, message_ts = ?
         WHERE alert_id = ? AND event_key = ? AND claimed_by = ? AND status = 'claimed'`,
      )
      .run(now.getTime(), messageTs, alertId, eventKey, instanceId);
    return res.changes === 1;
  }

  async release(alertId: string, eventKey: string, instanceId: string): Promise<void> {
    this.db
      .prepare(
        "DELETE FROM alert_deliveries WHERE alert_id = ? AND event_key = ? AND claimed_by = ? AND status = 'claimed'",
      )
      .run(alertId, eventKey, instanceId);
  }

  async delivery(alertId: string, eventKey: string): Promise<AlertDelivery | null> {
    const r = this.db
      .prepare(
        'SELECT status, claimed_by, message_ts FROM alert_deliveries WHERE alert_id = ? AND event_key = ?',
      )
      .get(alertId, eventKey) as
      | { status: 'claimed' | 'sent'; claimed_by: string; message_ts: string | null }
      | undefined;
    return r ? { status: r.status, claimedBy: r.claimed_by, messageTs: r.message_ts } : null;
  }
}
