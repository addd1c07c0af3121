import { pathCovers, type Role } from "../../../common/domain/roles.js";
import type { Actor } from "../../platform/actor.js";

/**
 * Who reads which statistics (least privilege, decision 0007). Statistics are aggregates that
 * went through disclosure control and never lead to a person, so a read is not audited; but only
 * those steering a part of the network see its figures:
 * - monitoring and federal: the whole network (their grant is on the root);
 * - state coordination: their state network;
 * - sub-project leads: their sub-project.
 * Counselors and administrators get none: they work with cases and with the directory.
 */
const STATISTICS_ROLES: readonly Role[] = ["monitoring", "federal", "state_coordination", "sub_project_lead"];

/** The roots of the subtrees whose statistics the actor reads. */
export function statisticsScopes(actor: Actor): { unitId: string; unitPath: string }[] {
  const grants = actor.grants.filter((g) => STATISTICS_ROLES.includes(g.role));
  // Only the widest: a grant inside another one's subtree adds nothing.
  const widest = grants.filter((g) => !grants.some((o) => o.unitPath !== g.unitPath && pathCovers(o.unitPath, g.unitPath)));
  const unique = new Map(widest.map((g) => [g.unitPath, { unitId: g.unitId, unitPath: g.unitPath }]));
  return [...unique.values()];
}

export const readsStatistics = (actor: Actor): boolean => statisticsScopes(actor).length > 0;

export function canReadStatistics(actor: Actor, unitPath: string): boolean {
  return statisticsScopes(actor).some((s) => pathCovers(s.unitPath, unitPath));
}

/** The unit a report is about when the caller names none: their scope, if it is a single one. */
export function defaultStatisticsUnit(actor: Actor): string | null {
  const scopes = statisticsScopes(actor);
  return scopes.length === 1 ? scopes[0]!.unitId : null;
}

// --- Sonderanfragen (saved queries) -----------------------------------------------------------

/** A saved query as the policy sees it: its owner and with whom it is shared. */
export type SavedQueryAccess = {
  ownerId: string;
  sharing: "private" | "unit" | "national";
  /** Path of the share unit (sharing `unit`), resolved through the directory. */
  shareUnitPath: string | null;
};

/** The national team: monitoring and federal, the roles that steer the whole network. */
const NATIONAL_ROLES: readonly Role[] = ["monitoring", "federal"];
export const inNationalTeam = (actor: Actor) => actor.grants.some((g) => NATIONAL_ROLES.includes(g.role));

/**
 * Who sees a saved query. Only readers of statistics see any (a saved query is a report to be
 * run; others could not run it). Then:
 * - `private`: the owner only;
 * - `unit`: readers whose statistics scope lies in the share unit's subtree (a state
 *   coordination's query for its sub-project leads) or covers it (the national team, who read
 *   that network's figures anyway). The share unit is the owner's own statistics scope, so nobody
 *   shares beyond where they steer;
 * - `national`: the national team (monitoring, federal); this is how a state network or a
 *   sub-project hands a Sonderanfrage up.
 * Seeing a query never widens what its report shows: running it is the report endpoint with the
 * caller's own scope, so a unit outside it is the engine's normal 403.
 */
export function canSeeQuery(actor: Actor, query: SavedQueryAccess): boolean {
  if (!readsStatistics(actor)) return false;
  if (query.ownerId === actor.userId) return true;
  if (query.sharing === "national") return inNationalTeam(actor);
  if (query.sharing === "unit" && query.shareUnitPath) {
    const path = query.shareUnitPath;
    return statisticsScopes(actor).some((s) => pathCovers(path, s.unitPath) || pathCovers(s.unitPath, path));
  }
  return false;
}

/**
 * Who changes or deletes it: the owner, and for a shared query also the national monitoring
 * team, which looks after the catalogue of Sonderanfragen (renames, retires outdated ones).
 * A private query is nobody else's business.
 */
export function canManageQuery(actor: Actor, query: SavedQueryAccess): boolean {
  if (!canSeeQuery(actor, query)) return false;
  if (query.ownerId === actor.userId) return true;
  return query.sharing !== "private" && actor.grants.some((g) => g.role === "monitoring");
}

/** The unit a query shared with `unit` is visible in: the owner's scope that holds the query's unit. */
export function shareScopeFor(actor: Actor, unitPath: string | null): { unitId: string; unitPath: string } | null {
  const scopes = statisticsScopes(actor);
  if (unitPath) return scopes.find((s) => pathCovers(s.unitPath, unitPath)) ?? null;
  return scopes.length === 1 ? scopes[0]! : null;
}
