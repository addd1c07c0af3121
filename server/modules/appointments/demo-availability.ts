import { type BookingChannel, bookingChannels } from "../../../common/domain/appointments.js";
import { germanStates } from "../../../common/domain/units.js";
import type { Executor } from "../../db/index.js";
import { getSiteRef } from "../directory/service.js";
import { listStaffCovering } from "../identity/user-repository.js";
import * as repo from "./repository.js";

/** Nationwide holidays on fixed dates; the demo closes its sites on them (and on 24 and 31 December). */
const FIXED_HOLIDAYS = ["01-01", "05-01", "10-03", "12-24", "12-25", "12-26", "12-31"];

/**
 * Demo hours (npm start): every counselor of a state network's demo recognition sub-project
 * publishes weekly hours at its sites — mornings and afternoons, Friday mornings — split over the
 * weekdays when the sub-project has several sites, in every channel the site offers. Weekly
 * rules never run out, so a newcomer always finds the next eight weeks bookable.
 */
export async function seedDemoAvailability(exec: Executor, unitIds: Map<string, string>, today: string): Promise<void> {
  for (const state of germanStates) {
    const projectKey = `demo-sub-project:${state.code}`;
    const siteIds: string[] = [];
    for (let i = 0; unitIds.has(`${projectKey}:site:${i}`); i++) siteIds.push(unitIds.get(`${projectKey}:site:${i}`)!);
    for (const [index, siteId] of siteIds.entries()) {
      const site = await getSiteRef(exec, siteId);
      if (!site) continue;
      const channels = site.channels.filter((c): c is BookingChannel => (bookingChannels as readonly string[]).includes(c));
      if (channels.length === 0) continue;
      const weekdays = [1, 2, 3, 4, 5].filter((d) => (d - 1) % siteIds.length === index);
      for (const counselor of await listStaffCovering(exec, site.path, ["counselor"])) {
        for (const weekday of weekdays) {
          const hours =
            weekday === 5
              ? [["09:00", "12:00"]]
              : [
                  ["09:00", "12:00"],
                  ["13:00", "16:00"],
                ];
          for (const [startsAt, endsAt] of hours) {
            await repo.insertRule(exec, {
              siteId,
              counselorId: counselor.id,
              weekday,
              startsAt: startsAt!,
              endsAt: endsAt!,
              channels,
              validFrom: today,
            });
          }
        }
      }
      for (const day of holidaysWithinAYear(today)) {
        await repo.insertWholeDayException(exec, { siteId, day, timeZone: site.timeZone, kind: "holiday", note: "Demo: Feiertag" });
      }
    }
  }
}

function holidaysWithinAYear(today: string): string[] {
  const year = Number(today.slice(0, 4));
  return [year, year + 1]
    .flatMap((y) => FIXED_HOLIDAYS.map((md) => `${y}-${md}`))
    .filter((day) => day >= today && day < `${year + 1}${today.slice(4)}`);
}
