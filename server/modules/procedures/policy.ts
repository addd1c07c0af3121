import type { ProcedureAbilities } from "../../../common/contracts/procedures.js";
import { hasRoleAnywhere, type Role } from "../../../common/domain/roles.js";
import type { Actor } from "../../platform/actor.js";
import type { ClientAccess } from "../clients/service.js";

/**
 * Who may do what with recognition procedures. A procedure belongs to its client's file: the
 * clients module decides whether the actor reaches the client at all (withClientAccess: casework
 * in the owning sub-project, or a break-the-glass access for reading), these rules decide what
 * the actor may do with it once there.
 */
const CASEWORK_ROLES: readonly Role[] = ["counselor", "sub_project_lead"];

/** Roles without casework anywhere (coordination, monitoring, federal, admin) never open a file: 403. */
export function doesCasework(actor: Actor): boolean {
  return hasRoleAnywhere(actor.grants, CASEWORK_ROLES);
}

/** Reading: casework in the owning sub-project, or a justified (break-the-glass) access. */
export function canReadProcedures(_actor: Actor, access: ClientAccess): boolean {
  return access.via === "casework" || access.via === "break_glass";
}

/** Changing: casework in the owning sub-project only (a justified access is for looking). */
export function canChangeProcedures(_actor: Actor, access: ClientAccess): boolean {
  return access.via === "casework";
}

/** What the UI may offer; after erasure nothing changes any more (the service answers 409). */
export function procedureAbilities(actor: Actor, access: ClientAccess): ProcedureAbilities {
  const change = canChangeProcedures(actor, access) && access.erasedAt === null;
  return { update: change, editDocuments: change };
}
