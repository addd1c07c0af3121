/** What the signed-in user may reach in the staff app, derived from the role grants. */
import type { Role, SessionUser } from "../api/types.js";

export type NavItem =
  | "home"
  | "clients"
  | "tasks"
  | "referrals"
  | "requests"
  | "caseload"
  | "appointments"
  | "availability"
  | "groupEvents"
  | "supportRequests"
  | "directory"
  | "monitoring"
  | "users"
  | "audit"
  | "feedback"
  | "monitoringQueries"
  | "account";

const userAdminRoles: readonly Role[] = ["administrator", "state_coordination", "sub_project_lead"];

/** Roles that work with Ratsuchende (the server's CASEWORK_ROLES). */
const caseworkRoles: readonly Role[] = ["counselor", "sub_project_lead"];

/** Roles that read statistics (the server's monitoring/policy.ts: STATISTICS_ROLES). */
const statisticsRoles: readonly Role[] = ["monitoring", "federal", "state_coordination", "sub_project_lead"];

const hasRole = (user: SessionUser, roles: readonly Role[]) => user.grants.some((g) => roles.includes(g.role));

/** The audit trail and reported barriers are open to administrators on the federal root only (the server says 403 otherwise). */
const isNetworkAdministrator = (user: SessionUser) => user.grants.some((g) => g.role === "administrator" && g.unitType === "federal");

const canAdministerUsers = (user: SessionUser) => hasRole(user, userAdminRoles);

export const readsStatistics = (user: SessionUser) => hasRole(user, statisticsRoles);

export const doesCasework = (user: SessionUser) => hasRole(user, caseworkRoles);

/** The units where the user records clients: those of the casework grants. */
export const caseworkUnits = (user: SessionUser) => [
  ...new Map(user.grants.filter((g) => caseworkRoles.includes(g.role)).map((g) => [g.unitId, g])).values(),
];

/** Group information events are recorded in sub-projects: casework there. */
const recordsGroupEvents = (user: SessionUser) => caseworkUnits(user).some((g) => g.unitType === "sub_project");

/**
 * Appointments are booked at sites, below sub-projects: casework on a sub-project or a site
 * (the server's canReadCalendar and canSeeBookingSetup ask for counselor or lead on the site).
 */
const keepsAppointments = (user: SessionUser) => caseworkUnits(user).some((g) => g.unitType === "sub_project" || g.unitType === "site");

/** The support team's queue: casework on a unit of type support_team (the server's answersSupportFor). */
const answersSupport = (user: SessionUser) => caseworkUnits(user).some((g) => g.unitType === "support_team");

export function navItemsFor(user: SessionUser): NavItem[] {
  const nav: NavItem[] = ["home"];
  if (doesCasework(user)) nav.push("clients", "tasks", "requests", "referrals", "caseload");
  if (recordsGroupEvents(user)) nav.push("groupEvents");
  if (keepsAppointments(user)) nav.push("appointments", "availability");
  if (answersSupport(user)) nav.push("supportRequests");
  nav.push("directory");
  if (readsStatistics(user)) nav.push("monitoring", "monitoringQueries");
  if (canAdministerUsers(user)) nav.push("users");
  if (isNetworkAdministrator(user)) nav.push("audit", "feedback");
  nav.push("account");
  return nav;
}

export const navPaths: Record<NavItem, string> = {
  home: "/staff",
  clients: "/staff/clients",
  directory: "/staff/directory",
  monitoring: "/staff/monitoring",
  users: "/staff/users",
  audit: "/staff/audit",
  feedback: "/staff/feedback",
  account: "/staff/account",
  groupEvents: "/staff/group-events",
  supportRequests: "/staff/support-requests",
  tasks: "/staff/tasks",
  referrals: "/staff/referrals",
  requests: "/staff/requests",
  caseload: "/staff/caseload",
  appointments: "/staff/appointments",
  availability: "/staff/availability",
  monitoringQueries: "/staff/monitoring/queries",
};

/** Items whose texts live with their area's i18n keys rather than under staff.nav / staff.home.describe. */
const navTextKeys: Partial<Record<NavItem, { label: string; describe: string }>> = {
  groupEvents: { label: "groupEvents.nav", describe: "groupEvents.describe" },
  monitoring: { label: "monitoringDashboard.nav", describe: "monitoringDashboard.describe" },
  supportRequests: { label: "consultations.queue.nav", describe: "consultations.queue.describe" },
  tasks: { label: "tasks.nav", describe: "tasks.describe" },
  referrals: { label: "referrals.nav", describe: "referrals.describe" },
  requests: { label: "requests.nav", describe: "requests.describe" },
  caseload: { label: "caseload.nav", describe: "caseload.describe" },
  appointments: { label: "appointments.calendar.nav", describe: "appointments.calendar.describe" },
  availability: { label: "appointments.availability.nav", describe: "appointments.availability.describe" },
  monitoringQueries: { label: "monitoringQueries.nav", describe: "monitoringQueries.describe" },
};

/** The i18n key of a navigation item's label. */
export const navLabelKey = (item: NavItem) => navTextKeys[item]?.label ?? `staff.nav.${item}`;

/** The i18n key of a navigation item's description on the home page. */
export const navDescriptionKey = (item: NavItem) => navTextKeys[item]?.describe ?? `staff.home.describe.${item}`;
