import { NotifiedCache } from "../../platform/notified-cache.js";

/** The channel the database announces identity changes on (migration 0002). */
export const IDENTITY_CHANGED_CHANNEL = "identity_changed";

/**
 * Resolved sessions, kept briefly per node so that an authenticated request costs one round trip
 * (its own query) instead of two. Dropped whenever sessions, users, role grants or unit paths
 * change (migration 0002's trigger) and after every state-changing request on this node.
 */
export class SessionCache<T> extends NotifiedCache<T> {
  constructor(ttlMs: number, options: ConstructorParameters<typeof NotifiedCache<T>>[2] = {}) {
    super(IDENTITY_CHANGED_CHANNEL, ttlMs, options);
  }
}
