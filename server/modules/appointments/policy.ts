import { hasRoleAt } from "../../../common/domain/roles.js";
import type { Actor } from "../../platform/actor.js";

/**
 * Who keeps a site's booking calendar. Sub-project leads set the site's booking rules and
 * everyone's hours; a counselor publishes their own hours. The calendar holds names and
 * contacts of people seeking advice, so only casework at the site (counselors and leads) sees
 * it; coordination, monitoring and federal roles do not.
 */
export type SiteLike = { path: string; type: string };

export const isBookableSite = (site: SiteLike): boolean => site.type === "site";

export function canManageAllAvailability(actor: Actor, site: SiteLike): boolean {
  return isBookableSite(site) && hasRoleAt(actor.grants, ["sub_project_lead"], site.path);
}

export function canManageOwnAvailability(actor: Actor, site: SiteLike): boolean {
  return isBookableSite(site) && hasRoleAt(actor.grants, ["counselor"], site.path);
}

/** Hours (rules, absences) of one counselor: their own, or anyone's for the lead. */
export function canManageAvailabilityOf(actor: Actor, site: SiteLike, counselorId: string | null): boolean {
  if (canManageAllAvailability(actor, site)) return true;
  return counselorId === actor.userId && canManageOwnAvailability(actor, site);
}

export function canSeeBookingSetup(actor: Actor, site: SiteLike): boolean {
  return canManageAllAvailability(actor, site) || canManageOwnAvailability(actor, site);
}

/** The calendar with the people's names and contacts; also marking no-shows and cancelling. */
export function canReadCalendar(actor: Actor, site: SiteLike): boolean {
  return isBookableSite(site) && hasRoleAt(actor.grants, ["counselor", "sub_project_lead"], site.path);
}
