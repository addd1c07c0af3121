import type { ConsultationAbilities } from "../../../common/contracts/consultations.js";
import { hasRoleAt, type Role } from "../../../common/domain/roles.js";
import type { Actor } from "../../platform/actor.js";

/**
 * The reference-profession catalogue is national reference data: all staff read it (counselors
 * pick from it, monitoring counts by it); administrators of the whole network curate it.
 */
export function canCurateCatalogue(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === "administrator" && !g.unitPath.includes("/"));
}

/**
 * Consultations are casework: counselors and sub-project leads record them in the sub-projects
 * their grant covers, for clients they may change (the clients module decides that part through
 * `withClientAccess`). Reading follows the client: whoever may read the client reads its
 * consultations (also by break-the-glass); changing needs casework on the client and in the
 * consultation's sub-project.
 */
export const CASEWORK_ROLES: readonly Role[] = ["counselor", "sub_project_lead"];

const caseworkGrants = (actor: Actor) => actor.grants.filter((g) => CASEWORK_ROLES.includes(g.role));

export function doesCasework(actor: Actor): boolean {
  return caseworkGrants(actor).length > 0;
}

/** The units the actor's casework grants sit on (candidates for the default sub-project). */
export function caseworkUnitIds(actor: Actor): string[] {
  return [...new Set(caseworkGrants(actor).map((g) => g.unitId))];
}

/** Whether the actor may record consultations (and group events) for this unit: a sub-project of theirs. */
export function canCounselIn(actor: Actor, unit: { type: string; path: string }): boolean {
  return unit.type === "sub_project" && hasRoleAt(actor.grants, CASEWORK_ROLES, unit.path);
}

export function consultationAbilities(
  actor: Actor,
  input: { clientVia: "casework" | "break_glass"; unit: { type: string; path: string } | null; fieldOfAction: string | null },
): ConsultationAbilities {
  const update = input.clientVia === "casework" && input.unit !== null && canCounselIn(actor, input.unit);
  return { update, requestSupport: update && input.fieldOfAction === "faire_integration" };
}

/**
 * Group information events hold counts, no personal data. Casework roles of the sub-project
 * record and change them; besides them, state coordination and monitoring read the list of
 * their subtree (for reporting). Administrators and the federal role do not: they see the
 * aggregate statistics of the monitoring module instead.
 */
const GROUP_EVENT_READERS: readonly Role[] = [...CASEWORK_ROLES, "state_coordination", "monitoring"];

export function canReadGroupEventsOf(actor: Actor, unitPath: string): boolean {
  return hasRoleAt(actor.grants, GROUP_EVENT_READERS, unitPath);
}

/**
 * Second-level support: the question is asked by whoever may change the Faire Integration
 * consultation (`consultationAbilities(…).requestSupport`); it is read and answered by the
 * casework roles of the support team unit, who see the legal matter but never the client.
 */
export function answersSupportFor(actor: Actor, supportUnitPath: string): boolean {
  return hasRoleAt(actor.grants, CASEWORK_ROLES, supportUnitPath);
}
