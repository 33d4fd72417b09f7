import type { SnapshotStore } from './snapshots';
import type { AlertStore } from './alerts';
/**
 * The storage contract the whole app talks to. Two engines implement it (SQLite for a single
 * instance, PostgreSQL for several instances); tests/store/store.contract.ts holds both to the
 * same behaviour, so callers never need to know which one is underneath.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type Cadence = 'weekly' | 'daily';
export type SubscriptionStatus = 'active' | 'paused';

/**
 * When a digest goes out. Shared with src/digest/schedule.ts, which only needs these fields.
 * weekday follows JavaScript's Date#getDay: 0 = Sunday, 1 = Monday … 6 = Saturday (so Monday is 1,
 * as in ISO 8601, but Sunday is 0 rather than 7). It is null for daily subscriptions.
 */
export interface ScheduleSpec {
  cadence: Cadence;
  weekday: number | null;
  /** Local wall-clock time, 'HH:MM' on a 24-hour clock. */
  time: string;
  /** IANA time zone name, e.g. 'Europe/London'. */
  tz: string;
}

export interface NewSubscription {
  teamId: string;
  channelId: string;
  /** Slack user id of whoever ran the subscribe command. */
  createdBy: string;
  cadence: Cadence;
  /** Required for weekly, ignored (stored as null) for daily. 0 = Sunday … 6 = Saturday. */
  weekday?: number | null;
  time: string;
  /** Defaults to Europe/London. */
  tz?: string;
  /** GSS codes, e.g. 'E12000001'. */
  places: string[];
  /** Indicator ids from the data catalogue. */
  indicators: string[];
  /** When true, a slot with no new data since the last digest is recorded as skipped, not posted. */
  skipWhenNoNewData: boolean;
}

export interface Subscription extends ScheduleSpec {
  id: string;
  teamId: string;
  channelId: string;
  createdBy: string;
  places: string[];
  indicators: string[];
  skipWhenNoNewData: boolean;
  status: SubscriptionStatus;
  /** Why it was paused (e.g. 'channel_not_found', 'paused by U123'); null while active. */
  pausedReason: string | null;
  pausedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type DeliveryStatus = 'claimed' | 'sent' | 'skipped' | 'failed';

/** One row of the delivery ledger: one per (subscription, slot). */
export interface Delivery {
  subscriptionId: string;
  /** The scheduled instant this delivery is for (the ledger key with subscriptionId). */
  slot: Date;
  status: DeliveryStatus;
  claimedBy: string | null;
  claimedAt: Date | null;
  /** A 'claimed' row whose leaseUntil has passed belongs to a crashed instance and may be re-claimed. */
  leaseUntil: Date | null;
  sentAt: Date | null;
  messageTs: string | null;
  attempts: number;
  lastError: string | null;
  /** For 'failed' rows: when another attempt may claim it; null means the failure is final. */
  retryAt: Date | null;
}

export type ClaimResult =
  | { claimed: false }
  | {
      claimed: true;
      /** 1 for a first claim. */
      attempt: number;
      /**
       * True when an earlier attempt existed (an expired lease or a retryable failure). That attempt may
       * have posted before dying, so the caller should look for the slot's message metadata in the
       * channel before posting again.
       */
      reclaim: boolean;
    };

export interface UserSettings {
  /** GSS code of the user's home place, used when a command names no place. */
  homePlaceCode?: string;
  [key: string]: JsonValue | undefined;
}

/** What the last digest for a subscription already covered, so the next one can say what is new. */
export interface DigestState {
  /** Dataset id → release date (ISO 8601 date) last included in a digest. */
  releases: Record<string, string>;
  [key: string]: JsonValue;
}

export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  /** Alerts and their delivery ledger (src/store/alerts.ts), on the same database. */
  readonly alerts: AlertStore;
  /** Refreshed snapshots shared by instances (src/store/snapshots.ts). */
  readonly snapshots: SnapshotStore;
  /** Highest applied migration version (for health checks; equals LATEST_SCHEMA_VERSION once open). */
  schemaVersion(): Promise<number>;

  // Subscriptions. Every user-facing read and write is scoped by teamId so that one workspace can
  // never see or change another's rows, even with a guessed id.
  createSubscription(input: NewSubscription, now?: Date): Promise<Subscription>;
  listSubscriptions(teamId: string, channelId?: string): Promise<Subscription[]>;
  getSubscription(teamId: string, id: string): Promise<Subscription | null>;
  /** channelId null = any channel of the team. Returns whether a row was removed. */
  deleteSubscription(teamId: string, channelId: string | null, id: string): Promise<boolean>;
  /** Used by the scheduler (e.g. after channel_not_found) as well as by users. Returns whether it changed. */
  pauseSubscription(id: string, reason: string, now?: Date): Promise<boolean>;
  /**
   * Makes a paused subscription active again. Its latest slot, if it failed (the failure that paused it, or a
   * final one), becomes retryable at `now`, so the digest people resumed for is sent rather than left failed.
   */
  resumeSubscription(id: string, now?: Date): Promise<boolean>;
  /** Every team's active subscriptions: the scheduler's work list. */
  listActiveSubscriptions(): Promise<Subscription[]>;

  // Delivery ledger.
  /**
   * Atomically claims a slot for instanceId. Exactly one concurrent caller gets claimed: true. A slot
   * can be claimed again only when its lease (claimedAt + leaseMs) has expired while still 'claimed',
   * or when it is 'failed' with a retryAt that has passed.
   */
  claimSlot(
    subscriptionId: string,
    slot: Date,
    instanceId: string,
    now: Date,
    leaseMs: number,
  ): Promise<ClaimResult>;
  /**
   * The heartbeat of a live delivery: moves the lease of a slot instanceId still holds to now + leaseMs.
   * False when the slot is no longer 'claimed' by instanceId (finished, or taken over after the lease ran
   * out): the caller has lost it and must not post.
   */
  renewClaim(
    subscriptionId: string,
    slot: Date,
    instanceId: string,
    now: Date,
    leaseMs: number,
  ): Promise<boolean>;
  /**
   * Records the post, only while instanceId still holds the claim. False (and nothing written) for a stale
   * instance whose lease was taken over: the new holder finds the post by its metadata and records it.
   */
  markSent(
    subscriptionId: string,
    slot: Date,
    instanceId: string,
    messageTs: string,
    now?: Date,
  ): Promise<boolean>;
  markSkipped(subscriptionId: string, slot: Date, reason: string): Promise<void>;
  /**
   * Records a failure, only while instanceId still holds the claim (false otherwise, as for markSent).
   * retryAt omitted = give up on this slot.
   */
  markFailed(
    subscriptionId: string,
    slot: Date,
    instanceId: string,
    error: string,
    retryAt?: Date,
  ): Promise<boolean>;
  getDelivery(subscriptionId: string, slot: Date): Promise<Delivery | null>;
  /** The latest slot in the ledger for the subscription, whatever its status; null if none. */
  lastSlot(subscriptionId: string): Promise<Date | null>;
  /** Failed deliveries whose retryAt has come, and claims whose lease expired: work to pick up again. */
  listRetryableDeliveries(now: Date): Promise<Delivery[]>;

  // Per-user settings (whole-object replace).
  getUserSettings(teamId: string, userId: string): Promise<UserSettings | null>;
  setUserSettings(teamId: string, userId: string, settings: UserSettings, now?: Date): Promise<void>;

  /**
   * Records a Slack event id. True the first time it is seen, false for Slack's retries of it. Ids older
   * than the store's eventTtlMs are pruned as a side effect.
   */
  markEventProcessed(eventId: string, now: Date): Promise<boolean>;

  // Digest "what's new" state.
  getDigestState(subscriptionId: string): Promise<DigestState | null>;
  setDigestState(subscriptionId: string, state: DigestState, now?: Date): Promise<void>;

  close(): Promise<void>;
}

/** Thrown for input the store refuses (bad time, unknown time zone …), so callers can tell users. */
export class StoreValidationError extends Error {
  override readonly name = 'StoreValidationError';
}

/** How long processed event ids are kept. Slack retries within minutes; a day is generous. */
export const DEFAULT_EVENT_TTL_MS = 24 * 60 * 60 * 1000;
