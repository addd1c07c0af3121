import type { BookingChannel } from "../../../common/domain/appointments.js";
import type { AppContext } from "../../platform/context.js";
import { findSlots } from "./repository.js";

const DAY_MS = 86_400_000;
/** A week, then as far as any horizon reaches (the query stops at each site's own horizon). */
const WINDOWS_DAYS = [7, 365];

/**
 * The earliest free slot of each site within its booking horizon, for the search results
 * ("next free appointment"); sites without one are absent. One query for all sites over the
 * next week first (where nearly every site with hours has a free slot), then the whole horizon
 * only for the sites still without one: the slot query's work grows with the days it expands.
 */
export async function nextFreeSlots(
  ctx: AppContext,
  sites: { id: string; timeZone: string }[],
  channel?: BookingChannel,
): Promise<Map<string, { start: string; channel: BookingChannel }>> {
  const now = ctx.clock.now();
  const found = new Map<string, { start: string; channel: BookingChannel }>();
  let remaining = sites;
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
  return found;
}
