/** What the signed-in user may reach in the staff app, derived from the role grants. */
import type { Role, SessionUser } from "../api/types.js";

export type NavItem = "home" | "directory" | "users" | "audit" | "account";

const userAdminRoles: readonly Role[] = ["administrator", "state_coordination", "sub_project_lead"];

const hasRole = (user: SessionUser, roles: readonly Role[]) => user.grants.some((g) => roles.includes(g.role));

/** The audit trail is open to administrators on the federal root only (the server says 403 otherwise). */
const canSearchAudit = (user: SessionUser) => user.grants.some((g) => g.role === "administrator" && g.unitType === "federal");

const canAdministerUsers = (user: SessionUser) => hasRole(user, userAdminRoles);

export function navItemsFor(user: SessionUser): NavItem[] {
  const nav: NavItem[] = ["home", "directory"];
  if (canAdministerUsers(user)) nav.push("users");
  if (canSearchAudit(user)) nav.push("audit");
  nav.push("account");
  return nav;
}

export const navPaths: Record<NavItem, string> = {
  home: "/staff",
  directory: "/staff/directory",
  users: "/staff/users",
  audit: "/staff/audit",
  account: "/staff/account",
};
