import { isOpenRequest, type RequestAction, requestActions } from "../../../common/domain/requests.js";
import { pathCovers } from "../../../common/domain/roles.js";
import type { Actor } from "../../platform/actor.js";
import { caseworkPaths } from "../clients/policy.js";

/**
 * Who works on an online request: counselors and sub-project leads whose grant covers the site
 * holding it (its sub-project or the site itself). A request carries a person's name and contact
 * before any client record exists, so it is kept as close as a client record: state coordination,
 * monitoring, federal and administrators see none (docs/decisions/0006-online-request-data.md).
 * Outside that scope a request does not exist (404).
 */
export type RequestLike = { sitePath: string | null; status: string };

export const requestInboxPaths = (actor: Actor): string[] => caseworkPaths(actor);

export function worksOnRequest(actor: Actor, request: Pick<RequestLike, "sitePath">): boolean {
  const sitePath = request.sitePath;
  return sitePath !== null && requestInboxPaths(actor).some((p) => pathCovers(p, sitePath));
}

/** The moves the actor may make now: any of them while the request is open, none after. */
export function requestActionsFor(actor: Actor, request: RequestLike): RequestAction[] {
  return worksOnRequest(actor, request) && isOpenRequest(request.status) ? [...requestActions] : [];
}
