import type { ClientAbilities } from "../../../common/contracts/clients.js";
import { hasRoleAt, pathCovers, type Role } from "../../../common/domain/roles.js";
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
  return { update: casework, giveConsent: casework, erase: canEraseClient(actor, client) };
}

/** Whether the actor does casework anywhere: decides between 403 and an empty search. */
export function doesCasework(actor: Actor): boolean {
  return caseworkPaths(actor).length > 0;
}

/**
 * Erasure on request cannot be undone: the lead of the owning sub-project decides it (a
 * counselor prepares it). Leads higher up the tree count too.
 */
export function canEraseClient(actor: Actor, client: ClientLike): boolean {
  return actor.grants.some((g) => g.role === "sub_project_lead" && pathCovers(g.unitPath, client.unitPath));
}

/** The retention report names no person, but it is operations: administrators of the whole network. */
export function canReadRetentionReports(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === "administrator" && !g.unitPath.includes("/"));
}

// --- casework: tasks, caseload, break-the-glass ------------------------------------------------

/** A new client joins the caseload of the counselor who records them (a lead's stays open). */
export function initialCounselorId(actor: Actor, unitPath: string): string | null {
  return hasRoleAt(actor.grants, ["counselor"], unitPath) ? actor.userId : null;
}

/** Leads of the owning sub-project redistribute its caseload and end justified accesses to it. */
export function leadsUnit(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor.grants, ["sub_project_lead"], unitPath);
}

/** Counts of a caseload: a lead sees their sub-projects, everyone doing casework their own. */
export function canSeeCaseloadOf(actor: Actor, counselorId: string | undefined): boolean {
  if (counselorId === actor.userId) return doesCasework(actor);
  return actor.grants.some((g) => g.role === "sub_project_lead");
}

/** The state network a unit path lies in (the path's second id; the first is the federal root). */
const stateNetworkOf = (path: string): string | undefined => path.split("/")[1];

/** Whether the actor does casework in the state network of the unit path. */
export function worksInStateNetworkOf(actor: Actor, unitPath: string): boolean {
  const network = stateNetworkOf(unitPath);
  return network !== undefined && caseworkPaths(actor).some((p) => stateNetworkOf(p) === network);
}

/**
 * Break-the-glass: a counselor opens a client of another sub-project in their own state network
 * (with a reason, for a while). Not needed in the own sub-project, not possible elsewhere.
 */
export function breakGlassDecision(actor: Actor, client: ClientLike): "not_needed" | "allowed" | "out_of_reach" {
  if (canReadClient(actor, client)) return "not_needed";
  return worksInStateNetworkOf(actor, client.unitPath) ? "allowed" : "out_of_reach";
}
