import type { ClientAbilities } from "../../../common/contracts/clients.js";
import { pathCovers, type Role } from "../../../common/domain/roles.js";
import type { Actor } from "../../platform/actor.js";

/**
 * Who may read and change client records: need-to-know along the network tree. Counselors and
 * sub-project leads read the clients of the units their grant covers. State coordination,
 * monitoring, federal and administrators see no personal data (they work with pseudonymous
 * statistics) unless they also hold one of these roles.
 */
export const CASEWORK_ROLES: readonly Role[] = ["counselor", "sub_project_lead"];

/** The unit paths under which the actor reads client records (empty: none at all). */
export function caseworkPaths(actor: Actor): string[] {
  const paths = [...new Set(actor.grants.filter((g) => CASEWORK_ROLES.includes(g.role)).map((g) => g.unitPath))];
  return paths.filter((p) => !paths.some((q) => q !== p && pathCovers(q, p)));
}

/** A client is identified with its owning unit's path for every decision. */
export type ClientLike = { unitPath: string };

export function canReadClient(actor: Actor, client: ClientLike): boolean {
  return caseworkPaths(actor).some((p) => pathCovers(p, client.unitPath));
}

/** Records are kept by sub-projects; the actor must do casework there. */
export function canCreateClientIn(actor: Actor, unit: { path: string; type: string }): boolean {
  return unit.type === "sub_project" && canReadClient(actor, { unitPath: unit.path });
}

export function clientAbilities(actor: Actor, client: ClientLike): ClientAbilities {
  const casework = canReadClient(actor, client);
  return { update: casework, giveConsent: casework };
}

/** Whether the actor does casework anywhere: decides between 403 and an empty search. */
export function doesCasework(actor: Actor): boolean {
  return caseworkPaths(actor).length > 0;
}
