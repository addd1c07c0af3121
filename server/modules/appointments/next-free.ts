import type { BookingChannel } from "../../../common/domain/appointments.js";
import type { AppContext } from "../../platform/context.js";
import { findSlots } from "./repository.js";

const DAY_MS = 86_400_000;

/**
 * The earliest free slot of each site within its booking horizon, for the search results
 * ("next free appointment"); sites without one are absent. One query for all sites.
 */
export async function nextFreeSlots(
  ctx: AppContext,
  sites: { id: string; timeZone: string }[],
  channel?: BookingChannel,
): Promise<Map<string, { start: string; channel: BookingChannel }>> {
  const now = ctx.clock.now();
  const rows = await findSlots(ctx.database.db, {
    sites,
    from: now,
    to: new Date(now.getTime() + 365 * DAY_MS),
    now,
    channel,
    firstPerSite: true,
  });
  return new Map(rows.map((r) => [r.siteId, { start: r.startsAt.toISOString(), channel: r.channel }]));
}
