import type { AlertSpec } from '../alerts/types';

// Alerts and their delivery ledger. One row per (alert, event) is claimed atomically before posting, so
// of several instances that all see the same refresh exactly one posts each event. A claim not marked
// sent within its lease (its instance died) may be taken over.

export interface StoredAlert {
  id: string;
  teamId: string;
  channelId: string;
  createdBy: string;
  spec: AlertSpec;
  createdAt: Date;
}

export interface NewAlert {
  teamId: string;
  channelId: string;
  createdBy: string;
  spec: AlertSpec;
}

export interface AlertDelivery {
  status: 'claimed' | 'sent';
  claimedBy: string;
  messageTs: string | null;
}

/** How long a claim holds before another instance may take it over (its holder is presumed dead). */
export const ALERT_CLAIM_LEASE_MS = 60_000;

export interface AlertStore {
  create(input: NewAlert, now?: Date): Promise<StoredAlert>;
  /** A channel's alerts (or a workspace's, without a channel), oldest first. */
  list(teamId: string, channelId?: string): Promise<StoredAlert[]>;
  /** Deletes the alert whose id starts with `idPrefix` (at least 4 characters), in this channel only. */
  remove(teamId: string, channelId: string, idPrefix: string): Promise<boolean>;
  all(): Promise<StoredAlert[]>;
  /** True when this instance now holds the event: no row yet, or a claim whose lease ran out. */
  claim(alertId: string, eventKey: string, instanceId: string, now: Date): Promise<boolean>;
  /** Marks the event sent, only for the instance that holds the claim. */
  markSent(
    alertId: string,
    eventKey: string,
    instanceId: string,
    messageTs: string,
    now: Date,
  ): Promise<boolean>;
  /** Gives the claim back (the post failed) so a later pass can try again. */
  release(alertId: string, eventKey: string, instanceId: string): Promise<void>;
  delivery(alertId: string, eventKey: string): Promise<AlertDelivery | null>;
}
