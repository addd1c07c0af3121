/** The roles of the network. A role is granted on a unit and holds for its whole subtree. */
export const roles = ["administrator", "state_coordination", "sub_project_lead", "counselor", "monitoring", "federal"] as const;
export type Role = (typeof roles)[number];

/**
 * Roles that may read personal data of Ratsuchende (in their scope). These need a second
 * factor in production. Monitoring and federal see pseudonymous / aggregate data only.
 */
export const rolesReadingPersonalData: ReadonlySet<Role> = new Set([
  "administrator",
  "state_coordination",
  "sub_project_lead",
  "counselor",
]);

export type RoleGrant = { role: Role; unitId: string; unitPath: string };

/** True when a grant on `grantPath` covers the unit at `unitPath` (same unit or below it). */
export function pathCovers(grantPath: string, unitPath: string): boolean {
  return unitPath === grantPath || unitPath.startsWith(`${grantPath}/`);
}

/** Roles the grants give at the unit with this path. */
export function rolesAt(grants: readonly RoleGrant[], unitPath: string): Set<Role> {
  const result = new Set<Role>();
  for (const g of grants) if (pathCovers(g.unitPath, unitPath)) result.add(g.role);
  return result;
}

export function hasRoleAt(grants: readonly RoleGrant[], wanted: readonly Role[], unitPath: string): boolean {
  return grants.some((g) => wanted.includes(g.role) && pathCovers(g.unitPath, unitPath));
}

export function hasRoleAnywhere(grants: readonly RoleGrant[], wanted: readonly Role[]): boolean {
  return grants.some((g) => wanted.includes(g.role));
}
