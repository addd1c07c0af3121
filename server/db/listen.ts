import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** What a subscriber hears: each notification, and whether it is currently able to hear them. */
export type ListenHandlers = {
  onNotify(payload: string): void;
  /**
   * false: the listening connection is gone and notifications may be missed until it is back;
   * true: (re)connected and listening. Called once with true after the first LISTEN succeeds.
   */
  onListening(listening: boolean): void;
};

export type Subscription = { close(): Promise<void> };

/** LISTEN on the embedded engine: notifications arrive in-process, the connection cannot drop. */
export async function listenPglite(client: PGlite, channel: string, handlers: ListenHandlers): Promise<Subscription> {
  const unsubscribe = await client.listen(channel, (payload) => handlers.onNotify(payload));
  handlers.onListening(true);
  return {
    close: async () => {
      if (!client.closed) await unsubscribe();
    },
  };
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

/**
 * LISTEN on PostgreSQL over a dedicated connection (a pooled one would be handed to other
 * queries). When the connection drops, the subscriber is told so at once and it reconnects with
 * backoff until closed; it never throws after the first attempt, which may fail (server away) and
 * is retried the same way.
 */
export function listenPostgres(url: string, channel: string, handlers: ListenHandlers, applicationName = "lotse-listen"): Subscription {
  let closed = false;
  let client: pg.Client | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let delay = RETRY_MIN_MS;

  const scheduleReconnect = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, delay);
    retryTimer.unref();
    delay = Math.min(delay * 2, RETRY_MAX_MS);
  };

  const lost = (lostClient: pg.Client) => {
    if (client !== lostClient) return; // already replaced
    client = null;
    lostClient.removeAllListeners("notification");
    void lostClient.end().catch(() => {});
    handlers.onListening(false);
    scheduleReconnect();
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000, application_name: applicationName });
    next.on("error", () => lost(next));
    next.on("end", () => lost(next));
    next.on("notification", (message) => {
      if (message.channel === channel) handlers.onNotify(message.payload ?? "");
    });
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (closed) {
        await next.end().catch(() => {});
        return;
      }
      delay = RETRY_MIN_MS;
      handlers.onListening(true);
    } catch {
      lost(next);
    }
  };

  void connect();
  return {
    close: async () => {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners();
        current.on("error", () => {});
        await current.end().catch(() => {});
      }
    },
  };
}
