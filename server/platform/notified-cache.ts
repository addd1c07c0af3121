import type { Database } from "../db/index.js";
import type { Subscription } from "../db/listen.js";

/** Counts lookups by outcome (a Prometheus counter on /metrics). */
type LookupCounter = { inc(labels: { result: "hit" | "miss" }): void };

type Entry<T> = { value: T; storedAt: number };

/**
 * A node's short-lived memory of something read from the database (resolved sessions, directory
 * lists), kept only as long as nobody announces a change to it.
 *
 * It is only as fresh as its invalidation, so it is dropped whole:
 * - when the database announces a change on the cache's channel (a trigger, see migrations 0002
 *   and 0010), whichever node or person made it;
 * - when the owner calls `clear` (app.ts does after every state-changing request on this node, so
 *   a client never sees its own change answered and then served from the old entry);
 * - and it is not used at all while the listening connection is down (missed announcements).
 *
 * `ttlMs` bounds the age of an entry should all of that fail; 0 turns the cache off.
 */
export class NotifiedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private listening = false;
  // Bumped by every drop: a lookup that began before a drop must not store what it read.
  private generation = 0;
  private subscription: Subscription | null = null;

  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly lookups: LookupCounter | undefined;

  private readonly channel: string;

  constructor(channel: string, ttlMs: number, options: { maxEntries?: number; lookups?: LookupCounter } = {}) {
    this.channel = channel;
    this.ttlMs = ttlMs;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.lookups = options.lookups;
  }

  /** Starts listening for announcements; until then (and whenever the listener is down) the cache stays off. */
  async start(database: Database): Promise<void> {
    if (this.ttlMs <= 0 || this.subscription) return;
    this.subscription = await database.listen(this.channel, {
      onNotify: () => this.clear(),
      onListening: (listening) => {
        this.clear();
        this.listening = listening;
      },
    });
  }

  async stop(): Promise<void> {
    this.listening = false;
    this.clear();
    await this.subscription?.close();
    this.subscription = null;
  }

  /** The generation to hand back to `set` for a lookup starting now. */
  get currentGeneration(): number {
    return this.generation;
  }

  /** Whether lookups can hit at all (listening, and not turned off): callers may pick a cheaper miss path. */
  get active(): boolean {
    return this.listening && this.ttlMs > 0;
  }

  get(key: string, nowMs: number): T | undefined {
    const value = this.find(key, nowMs);
    this.lookups?.inc({ result: value === undefined ? "miss" : "hit" });
    return value;
  }

  private find(key: string, nowMs: number): T | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (nowMs - entry.storedAt >= this.ttlMs || nowMs < entry.storedAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Stores a value read from the database, unless the cache was dropped since the read began. */
  set(key: string, value: T, generationAtRead: number, nowMs: number): void {
    if (!this.listening || generationAtRead !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, storedAt: nowMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
