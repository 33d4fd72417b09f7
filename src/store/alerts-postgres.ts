import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
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
  spec: AlertSpec;
  created_at: Date;
}

const toAlert = (r: AlertRow): StoredAlert => ({
  id: r.id,
  teamId: r.team_id,
  channelId: r.channel_id,
  createdBy: r.created_by,
  spec: r.spec,
  createdAt: r.created_at,
});

/** The alert tables of the PostgreSQL store: the claim is one INSERT … ON CONFLICT, atomic across instances. */
export class PostgresAlertStore implements AlertStore {
  constructor(private readonly pool: Pool) {}

  async create(input: NewAlert, now = new Date()): Promise<StoredAlert> {
    const { rows } = await this.pool.query<AlertRow>(
      `INSERT INTO alerts (id, team_id, channel_id, created_by, spec, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [randomUUID(), input.teamId, input.channelId, input.createdBy, JSON.stringify(input.spec), now],
    );
    return toAlert(rows[0]);
  }

  async list(teamId: string, channelId?: string): Promise<StoredAlert[]> {
    const { rows } = channelId
      ? await this.pool.query<AlertRow>(
          'SELECT * FROM alerts WHERE team_id = $1 AND channel_id = $2 ORDER BY created_at, id',
          [teamId, channelId],
        )
      : await this.pool.query<AlertRow>('SELECT * FROM alerts WHERE team_id = $1 ORDER BY created_at, id', [
          teamId,
        ]);
    return rows.map(toAlert);
  }

  async remove(teamId: string, channelId: string, idPrefix: string): Promise<boolean> {
    if (idPrefix.length < 4) return false;
    const { rows } = await this.pool.query<{ id: string }>(
      "SELECT id FROM alerts WHERE team_id = $1 AND channel_id = $2 AND id LIKE $3 || '%'",
      [teamId, channelId, idPrefix],
    );
    if (rows.length !== 1) return false;
    const res = await this.pool.query('DELETE FROM alerts WHERE id = $1', [rows[0].id]);
    return res.rowCount === 1;
  }

  async all(): Promise<StoredAlert[]> {
    const { rows } = await this.pool.query<AlertRow>('SELECT * FROM alerts ORDER BY created_at, id');
    return rows.map(toAlert);
  }

  async claim(alertId: string, eventKey: string, instanceId: string, now: Date): Promise<boolean> {
    const res = await this.pool.query(
      `INSERT INTO alert_deliveries (alert_id, event_key, status, claimed_by, claimed_at)
       VALUES ($1, $2, 'claimed', $3, $4)
       ON CONFLICT (alert_id, event_key) DO UPDATE SET claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at
       WHERE alert_deliveries.status = 'claimed' AND alert_deliveries.claimed_at < $5
       RETURNING alert_id`,
      [alertId, eventKey, instanceId, now, new Date(now.getTime() - ALERT_CLAIM_LEASE_MS)],
    );
    return res.rowCount === 1;
  }

  async markSent(
    alertId: string,
    eventKey: string,
    instanceId: string,
    messageTs: string,
    now: Date,
  ): Promise<boolean> {
    const res = await this.pool.query(
      `UPDATE alert_deliveries SET status = 'sent', sent_at = $1, message_ts = $2
       WHERE alert_id = $3 AND event_key = $4 AND claimed_by = $5 AND status = 'claimed'`,
      [now, messageTs, alertId, eventKey, instanceId],
    );
    return res.rowCount === 1;
  }

  async release(alertId: string, eventKey: string, instanceId: string): Promise<void> {
    await this.pool.query(
      "DELETE FROM alert_deliveries WHERE alert_id = $1 AND event_key = $2 AND claimed_by = $3 AND status = 'claimed'",
      [alertId, eventKey, instanceId],
    );
  }

  async delivery(alertId: string, eventKey: string): Promise<AlertDelivery | null> {
    const { rows } = await this.pool.query<{
      status: 'claimed' | 'sent';
      claimed_by: string;
      message_ts: string | null;
    }>('SELECT status, claimed_by, message_ts FROM alert_deliveries WHERE alert_id = $1 AND event_key = $2', [
      alertId,
      eventKey,
    ]);
    return rows[0]
      ? { status: rows[0].status, claimedBy: rows[0].claimed_by, messageTs: rows[0].message_ts }
      : null;
  }
}
