// Refreshed snapshots kept in the database, so that instances on one PostgreSQL (which need not share a
// disk) all serve what one of them refreshed: the refreshing instance stores the gzipped snapshot with
// its checksum and refresh report; the others see a newer stamp and fetch it into their own DATA_DIR.

export interface StoredSnapshot {
  stamp: string;
  sha256: string;
  gz: Buffer;
  /** The refresh report (JSON text), for "what's new". */
  report: string | null;
}

export interface SnapshotStore {
  /** Stores a snapshot; false when that stamp is already stored (another instance did it). */
  put(s: StoredSnapshot, now?: Date): Promise<boolean>;
  /** The newest stamp stored, or null. */
  latestStamp(): Promise<string | null>;
  get(stamp: string): Promise<StoredSnapshot | null>;
  /**
   * Runs `fn` only if no other instance is running it under the same name (PostgreSQL: a session
   * advisory lock, released when the connection ends, so a dead instance never holds it). Resolves
   * null when another holds it.
   */
  exclusively<T>(name: string, fn: () => Promise<T>): Promise<T | null>;
}
