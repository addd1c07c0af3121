/** What the signed-in user may reach in the staff app, derived from the role grants. */
import type { Role, SessionUser } from "../api/types.js";

export type NavItem = "home" | "clients" | "directory" | "users" | "audit" | "account";

const userAdminRoles: readonly Role[] = ["administrator", "state_coordination", "sub_project_lead"];

/** Roles that work with Ratsuchende (the server's CASEWORK_ROLES). */
const caseworkRoles: readonly Role[] = ["counselor", "sub_project_lead"];

const hasRole = (user: SessionUser, roles: readonly Role[]) => user.grants.some((g) => roles.includes(g.role));

/** The audit trail is open to administrators on the federal root only (the server says 403 otherwise). */
const canSearchAudit = (user: SessionUser) => user.grants.some((g) => g.role === "administrator" && g.unitType === "federal");

const canAdministerUsers = (user: SessionUser) => hasRole(user, userAdminRoles);

export const doesCasework = (user: SessionUser) => hasRole(user, caseworkRoles);

/** The units where the user records clients: those of the casework grants. */
export const caseworkUnits = (user: SessionUser) => [
  ...new Map(user.grants.filter((g) => caseworkRoles.includes(g.role)).map((g) => [g.unitId, g])).values(),
];

export function navItemsFor(user: SessionUser): NavItem[] {
  const nav: NavItem[] = ["home"];
  if (doesCasework(user)) nav.push("clients");
  nav.push("directory");
  if (canAdministerUsers(user)) nav.push("users");
  if (canSearchAudit(user)) nav.push("audit");
  nav.push("account");
  return nav;
}

export const navPaths: Record<NavItem, string> = {
  home: "/staff",
  clients: "/staff/clients",
  directory: "/staff/directory",
  users: "/staff/users",
  audit: "/staff/audit",
  account: "/staff/account",
};
