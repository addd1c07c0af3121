import type { UnitAbilities } from "../../../common/contracts/directory.js";
import { hasRoleAnywhere, pathCovers, type RoleGrant } from "../../../common/domain/roles.js";
import { publicTopicOf, type UnitType } from "../../../common/domain/units.js";
import type { Actor } from "../../platform/actor.js";

/**
 * Who may see and change which units of the network tree. Pure functions of the actor's
 * grants and the unit; a grant holds for its unit and the subtree below it.
 */
export type UnitLike = { id: string; path: string; type: UnitType; closedOn: string | null };
export type UnitAction = "update" | "move" | "close" | "reopen" | "createChild";

const ancestorIds = (path: string) => path.split("/");

/** A grant sees its subtree, and its ancestors for breadcrumbs; a root grant sees everything. */
export function canSeeUnit(actor: Actor, unit: UnitLike): boolean {
  return actor.grants.some((g) => pathCovers(g.unitPath, unit.path) || ancestorIds(g.unitPath).includes(unit.id));
}

/**
 * The same rule as a set for SQL: everything, or "below one of these paths, or one of these
 * ids" (the granted units and their ancestors).
 */
export type UnitScope = { all: true } | { all: false; subtreePaths: string[]; ids: string[] };
export function visibleScope(actor: Actor): UnitScope {
  if (actor.grants.some((g) => !g.unitPath.includes("/"))) return { all: true };
  const paths = [...new Set(actor.grants.map((g) => g.unitPath))];
  const subtreePaths = paths.filter((p) => !paths.some((q) => q !== p && pathCovers(q, p)));
  const ids = [...new Set(paths.flatMap(ancestorIds))];
  return { all: false, subtreePaths, ids };
}

/** One rule per role: may this grant perform the action on the unit it covers? */
const rules: Record<RoleGrant["role"], (grant: RoleGrant, unit: UnitLike, action: UnitAction) => boolean> = {
  administrator: () => true,
  // Runs its state network (and below) but may not move or close the network it is granted on.
  state_coordination: (grant, unit, action) =>
    !(grant.unitId === unit.id && (action === "move" || action === "close" || action === "reopen")),
  // Updates its own sub-project, creates its sites and updates, closes and reopens them.
  sub_project_lead: (grant, unit, action) => {
    if (grant.unitId === unit.id) return unit.type === "sub_project" && (action === "update" || action === "createChild");
    return unit.type === "site" && (action === "update" || action === "close" || action === "reopen");
  },
  counselor: () => false,
  monitoring: () => false,
  federal: () => false,
};

/** Role-wise permission, before the state of the unit is considered. */
export function mayManage(actor: Actor, unit: UnitLike, action: UnitAction): boolean {
  if (unit.type === "federal" && action !== "update" && action !== "createChild") return false;
  return actor.grants.some((g) => pathCovers(g.unitPath, unit.path) && rules[g.role](g, unit, action));
}

/** What the caller may do with the unit now (role and state), shipped with every unit. */
export function unitAbilities(actor: Actor, unit: UnitLike): UnitAbilities {
  const open = unit.closedOn === null;
  return {
    update: mayManage(actor, unit, "update"),
    move: open && mayManage(actor, unit, "move"),
    close: open && mayManage(actor, unit, "close"),
    reopen: !open && mayManage(actor, unit, "reopen"),
    createChild: open && mayManage(actor, unit, "createChild"),
  };
}

/** A decision for `authorize`: not visible → 404, visible but not allowed → 403. */
export function decide(actor: Actor, unit: UnitLike, action: UnitAction) {
  return { visible: canSeeUnit(actor, unit), allowed: mayManage(actor, unit, action) };
}

/** Moving needs the move right on the unit and the right to add children at the target. */
export function decideMove(actor: Actor, unit: UnitLike, target: UnitLike) {
  return {
    unit: decide(actor, unit, "move"),
    target: { visible: canSeeUnit(actor, target), allowed: mayManage(actor, target, "createChild") },
  };
}

/** Providers (Träger) are shared reference data: staff read them, managers may add one. */
export const canListProviders = (actor: Actor) => actor.grants.length > 0;
export const canCreateProvider = (actor: Actor) => hasRoleAnywhere(actor.grants, ["administrator", "state_coordination"]);

/**
 * The public (no sign-in) sees a site when its sub-project counsels the public (a public topic)
 * and the site is open; the repository only returns open sites. Addresses, hours and contact
 * details of such sites are published by the network anyway; nothing about staff or clients.
 */
export const isPublicSite = (site: { fieldOfAction: string | null }) => publicTopicOf(site.fieldOfAction) !== null;
