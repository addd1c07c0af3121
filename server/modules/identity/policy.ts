import { pathCovers, type Role, type RoleGrant, roles } from "../../../common/domain/roles.js";
import type { UnitType } from "../../../common/domain/units.js";

/**
 * Who may manage which users and grant which roles where, as pure functions of the actor's
 * grants and the units involved. Scopes follow the network tree: a grant on a unit holds for
 * the unit and everything below it.
 */

type ActorLike = { userId: string; grants: readonly RoleGrant[] };
type UnitLike = { path: string; type: UnitType | string };
/** A user as far as the policy cares: id and active grants with the paths of their units. */
type TargetLike = { id: string; grants: readonly { role: Role; unitPath: string }[] };

/** On which kinds of unit each role can be granted. */
export const grantableUnitTypes: Record<Role, readonly UnitType[]> = {
  administrator: ["federal", "state_network", "expert_unit", "transfer_project", "support_team", "sub_project"],
  state_coordination: ["state_network"],
  sub_project_lead: ["sub_project"],
  counselor: ["sub_project"],
  monitoring: ["federal"],
  federal: ["federal"],
};

const NETWORK_WIDE: readonly Role[] = ["administrator", "monitoring", "federal"];

const isRootPath = (path: string) => !path.includes("/");

/** The roles one grant of the actor lets them hand out inside that grant's subtree. */
function rolesGrantableBy(grant: RoleGrant): readonly Role[] {
  switch (grant.role) {
    case "administrator":
      return isRootPath(grant.unitPath) ? roles : roles.filter((r) => !NETWORK_WIDE.includes(r));
    case "state_coordination":
      return ["sub_project_lead", "counselor"];
    case "sub_project_lead":
      return ["counselor"];
    default:
      return [];
  }
}

const MANAGING: readonly Role[] = ["administrator", "state_coordination", "sub_project_lead"];

/** The subtrees (unit paths) in which the actor manages users. Empty: manages nobody. */
export function managedPaths(actor: ActorLike): string[] {
  return actor.grants.filter((g) => MANAGING.includes(g.role)).map((g) => g.unitPath);
}

export const managesAnyUsers = (actor: ActorLike): boolean => managedPaths(actor).length > 0;

/** A root administrator sees every user, also those without any active grant. */
export const seesAllUsers = (actor: ActorLike): boolean => actor.grants.some((g) => g.role === "administrator" && isRootPath(g.unitPath));

/** The actor's grants allow handing out this role at a unit with this path (unit type not checked). */
function coversRoleAt(actor: ActorLike, role: Role, unitPath: string): boolean {
  return actor.grants.some((g) => pathCovers(g.unitPath, unitPath) && rolesGrantableBy(g).includes(role));
}

/** Roles the actor may grant on this unit, in the order of `roles`. */
export function grantableRoles(actor: ActorLike, unit: UnitLike): Role[] {
  return roles.filter(
    (role) => (grantableUnitTypes[role] as readonly string[]).includes(unit.type) && coversRoleAt(actor, role, unit.path),
  );
}

/** The role fits the kind of unit at all (independent of who asks). */
export const roleFitsUnit = (role: Role, unit: UnitLike): boolean => (grantableUnitTypes[role] as readonly string[]).includes(unit.type);

/** Visible: the actor themself, or a user with a grant inside a subtree the actor manages. */
export function canSeeUser(actor: ActorLike, target: TargetLike): boolean {
  if (target.id === actor.userId || seesAllUsers(actor)) return true;
  const paths = managedPaths(actor);
  return target.grants.some((g) => paths.some((p) => pathCovers(p, g.unitPath)));
}

/**
 * Change or disable a user: never oneself, and only when the actor could have granted every
 * role the user holds (a state coordination cannot disable a federal administrator who also
 * happens to counsel in Berlin).
 */
export function canManageUser(actor: ActorLike, target: TargetLike): boolean {
  if (target.id === actor.userId) return false;
  if (target.grants.length === 0) return seesAllUsers(actor);
  return target.grants.every((g) => coversRoleAt(actor, g.role, g.unitPath));
}

/** Grant a role on a unit to a user: never to oneself, only within the actor's scope. */
export function canGrantRole(actor: ActorLike, target: { id: string }, role: Role, unit: UnitLike): boolean {
  return target.id !== actor.userId && coversRoleAt(actor, role, unit.path);
}

/** Revoke a grant: never one's own, only what the actor could have granted there. */
export function canRevokeGrant(actor: ActorLike, target: { id: string }, grant: { role: Role; unitPath: string }): boolean {
  return target.id !== actor.userId && coversRoleAt(actor, grant.role, grant.unitPath);
}

/** Create a user with a first grant: the same rule as granting that role there. */
export const canCreateUser = (actor: ActorLike, role: Role, unit: UnitLike): boolean => coversRoleAt(actor, role, unit.path);

export function userAbilities(actor: ActorLike, target: TargetLike) {
  const manage = canManageUser(actor, target);
  return {
    update: manage,
    disable: manage,
    grantRoles: target.id !== actor.userId && actor.grants.some((g) => rolesGrantableBy(g).length > 0),
  };
}
