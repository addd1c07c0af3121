import type { BookingChannel } from "../../../common/domain/appointments.js";
import type { AppContext } from "../../platform/context.js";
import { findSlots } from "./repository.js";

const DAY_MS = 86_400_000;
/**
 * Three days (with a day's minimum notice, the next working day's hours even from a Friday
 * evening), a week, then as far as any horizon reaches (the query stops at each site's own
 * horizon). The slot query's work grows with the days it expands.
 */
const WINDOWS_DAYS = [3, 7, 365];

type NextFree = { start: string; channel: BookingChannel } | null;
type Entry = { value: NextFree; expires: number };

/** Per application (tests run several side by side): site|channel → next free slot. */
const caches = new WeakMap<AppContext, Map<string, Entry>>();
const cacheOf = (ctx: AppContext) => {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new Map();
    caches.set(ctx, cache);
  }
  return cache;
};

/**
 * Forget what this node knows of next free slots: of one site after a booking there changed,
 * of all after hours, exceptions or settings changed.
 */
export function forgetNextFreeSlots(ctx: AppContext, siteId?: string): void {
  const cache = caches.get(ctx);
  if (!cache) return;
  if (!siteId) cache.clear();
  else for (const key of cache.keys()) if (key.startsWith(`${siteId}|`)) cache.delete(key);
}

/**
 * The earliest free slot of each site within its booking horizon, for the search results
 * ("next free appointment"); sites without one are absent. One query for all sites not known
 * from the last half minute, over the next three days first (where nearly every site with hours
 * has a free slot), then a week, then the whole horizon only for the sites still without one.
 */
export async function nextFreeSlots(
  ctx: AppContext,
  sites: { id: string; timeZone: string }[],
  channel?: BookingChannel,
): Promise<Map<string, { start: string; channel: BookingChannel }>> {
  const cache = cacheOf(ctx);
  const keyOf = (siteId: string) => `${siteId}|${channel ?? "any"}`;
  const clockNow = Date.now();
  const found = new Map<string, { start: string; channel: BookingChannel }>();
  let remaining = sites.filter((site) => {
    const entry = cache.get(keyOf(site.id));
    if (!entry || entry.expires < clockNow) return true;
    if (entry.value) found.set(site.id, entry.value);
    return false;
  });
  const asked = remaining;
  const now = ctx.clock.now();
  for (const days of WINDOWS_DAYS) {
    if (remaining.length === 0) break;
    const rows = await findSlots(ctx.database.db, {
      sites: remaining,
      from: now,
      to: new Date(now.getTime() + days * DAY_MS),
      now,
      channel,
      firstPerSite: true,
    });
    for (const r of rows) found.set(r.siteId, { start: r.startsAt.toISOString(), channel: r.channel });
    remaining = remaining.filter((site) => !found.has(site.id));
  }
  // How long a node shows a site's next free slot without asking again (NEXT_FREE_CACHE_SECONDS,
  // 0 = never). The search shows it as information; booking checks the slot itself, so a slot
  // taken on another node in the meantime costs at most a "taken, here are the next ones". This
  // node forgets at once on its own writes.
  const ttlMs = ctx.config.nextFreeCacheSeconds * 1000;
  if (ttlMs > 0) for (const site of asked) cache.set(keyOf(site.id), { value: found.get(site.id) ?? null, expires: clockNow + ttlMs });
  return found;
}
